import type AdminJS from 'adminjs';
import express from 'express';
import type { DataSource } from 'typeorm';
import { can, countyScope } from '../../domain/access-policy.js';
import { writeAudit } from '../../services/audit.js';
import { buildCaseRegister } from '../../services/case-export.js';
import { earlierCases } from '../../services/repeat-petitions.js';
import { XLSX_TYPE } from '../../services/agent-workbook.js';
import { signedIn } from '../current-actor.js';
import { recordId } from '../scoped-resource.js';
import { sendDownload } from './download-headers.js';
import { listedRecordIds } from './listed-records.js';
import { refuse } from '../refusals.js';
import { chinaToday } from '../clock.js';

const EXPORT_LIMIT = 20_000;

/**
 * 导出Excel of the case list: the cases the list shows with its filters and order (a county's staff her
 * county's only), as the office's register. Audited like any export.
 */
export function caseRegisterRouter(admin: AdminJS, ds: DataSource): express.Router {
  const router = express.Router();
  router.get('/cases/register.xlsx', async (req, res, next) => {
    try {
      const actor = signedIn(req, res);
      if (!actor) return;
      if (!can(actor, 'read', 'PetitionCase')) return void refuse(res, 'FORBIDDEN', '无权导出案件');
      const { ids, filters } = await listedRecordIds(admin, 'PetitionCase', req, {
        limit: EXPORT_LIMIT,
        sortBy: 'acceptedOn',
        direction: 'desc',
      });
      const today = chinaToday();
      const body = await buildCaseRegister(ds.manager, ids, { today });
      await writeAudit(ds.manager, {
        actor,
        action: 'export',
        resource: 'PetitionCase',
        countyId: countyScope(actor),
        ip: req.ip,
        changes: { rows: ids.length, filters },
      });
      sendDownload(res, `信访代理案件登记簿-${today}.xlsx`, XLSX_TYPE, body);
    } catch (e) {
      next(e);
    }
  });
  // 重复信访: her earlier cases, shown on the new case's form before it is saved
  router.get('/cases/repeats.json', async (req, res, next) => {
    try {
      const actor = signedIn(req, res);
      if (!actor) return;
      if (!can(actor, 'write', 'PetitionCase')) return void refuse(res, 'FORBIDDEN', '无权登记案件');
      const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 60) : null);
      const cases = await earlierCases(
        ds.manager,
        {
          idNumber: text(req.query.idNumber),
          name: text(req.query.name),
          phone: text(req.query.phone),
          excludeId: recordId(req.query.exclude),
        },
        countyScope(actor),
      );
      res.setHeader('Cache-Control', 'private, no-store');
      res.json({ cases });
    } catch (e) {
      next(e);
    }
  });
  return router;
}
