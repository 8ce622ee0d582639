import type { DataSource, EntityManager } from 'typeorm';
import { can, type Actor } from '../domain/access-policy.js';
import { DomainError } from '../domain/errors.js';
import {
  adjustItem,
  evaluationResult,
  prefillItems,
  rankEvaluations,
  refreshItems,
  totalScore,
  vetoReasonProblem,
  type EvaluationInputs,
  type EvaluationItem,
} from '../domain/evaluation-policy.js';
import { Evaluation } from '../entities/evaluation.js';
import { diffFields, writeAudit } from './audit.js';
import { takeStep, type RecordStep } from './record-step.js';

type SignedIn = Actor & { email?: string };
type Query = Pick<EntityManager, 'query'>;

export interface EvaluationScores {
  items: EvaluationItem[];
  generatedAt: string;
}

export const itemsOf = (e: Pick<Evaluation, 'scores'>): EvaluationItem[] =>
  (e.scores as unknown as EvaluationScores)?.items ?? [];

const forbidden = () => new DomainError('FORBIDDEN', '只有市妇联可以考评');

/** Each county's inputs for `year`: its scorecard, the info reports adopted, its latest inspection's overdue rectifications. */
export async function evaluationInputs(em: Query, year: number): Promise<Map<number, EvaluationInputs>> {
  const counties: { id: number }[] = await em.query(
    `SELECT id FROM organization WHERE level = 'county' AND voided_at IS NULL ORDER BY code`,
  );
  const scorecard: { county_id: number; standard_code: string; measure: number | null; passed: boolean | null }[] =
    await em.query(
      `SELECT county_id, standard_code, measure::float AS measure, passed FROM reporting.county_scorecard WHERE year = $1`,
      [year],
    );
  const adoption: { county_id: number; reports_adopted: number }[] = await em.query(
    `SELECT county_id, reports_adopted FROM reporting.info_report_adoption WHERE year = $1`,
    [year],
  );
  const inspections: { county_id: number; rectifications_overdue: number }[] = await em.query(
    `SELECT county_id, rectifications_overdue FROM reporting.county_inspection_latest WHERE year = $1`,
    [year],
  );
  return new Map(
    counties.map((c) => [
      c.id,
      {
        scorecard: scorecard
          .filter((s) => s.county_id === c.id)
          .map((s) => ({ code: s.standard_code, measure: s.measure, passed: s.passed })),
        infoReportsAdopted: adoption.find((a) => a.county_id === c.id)?.reports_adopted ?? 0,
        overdueRectifications: inspections.find((i) => i.county_id === c.id)?.rectifications_overdue ?? 0,
      },
    ]),
  );
}

function settle(e: Evaluation, items: EvaluationItem[], now: Date): void {
  e.scores = {
    items,
    generatedAt: (e.scores as { generatedAt?: string } | null)?.generatedAt ?? now.toISOString(),
  } as unknown as Record<string, unknown>;
  const total = totalScore(items);
  e.totalScore = total.toFixed(1);
  e.result = evaluationResult(total, e.veto);
}

/** Ranks of the whole year again, saved; returns the changes for the audit. */
async function rerank(
  em: EntityManager,
  year: number,
): Promise<Record<string, { before: number | null; after: number }>> {
  // a voided (作废) evaluation takes no rank
  const all = (await em.find(Evaluation, { where: { year }, lock: { mode: 'pessimistic_write' } })).filter(
    (e) => (e as { voidedAt?: Date | null }).voidedAt == null,
  );
  const ranks = rankEvaluations(all.map((e) => ({ id: e.id, total: Number(e.totalScore), veto: e.veto })));
  const changed: Record<string, { before: number | null; after: number }> = {};
  for (const e of all) {
    const rank = ranks.get(e.id)!;
    if (e.rank === rank) continue;
    changed[String(e.countyId)] = { before: e.rank, after: rank };
    e.rank = rank;
    await em.save(e);
  }
  return changed;
}

/** 生成考评: every county's scores proposed from the year's data (the city's adjustments kept), totals, results and ranks. */
export async function generateEvaluations(
  ds: DataSource,
  actor: SignedIn,
  year: number,
  now: Date,
): Promise<{ created: number; refreshed: number }> {
  if (!can(actor, 'write', 'Evaluation')) throw forbidden();
  if (!Number.isInteger(year) || year < 2014 || year > now.getUTCFullYear() + 1)
    throw new DomainError('YEAR', '请填写有效的考评年度', 'year');
  return ds.transaction(async (em) => {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('evaluation'), $1::int)`, [year]);
    const inputs = await evaluationInputs(em, year);
    const existing = await em.find(Evaluation, { where: { year } });
    let created = 0;
    for (const [countyId, input] of inputs) {
      const fresh = prefillItems(input);
      const current = existing.find((e) => e.countyId === countyId);
      const e = current ?? em.create(Evaluation, { countyId, year, veto: false, vetoReason: null });
      const before = { totalScore: e.totalScore ?? null, result: e.result ?? null };
      settle(e, current ? refreshItems(itemsOf(current), fresh) : fresh, now);
      const saved = await em.save(e);
      if (!current) created++;
      await writeAudit(em, {
        actor,
        action: 'generateEvaluation',
        resource: 'Evaluation',
        recordId: saved.id,
        countyId,
        changes: { year, ...diffFields(before, { totalScore: e.totalScore, result: e.result }) },
      });
    }
    await rerank(em, year);
    return { created, refreshed: inputs.size - created };
  });
}

/**
 * 调整得分, 一票否决 and 撤销否决 are each one change to one county's evaluation, called alike
 * (ds, actor, id, input with the page's rowVersion, now): the change, then the total, result and the year's
 * ranks settled again and audited.
 */
function evaluationStep<I extends { rowVersion?: unknown }>(
  action: string,
  change: (e: Evaluation, input: I, actor: SignedIn, now: Date) => Record<string, unknown>,
): RecordStep<SignedIn, [input: I, now: Date], Evaluation> {
  return (ds, actor, id, input, now) => {
    // a second city session working from an older page must not overwrite the first one's adjustment
    const refuse = () => (can(actor, 'write', 'Evaluation') ? null : forbidden());
    const target = { entity: Evaluation, id, missing: '考评记录不存在', refuse, expectedVersion: input.rowVersion };
    return takeStep(ds, target, async (em, e) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('evaluation'), $1::int)`, [e.year]);
      const before = { totalScore: e.totalScore, result: e.result, veto: e.veto, vetoReason: e.vetoReason };
      const extra = change(e, input, actor, now);
      settle(e, itemsOf(e), now);
      await em.save(e);
      // the audit names the ranks the saved score moved
      const ranks = await rerank(em, e.year);
      await writeAudit(em, {
        actor,
        action,
        resource: 'Evaluation',
        recordId: e.id,
        countyId: e.countyId,
        changes: {
          ...extra,
          ...diffFields(before, { totalScore: e.totalScore, result: e.result, veto: e.veto, vetoReason: e.vetoReason }),
          ...(Object.keys(ranks).length ? { ranks } : {}),
        },
      });
      return e;
    });
  };
}

/** 调整得分: one item's score changed by the city, with its reason (kept on the item and in the audit). */
export const adjustEvaluationScore = evaluationStep(
  'adjustEvaluationScore',
  (e, input: { code?: string; score?: string | number; reason?: string; rowVersion?: unknown }, actor, now) => {
    const score = input.score === '' || input.score == null ? NaN : Number(input.score);
    const before = itemsOf(e);
    const items = adjustItem(
      before,
      { code: input.code ?? '', score, reason: input.reason },
      { id: actor.id, email: actor.email ?? null },
      now,
    );
    e.scores = { ...(e.scores as object), items } as Record<string, unknown>;
    const item = items.find((i) => i.code === input.code)!;
    return {
      item: input.code,
      score: { before: before.find((i) => i.code === input.code)!.score, after: item.score },
      reason: input.reason?.trim(),
    };
  },
);

/** 一票否决: the county fails whatever its score; the reason is required. */
export const vetoEvaluation = evaluationStep(
  'vetoEvaluation',
  (e, input: { vetoReason?: string; rowVersion?: unknown }) => {
    const problem = vetoReasonProblem(input.vetoReason);
    if (problem) throw new DomainError('REASON_REQUIRED', problem, 'vetoReason');
    e.veto = true;
    e.vetoReason = input.vetoReason!.trim();
    return {};
  },
);

/** 撤销否决, with the reason it no longer applies (kept in the audit). */
export const liftVeto = evaluationStep('liftVeto', (e, input: { reason?: string; rowVersion?: unknown }) => {
  if (!e.veto) throw new DomainError('NOT_VETOED', '该单位未被一票否决');
  if (!input.reason?.trim()) throw new DomainError('REASON_REQUIRED', '撤销否决须写明理由', 'reason');
  e.veto = false;
  e.vetoReason = null;
  return { reason: input.reason.trim() };
});
