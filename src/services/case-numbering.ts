import type { EntityManager } from 'typeorm';
import { caseNoPrefix, formatCaseNo } from '../domain/case-number.js';

/**
 * The next case number of a county and year, gap-free. A transaction-scoped advisory lock per
 * county and year serialises concurrent creations; it is released when the transaction ends.
 */
export async function nextCaseNo(em: EntityManager, countyId: number, acceptedOn: string): Promise<string> {
  const year = Number(acceptedOn.slice(0, 4));
  await em.query('SELECT pg_advisory_xact_lock($1, $2)', [countyId, year]);
  const [county] = await em.query('SELECT coalesce(short_name, name) AS short FROM organization WHERE id = $1', [countyId]);
  const prefix = caseNoPrefix(county.short, year);
  const [{ last }] = await em.query(
    `SELECT coalesce(max(substring(case_no FROM length($1) + 1)::int), 0) AS last
       FROM petition_case WHERE county_id = $2 AND case_no LIKE $1 || '%'`,
    [prefix, countyId],
  );
  return formatCaseNo(county.short, year, Number(last) + 1);
}
