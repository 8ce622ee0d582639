import type { EntityManager } from 'typeorm';
import type { FieldProblems } from '../domain/errors.js';
import { enumLabel } from '../domain/vocabulary.js';
import { normalizeIdNumber } from '../domain/id-number.js';
import { repeatOfProblems } from '../domain/petition-case-rules.js';

export interface EarlierCase {
  id: number;
  caseNo: string;
  acceptedOn: string;
  state: string;
  subject: string;
}

/**
 * 重复信访: the cases a petitioner brought before, by her ID number, else by her name and phone together
 * (a name alone is shared by too many), within `countyId` when given (a county's staff see their own).
 */
export async function earlierCases(
  em: Pick<EntityManager, 'query'>,
  who: { idNumber?: string | null; name?: string | null; phone?: string | null; excludeId?: number | null },
  countyId: number | null,
): Promise<EarlierCase[]> {
  const idNumber = who.idNumber?.trim() ? normalizeIdNumber(who.idNumber) : null;
  const name = who.name?.trim() || null;
  const phone = who.phone?.trim() || null;
  if (!idNumber && !(name && phone)) return [];
  const rows: { id: number; case_no: string; accepted_on: string; state: string; subject: string }[] = await em.query(
    `SELECT id, case_no, to_char(accepted_on, 'YYYY-MM-DD') AS accepted_on, state::text AS state, subject
       FROM petition_case
      WHERE voided_at IS NULL AND ($4::int IS NULL OR id <> $4) AND ($5::int IS NULL OR county_id = $5)
        AND (petitioner_id_number = $1 OR ($1::text IS NULL AND petitioner_name = $2 AND petitioner_phone = $3))
      ORDER BY accepted_on DESC, id DESC LIMIT 10`,
    [idNumber, name, phone, who.excludeId ?? null, countyId],
  );
  return rows.map((r) => ({
    id: r.id,
    caseNo: r.case_no,
    acceptedOn: r.accepted_on,
    state: enumLabel('case_state', r.state),
    subject: r.subject,
  }));
}

/**
 * The earlier case a case form marks as repeated (重复信访), checked against the case: another case,
 * received no later. The reference rules of the form have checked its county and void state.
 */
export async function repeatProblems(
  em: Pick<EntityManager, 'query'>,
  values: { repeatOfId?: unknown; acceptedOn?: unknown },
  before: { id?: unknown; acceptedOn?: unknown } | null,
): Promise<FieldProblems> {
  if (values.repeatOfId == null || values.repeatOfId === '') return {};
  const earlierId = Number(values.repeatOfId);
  const [earlier]: { id: number; case_no: string; accepted_on: string }[] = Number.isSafeInteger(earlierId)
    ? await em.query(
        `SELECT id, case_no, to_char(accepted_on, 'YYYY-MM-DD') AS accepted_on FROM petition_case WHERE id = $1`,
        [earlierId],
      )
    : [];
  const acceptedOn = values.acceptedOn ?? before?.acceptedOn;
  return repeatOfProblems(
    earlier ? { id: earlier.id, caseNo: earlier.case_no, acceptedOn: earlier.accepted_on } : null,
    {
      id: before?.id == null ? null : Number(before.id),
      acceptedOn: typeof acceptedOn === 'string' ? acceptedOn : null,
    },
  );
}

/**
 * 重复信访, the one definition the list filter, the 附件7 and the dashboard count: the database's
 * is_repeat_petition (a case the clerk marked as repeating an earlier one, or whose petitioner had an
 * earlier case in the same county by ID number; migration 1796186625143). `t` is the case row's alias.
 */
export function repeatPetitionSql(t: string): string {
  return `is_repeat_petition(${t}.id, ${t}.county_id, ${t}.accepted_on, ${t}.petitioner_id_number, ${t}.repeat_of_id)`;
}
