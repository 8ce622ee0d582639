import { flat, type ActionContext, type ActionResponse, type After } from 'adminjs';
import {
  describeDeadline,
  newVersionProblem,
  reportableYearProblem,
  statisticsDueOn,
} from '../../domain/annual-report-rules.js';
import type { CaseFigures } from '../../domain/case-statistics.js';
import { DomainError, problem, type FieldProblems } from '../../domain/errors.js';
import { AnnualReport } from '../../entities/annual-report.js';
import { annualFigures, lockCountyYear } from '../../services/annual-report-service.js';
import { Components } from '../components/index.js';
import { actorOf } from '../current-actor.js';
import { figuresHtml } from '../figures-view.js';
import { allowed, changeableWhile, computed, countyHeading, defineResource } from '../resource-kit.js';

import { annualReportActions } from './annual-report.actions.js';
import { chinaToday } from '../clock.js';
import { dataSource } from '../data-source.js';
import layout from './layouts/annual-report.json' with { type: 'json' };

// the submission and the city's review: set by 上报, 审核通过 and 退回 only, shown on the page
const SUBMISSION_FIELDS = ['submittedAt', 'submittedById', 'isLate', 'reviewedAt', 'reviewedById', 'returnReason'];

/** A draft shows the figures as they stand today; a submitted version its frozen snapshot. */
const withFigures: After<ActionResponse> = async (response) => {
  const record = response.record;
  if (!record?.params?.countyId) return response;
  const today = chinaToday();
  const draft = record.params.status === 'draft';
  const figures = draft
    ? await annualFigures(dataSource().manager, Number(record.params.countyId), Number(record.params.year), today)
    : (flat.get(record.params, 'figures') as CaseFigures);
  record.params.statistics = figuresHtml(
    figures,
    draft ? '草稿：按今天的案件台账实时计算，上报时冻结' : '上报时冻结的快照',
  );
  record.params.deadline = `${statisticsDueOn(Number(record.params.year))}（${describeDeadline(Number(record.params.year), today)}）`;
  return response;
};

// the all-county summary carries every county's figures: for the city and leaders, not one county's staff
const readsAllCounties = (context: ActionContext) =>
  allowed('AnnualReport', 'read')(context) && actorOf(context)?.role !== 'county_staff';
// …and a county's staff download her own county's accepted table
const readsOwnCounty = (context: ActionContext) =>
  allowed('AnnualReport', 'read')(context) && actorOf(context)?.role === 'county_staff';

const summaryDownload = (format: 'xlsx' | 'docx', label: string, county: boolean) => ({
  actionType: 'resource' as const,
  icon: 'Download',
  component: Components.FileLink,
  showInDrawer: true,
  isAccessible: county ? readsOwnCounty : readsAllCounties,
  custom: {
    href: `/admin/files/annual-reports/summary.${format}`,
    keepFilters: true,
    label,
    intro: county
      ? '本县（市、区）经市妇联审核通过的结案统计表（附件7），即审核通过版本上报时的数据。年度取列表筛选中的“年度”，未筛选时为最近一个应报年度。'
      : '全市各县（市、区）审核通过的结案统计表（附件7）汇总：每县一行，最后一行为合计。年度取列表筛选中的“年度”，未筛选时为最近一个应报年度。',
  },
  handler: async () => ({}),
});

export const annualReportResource = defineResource(
  AnnualReport,
  {
    id: 'AnnualReport',
    heading: countyHeading((r) => `${r.year}年度结案统计表（第${r.version ?? 1}版）`),
    // 作废 for everything that reached the city; a draft never submitted is the county's own scratch paper
    deletable: (row, actor) =>
      row.status === 'draft' && !row.submittedAt && actor.role === 'county_staff' && actor.countyId === row.countyId,
    readOnly: ['status', 'version', 'figures', ...SUBMISSION_FIELDS],
    validate: async (values, { today, em, before }): Promise<FieldProblems> => {
      const year = Number(values.year);
      if (before) return before.year === year ? {} : { year: problem('YEAR_FIXED', '年度不能修改') };
      if (!Number.isInteger(Number(values.countyId))) return { countyId: problem('REQUIRED', '请选择报送单位') };
      const yearProblem = reportableYearProblem(year, today);
      if (yearProblem) return { year: problem('YEAR', yearProblem) };
      // concurrent 新建 for one county and year wait for each other, so the second one sees the first
      await lockCountyYear(em, Number(values.countyId), year);
      const existing = await em.query(
        `SELECT status::text AS status FROM annual_report WHERE county_id = $1 AND year = $2 AND voided_at IS NULL`,
        [values.countyId, year],
      );
      const versionProblem = newVersionProblem(existing);
      return versionProblem ? { year: problem('EXISTS', versionProblem) } : {};
    },
    beforeInsert: async (values, { em }) => {
      const [{ latest }] = await em.query(
        `SELECT max(version) AS latest FROM annual_report WHERE county_id = $1 AND year = $2`,
        [values.countyId, values.year],
      );
      values.version = Number(latest ?? 0) + 1;
      values.status = 'draft';
    },
    // 附件7 is frozen once submitted: only a draft is edited or deleted
    assertWritable: async (values) => {
      if (values.status && values.status !== 'draft') {
        throw new DomainError('FROZEN', '已上报的统计表不能修改或删除；被退回的请选择“修改后重新上报”生成新版本');
      }
    },
  },
  layout,
  {
    properties: {
      year: { description: `每年12月20日前上报当年的结案统计表；数据由系统按案件台账计算，无需填写。` },
      statistics: computed('richtext'),
      deadline: computed('string'),
    },
    actions: {
      show: { after: withFigures },
      ...changeableWhile((context) => context.record?.params.status === 'draft'),
      ...annualReportActions,
      closureSummaryXlsx: summaryDownload('xlsx', '下载全市结案统计表（Excel）', false),
      closureSummaryDocx: summaryDownload('docx', '下载全市结案统计表（Word）', false),
      countyClosureXlsx: summaryDownload('xlsx', '下载本县结案统计表（Excel）', true),
      countyClosureDocx: summaryDownload('docx', '下载本县结案统计表（Word）', true),
    },
  },
);
