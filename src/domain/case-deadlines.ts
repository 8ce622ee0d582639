// The time limits running on a case (see CASE_POLICY for their sources), computed from its dates and
// a `today` passed in. Deadlines the office must meet can be overdue; the petitioner's own windows
// (review requests) are shown for information and are never "overdue".
import { CASE_POLICY, type CasePolicy } from './case-policy.js';
import type { CaseFacts } from './case-workflow.js';
import { addDays, compareDates, daysBetween } from './dates.js';

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
  /** the office must act (true), or it is the petitioner's window (false) */
  actionable: boolean;
}

export type Urgency = 'overdue' | 'due_soon' | 'later';

export interface NextDeadline extends Deadline {
  /** calendar days from today to the due day: 0 on the day, negative once overdue */
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

/** The last day of the handling limit: 60 days from acceptance plus the one extension (条例第三十四条). */
export function handlingDueOn(
  c: Pick<CaseFacts, 'acceptedOn' | 'extensionDays'>,
  policy: CasePolicy = CASE_POLICY,
): string {
  return addDays(c.acceptedOn, policy.handlingDays + (c.extensionDays ?? 0));
}

/** Every limit still running on the case, whatever today is, earliest first. */
export function openDeadlines(c: DeadlineFacts, policy: CasePolicy = CASE_POLICY): Deadline[] {
  const found: Deadline[] = [];
  const add = (kind: DeadlineKind, label: string, from: string, days: number, actionable: boolean) =>
    found.push({ kind, label, short: SHORT[kind], due: addDays(from, days), actionable });
  switch (c.state) {
    case 'accepted':
    case 'representing':
      if (!c.acceptanceNotifiedOn)
        add('acceptanceNotice', '书面告知受理（条例第二十三条）', c.acceptedOn, policy.acceptanceNoticeDays, true);
      found.push({
        kind: 'handling',
        label: '办结期限（条例第三十四条）',
        short: SHORT.handling,
        due: handlingDueOn(c, policy),
        actionable: true,
      });
      break;
    case 'concluded':
      if (!c.concludedOn) break;
      if (!c.replyIssuedOn) {
        add('reply', '出具答复意见书（协议第五条）', c.concludedOn, policy.replyDays, true);
      } else if (!c.reviewRequestedOn) {
        add('reviewWindow', '信访人申请复查（协议第五条）', c.replyIssuedOn, policy.reviewWindowDays, false);
        add('reviewRequest', '信访人申请复查（条例第三十五条）', c.replyIssuedOn, policy.reviewRequestDays, false);
      } else if (!c.reviewAnsweredOn) {
        add('reviewAnswer', '复查答复（条例第三十五条）', c.reviewRequestedOn, policy.reviewAnswerDays, true);
      } else {
        add(
          'reReviewRequest',
          '信访人申请复核（条例第三十六条）',
          c.reviewAnsweredOn,
          policy.reReviewRequestDays,
          false,
        );
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
export function nextDeadline(c: DeadlineFacts, today: string, policy: CasePolicy = CASE_POLICY): NextDeadline | null {
  const open = openDeadlines(c, policy);
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
