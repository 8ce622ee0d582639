import type { DataSource, EntityManager } from 'typeorm';
import { can, type Actor } from '../domain/access-policy.js';
import { checkImportRows, missingColumns, type ImportPlaces, type RowProblem } from '../domain/agent-import.js';
import { DomainError } from '../domain/errors.js';
import { Agent } from '../entities/agent.js';
import { writeAudit } from './audit.js';
import { readImportSheet } from './agent-workbook.js';

export const MAX_IMPORT_ROWS = 2000;

export interface ImportOutcome {
  countyId: number;
  /** rows that would be (or were) written */
  rows: number;
  problems: RowProblem[];
  /** true when the agents were written; never partly */
  imported: boolean;
}

/** The county the rows go to: a county clerk's own; the city names one. */
export async function importCounty(
  em: Pick<EntityManager, 'query'>,
  actor: Actor,
  requested: number | null,
): Promise<number> {
  if (!can(actor, 'write', 'Agent')) throw new DomainError('FORBIDDEN', '无权导入代理员');
  if (actor.role === 'county_staff') return actor.countyId!;
  if (requested == null || !Number.isInteger(requested))
    throw new DomainError('COUNTY_REQUIRED', '请选择导入到哪个县（市、区）');
  const [county] = await em.query(`SELECT id FROM organization WHERE id = $1 AND level = 'county'`, [requested]);
  if (!county) throw new DomainError('COUNTY_REQUIRED', '所选县（市、区）不存在');
  return requested;
}

/** The county's townships and their villages, for matching the sheet's place names. */
export async function countyPlaces(em: Pick<EntityManager, 'query'>, countyId: number): Promise<ImportPlaces> {
  const rows: { id: number; name: string; level: string; parent_id: number | null }[] = await em.query(
    `SELECT id, name, level, parent_id FROM organization WHERE county_id = $1 AND level IN ('township', 'village') ORDER BY code`,
    [countyId],
  );
  return {
    townships: rows
      .filter((r) => r.level === 'township')
      .map((t) => ({
        id: t.id,
        name: t.name,
        villages: rows.filter((v) => v.parent_id === t.id).map((v) => ({ id: v.id, name: v.name })),
      })),
  };
}

/**
 * Checks an uploaded sheet and, unless `dryRun` or any row is bad, writes every agent in one
 * transaction: all rows or none.
 */
export async function importAgents(
  ds: DataSource,
  actor: Actor & { email?: string },
  file: Buffer,
  opts: { countyId: number | null; dryRun: boolean; today: string; ip?: string | null },
): Promise<ImportOutcome> {
  const countyId = await importCounty(ds.manager, actor, opts.countyId);
  const fail = (reasons: string[]): ImportOutcome => ({
    countyId,
    rows: 0,
    problems: [{ row: 1, reasons }],
    imported: false,
  });
  let sheet: Awaited<ReturnType<typeof readImportSheet>>;
  try {
    sheet = await readImportSheet(file);
  } catch {
    return fail(['无法读取该文件，请使用下载的模板，保存为 Excel（.xlsx）格式后再上传']);
  }
  const missing = missingColumns(sheet.headers);
  if (missing.length) return fail([`第1行缺少列：${missing.join('、')}（请使用下载的模板）`]);
  if (sheet.rows.length > MAX_IMPORT_ROWS) return fail([`一次最多导入${MAX_IMPORT_ROWS}行，请分批导入`]);

  return ds.transaction(async (em) => {
    const places = await countyPlaces(em, countyId);
    const idNumbers = sheet.rows.map((r) => r.idNumber.trim().toUpperCase()).filter(Boolean);
    const registered: { id_number: string }[] = await em.query(
      `SELECT id_number FROM agent WHERE id_number = ANY($1::text[])`,
      [idNumbers],
    );
    const { agents, problems } = checkImportRows(sheet.rows, {
      today: opts.today,
      places,
      registeredIdNumbers: new Set(registered.map((r) => r.id_number)),
    });
    const outcome: ImportOutcome = { countyId, rows: agents.length, problems, imported: false };
    if (problems.length || opts.dryRun) return outcome;
    const saved = await em.save(
      agents.map(({ row: _row, ...a }) =>
        em.create(Agent, { ...a, countyId, status: 'active', employer: null, remarks: null }),
      ),
    );
    await writeAudit(em, {
      actor,
      action: 'import',
      resource: 'Agent',
      countyId,
      ip: opts.ip ?? null,
      changes: { rows: saved.length, agentIds: saved.map((a) => a.id) },
    });
    return { ...outcome, imported: true };
  });
}
