// The time limits running on a case (see CASE_POLICY for their sources), computed from its dates, the
// legal calendar and a `today` passed in: each limit ends as CASE_LIMIT_COUNTING says (民法典第二百零一条、
// 第二百零三条: a last day on a rest day moves to the next working day). Deadlines the office must meet can be
// overdue; the petitioner's own windows (review requests) are shown for information and are never "overdue".
// In SQL the same due day is petition_case.action_due_on (tests/case-deadlines-sql.test.ts).
import { CASE_POLICY, limitEnd, limitPeriod, type CaseLimit, type CasePolicy } from './case-policy.js';
import type { CaseFacts } from './case-workflow.js';
import { compareDates, daysBetween } from './dates.js';
import { explainMovedDue, missingScheduleNote, type HolidaySchedule } from './legal-calendar.js';

export type DeadlineKind =
  'acceptanceNotice' | 'handling' | 'reply' | 'reviewAnswer' | 'reviewWindow' | 'reviewRequest' | 'reReviewRequest';

export interface Deadline {
  kind: DeadlineKind;
  /** with its source, for the case page */
  label: string;
  /** for list columns */
  short: string;
  /** the last day on which it is still met */
  due: string;
  /** the last day as counted, before a move off a rest day (民法典第二百零三条) */
  counted: string;
  /**
   * For the case page: why the due day moved ("10月3日为法定节假日，顺延至10月8日（民法典第二百零三条）") and/or
   * that a year's schedule is not published ("2027年节假日安排未发布，按双休日计算"); null when neither.
   */
  note: string | null;
  /** the office must act (true), or it is the petitioner's window (false) */
  actionable: boolean;
}

export type Urgency = 'overdue' | 'due_soon' | 'later';

export interface NextDeadline extends Deadline {
  /** calendar days from today to the (moved) due day: 0 on the day, negative once overdue */
  daysLeft: number;
  urgency: Urgency;
}

export type DeadlineFacts = Pick<
  CaseFacts,
  | 'state'
  | 'acceptedOn'
  | 'acceptanceNotifiedOn'
  | 'extensionDays'
  | 'concludedOn'
  | 'replyIssuedOn'
  | 'reviewRequestedOn'
  | 'reviewAnsweredOn'
>;

const SHORT: Record<DeadlineKind, string> = {
  acceptanceNotice: '受理告知',
  handling: '办结',
  reply: '答复意见书',
  reviewAnswer: '复查答复',
  reviewWindow: '信访人申请复查',
  reviewRequest: '信访人申请复查',
  reReviewRequest: '信访人申请复核',
};

/**
 * The last day of the handling limit: 60 days from acceptance plus the one extension (条例第三十四条), as
 * one period on the legal calendar. SQL: reporting.case_facts.due_on.
 */
export function handlingDueOn(
  c: Pick<CaseFacts, 'acceptedOn' | 'extensionDays'>,
  schedule: HolidaySchedule,
  policy: CasePolicy = CASE_POLICY,
): string {
  return limitEnd(c.acceptedOn, 'handlingDays', schedule, { policy, extraDays: c.extensionDays ?? 0 });
}

/** Every limit still running on the case, whatever today is, earliest first. */
export function openDeadlines(
  c: DeadlineFacts,
  schedule: HolidaySchedule,
  policy: CasePolicy = CASE_POLICY,
): Deadline[] {
  const found: Deadline[] = [];
  const add = (
    kind: DeadlineKind,
    label: string,
    from: string,
    limit: CaseLimit,
    actionable: boolean,
    extraDays = 0,
  ) => {
    const { counted, due } = limitPeriod(from, limit, schedule, { policy, extraDays });
    const notes = [explainMovedDue(counted, due, schedule), missingScheduleNote(from, due, schedule)];
    const note = notes.filter(Boolean).join('；') || null;
    found.push({ kind, label, short: SHORT[kind], due, counted, note, actionable });
  };
  switch (c.state) {
    case 'accepted':
    case 'representing':
      if (!c.acceptanceNotifiedOn)
        add('acceptanceNotice', '书面告知受理（条例第二十三条）', c.acceptedOn, 'acceptanceNoticeDays', true);
      add('handling', '办结期限（条例第三十四条）', c.acceptedOn, 'handlingDays', true, c.extensionDays ?? 0);
      break;
    case 'concluded':
      if (!c.concludedOn) break;
      if (!c.replyIssuedOn) {
        add('reply', '出具答复意见书（协议第五条）', c.concludedOn, 'replyDays', true);
      } else if (!c.reviewRequestedOn) {
        add('reviewWindow', '信访人申请复查（协议第五条）', c.replyIssuedOn, 'reviewWindowDays', false);
        add('reviewRequest', '信访人申请复查（条例第三十五条）', c.replyIssuedOn, 'reviewRequestDays', false);
      } else if (!c.reviewAnsweredOn) {
        add('reviewAnswer', '复查答复（条例第三十五条）', c.reviewRequestedOn, 'reviewAnswerDays', true);
      } else {
        add('reReviewRequest', '信访人申请复核（条例第三十六条）', c.reviewAnsweredOn, 'reReviewRequestDays', false);
      }
      break;
    case 'archived':
    case 'terminated':
      break;
    default:
      return assertNever(c.state);
  }
  return found.sort((a, b) => compareDates(a.due, b.due));
}

export function urgencyOf(daysLeft: number, policy: CasePolicy = CASE_POLICY): Urgency {
  if (daysLeft < 0) return 'overdue';
  return daysLeft <= policy.dueSoonDays ? 'due_soon' : 'later';
}

/**
 * The deadline to show on the case: the earliest one the office must meet (overdue ones included);
 * failing that, the petitioner's window that closes first and has not closed yet. Null when none runs.
 */
export function nextDeadline(
  c: DeadlineFacts,
  today: string,
  schedule: HolidaySchedule,
  policy: CasePolicy = CASE_POLICY,
): NextDeadline | null {
  const open = openDeadlines(c, schedule, policy);
  const chosen =
    open.find((d) => d.actionable) ?? open.find((d) => !d.actionable && compareDates(d.due, today) >= 0) ?? null;
  if (!chosen) return null;
  const daysLeft = daysBetween(today, chosen.due);
  return { ...chosen, daysLeft, urgency: chosen.actionable ? urgencyOf(daysLeft, policy) : 'later' };
}

/** "还剩 3 天", "今天到期", "已超期 5 天" */
export function describeDaysLeft(daysLeft: number): string {
  if (daysLeft > 0) return `还剩 ${daysLeft} 天`;
  if (daysLeft === 0) return '今天到期';
  return `已超期 ${-daysLeft} 天`;
}

function assertNever(value: never): never {
  throw new Error(`unhandled case state: ${String(value)}`);
}
