import type { EntityManager } from 'typeorm';
import { assertFileWritable, type CaseState } from '../domain/case-workflow.js';

/**
 * Refuses a change to a document or handling record of an archived case. FOR SHARE waits for a
 * transition under way on the case (it holds FOR UPDATE), so nothing slips in while it is archived.
 */
export async function assertCaseFileOpen(em: EntityManager, caseId: number | string | null | undefined): Promise<void> {
  if (caseId == null || caseId === '') return;
  const [row] = (await em.query('SELECT state FROM petition_case WHERE id = $1 FOR SHARE', [Number(caseId)])) as {
    state: CaseState;
  }[];
  if (row) assertFileWritable(row.state);
}
