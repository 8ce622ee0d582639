// 持证上岗 and 一年一审核 (平妇字〔2014〕17号, 创建标准 三): an agent may work only while her certificate is valid.
// A certificate is valid from the day the county issues it for one year; each passed yearly review starts a new
// year from the review day; a failed review suspends it from that day; revocation ends it from that day.
// The year is counted as 《民法典》第二百零一、二百零二条 count periods: the last day is the same date a year on,
// or the month's last day when that date does not exist (issued 2024-02-29 → valid until 2025-02-28).
// Validity is always computed from these dates, never stored. The SQL twin is the view
// reporting.certificate_standing (migrations/1764000150000_agents-certificates.ts); a test keeps them equal.
import { addDays, addYears, compareDates } from './dates.js';

import type { CertificateStatus, ReviewResult } from './vocabulary.js';

export interface CertificateDates {
  status: CertificateStatus;
  issuedOn: string | null;
  revokedOn: string | null;
}

export interface ReviewDates {
  reviewedOn: string;
  result: ReviewResult;
}

/** The validity term in years, counted from the issue or from the last passed review. */
export const VALIDITY_YEARS = 1;

/** Reviews that count on `day`: on or after the issue, up to and including `day`, in date order (a fail last on a tie). */
function reviewsUpTo(cert: CertificateDates, reviews: readonly ReviewDates[], day: string): ReviewDates[] {
  const issuedOn = cert.issuedOn;
  if (!issuedOn) return [];
  return reviews
    .filter((r) => compareDates(r.reviewedOn, issuedOn) >= 0 && compareDates(r.reviewedOn, day) <= 0)
    .sort(
      (a, b) =>
        compareDates(a.reviewedOn, b.reviewedOn) || (a.result === b.result ? 0 : a.result === 'failed' ? 1 : -1),
    );
}

/**
 * The day the current one-year term started, as seen on `day`: the issue or the last passed review;
 * null when the certificate is not issued, not yet issued on `day`, or its last review on or before `day` failed.
 */
function termStart(cert: CertificateDates, reviews: readonly ReviewDates[], day: string): string | null {
  if (cert.status === 'produced' || !cert.issuedOn || compareDates(day, cert.issuedOn) < 0) return null;
  const counted = reviewsUpTo(cert, reviews, day);
  const last = counted[counted.length - 1];
  if (!last) return cert.issuedOn;
  return last.result === 'passed' ? last.reviewedOn : null;
}

function revokedBy(cert: CertificateDates, day: string): boolean {
  if (cert.status !== 'revoked') return false;
  return !cert.revokedOn || compareDates(day, cert.revokedOn) >= 0;
}

/** The last day of the one-year term that runs on `day`; null when no term runs then (see certificateValidOn). */
export function certificateValidUntil(
  cert: CertificateDates,
  reviews: readonly ReviewDates[],
  day: string,
): string | null {
  if (revokedBy(cert, day)) return null;
  const start = termStart(cert, reviews, day);
  if (!start) return null;
  const until = addYears(start, VALIDITY_YEARS);
  if (cert.status === 'revoked' && cert.revokedOn && compareDates(until, cert.revokedOn) >= 0) {
    return addDays(cert.revokedOn, -1);
  }
  return until;
}

/** True when the agent may work on `day` under this certificate (持证上岗). */
export function certificateValidOn(cert: CertificateDates, reviews: readonly ReviewDates[], day: string): boolean {
  const until = certificateValidUntil(cert, reviews, day);
  return until !== null && compareDates(day, until) <= 0;
}

/**
 * The last day by which the next yearly review must be passed: the end of the latest term. Null for a
 * certificate that was never issued, is revoked, or whose latest review failed (it is suspended, not due).
 * Reviews after `day` are ignored, so the answer is what the office knew on `day`.
 * The legal calendar (legal-calendar.ts) does not move it: 一年一审核 is the federation's own yearly term, due
 * on the anniversary — a fixed date, not a period of days for an act — and the certificate's validity ends
 * with it. (The scorecard's 30 days of grace after it are a period, counted on the legal calendar in
 * reporting.county_measures.)
 */
export function reviewDueOn(cert: CertificateDates, reviews: readonly ReviewDates[], day: string): string | null {
  if (cert.status === 'produced' || cert.status === 'revoked' || !cert.issuedOn) return null;
  if (compareDates(day, cert.issuedOn) < 0) return null;
  const start = termStart(cert, reviews, day);
  return start ? addYears(start, VALIDITY_YEARS) : null;
}

export type ReviewUrgency = 'overdue' | 'due_soon' | 'not_due';

/** Review reminders look this many days ahead. */
export const REVIEW_REMINDER_DAYS = 30;

/** Overdue once the due day has passed; due soon within the next 30 days (the due day included). */
export function reviewUrgency(dueOn: string | null, today: string): ReviewUrgency {
  if (!dueOn) return 'not_due';
  if (compareDates(today, dueOn) > 0) return 'overdue';
  return compareDates(dueOn, addDays(today, REVIEW_REMINDER_DAYS)) <= 0 ? 'due_soon' : 'not_due';
}

export type StandingCode = 'valid' | 'expired' | 'suspended' | 'revoked' | 'not_issued';

export const STANDING_LABELS: Record<StandingCode, string> = {
  valid: '有效',
  expired: '已过期（未按期年审）',
  suspended: '暂停使用（年审不合格）',
  revoked: '已吊销',
  not_issued: '未发放',
};

/** Where the certificate stands on `day`, in one word for lists and for the reason a case is refused. */
export function certificateStanding(
  cert: CertificateDates,
  reviews: readonly ReviewDates[],
  day: string,
): StandingCode {
  if (revokedBy(cert, day)) return 'revoked';
  if (cert.status === 'produced' || !cert.issuedOn || compareDates(day, cert.issuedOn) < 0) return 'not_issued';
  if (!termStart(cert, reviews, day)) return 'suspended';
  return certificateValidOn(cert, reviews, day) ? 'valid' : 'expired';
}
