import type { EntityManager } from 'typeorm';
import type { Actor } from '../domain/access-policy.js';
import { applyReportStep, mayTakeReportStep, STEP_LABELS, type ReportStep } from '../domain/annual-report-rules.js';
import type { ReportStatus } from '../domain/vocabulary.js';
import { carryOver, type AnnualFigures } from '../domain/year-end-carry-over.js';
import { localDate } from '../domain/dates.js';
import { DomainError } from '../domain/errors.js';
import { AnnualReport } from '../entities/annual-report.js';
import { writeAudit } from './audit.js';
import { countyFigures, yearPeriod } from './case-statistics-query.js';
import { saveChange, takeStep, type RecordStep } from './record-step.js';

type SignedIn = Actor & { email?: string };

export class ReportStepForbidden extends DomainError {
  constructor(step: ReportStep) {
    super(
      'FORBIDDEN',
      step === 'return' || step === 'accept' ? `只有市妇联可以${STEP_LABELS[step]}统计表` : '无权操作该统计表',
    );
  }
}

/**
 * The figures of a county's year as they stand on `today`: what a draft shows and a submission freezes —
 * with 上年结转, the stretch of the previous year after its 附件7 was frozen (src/domain/year-end-carry-over.ts).
 */
export async function annualFigures(
  em: Pick<EntityManager, 'query'>,
  countyId: number,
  year: number,
  today: string,
): Promise<AnnualFigures> {
  const own = await countyFigures(em, countyId, yearPeriod(year), today);
  const previous: {
    status: ReportStatus;
    version: number;
    voided: boolean;
    as_of: string | null;
    submitted_at: Date | null;
  }[] = await em.query(
    `SELECT status::text AS status, version, voided_at IS NOT NULL AS voided, figures->>'asOf' AS as_of, submitted_at
       FROM annual_report WHERE county_id = $1 AND year = $2`,
    [countyId, year - 1],
  );
  const carry = carryOver(
    year - 1,
    previous.map((p) => ({
      status: p.status,
      version: p.version,
      voided: p.voided,
      asOf: p.as_of,
      frozenAt: p.submitted_at?.toISOString() ?? null,
    })),
  );
  return { ...own, carriedOver: carry && (await countyFigures(em, countyId, carry.period, today, carry.lateEntries)) };
}

/** Serialises the creation of a county's table for a year (新建, 修改后重新上报) until the transaction ends. */
export async function lockCountyYear(em: Pick<EntityManager, 'query'>, countyId: number, year: number): Promise<void> {
  await em.query(`SELECT pg_advisory_xact_lock(hashtext('annual_report:' || $1::text), $2::int)`, [countyId, year]);
}

async function isLatest(em: EntityManager, report: AnnualReport): Promise<boolean> {
  const [{ latest }] = await em.query(
    `SELECT max(version) AS latest FROM annual_report WHERE county_id = $1 AND year = $2`,
    [report.countyId, report.year],
  );
  return Number(latest) === report.version;
}

/**
 * 上报, 退回, 审核通过 and 修改后重新上报 are each one step on one version of a county's table: load (locked) →
 * permission → domain step (which needs to know whether this is the latest version) → save + audit, in one
 * transaction.
 */
function reportStep<T>(
  step: ReportStep,
  work: (em: EntityManager, actor: SignedIn, report: AnnualReport, latest: boolean, now: Date) => Promise<T>,
): RecordStep<SignedIn, [now: Date, expectedVersion?: unknown], T> {
  return (ds, actor, reportId, now, expectedVersion) => {
    // a step taken on a page loaded before someone else's change is refused: no change is lost unseen
    const refuse = (report: AnnualReport) =>
      mayTakeReportStep(actor, step, report.countyId) ? null : new ReportStepForbidden(step);
    const target = { entity: AnnualReport, id: reportId, missing: '统计表不存在', refuse, expectedVersion };
    return takeStep(ds, target, async (em, report) => work(em, actor, report, await isLatest(em, report), now));
  };
}

function save(em: EntityManager, actor: SignedIn, report: AnnualReport, change: Partial<AnnualReport>, action: string) {
  return saveChange(em, report, change, {
    actor,
    action,
    resource: 'AnnualReport',
    // the frozen figures are in the row; the audit names the headline numbers only
    amend: (changes, saved) =>
      changes.figures
        ? { ...changes, figures: { before: null, after: summary(saved.figures as unknown as AnnualFigures) } }
        : changes,
  });
}

const summary = (f: AnnualFigures) => ({
  asOf: f.asOf,
  accepted: f.accepted,
  closed: f.closed,
  closureRate: f.closureRate,
  ...(f.carriedOver ? { carriedOver: f.carriedOver.accepted } : {}),
});

/** 上报: the year's figures computed now and frozen into this version; late after 20 December. */
export const submitAnnualReport = reportStep('submit', async (em, actor, report, latest, now) => {
  const outcome = applyReportStep({ ...report, isLatest: latest }, 'submit', {}, now);
  const figures = await annualFigures(em, report.countyId, report.year, localDate(now));
  return save(
    em,
    actor,
    report,
    {
      status: outcome.status,
      isLate: outcome.isLate!,
      figures: figures as unknown as Record<string, unknown>,
      submittedAt: now,
      submittedById: actor.id,
    },
    'submitAnnualReport',
  );
});

/** 退回 by the city with its reason; the version stays as it was submitted. */
export const returnAnnualReport: RecordStep<
  SignedIn,
  [input: { reason?: string | null }, now: Date, expectedVersion?: unknown],
  AnnualReport
> = (ds, actor, reportId, input, now, expectedVersion) =>
  reportStep('return', (em, _sameActor, report, latest) => {
    const outcome = applyReportStep({ ...report, isLatest: latest }, 'return', input, now);
    const change = {
      status: outcome.status,
      returnReason: outcome.returnReason!,
      reviewedAt: now,
      reviewedById: actor.id,
    };
    return save(em, actor, report, change, 'returnAnnualReport');
  })(ds, actor, reportId, now, expectedVersion);

/** 审核通过 by the city. */
export const acceptAnnualReport = reportStep('accept', (em, actor, report, latest, now) => {
  const outcome = applyReportStep({ ...report, isLatest: latest }, 'accept', {}, now);
  const change = { status: outcome.status, reviewedAt: now, reviewedById: actor.id };
  return save(em, actor, report, change, 'acceptAnnualReport');
});

/** 修改后重新上报: a returned version opens the next version as a draft (its remarks carried over). */
export const reviseAnnualReport = reportStep(
  'revise',
  async (em, actor, report, latest, now): Promise<AnnualReport> => {
    await lockCountyYear(em, report.countyId, report.year);
    applyReportStep({ ...report, isLatest: latest }, 'revise', {}, now);
    const draft = await em.save(
      em.create(AnnualReport, {
        countyId: report.countyId,
        year: report.year,
        version: report.version + 1,
        status: 'draft',
        remarks: report.remarks,
      }),
    );
    await writeAudit(em, {
      actor,
      action: 'reviseAnnualReport',
      resource: 'AnnualReport',
      recordId: draft.id,
      countyId: draft.countyId,
      changes: { year: draft.year, version: draft.version, revises: report.id },
    });
    return draft;
  },
);
