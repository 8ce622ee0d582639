// 附件7 案件结案统计表: each county's year-end closure statistics, due at the city federation's rights
// department by 20 December (平妇字〔2014〕17号, 工作要求). The figures are computed, never typed; a
// submitted version is frozen; the city returns it (with a reason) or accepts it; a returned report is
// revised as a new version, and every version is kept.
import type { StepPermission } from './access-policy.js';
import { compareDates, daysBetween, localDate } from './dates.js';
import { DomainError } from './errors.js';
import { REPORT_STATUS_LABELS, type ReportStatus } from './vocabulary.js';

export const ANNUAL_REPORT_POLICY = {
  /** 工作要求: submitted to the city by 20 December of the year reported */
  dueMonth: 12,
  dueDay: 20,
  /** county staff see the deadline on their home page from this day of December */
  reminderFromDay: 1,
  /** the city still sees the counties that have not submitted until this day of the next January */
  cityReminderUntilJanuaryDay: 31,
  timeZone: 'Asia/Shanghai',
} as const;

export type ReportStep = 'submit' | 'return' | 'accept' | 'revise';

export const STEP_LABELS: Record<ReportStep, string> = {
  submit: '上报',
  return: '退回',
  accept: '审核通过',
  revise: '修改后重新上报',
};

/** The status each step starts from; `revise` leaves the returned version as it is and opens a new draft. */
const STEP_FROM: Record<ReportStep, ReportStatus> = {
  submit: 'draft',
  return: 'submitted',
  accept: 'submitted',
  revise: 'returned',
};

const pad = (n: number) => String(n).padStart(2, '0');

/** The last day the statistics of `year` are on time: 20 December of that year. */
export function statisticsDueOn(year: number): string {
  return `${year}-${pad(ANNUAL_REPORT_POLICY.dueMonth)}-${pad(ANNUAL_REPORT_POLICY.dueDay)}`;
}

/** Late when submitted after 20 December on Beijing's calendar (as reporting.county_measures judges it). */
export function isLateSubmission(year: number, submittedAt: Date): boolean {
  return compareDates(localDate(submittedAt, ANNUAL_REPORT_POLICY.timeZone), statisticsDueOn(year)) > 0;
}

/** Days from `today` to the deadline: 0 on the day, negative once it has passed. */
export function daysToDeadline(year: number, today: string): number {
  return daysBetween(today, statisticsDueOn(year));
}

/** 已逾期 3 天 / 今天截止 / 还有 5 天 */
export function describeDeadline(year: number, today: string): string {
  const days = daysToDeadline(year, today);
  if (days < 0) return `已逾期 ${-days} 天`;
  return days === 0 ? '今天截止' : `还有 ${days} 天`;
}

/** The year whose statistics a county clerk is reminded of on `today`: from 1 December to year end. */
export function countyReminderYear(today: string): number | null {
  const year = Number(today.slice(0, 4));
  const from = `${year}-${pad(ANNUAL_REPORT_POLICY.dueMonth)}-${pad(ANNUAL_REPORT_POLICY.reminderFromDay)}`;
  return compareDates(today, from) >= 0 ? year : null;
}

/** The year the city watches on `today`: December's, and last year's through January (late reports). */
export function cityReminderYear(today: string): number | null {
  const own = countyReminderYear(today);
  if (own) return own;
  const year = Number(today.slice(0, 4));
  return compareDates(today, `${year}-01-${pad(ANNUAL_REPORT_POLICY.cityReminderUntilJanuaryDay)}`) <= 0
    ? year - 1
    : null;
}

/** Nobody may report a year that has not begun; the current year may be reported in advance. */
export function reportableYearProblem(year: number, today: string): string | null {
  if (!Number.isInteger(year) || year < 2014) return '年度应为2014年（平妇字〔2014〕17号）以后的年份';
  if (year > Number(today.slice(0, 4))) return '不能上报尚未开始的年度';
  return null;
}

/** The city decides on submitted reports; the county (or the city for it) submits and revises. */
export const mayTakeReportStep: StepPermission<ReportStep> = (actor, step, countyId) => {
  if (!actor) return false;
  if (step === 'return' || step === 'accept') return actor.role === 'city_admin';
  if (actor.role === 'city_admin') return true;
  return actor.role === 'county_staff' && (countyId === undefined || countyId === actor.countyId);
};

export function isStepAvailable(status: string, step: ReportStep): boolean {
  return STEP_FROM[step] === status;
}

export interface StepOutcome {
  status: ReportStatus;
  isLate?: boolean;
  returnReason?: string | null;
}

/** The step applied to a report of `year` in `status`, at `now`; throws a coded refusal otherwise. */
export function applyReportStep(
  report: { year: number; status: ReportStatus; isLatest: boolean },
  step: ReportStep,
  input: { reason?: string | null },
  now: Date,
): StepOutcome {
  if (!isStepAvailable(report.status, step)) {
    throw new DomainError('WRONG_STATUS', `${REPORT_STATUS_LABELS[report.status]}的统计表不能${STEP_LABELS[step]}`);
  }
  if (step === 'revise' && !report.isLatest)
    throw new DomainError('NOT_LATEST', '该年度已有更新的版本，请在最新版本上操作');
  switch (step) {
    case 'submit':
      return { status: 'submitted', isLate: isLateSubmission(report.year, now) };
    case 'return': {
      const reason = input.reason?.trim();
      if (!reason) throw new DomainError('REASON_REQUIRED', '退回时请写明退回原因', 'reason');
      return { status: 'returned', returnReason: reason };
    }
    case 'accept':
      return { status: 'accepted' };
    case 'revise':
      return { status: 'draft' };
  }
}

/** A new draft may be opened only when every earlier version of the year was returned. */
export function newVersionProblem(existing: { status: ReportStatus }[]): string | null {
  return existing.some((r) => r.status !== 'returned')
    ? '该年度的统计表已存在，请打开已有的统计表；被退回的，请在其上选择“修改后重新上报”'
    : null;
}

/** The year a summary opens on: this year from December, last year before. */
export function defaultReportYear(today: string): number {
  const year = Number(today.slice(0, 4));
  return Number(today.slice(5, 7)) >= ANNUAL_REPORT_POLICY.dueMonth ? year : year - 1;
}
