// The time limits a case is held to. One place, so that a change of policy is one edit.
import { addDays } from './dates.js';
import { addWorkingDays, endOfPeriod, type HolidaySchedule } from './legal-calendar.js';

export const CASE_POLICY = {
  /** 条例第二十三条: the petitioner is told in writing within 15 days that the matter was received */
  acceptanceNoticeDays: 15,
  /** 附件2 第五条: the reply opinion (附件5) within 7 days after the case is concluded */
  replyDays: 7,
  /** 附件2 第五条: she may ask the next level up to review it within 15 days */
  reviewWindowDays: 15,
  /** 条例第三十四条: handled within 60 days of acceptance */
  handlingDays: 60,
  /** 条例第三十四条: extended once, by at most 30 days, with approval and the reason told to her */
  maxExtensionDays: 30,
  /** 条例第三十五条: a review is requested within 30 days of the written reply */
  reviewRequestDays: 30,
  /** 条例第三十五条: and answered within 30 days of the request */
  reviewAnswerDays: 30,
  /** 条例第三十六条: a re-review is requested within 30 days of the review answer */
  reReviewRequestDays: 30,
  /** lists and the home page warn this many calendar days ahead (即将到期); a warning, not a legal period */
  dueSoonDays: 3,
} as const;

export type CasePolicy = { readonly [K in keyof typeof CASE_POLICY]: number };

/** A limit of CASE_POLICY that is a legal period (dueSoonDays is only a warning). */
export type CaseLimit = Exclude<keyof typeof CASE_POLICY, 'dueSoonDays'>;

/**
 * How each limit is counted on the legal calendar (src/domain/legal-calendar.ts):
 * - `calendarDays`: a period of days (“…日内”), 《民法典》第二百零一条 — it starts the day after the event —
 *   and 第二百零三条 — a last day that is a statutory rest day moves to the next working day;
 * - `workingDays`: working days (“…个工作日”), rest days skipped (e.g. 条例第二十三条: an office objects to an
 *   assignment within 5个工作日 — a limit between offices, which this product does not track).
 * Every limit of the notice (附件2) and of the 条例 that a case is held to is written in days (日), so all
 * are calendar-day periods. A limit declared `workingDays` is counted so by limitEnd (the case page, the
 * workflow); the SQL that stores and counts the due days (petition_case_action_due_on, reporting.case_facts)
 * is frozen in its migration with reporting.end_of_period, so such a change needs a migration using
 * reporting.add_working_days — tests/case-deadlines-sql.test.ts fails until the two agree.
 */
export const CASE_LIMIT_COUNTING: { readonly [K in CaseLimit]: 'calendarDays' | 'workingDays' } = {
  acceptanceNoticeDays: 'calendarDays',
  replyDays: 'calendarDays',
  reviewWindowDays: 'calendarDays',
  // the 60 days and the approved extension run as one period from acceptance (条例第三十四条)
  handlingDays: 'calendarDays',
  maxExtensionDays: 'calendarDays',
  reviewRequestDays: 'calendarDays',
  reviewAnswerDays: 'calendarDays',
  reReviewRequestDays: 'calendarDays',
};

export interface LimitPeriod {
  /** the last day as counted, before any move off a rest day */
  counted: string;
  /** the last day on which the limit is still met */
  due: string;
}

/**
 * The period of `limit` (plus `extraDays`, e.g. an approved extension) running from the event on `start`:
 * the day it is counted to and the day it ends, on the legal calendar `schedule`.
 */
export function limitPeriod(
  start: string,
  limit: CaseLimit,
  schedule: HolidaySchedule,
  { policy = CASE_POLICY, extraDays = 0 }: { policy?: CasePolicy; extraDays?: number } = {},
): LimitPeriod {
  const days = policy[limit] + extraDays;
  if (CASE_LIMIT_COUNTING[limit] === 'workingDays') {
    const due = addWorkingDays(start, days, schedule);
    return { counted: due, due };
  }
  return { counted: addDays(start, days), due: endOfPeriod(start, days, schedule) };
}

/** The last day of `limit` running from `start` (see limitPeriod). */
export function limitEnd(
  start: string,
  limit: CaseLimit,
  schedule: HolidaySchedule,
  opts?: { policy?: CasePolicy; extraDays?: number },
): string {
  return limitPeriod(start, limit, schedule, opts).due;
}
