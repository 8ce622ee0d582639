// 上年结转: no case falls out of the year-end statistics. A county's 附件7 is frozen on the day it is
// submitted (due 20 December, 平妇字〔2014〕17号 工作要求), so what happens between that day and 31 December
// — cases accepted, concluded, replied to — is in no version of that year. The statistics office's usual
// answer, kept here: the next year's 附件7 carries that stretch of the year as its own line, 上年结转,
// counted with the same definitions (case-statistics.ts) as of the next year's measuring day. A case typed
// into the register after the freeze, though accepted on or before its day, is in no version either: the
// line carries it too, with everything it records up to 31 December. The year's own figures are never
// reopened: an accepted version stays as the city accepted it.
import type { CaseFigures, Period } from './case-statistics.js';
import { addDays, compareDates } from './dates.js';
import type { ReportStatus } from './vocabulary.js';

export const CARRY_OVER_DEFINITION = {
  name: '上年结转',
  definition:
    '上年度结案统计表（附件7）上报冻结之后至12月31日受理（及终结、答复、申请复查）的案件，以及冻结之后才补录、受理日期在冻结日及以前的上年度案件，未计入上年度任何已上报的统计表，计入本年度统计表的「上年结转」栏，按本年度统计日的状态计算；本年度自身数字不含此栏',
} as const;

/**
 * A year's 附件7 figures: the year's own, and the previous year's stretch it carries (null: nothing to
 * carry; absent from versions frozen before the carry-over was counted).
 */
export type AnnualFigures = CaseFigures & { carriedOver?: CaseFigures | null };

/** A version of the previous year's 附件7 as the carry-over needs it. */
export interface FrozenVersion {
  status: ReportStatus;
  version: number;
  voided: boolean;
  /** the day its figures describe (figures.asOf), null before it was submitted */
  asOf: string | null;
  /** the moment it was submitted (submitted_at, ISO 8601): the register as it stood then is what it holds */
  frozenAt: string | null;
}

/**
 * The version of a year that holds the year's cases: the accepted one, else the one awaiting the city's
 * review; a returned version was sent back and a draft was never frozen. Null when none was submitted.
 */
export function countingVersion<T extends FrozenVersion>(versions: readonly T[]): T | null {
  const live = versions.filter((v) => !v.voided && v.asOf !== null).sort((a, b) => b.version - a.version);
  return live.find((v) => v.status === 'accepted') ?? live.find((v) => v.status === 'submitted') ?? null;
}

/**
 * The stretch of `previousYear` that no version of that year holds and the next year's 附件7 carries:
 * from the day after the counting version's figures were taken to 31 December. Null when the year is
 * wholly held (frozen on or after 31 December), or when no version was submitted: that report is still
 * owed, and taken in the next year it covers the whole year (its period ends on 31 December) — carrying
 * the year over as well would count its cases twice.
 */
export function carryOverPeriod(previousYear: number, versions: readonly FrozenVersion[]): Period | null {
  const frozen = countingVersion(versions);
  const yearEnd = `${previousYear}-12-31`;
  if (!frozen?.asOf || compareDates(frozen.asOf, yearEnd) >= 0) return null;
  const from =
    compareDates(frozen.asOf, `${previousYear}-01-01`) < 0 ? `${previousYear}-01-01` : addDays(frozen.asOf, 1);
  return { from, to: yearEnd };
}

/** Cases entered in the register after `enteredAfter` though accepted from `from` on: each counts from `from`. */
export interface LateEntries {
  enteredAfter: string;
  from: string;
}

/** What the next year's 附件7 carries of a year (see carryOver). */
export interface CarryOver {
  /** the stretch after the counting version was frozen */
  period: Period;
  /** the cases the frozen version never saw */
  lateEntries: LateEntries;
}

/**
 * The carry-over of `previousYear`: its stretch after the counting version was frozen (carryOverPeriod), and
 * the cases typed in after that version was submitted although accepted within the year by then (accepted
 * on 10 December, entered on 22 December: no version holds them). Null as for carryOverPeriod.
 */
export function carryOver(previousYear: number, versions: readonly FrozenVersion[]): CarryOver | null {
  const period = carryOverPeriod(previousYear, versions);
  const frozenAt = countingVersion(versions)?.frozenAt;
  if (!period || !frozenAt) return null;
  return { period, lateEntries: { enteredAfter: frozenAt, from: `${previousYear}-01-01` } };
}
