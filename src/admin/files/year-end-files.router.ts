import { recordId } from '../scoped-resource.js';
import express, { type Request, type Response } from 'express';
import type { DataSource } from 'typeorm';
import { can, countyScope, type ResourceId } from '../../domain/access-policy.js';
import { defaultReportYear } from '../../domain/annual-report-rules.js';
import { localDate } from '../../domain/dates.js';
import { personalValue } from '../../domain/personal-data.js';
import { buildAnalysisReportDocument } from '../../reports/year-end/analysis-report-document.js';
import { buildClosureDocument } from '../../reports/year-end/closure-statistics-document.js';
import { buildClosureWorkbook } from '../../reports/year-end/closure-statistics-workbook.js';
import { buildCommendationListDocument } from '../../reports/year-end/commendation-list-document.js';
import { DOCX_TYPE } from '../../reports/certificate-document.js';
import { XLSX_TYPE } from '../../services/agent-workbook.js';
import { analysisPrintData } from '../../services/analysis-report-service.js';
import { closureSummary } from '../../services/annual-report-summary.js';
import { writeAudit } from '../../services/audit.js';
import { approvedCommendations } from '../../services/commendation-service.js';
import type { SignedIn } from '../current-actor.js';
import { signedInRoute } from './route.js';
import { FIGURE_LABELS } from '../figures-view.js';
import { sendDownload } from './download-headers.js';
import { refuse } from '../refusals.js';

// The year-end papers: 附件7 汇总 (Excel and Word), 附件6 per report, the commendation list. Mounted under
// /admin/files after the session; each request is checked with `can` and written to the audit log.

interface Deps {
  dataSource: DataSource;
  now: () => Date;
}

/** `year` or the list's `filters.year` (the download keeps the list's filters), else the default. */
function yearOf(req: Request, fallback: number): number | null {
  const raw = req.query.year ?? req.query['filters.year'];
  if (raw === undefined || raw === '') return fallback;
  return typeof raw === 'string' && /^\d{4}$/.test(raw) ? Number(raw) : null;
}

export function yearEndFilesRouter({ dataSource, now }: Deps): express.Router {
  const router = express.Router();
  const em = () => dataSource.manager;

  /** Whether the user may read `resource` across all counties (city and leaders); if not, she is answered. */
  function cityWide(actor: SignedIn, res: Response, resource: ResourceId): boolean {
    if (can(actor, 'read', resource) && actor.role !== 'county_staff') return true;
    refuse(res, 'FORBIDDEN', '无权下载全市汇总');
    return false;
  }

  for (const format of ['xlsx', 'docx'] as const) {
    router.get(
      `/annual-reports/summary.${format}`,
      signedInRoute(async (actor, req, res) => {
        if (!can(actor, 'read', 'AnnualReport')) return void refuse(res, 'FORBIDDEN', '无权下载结案统计表');
        const today = localDate(now());
        const year = yearOf(req, defaultReportYear(today));
        if (!year) return void refuse(res, 'YEAR', '年度无效');
        // a county's staff get her own county's accepted table; the city and leaders every county's
        const county = countyScope(actor);
        const summary = await closureSummary(em(), year, county);
        const body =
          format === 'xlsx'
            ? await buildClosureWorkbook(summary, FIGURE_LABELS, today)
            : await buildClosureDocument(summary, FIGURE_LABELS, today);
        await writeAudit(em(), {
          actor,
          action: 'export',
          resource: 'AnnualReport',
          ip: req.ip,
          changes: { summary: year, format, accepted: summary.acceptedCount },
        });
        const unit = summary.county ?? '全市汇总';
        sendDownload(
          res,
          `${year}年度结案统计表（${unit}）.${format}`,
          format === 'xlsx' ? XLSX_TYPE : DOCX_TYPE,
          body,
        );
      }),
    );
  }

  router.get(
    '/analysis-reports/:id.docx',
    signedInRoute(async (actor, req, res) => {
      const id = recordId(req.params.id);
      const data = id !== null ? await analysisPrintData(em(), id) : null;
      if (!data || !can(actor, 'read', 'AnalysisReport', { countyId: data.countyId }))
        return void refuse(res, 'NOT_FOUND', '分析报告不存在或无权查看');
      // the contact's mobile as the reader may see it on the report's page (PERSONAL_DATA.contact)
      const contactPhone = personalValue('contact', 'contactPhone', actor.role, 'record', data.contactPhone) ?? '';
      const body = await buildAnalysisReportDocument({ ...data, contactPhone }, FIGURE_LABELS);
      await writeAudit(em(), {
        actor,
        action: 'download',
        resource: 'AnalysisReport',
        recordId: id,
        countyId: data.countyId,
        ip: req.ip,
      });
      sendDownload(res, `案件分析报告-${data.unit}-${data.periodStart}至${data.periodEnd}.docx`, DOCX_TYPE, body);
    }),
  );

  router.get(
    '/commendations/list.docx',
    signedInRoute(async (actor, req, res) => {
      if (!cityWide(actor, res, 'Commendation')) return;
      const today = localDate(now());
      const year = yearOf(req, Number(today.slice(0, 4)) - 1);
      if (!year) return void refuse(res, 'YEAR', '年度无效');
      const lines = await approvedCommendations(em(), year);
      const body = await buildCommendationListDocument(year, lines, today);
      await writeAudit(em(), {
        actor,
        action: 'export',
        resource: 'Commendation',
        ip: req.ip,
        changes: { list: year, rows: lines.length },
      });
      sendDownload(res, `${year}年度妇女信访代理工作表彰名单.docx`, DOCX_TYPE, body);
    }),
  );

  return router;
}
