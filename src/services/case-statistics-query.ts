import { caseStatistics, type CaseFigures, type Period, type StatisticsCase } from '../domain/case-statistics.js';
import type { LateEntries } from '../domain/year-end-carry-over.js';
import { repeatPetitionSql } from './repeat-petitions.js';

/** an EntityManager, a DataSource, or any client that returns the rows */
type Query = { query(sql: string, params?: unknown[]): Promise<unknown> };

/** A case of reporting.case_facts as the figures read it (dates as text). */
interface StatisticsRow {
  category: string;
  source: string;
  is_key: boolean;
  in_joint_meeting: boolean;
  is_group: boolean;
  accepted_on: string;
  due_on: string;
  reply_due_on: string | null;
  representing_since: string | null;
  concluded_on: string | null;
  reply_issued_on: string | null;
  archived_on: string | null;
  terminated_on: string | null;
  review_requested_on: string | null;
  rating: StatisticsCase['rating'];
  is_repeat: boolean;
}

/**
 * The county's cases that can count in `period` — accepted, concluded, replied to or with a review
 * requested in it, and with `late`, those entered after `late.enteredAfter` and accepted from `late.from`
 * to the period's end — read from the warehouse (reporting.case_facts; the review request and her rating
 * from the case itself, which the view does not carry).
 */
export async function loadStatisticsCases(
  em: Query,
  countyId: number,
  period: Period,
  late?: LateEntries,
): Promise<StatisticsCase[]> {
  // the case's own entry in the register (petition_case.created_at): the frozen version saw the register then
  const lateSql = late ? `(pc.created_at > $4::timestamptz AND f.accepted_on BETWEEN $5 AND $3)` : 'false';
  const rows = (await em.query(
    `SELECT f.category, f.source, f.is_key, f.in_joint_meeting, f.is_group,
            f.accepted_on::text AS accepted_on, f.due_on::text AS due_on, f.reply_due_on::text AS reply_due_on, f.representing_since::text AS representing_since,
            f.concluded_on::text AS concluded_on, f.reply_issued_on::text AS reply_issued_on,
            f.archived_on::text AS archived_on, f.terminated_on::text AS terminated_on,
            pc.review_requested_on::text AS review_requested_on, r.rating::text AS rating,
            ${repeatPetitionSql('pc')} AS is_repeat, ${lateSql} AS entered_late
       FROM reporting.case_facts f
       JOIN petition_case pc ON pc.id = f.case_id
       LEFT JOIN case_rating r ON r.case_id = f.case_id
      WHERE f.county_id = $1
        AND (f.accepted_on BETWEEN $2 AND $3 OR f.concluded_on BETWEEN $2 AND $3 OR f.reply_issued_on BETWEEN $2 AND $3
             OR pc.review_requested_on BETWEEN $2 AND $3 OR ${lateSql})`,
    [countyId, period.from, period.to, ...(late ? [late.enteredAfter, late.from] : [])],
  )) as (StatisticsRow & { entered_late: boolean })[];
  return rows.map((r) => ({
    ...statisticsCaseOf(r, { handlingDueOn: r.due_on, replyDueOn: r.reply_due_on }),
    rating: r.rating,
    isRepeat: r.is_repeat,
    ...(r.entered_late && late ? { countedFrom: late.from } : {}),
  }));
}

/** A case's row (snake_case, dates as text) as the figures read it, with its deadlines as computed. */
export function statisticsCaseOf(
  r: Pick<
    StatisticsRow,
    | 'category'
    | 'source'
    | 'is_key'
    | 'in_joint_meeting'
    | 'is_group'
    | 'accepted_on'
    | 'representing_since'
    | 'concluded_on'
    | 'reply_issued_on'
    | 'archived_on'
    | 'terminated_on'
    | 'review_requested_on'
  >,
  due: Pick<StatisticsCase, 'handlingDueOn' | 'replyDueOn'>,
): StatisticsCase {
  return {
    category: r.category,
    source: r.source,
    isKey: r.is_key,
    inJointMeeting: r.in_joint_meeting,
    isGroup: r.is_group,
    acceptedOn: r.accepted_on,
    ...due,
    representingSince: r.representing_since,
    concludedOn: r.concluded_on,
    replyIssuedOn: r.reply_issued_on,
    archivedOn: r.archived_on,
    terminatedOn: r.terminated_on,
    reviewRequestedOn: r.review_requested_on,
  };
}

/** The county's figures for the period as known on `asOf`. */
export async function countyFigures(
  em: Query,
  countyId: number,
  period: Period,
  asOf: string,
  late?: LateEntries,
): Promise<CaseFigures> {
  return caseStatistics(await loadStatisticsCases(em, countyId, period, late), period, asOf);
}

export const yearPeriod = (year: number): Period => ({ from: `${year}-01-01`, to: `${year}-12-31` });
