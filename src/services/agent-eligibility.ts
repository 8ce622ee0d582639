import type { EntityManager } from 'typeorm';
import { certificateValidOn, certificateValidUntil } from '../domain/certificate-validity.js';
import { compareDates } from '../domain/dates.js';
import { isValidDate } from '../domain/dates.js';
import { problem, type FieldProblems } from '../domain/errors.js';
import { loadCertificates } from './certificate-standing.js';

// 持证上岗 (创建标准 三): the rule every assignment of an agent to a case goes through.
export const NOT_CERTIFIED_MESSAGE = '该代理员在当日没有有效的代理员证，不能承办案件（持证上岗）';
export const INACTIVE_AGENT_MESSAGE = '该代理员已离岗，不能承办案件';

export interface Eligibility {
  eligible: boolean;
  /** why not, in words a county clerk understands; null when eligible */
  reason: string | null;
}

type Query = Pick<EntityManager, 'query'>;

/** May the agent take or work on a case on `day`? With the reason in Chinese when not. */
export async function agentEligibilityOn(em: Query, agentId: number, day: string): Promise<Eligibility> {
  const [agent]: { status: string }[] = await em.query(`SELECT status FROM agent WHERE id = $1`, [agentId]);
  if (!agent) return { eligible: false, reason: '所选代理员不存在' };
  if (agent.status !== 'active') return { eligible: false, reason: INACTIVE_AGENT_MESSAGE };
  const certificates = await loadCertificates(em, { agentIds: [agentId] });
  if (certificates.some((c) => certificateValidOn(c.cert, c.reviews, day))) return { eligible: true, reason: null };
  return { eligible: false, reason: NOT_CERTIFIED_MESSAGE };
}

/** True when the agent is in post and holds a certificate valid on `day`. */
export async function agentCertifiedOn(em: Query, agentId: number, day: string): Promise<boolean> {
  return (await agentEligibilityOn(em, agentId, day)).eligible;
}

/**
 * The agent check of a case form: a new case needs an agent certified on its acceptance day; changing
 * the agent of an existing case needs one certified today. Keeping the same agent is not re-checked.
 */
export async function caseAgentProblems(
  em: Query,
  values: { agentId?: number | string | null; acceptedOn?: string | null },
  before: { agentId?: number | null } | null,
  today: string,
): Promise<FieldProblems> {
  if (values.agentId == null || values.agentId === '') return {};
  const agentId = Number(values.agentId);
  if (before && before.agentId === agentId) return {};
  const day = !before && values.acceptedOn && isValidDate(values.acceptedOn) ? values.acceptedOn : today;
  const { eligible, reason } = await agentEligibilityOn(em, agentId, day);
  return eligible ? {} : { agentId: problem('AGENT_NOT_CERTIFIED', reason!) };
}

export interface EligibleAgent {
  id: number;
  name: string;
  township: string;
  /** the last day of the certificate's current one-year term */
  validUntil: string;
  /** how a picker shows her: name, township and certificate expiry */
  label: string;
}

/**
 * The agents who may take a case of the county on `day` (持证上岗): in post, of the county, not voided,
 * with a certificate valid that day; by township and name. What every agent picker of a case offers.
 */
export async function eligibleAgents(em: Query, countyId: number, day: string): Promise<EligibleAgent[]> {
  const agents: { id: number; name: string; township: string }[] = await em.query(
    `SELECT a.id, a.name, o.name AS township
       FROM agent a JOIN organization o ON o.id = a.township_id
      WHERE a.county_id = $1 AND a.status = 'active' AND a.voided_at IS NULL
      ORDER BY o.name, a.name, a.id`,
    [countyId],
  );
  const certificates = await loadCertificates(em, { agentIds: agents.map((a) => a.id) });
  const found: EligibleAgent[] = [];
  for (const a of agents) {
    const until = certificates
      .filter((c) => c.agentId === a.id && certificateValidOn(c.cert, c.reviews, day))
      .map((c) => certificateValidUntil(c.cert, c.reviews, day)!)
      .sort(compareDates)
      .pop();
    if (until) found.push({ ...a, validUntil: until, label: `${a.name}（${a.township}，证书有效期至${until}）` });
  }
  return found;
}
