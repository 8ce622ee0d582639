import type { Action, ActionContext, ActionHandler, ActionRequest, ActionResponse } from 'adminjs';
import { isStepAvailable, mayTakeReportStep, type ReportStep } from '../../domain/annual-report-rules.js';
import {
  acceptAnnualReport,
  reviseAnnualReport,
  returnAnnualReport,
  submitAnnualReport,
} from '../../services/annual-report-service.js';
import { stepAction } from '../actions/form-action.js';
import type { ActionField } from '../components/action-form.js';
import { actorOf } from '../current-actor.js';
import { now } from '../clock.js';
import { dataSource } from '../data-source.js';

const mayTake = (step: ReportStep) => (context: ActionContext) =>
  mayTakeReportStep(actorOf(context), step, context.record ? (context.record.params.countyId ?? null) : undefined);

interface StepForm {
  icon: string;
  intro: string;
  submitLabel: string;
  fields: ActionField[];
  success: string;
  run: (
    actor: NonNullable<ReturnType<typeof actorOf>>,
    id: number,
    payload: Record<string, string | undefined>,
    version: unknown,
  ) => Promise<unknown>;
}

const FORMS: Record<ReportStep, StepForm> = {
  submit: {
    icon: 'Send',
    intro:
      '上报时系统按本县（市、区）当年案件台账重新计算结案统计数据并冻结为本版本的快照，之后修改案件不再影响已上报的数据。请于12月20日前上报市妇联权益部，逾期上报将标记为“逾期”。备注请先在“编辑”中填写。',
    submitLabel: '确认上报',
    fields: [],
    success: '统计表已上报市妇联',
    run: (actor, id, _payload, version) => submitAnnualReport(dataSource(), actor, id, now(), version),
  },
  return: {
    icon: 'CornerUpLeft',
    intro: '退回后由县（市、区）修改并重新上报（生成新版本，原版本保留）。',
    submitLabel: '退回',
    fields: [{ name: 'reason', label: '退回原因', type: 'textarea', required: true }],
    success: '统计表已退回',
    run: (actor, id, payload, version) =>
      returnAnnualReport(dataSource(), actor, id, { reason: payload.reason }, now(), version),
  },
  accept: {
    icon: 'CheckCircle',
    intro: '审核通过后，该版本的数据计入全市结案统计表（汇总）。',
    submitLabel: '审核通过',
    fields: [],
    success: '统计表已审核通过',
    run: (actor, id, _payload, version) => acceptAnnualReport(dataSource(), actor, id, now(), version),
  },
  revise: {
    icon: 'Edit',
    intro:
      '根据退回原因修改：系统生成该年度的新版本草稿（备注沿用），数据按案件台账重新计算；检查无误后再次上报。被退回的版本保留备查。',
    submitLabel: '生成新版本草稿',
    fields: [],
    success: '已生成新版本草稿',
    run: (actor, id, _payload, version) => reviseAnnualReport(dataSource(), actor, id, now(), version),
  },
};

function reportStepAction(step: ReportStep): Partial<Action<ActionResponse>> {
  const form = FORMS[step];
  const action = stepAction({
    ...form,
    isAccessible: mayTake(step),
    isVisible: (context: ActionContext) => isStepAvailable(context.record?.params.status, step),
    run: ({ actor, recordId, payload, version }) => form.run(actor, recordId, payload, version),
  });
  const handler = action.handler as ActionHandler<ActionResponse>;
  return {
    ...action,
    handler:
      step === 'revise'
        ? // the new version is another record: go there
          async (request: ActionRequest, response: unknown, context: ActionContext) => {
            const result = (await handler(request, response, context)) as ActionResponse;
            if (request.method !== 'post' || result.notice?.type === 'error') return result;
            const [draft] = await dataSource().manager.query(
              `SELECT id FROM annual_report WHERE county_id = $1 AND year = $2 ORDER BY version DESC LIMIT 1`,
              [context.record!.params.countyId, context.record!.params.year],
            );
            return {
              ...result,
              redirectUrl: context.h.recordActionUrl({
                resourceId: 'AnnualReport',
                recordId: draft.id,
                actionName: 'show',
              }),
            };
          }
        : handler,
  };
}

export const annualReportActions = {
  submitAnnualReport: reportStepAction('submit'),
  returnAnnualReport: reportStepAction('return'),
  acceptAnnualReport: reportStepAction('accept'),
  reviseAnnualReport: reportStepAction('revise'),
};
