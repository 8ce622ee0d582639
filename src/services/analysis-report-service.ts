import type { DataSource, EntityManager } from 'typeorm';
import { can, type Actor } from '../domain/access-policy.js';
import type { UnitContact } from '../domain/analysis-report-rules.js';
import type { CaseFigures } from '../domain/case-statistics.js';
import { DomainError } from '../domain/errors.js';
import { AnalysisReport } from '../entities/analysis-report.js';

import { countyFigures } from './case-statistics-query.js';
import { saveStep, takeStep } from './record-step.js';

type Query = Pick<EntityManager, 'query'>;

export interface Unit extends UnitContact {
  name: string;
}

/** The county as the report names it: 新华区妇联, with the contact on its record. */
export async function unitOf(em: Query, countyId: number): Promise<Unit | null> {
  const [row] = await em.query(`SELECT name, contact_person, contact_phone FROM organization WHERE id = $1`, [
    countyId,
  ]);
  return row ? { name: `${row.name}妇联`, contactPerson: row.contact_person, contactPhone: row.contact_phone } : null;
}

/** The period's figures from the warehouse, as known today. */
export function analysisFigures(
  em: Query,
  countyId: number,
  periodStart: string,
  periodEnd: string,
  today: string,
): Promise<CaseFigures> {
  return countyFigures(em, countyId, { from: periodStart, to: periodEnd }, today);
}

/** 重新取数: the figures taken again (after the period was changed, or cases were completed). */
export async function refreshAnalysisFigures(
  ds: DataSource,
  actor: Actor & { email?: string },
  reportId: number,
  today: string,
  expectedVersion?: unknown,
) {
  const refuse = (report: AnalysisReport) =>
    can(actor, 'write', 'AnalysisReport', report) ? null : new DomainError('FORBIDDEN', '无权修改该分析报告');
  return takeStep(ds, { entity: AnalysisReport, id: reportId, refuse, expectedVersion }, async (em, report) => {
    const figures = await analysisFigures(em, report.countyId, report.periodStart, report.periodEnd, today);
    report.figures = figures as unknown as Record<string, unknown>;
    return saveStep(em, report, {
      actor,
      action: 'refreshAnalysisFigures',
      resource: 'AnalysisReport',
      changes: { figures: { asOf: figures.asOf, accepted: figures.accepted, closed: figures.closed } },
    });
    return report;
  });
}

export interface AnalysisPrintData {
  id: number;
  countyId: number;
  unit: string;
  periodStart: string;
  periodEnd: string;
  reportDate: string;
  contactPerson: string;
  contactPhone: string;
  analysis: string | null;
  figures: CaseFigures | null;
}

export async function analysisPrintData(em: Query, reportId: number): Promise<AnalysisPrintData | null> {
  const [r] = await em.query(
    `SELECT r.id, r.county_id, o.name AS county_name, r.period_start::text AS period_start, r.period_end::text AS period_end,
            r.report_date::text AS report_date, r.contact_person, r.contact_phone, r.analysis, r.figures
       FROM analysis_report r JOIN organization o ON o.id = r.county_id WHERE r.id = $1`,
    [reportId],
  );
  if (!r) return null;
  return {
    id: r.id,
    countyId: r.county_id,
    unit: `${r.county_name}妇联`,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    reportDate: r.report_date,
    contactPerson: r.contact_person,
    contactPhone: r.contact_phone,
    analysis: r.analysis,
    figures: r.figures && 'accepted' in r.figures ? r.figures : null,
  };
}
