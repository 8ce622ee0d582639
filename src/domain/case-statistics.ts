// The case figures of a county and period: 附件7 案件结案统计表 (a calendar year) and the figures of 附件6
// 案件分析报告 (any period) — the one definition of each figure (docs/reporting.md「各项数字的口径」), which
// reporting.county_measures counts alike: cases by the day they were accepted (states, categories, sources,
// closure rate, key cases), replies by the day the case was concluded, review requests by the day they were
// made — each from the cases' own dates as they stood on the measuring day `asOf` (31 December for a past
// year, today for this one): a case concluded on 1 January was not concluded in the year before.
import { CASE_POLICY } from './case-policy.js';
import { CASE_STATES, type CaseState } from './case-workflow.js';
import { addDays, compareDates } from './dates.js';
import { percent } from './rounding.js';

/** One case as the statistics need it (dates 'YYYY-MM-DD'). */
export interface StatisticsCase {
  category: string;
  source: string;
  isKey: boolean;
  inJointMeeting: boolean;
  isGroup: boolean;
  acceptedOn: string;
  /** the last day of the handling limit, extension included (条例第三十四条; case-deadlines.handlingDueOn) */
  handlingDueOn: string;
  representingSince: string | null;
  concludedOn: string | null;
  replyIssuedOn: string | null;
  archivedOn: string | null;
  terminatedOn: string | null;
  reviewRequestedOn: string | null;
}

export interface Period {
  from: string;
  to: string;
}

/**
 * The definitions (口径) of the case figures, in the words shown on hover on the dashboard and printed in
 * docs/reporting.md; the counting below and reporting.county_measures follow them.
 */
export const CASE_FIGURE_DEFINITIONS = {
  accepted: { name: '受理案件数', definition: '统计期内受理的案件数（作废的不计）' },
  closureDue: {
    name: '应办结',
    definition:
      '当年受理的案件中，截至统计日已终结（含已立案归档）、已解除代理或已过办理期限（60日，含批准延期）的件数；仍在办理期限内的不计',
  },
  closed: { name: '已办结', definition: '当年受理的案件中，截至统计日已终结或已立案归档（且未解除代理）的件数' },
  closureRate: { name: '办结率', definition: '已办结 ÷ 应办结；仍在办理期限内的案件不计入分母' },
  closedOnTime: { name: '按期办结', definition: '已办结中，终结日在办理期限（含批准延期）最后一日之前或当日的件数' },
  onTimeClosureRate: { name: '按期办结率', definition: '按期办结 ÷ 应办结' },
  terminated: {
    name: '解除代理',
    definition: '当年受理的案件中，截至统计日已解除代理协议的件数（附件2第六条：无法办结），计入应办结、不计入已办结',
  },
} as const;

export interface CaseFigures {
  period: Period;
  /** the day the figures describe: a snapshot is taken on the day it is submitted */
  asOf: string;
  /** 受理案件数: accepted in the period */
  accepted: number;
  /** of those, by their state on `asOf` */
  byState: Record<CaseState, number>;
  byCategory: Record<string, number>;
  bySource: Record<string, number>;
  /**
   * 应办结: of those, the cases that should have been concluded by `asOf` — concluded, dissolved (解除代理,
   * 附件2 第六条 无法办结) or past their handling limit. A case still inside its limit is not counted yet.
   */
  closureDue: number;
  /** 已办结: of those, concluded or archived by `asOf` */
  closed: number;
  /** 按期办结: of those, concluded on or before the last day of the handling limit */
  closedOnTime: number;
  /** 解除代理: of the cases accepted, those dissolved by `asOf` (in 应办结 as not concluded) */
  terminated: number;
  /** 办结率 = 已办结 ÷ 应办结 (%), one decimal; null when no case is due */
  closureRate: number | null;
  /** 按期办结率 = 按期办结 ÷ 应办结 (%) */
  onTimeClosureRate: number | null;
  /** 当期终结: concluded in the period */
  concluded: number;
  /** of those, the replies already due (issued, or the 7 days are over) and those issued within 7 days */
  repliesDue: number;
  repliesOnTime: number;
  replyOnTimeRate: number | null;
  /** 申请复查: review requests made in the period (条例第三十五条) */
  reviewRequests: number;
  keyCases: number;
  keyInJointMeeting: number;
  groupCases: number;
}

export { percent };

const within = (date: string | null, from: string, to: string): date is string =>
  date != null && compareDates(date, from) >= 0 && compareDates(date, to) <= 0;
const byThen = (date: string | null, asOf: string): date is string => date != null && compareDates(date, asOf) <= 0;

/** The case's state on `asOf`, from its dates (a reopened file has lost its archiving date). */
export function stateOn(c: StatisticsCase, asOf: string): CaseState {
  if (byThen(c.terminatedOn, asOf)) return 'terminated';
  if (byThen(c.archivedOn, asOf)) return 'archived';
  if (byThen(c.concludedOn, asOf)) return 'concluded';
  if (byThen(c.representingSince, asOf)) return 'representing';
  return 'accepted';
}

/** 附件2 第五条: true within 7 days, false when late or overdue on `asOf`, null while the 7 days run. */
export function replyOnTime(c: Pick<StatisticsCase, 'concludedOn' | 'replyIssuedOn'>, asOf: string): boolean | null {
  if (!c.concludedOn) return null;
  const due = addDays(c.concludedOn, CASE_POLICY.replyDays);
  if (byThen(c.replyIssuedOn, asOf)) return compareDates(c.replyIssuedOn, due) <= 0;
  return compareDates(asOf, due) > 0 ? false : null;
}

const zeroStates = (): Record<CaseState, number> =>
  Object.fromEntries(CASE_STATES.map((s) => [s, 0])) as Record<CaseState, number>;
const bump = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);

export function caseStatistics(cases: readonly StatisticsCase[], period: Period, asOf: string): CaseFigures {
  const f: CaseFigures = {
    period,
    asOf,
    accepted: 0,
    byState: zeroStates(),
    byCategory: {},
    bySource: {},
    closureDue: 0,
    closed: 0,
    closedOnTime: 0,
    terminated: 0,
    closureRate: null,
    onTimeClosureRate: null,
    concluded: 0,
    repliesDue: 0,
    repliesOnTime: 0,
    replyOnTimeRate: null,
    reviewRequests: 0,
    keyCases: 0,
    keyInJointMeeting: 0,
    groupCases: 0,
  };
  const to = compareDates(period.to, asOf) <= 0 ? period.to : asOf;
  for (const c of cases) {
    if (within(c.acceptedOn, period.from, to)) {
      const state = stateOn(c, asOf);
      f.accepted++;
      f.byState[state]++;
      bump(f.byCategory, c.category);
      bump(f.bySource, c.source);
      const closed = state === 'concluded' || state === 'archived';
      if (closed) f.closed++;
      if (closed && compareDates(c.concludedOn!, c.handlingDueOn) <= 0) f.closedOnTime++;
      if (state === 'terminated') f.terminated++;
      if (closed || state === 'terminated' || compareDates(asOf, c.handlingDueOn) > 0) f.closureDue++;
      if (c.isKey) f.keyCases++;
      if (c.isKey && c.inJointMeeting) f.keyInJointMeeting++;
      if (c.isGroup) f.groupCases++;
    }
    if (within(c.concludedOn, period.from, to)) {
      f.concluded++;
      const onTime = replyOnTime(c, asOf);
      if (onTime !== null) f.repliesDue++;
      if (onTime) f.repliesOnTime++;
    }
    if (within(c.reviewRequestedOn, period.from, to)) f.reviewRequests++;
  }
  rates(f);
  return f;
}

/** The rates of a set of counts: the one place where 办结率, 按期办结率 and 按时答复率 are divided. */
function rates(f: Omit<CaseFigures, 'period' | 'asOf'>): void {
  f.closureRate = percent(f.closed, f.closureDue);
  f.onTimeClosureRate = percent(f.closedOnTime, f.closureDue);
  f.replyOnTimeRate = percent(f.repliesOnTime, f.repliesDue);
}

const COUNTS = [
  'accepted',
  'closureDue',
  'closed',
  'closedOnTime',
  'terminated',
  'concluded',
  'repliesDue',
  'repliesOnTime',
  'reviewRequests',
  'keyCases',
  'keyInJointMeeting',
  'groupCases',
] as const;

function addCounts(into: Record<string, number>, from: Record<string, number> | undefined): void {
  for (const [k, v] of Object.entries(from ?? {})) into[k] = (into[k] ?? 0) + v;
}

/** The 合计 of several counties' figures: counts added, rates computed again from the sums (never averaged). */
export function sumFigures(list: readonly CaseFigures[]): Omit<CaseFigures, 'period' | 'asOf'> {
  const total = { byState: zeroStates() as Record<string, number>, byCategory: {}, bySource: {} } as Omit<
    CaseFigures,
    'period' | 'asOf'
  >;
  for (const key of COUNTS) total[key] = 0;
  for (const f of list) {
    for (const key of COUNTS) total[key] += f[key] ?? 0;
    addCounts(total.byState, f.byState);
    addCounts(total.byCategory, f.byCategory);
    addCounts(total.bySource, f.bySource);
  }
  rates(total);
  return total;
}
