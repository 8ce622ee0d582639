import type { EntityManager } from 'typeorm';
import { countyScope, type Actor } from '../domain/access-policy.js';
import { REVIEW_REMINDER_DAYS } from '../domain/certificate-validity.js';
import { addDays } from '../domain/dates.js';

type Query = Pick<EntityManager, 'query'>;

export type ReviewDueFilter = 'overdue' | 'due_soon' | 'due_or_overdue';
export const REVIEW_DUE_FILTERS: ReviewDueFilter[] = ['due_or_overdue', 'overdue', 'due_soon'];

const CONDITIONS: Record<ReviewDueFilter, string> = {
  overdue: 'review_due_on < :today',
  due_soon: 'review_due_on BETWEEN :today AND :soon',
  due_or_overdue: 'review_due_on <= :soon',
};

/**
 * A reminder filter as a TypeORM condition on review_due_on of reporting.certificate_standing, with its
 * named parameters (dates as of `today`); null for an unknown filter value.
 */
export function reviewDueCondition(
  filter: string,
  today: string,
): { sql: string; params: { today: string; soon: string } } | null {
  if (!(REVIEW_DUE_FILTERS as string[]).includes(filter)) return null;
  return { sql: CONDITIONS[filter as ReviewDueFilter], params: { today, soon: addDays(today, REVIEW_REMINDER_DAYS) } };
}

export interface DueCertificate {
  certificateId: number;
  number: string;
  agentName: string;
  countyName: string;
  townshipName: string;
  reviewDueOn: string;
  daysToReview: number;
}

/** Certificates whose yearly review is overdue or due within 30 days, most urgent first, in the actor's reach. */
export async function certificatesDueForReview(
  em: Query,
  actor: Actor,
  today: string,
  limit = 10,
): Promise<{ total: number; rows: DueCertificate[] }> {
  const county = countyScope(actor);
  const where = `s.review_due_on <= $1::date + ${REVIEW_REMINDER_DAYS} AND ($2::int IS NULL OR s.county_id = $2)`;
  const [{ total }] = await em.query(
    `SELECT count(*)::int AS total FROM reporting.certificate_standing s WHERE ${where}`,
    [today, county],
  );
  const rows: {
    certificate_id: number;
    number: string;
    agent_name: string;
    county_name: string;
    township_name: string;
    review_due_on: string;
    days_to_review: number;
  }[] = await em.query(
    `SELECT s.certificate_id, s.number, a.name AS agent_name, co.name AS county_name, t.name AS township_name,
            s.review_due_on::text AS review_due_on, (s.review_due_on - $1::date) AS days_to_review
       FROM reporting.certificate_standing s
       JOIN agent a ON a.id = s.agent_id
       JOIN organization co ON co.id = s.county_id
       JOIN organization t ON t.id = s.township_id
      WHERE ${where}
      ORDER BY s.review_due_on, s.number
      LIMIT ${Number(limit)}`,
    [today, county],
  );
  return {
    total,
    rows: rows.map((r) => ({
      certificateId: r.certificate_id,
      number: r.number,
      agentName: r.agent_name,
      countyName: r.county_name,
      townshipName: r.township_name,
      reviewDueOn: r.review_due_on,
      daysToReview: r.days_to_review,
    })),
  };
}
