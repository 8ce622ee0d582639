import { flat, type ActionResponse, type After } from 'adminjs';
import { validateAnalysisReport, withUnitDefaults } from '../../domain/analysis-report-rules.js';
import type { CaseFigures } from '../../domain/case-statistics.js';
import { AnalysisReport } from '../../entities/analysis-report.js';
import { analysisFigures, refreshAnalysisFigures, unitOf } from '../../services/analysis-report-service.js';
import { stepAction } from '../actions/form-action.js';
import { Components } from '../components/index.js';
import { figuresHtml } from '../figures-view.js';
import { allowed, computed, countyHeading, defineResource } from '../resource-kit.js';
import { chinaToday } from '../clock.js';
import { dataSource } from '../data-source.js';
import layout from './layouts/analysis-report.json' with { type: 'json' };

const withFigures: After<ActionResponse> = async (response) => {
  const record = response.record;
  if (record?.params) {
    const figures = flat.get(record.params, 'figures') as CaseFigures | undefined;
    const stale =
      figures?.period &&
      (figures.period.from !== record.params.periodStart || figures.period.to !== record.params.periodEnd);
    record.params.statistics = figuresHtml(
      figures,
      stale ? '统计期间已修改，请点击“重新取数”' : '由系统按案件台账统计',
      { satisfaction: true },
    );
  }
  return response;
};

export const analysisReportResource = defineResource(
  AnalysisReport,
  {
    id: 'AnalysisReport',
    // the contact's number: a mobile is masked for leaders (PERSONAL_DATA.contact)
    personal: 'contact',
    heading: countyHeading(
      (r) => `案件分析报告（${String(r.periodStart ?? '').slice(0, 10)}至${String(r.periodEnd ?? '').slice(0, 10)}）`,
    ),
    readOnly: ['figures', 'createdById'],
    // 附件6: the unit's contact and phone are the county's own unless the clerk gives others
    validate: async (values, { today, em }) => {
      const unit =
        Number.isInteger(Number(values.countyId)) && values.countyId != null
          ? await unitOf(em, Number(values.countyId))
          : null;
      Object.assign(values, withUnitDefaults(values, unit, today));
      return validateAnalysisReport(values, { today, unit });
    },
    beforeInsert: async (values, { em, actor }) => {
      values.createdById = actor?.id ?? null;
      values.figures = await analysisFigures(
        em,
        Number(values.countyId),
        // the period's days are required and checked by validate before any insert
        values.periodStart as string,
        values.periodEnd as string,
        chinaToday(),
      );
    },
  },
  layout,
  {
    properties: {
      analysis: { description: '本期案件的特点、原因分析和工作建议，由县（市、区）妇联撰写' },
      reportDate: { description: '不填为今天' },
      contactPerson: { isRequired: false, description: '不填时取本单位登记的联系人' },
      contactPhone: { isRequired: false, description: '不填时取本单位登记的联系电话' },
      statistics: computed('richtext'),
    },
    actions: {
      show: { after: withFigures },
      refreshAnalysisFigures: stepAction({
        icon: 'RefreshCw',
        intro: '按统计期间从案件台账重新统计本期数据（新建时已自动统计）。',
        submitLabel: '重新取数',
        fields: [],
        isAccessible: allowed('AnalysisReport', 'write'),
        run: ({ actor, recordId, version }) =>
          refreshAnalysisFigures(dataSource(), actor, recordId, chinaToday(), version),
        success: '已重新统计本期数据',
      }),
      downloadAnalysisReport: {
        actionType: 'record',
        icon: 'Download',
        component: Components.FileLink,
        isAccessible: allowed('AnalysisReport', 'read'),
        custom: {
          href: '/admin/files/analysis-reports/{id}.docx',
          label: '下载案件分析报告（Word文档）',
          intro: '附件6 案件分析报告：A4版式，含报送单位、报告日期、联系人和电话、本期统计数据和分析内容。',
        },
        handler: async (_request, _response, context) => ({ record: context.record!.toJSON(context.currentAdmin) }),
      },
    },
  },
);
