// The case figures of a county and period: 附件7 案件结案统计表 (a calendar year) and the figures of 附件6
// 案件分析报告 (any period) — the one definition of each figure (docs/reporting.md「各项数字的口径」), which
// reporting.county_measures counts alike: cases by the day they were accepted (states, categories, sources,
// closure rate, key cases), replies by the day the case was concluded, review requests by the day they were
// made — each from the cases' own dates as they stood on the measuring day `asOf` (31 December for a past
// year, today for this one): a case concluded on 1 January was not concluded in the year before.
import { CASE_STATES, type CaseState } from './case-workflow.js';
import { compareDates } from './dates.js';
import { percent, rateMeets } from './rounding.js';

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
  /** the last day for the reply opinion (附件2 第五条; limitEnd(concludedOn, 'replyDays')), null before conclusion */
  replyDueOn: string | null;
  representingSince: string | null;
  concludedOn: string | null;
  replyIssuedOn: string | null;
  archivedOn: string | null;
  terminatedOn: string | null;
  reviewRequestedOn: string | null;
  /** her rating of the handling (条例第二十一条), the latest one; absent or null: not rated */
  rating?: 'satisfied' | 'basically_satisfied' | 'dissatisfied' | null;
  /** 重复信访: marked as repeating an earlier case, or her ID number on an earlier case of the county */
  isRepeat?: boolean;
  /**
   * The first day whose events of this case count, when earlier than the period's start: a case entered
   * after the version holding its days was frozen counts in 上年结转 with all it records (year-end-carry-over.ts)
   */
  countedFrom?: string;
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
      '当年受理的案件中，截至统计日已终结（含已立案归档）、已解除代理或已过办理期限（60日，含批准延期；最后一日为法定节假日的顺延）的件数；仍在办理期限内的不计',
  },
  closed: { name: '已办结', definition: '当年受理的案件中，截至统计日已终结或已立案归档（且未解除代理）的件数' },
  closureRate: { name: '办结率', definition: '已办结 ÷ 应办结；仍在办理期限内的案件不计入分母' },
  closedOnTime: { name: '按期办结', definition: '已办结中，终结日在办理期限（含批准延期）最后一日之前或当日的件数' },
  onTimeClosureRate: { name: '按期办结率', definition: '按期办结 ÷ 应办结' },
  terminated: {
    name: '解除代理',
    definition: '当年受理的案件中，截至统计日已解除代理协议的件数（附件2第六条：无法办结），计入应办结、不计入已办结',
  },
  repeats: {
    name: '重复信访',
    definition: '当年受理的案件中，经办人标记了所重复的前案，或信访人身份证号在本县此前受理的案件中出现过的件数',
  },
} as const;

/**
 * 满意率 (《信访工作条例》第二十一条: she rates the handling once the reply opinion is issued): of the cases
 * whose 答复意见书 was issued in the period, those she rated 满意 or 基本满意 ÷ those she rated. Not rated is
 * not in the denominator; no rating, no rate. Her latest rating counts, once per case, whenever she gave it
 * (within her 15 days). reporting.county_satisfaction counts alike, per year of the reply.
 */
export const SATISFACTION_DEFINITIONS = {
  replies: { name: '出具答复意见', definition: '统计期内出具答复意见书（附件5）的案件数（作废的不计）' },
  rated: { name: '已评价', definition: '其中信访人已在查询页评价的件数（以最后一次评价为准，每案一次）' },
  satisfactionRate: {
    name: '满意率',
    definition: '（满意＋基本满意）÷ 已评价；未评价的不计入分母，无评价时不计算；市妇联未设目标时不作达标判断',
  },
  ratedRate: { name: '参评率', definition: '已评价 ÷ 出具答复意见' },
} as const;

/** The counts 满意率 is made of. */
export interface SatisfactionCounts {
  replies: number;
  rated: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
}

/** 满意率 (%), one decimal; null without a rating. */
export function satisfactionRate(c: Pick<SatisfactionCounts, 'rated' | 'satisfied' | 'basicallySatisfied'>) {
  return percent(c.satisfied + c.basicallySatisfied, c.rated);
}

/**
 * Whether the 满意率 meets the city's target, judged on the exact fraction; null while the city has set no
 * target (PETITIONER_VIEW_POLICY.satisfactionTargetPct: not a creation standard) or nothing was rated.
 */
export function satisfactionMeets(
  c: Pick<SatisfactionCounts, 'rated' | 'satisfied' | 'basicallySatisfied'>,
  targetPct: number | null,
): boolean | null {
  if (targetPct === null) return null;
  return rateMeets(c.satisfied + c.basicallySatisfied, c.rated, '>=', targetPct);
}

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
  /** 重复信访: of the cases accepted, those repeating an earlier case; absent from figures frozen before it was counted */
  repeats?: number;
  /**
   * 条例第二十一条: replies issued in the period and her ratings of them (SATISFACTION_DEFINITIONS); absent
   * from figures taken before ratings were counted (a stored 附件6 or 附件7)
   */
  replies?: number;
  rated?: number;
  satisfied?: number;
  basicallySatisfied?: number;
  dissatisfied?: number;
  /** 满意率 = (满意 + 基本满意) ÷ 已评价 (%); null without a rating */
  satisfactionRate?: number | null;
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

/**
 * 附件2 第五条: true within 7 days, false when late or overdue on `asOf`, null while the 7 days run — the 7
 * days on the legal calendar (replyDueOn: a last day on a rest day moves to the next working day).
 */
export function replyOnTime(
  c: Pick<StatisticsCase, 'concludedOn' | 'replyIssuedOn' | 'replyDueOn'>,
  asOf: string,
): boolean | null {
  if (!c.concludedOn || !c.replyDueOn) return null;
  const due = c.replyDueOn;
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
    repeats: 0,
    replies: 0,
    rated: 0,
    satisfied: 0,
    basicallySatisfied: 0,
    dissatisfied: 0,
    satisfactionRate: null,
  };
  const to = compareDates(period.to, asOf) <= 0 ? period.to : asOf;
  for (const c of cases) {
    const from = c.countedFrom && compareDates(c.countedFrom, period.from) < 0 ? c.countedFrom : period.from;
    if (within(c.acceptedOn, from, to)) {
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
      if (c.isRepeat) f.repeats!++;
    }
    if (within(c.concludedOn, from, to)) {
      f.concluded++;
      const onTime = replyOnTime(c, asOf);
      if (onTime !== null) f.repliesDue++;
      if (onTime) f.repliesOnTime++;
    }
    if (within(c.reviewRequestedOn, from, to)) f.reviewRequests++;
    if (within(c.replyIssuedOn, from, to)) {
      f.replies!++;
      if (c.rating) f.rated!++;
      if (c.rating === 'satisfied') f.satisfied!++;
      if (c.rating === 'basically_satisfied') f.basicallySatisfied!++;
      if (c.rating === 'dissatisfied') f.dissatisfied!++;
    }
  }
  rates(f);
  return f;
}

/** The rates of a set of counts: the one place where 办结率, 按期办结率, 按时答复率 and 满意率 are divided. */
function rates(f: Omit<CaseFigures, 'period' | 'asOf'>): void {
  f.closureRate = percent(f.closed, f.closureDue);
  f.onTimeClosureRate = percent(f.closedOnTime, f.closureDue);
  f.replyOnTimeRate = percent(f.repliesOnTime, f.repliesDue);
  f.satisfactionRate = satisfactionRate({
    rated: f.rated ?? 0,
    satisfied: f.satisfied ?? 0,
    basicallySatisfied: f.basicallySatisfied ?? 0,
  });
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
  'repeats',
  'replies',
  'rated',
  'satisfied',
  'basicallySatisfied',
  'dissatisfied',
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
