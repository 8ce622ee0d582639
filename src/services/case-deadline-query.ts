import type { EntityManager } from 'typeorm';
import { nextDeadline, type DeadlineFacts, type NextDeadline } from '../domain/case-deadlines.js';
import { CASE_POLICY } from '../domain/case-policy.js';
import { addDays } from '../domain/dates.js';
import { LEGAL_SCHEDULE } from './legal-schedule.js';

/**
 * The due day of a case's earliest deadline the office must meet (openDeadlines, actionable ones, on the
 * legal calendar), as SQL on petition_case aliased `alias`, so lists can filter and count in the database:
 * the stored petition_case.action_due_on, which a trigger keeps through reporting.end_of_period with
 * CASE_POLICY's day counts (migrations/1796172159507_deadlines-on-legal-calendar.ts) and which the indexes
 * ix_petition_case_(county_)action_due hold. tests/case-deadlines-sql.test.ts checks it against the domain
 * on every demo case.
 */
export function actionableDueSql(alias: string): string {
  return `${alias}.action_due_on`;
}

export type DeadlineFilter = 'overdue' | 'due_soon';

export const DEADLINE_FILTERS: Record<DeadlineFilter, string> = {
  overdue: '已超期',
  due_soon: `即将到期（${CASE_POLICY.dueSoonDays}日内）`,
};

/** The SQL condition of a list filter on the due day `dueSql`, with named parameters (deadlineParams). */
export function deadlineFilterSql(filter: DeadlineFilter, dueSql: string): string {
  switch (filter) {
    case 'overdue':
      return `${dueSql} < CAST(:deadlineToday AS date)`;
    case 'due_soon':
      return `${dueSql} BETWEEN CAST(:deadlineToday AS date) AND CAST(:deadlineSoon AS date)`;
  }
}

export function deadlineParams(today: string): { deadlineToday: string; deadlineSoon: string } {
  return { deadlineToday: today, deadlineSoon: addDays(today, CASE_POLICY.dueSoonDays) };
}

export interface CaseWithDeadline {
  id: number;
  caseNo: string;
  subject: string;
  countyId: number;
  countyName: string;
  deadline: NextDeadline;
}

const DATE = (col: string) =>
  `to_char(c.${col}, 'YYYY-MM-DD') AS "${col.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase())}"`;

export interface DeadlineCounts {
  countyId: number;
  countyName: string;
  overdue: number;
  dueSoon: number;
}

/**
 * Per county, how many cases are overdue and how many fall due within CASE_POLICY.dueSoonDays: counted
 * in SQL on the indexed due day (petition_case.action_due_on), no row leaves the database.
 */
export async function deadlineCounts(
  em: EntityManager,
  countyId: number | null,
  today: string,
): Promise<DeadlineCounts[]> {
  const due = actionableDueSql('c');
  const rows: DeadlineCounts[] = await em.query(
    `SELECT c.county_id AS "countyId", o.name AS "countyName",
            count(*) FILTER (WHERE ${due} < $2::date)::int AS overdue, count(*) FILTER (WHERE ${due} >= $2::date)::int AS "dueSoon"
       FROM petition_case c JOIN organization o ON o.id = c.county_id
      WHERE ($1::int IS NULL OR c.county_id = $1) AND ${due} <= $3::date${voidedClause(em)}
      GROUP BY c.county_id, o.name`,
    [countyId, today, addDays(today, CASE_POLICY.dueSoonDays)],
  );
  return rows;
}

// voided (作废) cases are out of every list, when the column exists
let hasVoided: boolean | null = null;
function voidedClause(em: EntityManager): string {
  hasVoided ??= em.connection.getMetadata('petition_case').columns.some((c) => c.databaseName === 'voided_at');
  return hasVoided ? ' AND c.voided_at IS NULL' : '';
}

/**
 * The overdue and due-soon cases within `countyId` (null: all counties), most overdue first (at most
 * `limit`): selected in SQL, each deadline then computed by the domain.
 */
export async function casesNeedingAction(
  em: EntityManager,
  countyId: number | null,
  today: string,
  limit?: number,
): Promise<CaseWithDeadline[]> {
  const due = actionableDueSql('c');
  const rows: (Omit<CaseWithDeadline, 'deadline'> & DeadlineFacts)[] = await em.query(
    `SELECT c.id, c.case_no AS "caseNo", c.subject, c.county_id AS "countyId", o.name AS "countyName", c.state,
            c.extension_days AS "extensionDays",
            ${['accepted_on', 'acceptance_notified_on', 'concluded_on', 'reply_issued_on', 'review_requested_on', 'review_answered_on'].map(DATE).join(', ')}
       FROM petition_case c JOIN organization o ON o.id = c.county_id
      WHERE ($1::int IS NULL OR c.county_id = $1) AND ${due} <= $2::date${voidedClause(em)}
      ORDER BY ${due}, c.id${limit === undefined ? '' : ` LIMIT ${Math.trunc(limit)}`}`,
    [countyId, addDays(today, CASE_POLICY.dueSoonDays)],
  );
  return rows.flatMap((r) => {
    const deadline = nextDeadline(r, today, LEGAL_SCHEDULE);
    return deadline && deadline.urgency !== 'later'
      ? [{ id: r.id, caseNo: r.caseNo, subject: r.subject, countyId: r.countyId, countyName: r.countyName, deadline }]
      : [];
  });
}
