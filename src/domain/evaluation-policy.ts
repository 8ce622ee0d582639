// 考评: a county's yearly evaluation against the creation standards (创建标准), included in the
// federation's evaluation with a one-vote veto (一票否决, 平妇字〔2014〕17号 工作要求). Weights, bonuses,
// deductions and pass marks are policy values: this is the one place to change them.
import { CREATION_STANDARDS, type Comparison, type StandardCode } from './creation-standards.js';
import { DomainError } from './errors.js';
import { roundHalfUp1 } from './rounding.js';
import type { EvaluationResult } from './vocabulary.js';

export const EVALUATION_POLICY = {
  /** points of each creation standard; they add up to 100 */
  weights: {
    work_systems: 10,
    work_point: 10,
    township_coverage: 10,
    certified_agents: 10,
    certificate_reviews: 5,
    cases_accepted: 5,
    closure_rate: 10,
    reply_on_time: 10,
    archived_share: 5,
    overdue_cases: 5,
    key_cases_joint_meeting: 5,
    annual_statistics_on_time: 10,
    trainings_held: 5,
  } satisfies Record<StandardCode, number>,
  /** a "≤" standard missed loses this many points per unit above the target (an overdue case) */
  pointsPerExcess: 1,
  /** 信息上报: bonus points per report adopted by the city that year, up to the maximum */
  infoAdoptedPoints: 1,
  infoAdoptedMax: 5,
  /** 督导检查: points off per rectification overdue after that year's latest inspection, up to the maximum */
  overdueRectificationPoints: 2,
  overdueRectificationMax: 10,
  /** 优秀 from this total, 合格 from the pass mark; below it, or vetoed, 不合格 */
  excellentFrom: 90,
  passFrom: 60,
} as const;

export type ExtraCode = 'info_adoption' | 'inspection_rectification';
export type ItemCode = StandardCode | ExtraCode;

export interface ScoreAdjustment {
  from: number;
  reason: string;
  byId: number | null;
  byEmail: string | null;
  at: string;
}

/** One line of the evaluation: what was measured, the score the system proposes, the score that counts. */
export interface EvaluationItem {
  code: ItemCode;
  name: string;
  min: number;
  max: number;
  measure: number | null;
  target: number | null;
  unit: string;
  /** null: nothing to measure */
  passed: boolean | null;
  prefilled: number;
  score: number;
  note: string;
  adjustments: ScoreAdjustment[];
}

export interface EvaluationInputs {
  scorecard: { code: string; measure: number | null; passed: boolean | null }[];
  infoReportsAdopted: number;
  /** rectifications overdue after the county's latest inspection, when that inspection was in the year */
  overdueRectifications: number;
}

function standardScore(
  weight: number,
  comparison: Comparison,
  target: number,
  measure: number | null,
  passed: boolean | null,
): { score: number; note: string } {
  if (measure === null || passed === null) return { score: weight, note: '无考核对象，不扣分' };
  if (passed) return { score: weight, note: '达标' };
  if (comparison === '<=') {
    return {
      score: Math.max(0, roundHalfUp1(weight - (measure - target) * EVALUATION_POLICY.pointsPerExcess)),
      note: '未达标，按超出数扣分',
    };
  }
  return {
    score: target > 0 ? roundHalfUp1(weight * Math.max(0, measure / target)) : 0,
    note: '未达标，按完成比例计分',
  };
}

/** The scores the system proposes for a county and year, from its scorecard and the other inputs. */
export function prefillItems(inputs: EvaluationInputs): EvaluationItem[] {
  const items: EvaluationItem[] = CREATION_STANDARDS.map((s) => {
    const row = inputs.scorecard.find((r) => r.code === s.code);
    const measure = row?.measure ?? null;
    const weight = EVALUATION_POLICY.weights[s.code];
    const { score, note } = standardScore(weight, s.comparison, s.target, measure, row?.passed ?? null);
    return {
      code: s.code,
      name: s.name,
      min: 0,
      max: weight,
      measure,
      target: s.target,
      unit: s.unit,
      passed: row?.passed ?? null,
      prefilled: score,
      score,
      note,
      adjustments: [],
    };
  });
  const bonus = Math.min(
    EVALUATION_POLICY.infoAdoptedMax,
    inputs.infoReportsAdopted * EVALUATION_POLICY.infoAdoptedPoints,
  );
  items.push({
    code: 'info_adoption',
    name: '信息采用加分',
    min: 0,
    max: EVALUATION_POLICY.infoAdoptedMax,
    measure: inputs.infoReportsAdopted,
    target: null,
    unit: '条',
    passed: null,
    prefilled: bonus,
    score: bonus,
    adjustments: [],
    note: `当年被市妇联采用信息每条加${EVALUATION_POLICY.infoAdoptedPoints}分，最多${EVALUATION_POLICY.infoAdoptedMax}分`,
  });
  const penalty = -Math.min(
    EVALUATION_POLICY.overdueRectificationMax,
    inputs.overdueRectifications * EVALUATION_POLICY.overdueRectificationPoints,
  );
  items.push({
    code: 'inspection_rectification',
    name: '督导整改扣分',
    min: -EVALUATION_POLICY.overdueRectificationMax,
    max: 0,
    measure: inputs.overdueRectifications,
    target: null,
    unit: '项',
    passed: null,
    prefilled: penalty,
    score: penalty,
    adjustments: [],
    note: `当年督导检查逾期未整改事项每项扣${EVALUATION_POLICY.overdueRectificationPoints}分，最多扣${EVALUATION_POLICY.overdueRectificationMax}分`,
  });
  return items;
}

/** Fresh proposals for a re-run: measures and proposals follow the data; a score the city adjusted stays. */
export function refreshItems(current: readonly EvaluationItem[], fresh: readonly EvaluationItem[]): EvaluationItem[] {
  return fresh.map((item) => {
    const old = current.find((c) => c.code === item.code);
    return old?.adjustments.length ? { ...item, score: old.score, adjustments: old.adjustments } : item;
  });
}

/** The city changes one score, within the item's range, giving its reason; the change is kept on the item. */
export function adjustItem(
  items: readonly EvaluationItem[],
  change: { code: string; score: number; reason: string | null | undefined },
  by: { id: number | null; email: string | null },
  now: Date,
): EvaluationItem[] {
  const item = items.find((i) => i.code === change.code);
  if (!item) throw new DomainError('NO_ITEM', '请选择要调整的考评项目', 'code');
  const reason = change.reason?.trim();
  if (!reason) throw new DomainError('REASON_REQUIRED', '调整得分须写明理由', 'reason');
  if (!Number.isFinite(change.score) || change.score < item.min || change.score > item.max) {
    throw new DomainError('OUT_OF_RANGE', `“${item.name}”的得分应在${item.min}至${item.max}分之间`, 'score');
  }
  const score = roundHalfUp1(change.score);
  if (score === item.score) throw new DomainError('UNCHANGED', '得分没有变化', 'score');
  const adjustment: ScoreAdjustment = {
    from: item.score,
    reason,
    byId: by.id,
    byEmail: by.email,
    at: now.toISOString(),
  };
  return items.map((i) => (i === item ? { ...i, score, adjustments: [...i.adjustments, adjustment] } : i));
}

export function totalScore(items: readonly EvaluationItem[]): number {
  return Math.max(0, roundHalfUp1(items.reduce((sum, i) => sum + i.score, 0)));
}

/** 一票否决 fails the county whatever its score. */
export function evaluationResult(total: number, veto: boolean): EvaluationResult {
  if (veto) return 'failed';
  if (total >= EVALUATION_POLICY.excellentFrom) return 'excellent';
  return total >= EVALUATION_POLICY.passFrom ? 'passed' : 'failed';
}

export function vetoReasonProblem(reason: string | null | undefined): string | null {
  return reason?.trim() ? null : '一票否决须写明否决原因';
}

/** Ranks of a year's evaluations: by total, highest first, vetoed counties after all others; ties share a rank. */
export function rankEvaluations<T extends { id: number; total: number; veto: boolean }>(
  list: readonly T[],
): Map<number, number> {
  const key = (e: T) => (e.veto ? -1000 : 0) + e.total;
  const sorted = [...list].sort((a, b) => key(b) - key(a));
  const ranks = new Map<number, number>();
  sorted.forEach((e, i) =>
    ranks.set(e.id, i > 0 && key(sorted[i - 1]) === key(e) ? ranks.get(sorted[i - 1].id)! : i + 1),
  );
  return ranks;
}
