import { assertCurrent } from '../domain/record-version.js';
import type { DataSource, EntityManager } from 'typeorm';
import { can, type Actor } from '../domain/access-policy.js';
import {
  decideCommendation,
  suggestAgents,
  suggestWorkPoints,
  type CommendationDecision,
  type RankedCounty,
  type Suggestion,
} from '../domain/commendation-rules.js';
import { DomainError } from '../domain/errors.js';
import { Commendation } from '../entities/commendation.js';
import { writeAudit } from './audit.js';
import { saveStep } from './record-step.js';

type SignedIn = Actor & { email?: string };
type Query = Pick<EntityManager, 'query'>;

const forbidden = () => new DomainError('FORBIDDEN', '只有市妇联可以推荐和审批表彰');

/** What the suggestions are drawn from: the year's evaluation and the agents' case records of that year. */
async function suggestionsFor(em: Query, year: number): Promise<Suggestion[]> {
  const counties: {
    county_id: number;
    rank: number | null;
    total: number;
    veto: boolean;
    result: RankedCounty['result'];
    work_point_id: number | null;
    standards_passed: string[];
  }[] = await em.query(
    `SELECT e.county_id, e.rank, e.total_score::float AS total, e.veto, e.result::text AS result,
            ARRAY(SELECT i->>'code' FROM jsonb_array_elements(COALESCE(e.scores->'items', '[]')) i
                   WHERE (i->>'passed')::boolean) AS standards_passed,
            (SELECT w.id FROM work_point w WHERE w.county_id = e.county_id ORDER BY w.id LIMIT 1) AS work_point_id
       FROM evaluation e WHERE e.year = $1 AND e.voided_at IS NULL`,
    [year],
  );
  const agents: {
    agent_id: number;
    county_id: number;
    active: boolean;
    certified: boolean;
    concluded: number;
    replies_due: number;
    replies_on_time: number;
  }[] = await em.query(
    `SELECT a.agent_id, a.county_id, a.status = 'active' AS active, a.has_valid_certificate AS certified,
            count(f.case_id)::int AS concluded, count(f.reply_on_time)::int AS replies_due,
            (count(*) FILTER (WHERE f.reply_on_time))::int AS replies_on_time
       FROM reporting.agent_facts a
       JOIN reporting.case_facts f ON f.agent_id = a.agent_id AND f.concluded_year = $1
      GROUP BY a.agent_id, a.county_id, a.status, a.has_valid_certificate`,
    [year],
  );
  const vetoed = new Set(counties.filter((c) => c.veto).map((c) => c.county_id));
  return [
    ...suggestWorkPoints(
      year,
      counties.map((c) => ({
        countyId: c.county_id,
        rank: c.rank,
        total: c.total,
        veto: c.veto,
        result: c.result,
        workPointId: c.work_point_id,
        standardsPassed: c.standards_passed,
      })),
    ),
    ...suggestAgents(
      year,
      agents.map((a) => ({
        agentId: a.agent_id,
        countyId: a.county_id,
        active: a.active,
        certified: a.certified,
        casesConcluded: a.concluded,
        repliesDue: a.replies_due,
        repliesOnTime: a.replies_on_time,
      })),
      vetoed,
    ),
  ];
}

/** 推荐表彰对象: proposals from the evaluation and the agents' records; a work point or agent already on the year's list is skipped. */
export async function proposeCommendations(
  ds: DataSource,
  actor: SignedIn,
  year: number,
): Promise<{ proposed: number; skipped: number }> {
  if (!can(actor, 'write', 'Commendation')) throw forbidden();
  if (!Number.isInteger(year) || year < 2014) throw new DomainError('YEAR', '请填写有效的年度', 'year');
  return ds.transaction(async (em) => {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('commendation'), $1::int)`, [year]);
    const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM evaluation WHERE year = $1 AND voided_at IS NULL`, [
      year,
    ]);
    if (!n) throw new DomainError('NO_EVALUATION', `${year}年度尚未生成考评，请先在“考评”中生成`, 'year');
    const existing = await em.find(Commendation, { where: { year } });
    let proposed = 0;
    let skipped = 0;
    for (const s of await suggestionsFor(em, year)) {
      if (
        existing.some(
          (c) =>
            (s.agentId != null && c.agentId === s.agentId) ||
            (s.workPointId != null && c.workPointId === s.workPointId),
        )
      ) {
        skipped++;
        continue;
      }
      const saved = await em.save(em.create(Commendation, { year, ...s, status: 'proposed' }));
      await writeAudit(em, {
        actor,
        action: 'proposeCommendation',
        resource: 'Commendation',
        recordId: saved.id,
        countyId: s.countyId,
        changes: { year, ...s },
      });
      proposed++;
    }
    return { proposed, skipped };
  });
}

/** 批准 / 不予表彰, one proposal or several at once. */
export async function decideCommendations(
  ds: DataSource,
  actor: SignedIn,
  ids: number[],
  decision: CommendationDecision,
  today: string,
  /** the version the page showed, when one record is decided from its page */
  expectedVersion?: unknown,
): Promise<number> {
  if (!can(actor, 'write', 'Commendation')) throw forbidden();
  return ds.transaction(async (em) => {
    const rows = await em.find(Commendation, { where: ids.map((id) => ({ id })), lock: { mode: 'pessimistic_write' } });
    for (const c of rows) {
      // a voided proposal takes no decision; one decided from an older page is refused
      assertCurrent(c, rows.length === 1 ? expectedVersion : undefined);
      const outcome = decideCommendation(c.status, decision, today);
      const before = { status: c.status, approvedOn: c.approvedOn };
      Object.assign(c, outcome);
      await saveStep(em, c, {
        actor,
        action: decision === 'approve' ? 'approveCommendation' : 'rejectCommendation',
        resource: 'Commendation',
        changes: {
          status: { before: before.status, after: c.status },
          approvedOn: { before: before.approvedOn, after: c.approvedOn },
        },
      });
    }
    return rows.length;
  });
}

export interface CommendedLine {
  kind: 'work_point' | 'agent';
  county: string;
  name: string;
  detail: string | null;
  reason: string;
  approvedOn: string | null;
}

/** The approved list of a year, work points first, in county order. */
export async function approvedCommendations(em: Query, year: number): Promise<CommendedLine[]> {
  const rows: {
    kind: CommendedLine['kind'];
    county: string;
    name: string;
    township: string | null;
    reason: string;
    approved_on: string | null;
  }[] = await em.query(
    `SELECT c.kind::text AS kind, o.name AS county, COALESCE(w.name, a.name) AS name, t.name AS township, c.reason,
            c.approved_on::text AS approved_on
       FROM commendation c
       JOIN organization o ON o.id = c.county_id
       LEFT JOIN work_point w ON w.id = c.work_point_id
       LEFT JOIN agent a ON a.id = c.agent_id
       LEFT JOIN organization t ON t.id = a.township_id
      WHERE c.year = $1 AND c.status = 'approved' AND c.voided_at IS NULL
      ORDER BY c.kind, o.code, c.id`,
    [year],
  );
  return rows.map((r) => ({
    kind: r.kind,
    county: r.county,
    name: r.name,
    detail: r.township,
    reason: r.reason,
    approvedOn: r.approved_on,
  }));
}
