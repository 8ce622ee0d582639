// 表彰奖励 (平妇字〔2014〕17号 工作要求: outstanding work points and agents are commended). The city
// proposes, from the year's evaluation and the agents' records, then approves or rejects each proposal.
import { DomainError } from './errors.js';
import { percent } from './case-statistics.js';

export const COMMENDATION_POLICY = {
  /** work points suggested: the best-ranked counties not vetoed and not failed */
  workPoints: 3,
  /** agents suggested across the city, at most this many per county */
  agents: 10,
  agentsPerCounty: 2,
  /** an agent is suggested only with at least this many cases concluded that year */
  minConcludedCases: 2,
} as const;

const RESULT_TEXT = { excellent: '优秀', passed: '合格', failed: '不合格' } as const;

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
  result: keyof typeof RESULT_TEXT | null;
  workPointId: number | null;
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
      reason: `${year}年度考评第${c.rank}名，总分${c.total}分，结果${RESULT_TEXT[c.result!]}`,
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
    const replies = a.repliesDue ? `，7日内出具答复意见率${rate(a)}%` : '';
    out.push({
      kind: 'agent',
      countyId: a.countyId,
      workPointId: null,
      agentId: a.agentId,
      reason: `${year}年办结代理案件${a.casesConcluded}件${replies}，持证上岗`,
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
