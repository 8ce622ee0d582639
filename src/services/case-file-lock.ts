import type { EntityManager } from 'typeorm';
import { assertFileWritable, caseFileDateProblem, type CaseState } from '../domain/case-workflow.js';
import type { FieldProblems } from '../domain/errors.js';

/**
 * Refuses a change to a document or handling record of an archived case. FOR SHARE waits for a
 * transition under way on the case (it holds FOR UPDATE), so nothing slips in while it is archived.
 */
export async function assertCaseFileOpen(em: EntityManager, caseId: unknown): Promise<void> {
  if (caseId == null || caseId === '') return;
  const [row] = (await em.query('SELECT state FROM petition_case WHERE id = $1 FOR SHARE', [Number(caseId)])) as {
    state: CaseState;
  }[];
  if (row) assertFileWritable(row.state);
}

/**
 * 一案一卷: the date of a handling record or a paper of the case's file, checked against the case's
 * acceptance date and today (see caseFileDateProblem); problems keyed by `field`.
 */
export async function caseFileDateProblems(
  em: EntityManager,
  values: Record<string, unknown>,
  field: string,
  label: string,
  today: string,
): Promise<FieldProblems> {
  const caseId = Number(values.caseId);
  if (!Number.isInteger(caseId) || values[field] == null || values[field] === '') return {};
  const [row] = (await em.query(
    "SELECT to_char(accepted_on, 'YYYY-MM-DD') AS accepted_on FROM petition_case WHERE id = $1",
    [caseId],
  )) as { accepted_on: string }[];
  const found = caseFileDateProblem(String(values[field]), row?.accepted_on, today, label);
  return found ? { [field]: found } : {};
}
