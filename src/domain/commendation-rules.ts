// 表彰奖励 (平妇字〔2014〕17号 工作要求: outstanding work points and agents are commended). The city
// proposes, from the year's evaluation and the agents' records, then approves or rejects each proposal.
import { DomainError, ProblemCollector, problem, type FieldProblems } from './errors.js';
import { inRange, maxLength, readNumber, required, type TextInput } from './field-checks.js';
import { percent } from './rounding.js';
import { meetsStandard, standardByCode } from './creation-standards.js';
import { EVALUATION_RESULT_LABELS, type EvaluationResult } from './vocabulary.js';

export const COMMENDATION_POLICY = {
  /** work points suggested: the best-ranked counties not vetoed and not failed */
  workPoints: 3,
  /** agents suggested across the city, at most this many per county */
  agents: 10,
  agentsPerCounty: 2,
  /** an agent is suggested only with at least this many cases concluded that year */
  minConcludedCases: 2,
} as const;

/**
 * 主要事迹 in the words of a commendation: only what the unit achieved (考评 rank, the creation standards
 * met), never a figure that reads as a shortfall. 办结率 and 按期答复率 are named when at or above
 * the creation standard (创建标准 四、五).
 */
function standardsMet(met: { closure: boolean; replies: boolean }): string {
  const names = [met.closure && '办结率', met.replies && '按期答复率'].filter(Boolean);
  return names.length ? `，${names.join('、')}达到创建标准` : '';
}

export interface Suggestion {
  kind: 'work_point' | 'agent';
  countyId: number;
  workPointId: number | null;
  agentId: number | null;
  reason: string;
}

export interface RankedCounty {
  countyId: number;
  rank: number | null;
  total: number;
  veto: boolean;
  result: EvaluationResult | null;
  workPointId: number | null;
  /** creation standards the county met in the year's evaluation (item codes) */
  standardsPassed?: readonly string[];
}

export interface AgentRecord {
  agentId: number;
  countyId: number;
  active: boolean;
  certified: boolean;
  casesConcluded: number;
  repliesDue: number;
  repliesOnTime: number;
}

export function suggestWorkPoints(year: number, counties: readonly RankedCounty[]): Suggestion[] {
  return counties
    .filter((c) => c.workPointId != null && c.rank != null && !c.veto && c.result && c.result !== 'failed')
    .sort((a, b) => a.rank! - b.rank!)
    .slice(0, COMMENDATION_POLICY.workPoints)
    .map((c) => ({
      kind: 'work_point',
      countyId: c.countyId,
      workPointId: c.workPointId,
      agentId: null,
      reason:
        `${year}年度妇女信访代理工作考评${c.result === 'excellent' ? `结果${EVALUATION_RESULT_LABELS.excellent}，` : ''}位列全市第${c.rank}名` +
        standardsMet({
          closure: c.standardsPassed?.includes('closure_rate') ?? false,
          replies: c.standardsPassed?.includes('reply_on_time') ?? false,
        }),
    }));
}

/** Active, validly certified agents with the most cases concluded (then the best reply record); none from a vetoed county. */
export function suggestAgents(
  year: number,
  agents: readonly AgentRecord[],
  vetoedCounties: ReadonlySet<number>,
): Suggestion[] {
  const rate = (a: AgentRecord) => percent(a.repliesOnTime, a.repliesDue) ?? 0;
  const perCounty = new Map<number, number>();
  const out: Suggestion[] = [];
  const eligible = agents
    .filter(
      (a) =>
        a.active &&
        a.certified &&
        a.casesConcluded >= COMMENDATION_POLICY.minConcludedCases &&
        !vetoedCounties.has(a.countyId),
    )
    .sort((a, b) => b.casesConcluded - a.casesConcluded || rate(b) - rate(a) || a.agentId - b.agentId);
  for (const a of eligible) {
    if (out.length >= COMMENDATION_POLICY.agents) break;
    const n = perCounty.get(a.countyId) ?? 0;
    if (n >= COMMENDATION_POLICY.agentsPerCounty) continue;
    perCounty.set(a.countyId, n + 1);
    const replies = a.repliesDue > 0 && meetsStandard(standardByCode('reply_on_time')!, rate(a)) === true;
    out.push({
      kind: 'agent',
      countyId: a.countyId,
      workPointId: null,
      agentId: a.agentId,
      reason: `持证上岗，${year}年办结代理案件${a.casesConcluded}件${standardsMet({ closure: false, replies })}`,
    });
  }
  return out;
}

export type CommendationDecision = 'approve' | 'reject';

/** Only a proposal is decided; an approval is dated. */
export function decideCommendation(
  status: string,
  decision: CommendationDecision,
  today: string,
): { status: 'approved' | 'rejected'; approvedOn: string | null } {
  if (status !== 'proposed') throw new DomainError('WRONG_STATUS', '只能审批“拟表彰”状态的推荐');
  return decision === 'approve' ? { status: 'approved', approvedOn: today } : { status: 'rejected', approvedOn: null };
}

/** The program began in 2014 (平妇字〔2014〕17号): no commendation is of a year before it, or still to come. */
export const FIRST_COMMENDATION_YEAR = 2014;

/** What is wrong with a commendation as its form would save it. */
export function commendationProblems(values: { year?: unknown; reason?: unknown }, today: string): FieldProblems {
  const c = new ProblemCollector();
  const thisYear = Number(today.slice(0, 4));
  const year = readNumber(values.year as TextInput);
  c.add('year', required(values.year as TextInput, '请填写表彰年度'));
  if (year !== null && !(Number.isInteger(year) && inRange(year, FIRST_COMMENDATION_YEAR, thisYear)))
    c.add('year', problem('YEAR_RANGE', `表彰年度应在${FIRST_COMMENDATION_YEAR}年至${thisYear}年之间`));
  c.add('reason', maxLength(values.reason as TextInput, 500));
  return c.problems;
}
