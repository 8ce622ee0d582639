import type { DataSource } from 'typeorm';
import type { Config } from '../../config.js';
import { CREATION_STANDARDS } from '../../domain/creation-standards.js';
import { syncReportingLookups } from '../../reports/reporting-lookups.js';
import { enableReportingLogin, REPORTING_ROLE } from '../../reports/reporting-role.js';
import { ENUM_LABELS } from '../locale/enums.js';

/**
 * At start: the warehouse's targets and Chinese labels follow the code, and the read-only role gets
 * its password (REPORTING_DB_PASSWORD). A database user without CREATEROLE only loses the latter.
 */
export async function prepareReporting(ds: DataSource, config: Config, log: (msg: string) => void): Promise<void> {
  await syncReportingLookups(ds, { standards: CREATION_STANDARDS, enumLabels: ENUM_LABELS });
  if (!config.reportingDbPassword) return;
  try {
    await enableReportingLogin(ds, config.reportingDbPassword);
  } catch (e) {
    log(
      `无法为只读角色 ${REPORTING_ROLE} 设置密码（需要 CREATEROLE 权限）: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}
