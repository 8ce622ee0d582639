import { In, type EntityManager } from 'typeorm';
import { describeDaysLeft, nextDeadline } from '../domain/case-deadlines.js';
import { enumLabel } from '../domain/vocabulary.js';
import { PetitionCase } from '../entities/petition-case.js';
import columns from './case-export.columns.json' with { type: 'json' };
import { buildSheet, columnsOf, type ColumnTable, type RowOf } from './agent-workbook.js';
import { caseFacts } from './case-workflow.js';
import { LEGAL_SCHEDULE } from './legal-schedule.js';

// The register a petition office keeps (信访登记簿): who, what, where, who handles it, and where it stands.
// No ID number, phone or address: a register is read and passed around, the case page holds those.
const COLUMNS = columns satisfies ColumnTable;
type RegisterRow = RowOf<typeof COLUMNS>;

/**
 * The cases `caseIds` (already access-filtered, in list order) as the office's register in .xlsx, with the
 * next deadline as the case list shows it on `today`. Read a thousand cases at a time, each batch written
 * out before the next is read.
 */
export async function buildCaseRegister(
  em: EntityManager,
  caseIds: number[],
  opts: { today: string },
): Promise<Buffer> {
  return buildSheet('案件登记簿', columnsOf(COLUMNS), registerRows(em, caseIds, opts.today));
}

const BATCH = 1000;

async function* registerRows(em: EntityManager, caseIds: number[], today: string): AsyncGenerator<RegisterRow> {
  for (let from = 0; from < caseIds.length; from += BATCH) {
    const ids = caseIds.slice(from, from + BATCH);
    const cases = await em.find(PetitionCase, { where: { id: In(ids) } });
    const names = new Map<string, string>();
    const rows: { key: string; name: string }[] = await em.query(
      `SELECT 'o' || id AS key, name FROM organization WHERE id = ANY($1::int[])
        UNION ALL SELECT 'a' || id, name FROM agent WHERE id = ANY($2::int[])`,
      [cases.flatMap((c) => [c.countyId, c.townshipId ?? 0]), cases.map((c) => c.agentId ?? 0)],
    );
    for (const r of rows) names.set(r.key, r.name);
    const byId = new Map(cases.map((c) => [c.id, c]));
    for (const id of ids) {
      const c = byId.get(id);
      if (!c) continue;
      const next = nextDeadline(caseFacts(c), today, LEGAL_SCHEDULE);
      yield {
        caseNo: c.caseNo,
        petitionerName: c.petitionerName,
        subject: c.subject,
        category: enumLabel('case_category', c.category),
        source: enumLabel('case_source', c.source),
        county: names.get(`o${c.countyId}`) ?? '',
        township: names.get(`o${c.townshipId}`) ?? '',
        agent: names.get(`a${c.agentId}`) ?? '',
        acceptedOn: c.acceptedOn,
        state: enumLabel('case_state', c.state),
        nextDeadline: next ? `${next.due} ${next.short}` : '',
        daysLeft: next ? describeDaysLeft(next.daysLeft) : '',
        concludedOn: c.concludedOn ?? '',
        replyIssuedOn: c.replyIssuedOn ?? '',
        archivedOn: c.archivedOn ?? '',
        archiveNo: c.archiveNo ?? '',
      };
    }
  }
}
