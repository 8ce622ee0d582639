import { timingSafeEqual } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { can, type Actor } from '../domain/access-policy.js';
import { describeDaysLeft, nextDeadline } from '../domain/case-deadlines.js';
import { localDate } from '../domain/dates.js';
import { DomainError, FieldErrors } from '../domain/errors.js';
import { assertCurrent } from '../domain/record-version.js';
import { LEGAL_SCHEDULE } from './legal-schedule.js';
import {
  cleanComment,
  isRating,
  PETITIONER_VIEW_POLICY,
  RATING_LABELS,
  ratingLockedAt,
  ratingRefusal,
  reissueReasonProblem,
  stepsTaken,
  type Rating,
} from '../domain/petitioner-view.js';
import { writeAudit } from './audit.js';
import { caseFacts } from './case-workflow.js';
import { enumLabel } from '../domain/vocabulary.js';

// 《信访工作条例》第二十一条: what the petitioner sees with her case number and query code. Deliberately
// narrow: the state, the steps and their dates, the next deadline, the agent's name and the work point's
// phone — never her ID number, address, phone, the description, the outcome text or any paper.
export interface PublicCaseView {
  caseNo: string;
  countyName: string;
  workPointName: string;
  workPointPhone: string | null;
  category: string;
  state: string;
  stateLabel: string;
  steps: { label: string; on: string }[];
  /** `note`: why the due day moved off a rest day, or that a year's holiday schedule is not published */
  nextDeadline: { label: string; due: string; daysLeft: string; note: string | null } | null;
  agentName: string | null;
  rating: {
    rating: Rating;
    label: string;
    comment: string | null;
    ratedAt: Date;
    changeableUntil: Date;
  } | null;
  /** she may rate (or re-rate) now */
  canRate: boolean;
  /** why she may not rate now (RATING_NO_REPLY, RATING_LOCKED), null while she may */
  rateRefusal: DomainError | null;
}

const D = (col: string, as: string) => `to_char(c.${col}, 'YYYY-MM-DD') AS "${as}"`;
const CASE_SQL = `
  SELECT c.id, c.case_no, c.county_id, c.state::text AS state, c.category::text AS category,
         ${[
           ['accepted_on', 'acceptedOn'],
           ['acceptance_notified_on', 'acceptanceNotifiedOn'],
           ['agreement_signed_on', 'agreementSignedOn'],
           ['notified_on', 'notifiedOn'],
           ['representing_since', 'representingSince'],
           ['extension_notified_on', 'extensionNotifiedOn'],
           ['concluded_on', 'concludedOn'],
           ['reply_issued_on', 'replyIssuedOn'],
           ['review_requested_on', 'reviewRequestedOn'],
           ['review_answered_on', 'reviewAnsweredOn'],
           ['archived_on', 'archivedOn'],
           ['terminated_on', 'terminatedOn'],
         ]
           .map(([col, as]) => D(col, as))
           .join(', ')},
         c.extension_days AS "extensionDays",
         county.name AS county_name, wp.name AS work_point_name, wp.phone AS work_point_phone, a.name AS agent_name,
         q.code AS query_code,
         r.rating::text AS rating, r.comment AS rating_comment, r.rated_at, r.first_rated_at
    FROM petition_case c
    JOIN organization county ON county.id = c.county_id
    JOIN case_query_code q ON q.case_id = c.id
    LEFT JOIN work_point wp ON wp.county_id = c.county_id AND wp.voided_at IS NULL
    LEFT JOIN agent a ON a.id = c.agent_id
    LEFT JOIN case_rating r ON r.case_id = c.id`;

type CaseRow = {
  id: number;
  case_no: string;
  county_id: number;
  state: string;
  category: string;
  county_name: string;
  work_point_name: string | null;
  work_point_phone: string | null;
  agent_name: string | null;
  query_code: string;
  rating: Rating | null;
  rating_comment: string | null;
  rated_at: Date | null;
  first_rated_at: Date | null;
  extensionDays: number | null;
} & Record<`${string}On` | 'representingSince', string | null>;

// compared even when no case has the number, so that a wrong number costs what a wrong code costs
const DUMMY_CODE = 'ZZZZZZZZZZ';

function sameCode(stored: string | undefined, typed: string): boolean {
  const a = Buffer.from(stored ?? DUMMY_CODE);
  const b = Buffer.from(typed);
  return a.length === b.length && timingSafeEqual(a, b) && stored !== undefined;
}

/** The case with this number and this code, or null — the same null for a wrong number and a wrong code. */
async function findByNumberAndCode(
  em: Pick<EntityManager, 'query'>,
  caseNo: string,
  code: string,
  lock = false,
): Promise<CaseRow | null> {
  const [row]: CaseRow[] = await em.query(
    `${CASE_SQL} WHERE c.case_no = $1 AND c.voided_at IS NULL${lock ? ' FOR UPDATE OF c' : ''}`,
    [caseNo],
  );
  return sameCode(row?.query_code, code) ? row : null;
}

function toView(row: CaseRow, now: Date): PublicCaseView {
  const facts = caseFacts(row);
  const today = localDate(now);
  const next = nextDeadline(facts, today, LEGAL_SCHEDULE);
  const existing = row.rating ? { firstRatedAt: new Date(row.first_rated_at!) } : null;
  const refusal = ratingRefusal(facts, existing, now);
  return {
    caseNo: row.case_no,
    countyName: row.county_name,
    workPointName: row.work_point_name ?? `${row.county_name}妇女信访代理工作点`,
    workPointPhone: row.work_point_phone ?? null,
    category: enumLabel('case_category', row.category),
    state: row.state,
    stateLabel: enumLabel('case_state', row.state),
    steps: stepsTaken(facts),
    nextDeadline: next
      ? { label: next.label, due: next.due, daysLeft: describeDaysLeft(next.daysLeft), note: next.note }
      : null,
    agentName: row.agent_name ?? null,
    rating: row.rating
      ? {
          rating: row.rating,
          label: RATING_LABELS[row.rating],
          comment: row.rating_comment,
          ratedAt: new Date(row.rated_at!),
          changeableUntil: ratingLockedAt(existing!.firstRatedAt),
        }
      : null,
    canRate: refusal === null,
    rateRefusal:
      refusal === 'NO_REPLY'
        ? new DomainError('RATING_NO_REPLY')
        : refusal === 'LOCKED'
          ? new DomainError('RATING_LOCKED', `评价已超过${PETITIONER_VIEW_POLICY.ratingChangeDays}日修改期限，已锁定。`)
          : null,
  };
}

export interface QueryRequest {
  caseNo: string;
  code: string;
  ip: string | null;
  now: Date;
}

/** One query of the public page, audited whether it matched or not (the code itself is never written). */
export async function queryCase(em: EntityManager, q: QueryRequest): Promise<PublicCaseView | null> {
  const row = await findByNumberAndCode(em, q.caseNo, q.code);
  await writeAudit(em, {
    actor: null,
    action: row ? 'public_query' : 'public_query_failed',
    resource: 'PetitionCase',
    recordId: row?.id ?? null,
    countyId: row?.county_id ?? null,
    changes: row ? null : { caseNo: q.caseNo },
    ip: q.ip,
  });
  return row ? toView(row, q.now) : null;
}

export interface RateRequest extends QueryRequest {
  rating: unknown;
  comment: unknown;
}

export type RateOutcome =
  | { ok: true; view: PublicCaseView }
  | { ok: false; notFound: true }
  | { ok: false; notFound: false; refused: DomainError; view: PublicCaseView };

/**
 * Her rating (满意 / 基本满意 / 不满意, optional comment), once the reply opinion is issued; a new one
 * replaces it within 15 days of the first, then it is locked. One transaction with its audit row.
 */
export async function rateCase(manager: EntityManager, q: RateRequest): Promise<RateOutcome> {
  return manager.transaction(async (em) => {
    const row = await findByNumberAndCode(em, q.caseNo, q.code, true);
    if (!row) {
      await writeAudit(em, {
        actor: null,
        action: 'public_rate_failed',
        resource: 'PetitionCase',
        changes: { caseNo: q.caseNo },
        ip: q.ip,
      });
      return { ok: false, notFound: true };
    }
    const view = toView(row, q.now);
    const refuse = (refused: DomainError) => ({ ok: false as const, notFound: false as const, refused, view });
    if (!isRating(q.rating)) return refuse(new DomainError('RATING_CHOICE'));
    const comment = cleanComment(q.comment);
    if (comment === 'NOT_TEXT' || comment === 'TOO_LONG')
      return refuse(
        new DomainError('RATING_COMMENT', `意见请填写文字，不超过${PETITIONER_VIEW_POLICY.commentMaxLength}字`),
      );
    if (view.rateRefusal) return refuse(view.rateRefusal);
    await em.query(
      `INSERT INTO case_rating (case_id, rating, comment, first_rated_at, rated_at)
       VALUES ($1, $2, $3, $4, $4)
       ON CONFLICT (case_id) DO UPDATE SET rating = EXCLUDED.rating, comment = EXCLUDED.comment,
         rated_at = EXCLUDED.rated_at, times = case_rating.times + 1`,
      [row.id, q.rating, comment, q.now],
    );
    await writeAudit(em, {
      actor: null,
      action: row.rating ? 'public_rerate' : 'public_rate',
      resource: 'PetitionCase',
      recordId: row.id,
      countyId: row.county_id,
      changes: { rating: { before: row.rating ?? null, after: q.rating } },
      ip: q.ip,
    });
    const [fresh] = await em.query(`${CASE_SQL} WHERE c.id = $1`, [row.id]);
    return { ok: true, view: toView(fresh, q.now) };
  });
}

/** The code as the clerk prints it; null for a case she may not read (or without a code). */
export async function queryCodeOf(
  em: Pick<EntityManager, 'query'>,
  caseId: number,
): Promise<{ code: string; issuedAt: Date; reissues: number } | null> {
  const [row] = await em.query(
    'SELECT code, issued_at AS "issuedAt", reissues FROM case_query_code WHERE case_id = $1',
    [caseId],
  );
  return row ?? null;
}

/**
 * A new code for the case (the old one stops working at once), audited with the clerk's reason and
 * without either code. `expectedVersion` is the case page's version: a re-issue from an old page is refused.
 */
export async function reissueQueryCode(
  manager: EntityManager,
  cmd: { caseId: number; actor: (Actor & { email?: string }) | null; reason: unknown; expectedVersion?: unknown },
): Promise<string> {
  const reason = reissueReasonProblem(cmd.reason);
  if (reason) throw new FieldErrors({ reason });
  return manager.transaction(async (em) => {
    const [row] = await em.query(
      `SELECT id, county_id AS "countyId", voided_at AS "voidedAt", row_version AS "rowVersion"
         FROM petition_case WHERE id = $1 FOR UPDATE`,
      [cmd.caseId],
    );
    if (!row || !can(cmd.actor, 'read', 'PetitionCase', row))
      throw new DomainError('NOT_FOUND', '案件不存在或无权访问');
    if (!can(cmd.actor, 'write', 'PetitionCase', row)) throw new DomainError('FORBIDDEN', '无权办理该案件');
    assertCurrent(row, cmd.expectedVersion);
    const [issued] = await em.query(
      `INSERT INTO case_query_code (case_id, code, issued_by) VALUES ($1, new_query_code(), $2)
       ON CONFLICT (case_id) DO UPDATE SET code = EXCLUDED.code, issued_at = now(), issued_by = EXCLUDED.issued_by,
         reissues = case_query_code.reissues + 1
       RETURNING code`,
      [cmd.caseId, cmd.actor?.id ?? null],
    );
    await writeAudit(em, {
      actor: cmd.actor,
      action: 'reissue_query_code',
      resource: 'PetitionCase',
      recordId: cmd.caseId,
      countyId: row.countyId,
      changes: { reason: String(cmd.reason).trim() },
    });
    return issued.code as string;
  });
}

/** Her rating as the clerk sees it on the case. */
export async function caseRatingOf(
  em: Pick<EntityManager, 'query'>,
  caseId: number,
): Promise<{ rating: Rating; comment: string | null; ratedAt: Date; firstRatedAt: Date; times: number } | null> {
  const [row] = await em.query(
    `SELECT rating::text AS rating, comment, rated_at AS "ratedAt", first_rated_at AS "firstRatedAt", times
       FROM case_rating WHERE case_id = $1`,
    [caseId],
  );
  return row ?? null;
}

export interface DissatisfiedCase {
  id: number;
  caseNo: string;
  subject: string;
  countyId: number;
  countyName: string;
  ratedAt: Date;
  comment: string | null;
}

/**
 * The cases rated 不满意 since `since` (latest first, the first `limit`), and how many per county, in
 * `countyId`'s scope (null: all counties). Voided cases are left out.
 */
export async function dissatisfiedRatings(
  em: Pick<EntityManager, 'query'>,
  countyId: number | null,
  since: Date,
  limit: number,
): Promise<{ cases: DissatisfiedCase[]; perCounty: { countyId: number; countyName: string; count: number }[] }> {
  const where = `r.rating = 'dissatisfied' AND r.rated_at >= $2 AND c.voided_at IS NULL
                 AND ($1::int IS NULL OR c.county_id = $1)`;
  const cases: DissatisfiedCase[] = await em.query(
    `SELECT c.id, c.case_no AS "caseNo", c.subject, c.county_id AS "countyId", o.name AS "countyName",
            r.rated_at AS "ratedAt", r.comment
       FROM case_rating r JOIN petition_case c ON c.id = r.case_id JOIN organization o ON o.id = c.county_id
      WHERE ${where} ORDER BY r.rated_at DESC, c.id LIMIT $3`,
    [countyId, since, limit],
  );
  const perCounty = await em.query(
    `SELECT c.county_id AS "countyId", o.name AS "countyName", count(*)::int AS count
       FROM case_rating r JOIN petition_case c ON c.id = r.case_id JOIN organization o ON o.id = c.county_id
      WHERE ${where} GROUP BY c.county_id, o.name ORDER BY count DESC, c.county_id`,
    [countyId, since],
  );
  return { cases, perCounty };
}
