import type { Action, ActionContext, ActionRequest, ActionResponse } from 'adminjs';
import { can, maySeePersonalData } from '../../domain/access-policy.js';
import { CASE_POLICY } from '../../domain/case-policy.js';
import { CASE_EVENTS, isEventAvailable, type CaseEvent } from '../../domain/case-workflow.js';
import { localDate } from '../../domain/dates.js';
import { formatQueryCode, mayHoldQueryCode, RATING_LABELS } from '../../domain/petitioner-view.js';
import { PetitionCase } from '../../entities/petition-case.js';
import { caseRatingOf, queryCodeOf, reissueQueryCode } from '../../services/petitioner-query.js';
import { caseFacts, transitionCase } from '../../services/case-workflow.js';
import type { ActionField } from '../components/action-form.js';
import { stepAction } from '../actions/form-action.js';
import { actorOf } from '../current-actor.js';
import { UI } from '../locale/ui.js';
import { allowed } from '../resource-kit.js';
import { now } from '../clock.js';
import { dataSource } from '../data-source.js';

interface EventForm {
  icon: string;
  intro: string;
  fields: ActionField[];
  submitLabel?: string;
}

const date = (name: string, label: string, help?: string): ActionField => ({
  name,
  label,
  type: 'date',
  required: true,
  help,
});

// What each step asks for; the field names are the case's properties, so errors land on them.
const FORMS: Record<CaseEvent, EventForm> = {
  acceptCase: {
    icon: 'CheckSquare',
    intro: `条例第二十三条：应自收到信访事项之日起${CASE_POLICY.acceptanceNoticeDays}日内书面告知信访人受理情况。请登记书面告知的日期。`,
    fields: [date('acceptanceNotifiedOn', '受理告知日期')],
    submitLabel: '登记受理告知',
  },
  startRepresenting: {
    icon: 'Play',
    intro:
      '开始代理前须登记受理告知，签订代理协议书（附件2）并送达代理告知书（附件3）；承办的代理员须属本县（市、区）、在岗，并在开始代理之日持有有效的资格证书（持证上岗）。',
    fields: [
      {
        name: 'agentId',
        label: '承办代理员',
        type: 'select',
        required: true,
        choicesFrom: { kind: 'agent', parent: 'countyId', on: 'representingSince' },
        help: '只列出本县（市、区）在岗、在开始代理之日持有效代理员证的代理员（乡镇、证书有效期）；改动开始代理日期，名单随之更新',
      },
      date('agreementSignedOn', '代理协议签订日期'),
      date('notifiedOn', '代理告知日期'),
      date('representingSince', '开始代理日期'),
    ],
  },
  extendDeadline: {
    icon: 'Clock',
    intro: `条例第三十四条：情况复杂的，经本机关、单位负责人批准，可延长办理期限一次，不超过${CASE_POLICY.maxExtensionDays}日，并告知信访人延期理由。`,
    fields: [
      {
        name: 'extensionDays',
        label: '延长天数',
        type: 'number',
        required: true,
        help: `1至${CASE_POLICY.maxExtensionDays}日`,
      },
      { name: 'extensionApprovedBy', label: '批准人', type: 'text', required: true },
      { name: 'extensionReason', label: '延期理由', type: 'textarea', required: true },
      date('extensionNotifiedOn', '告知信访人延期理由的日期'),
    ],
  },
  conclude: {
    icon: 'Flag',
    intro: `终结前须至少登记一条办案记录（附件4）。终结后${CASE_POLICY.replyDays}日内应向信访人出具答复意见书（附件5）。`,
    fields: [date('concludedOn', '终结日期'), { name: 'outcome', label: '办理结果', type: 'textarea', required: true }],
  },
  issueReply: {
    icon: 'FileText',
    intro: `协议第五条：案件办结后${CASE_POLICY.replyDays}日内出具答复意见书（一式两份，可在“下载文书”中生成）；信访人不服的，可于${CASE_POLICY.reviewWindowDays}日内提交上一级相关部门复查。`,
    fields: [date('replyIssuedOn', '答复意见书出具日期')],
  },
  requestReview: {
    icon: 'RotateCcw',
    intro: `条例第三十五条：信访人可自收到书面答复之日起${CASE_POLICY.reviewRequestDays}日内请求复查，复查机关应在${CASE_POLICY.reviewAnswerDays}日内答复。`,
    fields: [
      date('reviewRequestedOn', '申请复查日期'),
      { name: 'reviewDepartment', label: '复查机关', type: 'text', required: true },
      { name: 'reviewAnsweredOn', label: '复查答复日期', type: 'date', help: '复查机关已答复时填写；尚未答复的请清空' },
    ],
  },
  archive: {
    icon: 'Archive',
    intro: `一案一卷：归档前系统检查案卷是否齐全（登记表、代理协议书、代理告知书、办案记录表、答复意见书及其登记的日期和办理结果）。协议第五条：信访人可在收到答复意见书后${CASE_POLICY.reviewWindowDays}日内申请复查，复查申请期届满后方可归档；信访人书面放弃复查的，登记放弃日期后即可归档。归档后自动编制档案号，案卷锁定，不能再修改。`,
    fields: [
      {
        name: 'reviewDeclinedOn',
        label: '信访人书面放弃复查的日期',
        type: 'date',
        help: '复查申请期届满前归档时填写，并将书面放弃声明归入案卷',
      },
      date('archivedOn', '归档日期'),
    ],
  },
  terminate: {
    icon: 'XCircle',
    intro: '协议第六条：无法办结的案件，应及时向上级相关部门反映情况，并与信访人解除代理协议。',
    fields: [
      date('terminatedOn', '解除代理日期'),
      { name: 'terminationReason', label: '解除代理原因', type: 'textarea', required: true },
      { name: 'terminationReportedTo', label: '已报告的上级部门', type: 'text', required: true },
    ],
  },
  reopen: {
    icon: 'Unlock',
    intro: '重新打开已归档的案卷（仅限市妇联管理员），案件回到“终结”状态，可补充材料后再次归档，档案号不变。',
    fields: [{ name: 'reopenReason', label: '重新打开的原因', type: 'textarea', required: true }],
  },
};

function successMessage(event: CaseEvent, saved: PetitionCase): string {
  const message = UI.messages[`${event}Success` as keyof typeof UI.messages];
  return event === 'archive' ? `${message}，档案号 ${saved.archiveNo}` : message;
}

const write = allowed('PetitionCase', 'write');

// a listed row asks each of its steps whether it is legal now: its facts are read once per record
const factsOfRecord = new WeakMap<object, ReturnType<typeof caseFacts>>();
function factsOf(record: NonNullable<ActionContext['record']>): ReturnType<typeof caseFacts> {
  let facts = factsOfRecord.get(record.params);
  if (!facts) factsOfRecord.set(record.params, (facts = caseFacts(record.params)));
  return facts;
}

/** One workflow step as a record action: shown where legal, its form, the service, the outcome. */
function workflowAction(event: CaseEvent): Partial<Action<ActionResponse>> {
  const form = FORMS[event];
  return stepAction({
    icon: form.icon,
    intro: form.intro,
    submitLabel: form.submitLabel ?? UI.actions[event],
    fields: form.fields,
    isAccessible: write,
    // legality only hides the button: a request sent anyway reaches the service, which says why not
    isVisible: (context: ActionContext) => {
      if (!context.record) return false;
      if (event === 'reopen' && actorOf(context)?.role !== 'city_admin') return false;
      return isEventAvailable(factsOf(context.record), event);
    },
    run: ({ actor, recordId, payload, version }) =>
      transitionCase(dataSource().manager, {
        caseId: recordId,
        event,
        input: payload,
        actor,
        now: now(),
        expectedVersion: version,
      }),
    success: (saved) => successMessage(event, saved),
  });
}

export const workflowActions: Record<CaseEvent, Partial<Action<ActionResponse>>> = Object.fromEntries(
  CASE_EVENTS.map((event) => [event, workflowAction(event)]),
) as Record<CaseEvent, Partial<Action<ActionResponse>>>;

// 《信访工作条例》第二十一条: the query code printed on her 告知书 is a credential to her case. Her county's
// clerks and the city see it (they print it and re-issue it); leaders, read-only, never do.
const mayHoldCode = (context: ActionContext) =>
  mayHoldQueryCode(actorOf(context), context.record?.params.countyId ?? null);

/** 查询码 (for those who may hold it) and 信访人评价 (for all who read the case) on the case page. */
export async function withPetitionerChannel(
  response: ActionResponse,
  _request: ActionRequest,
  context: ActionContext,
): Promise<ActionResponse> {
  const params = response.record?.params;
  if (!params?.id) return response;
  const em = dataSource().manager;
  const caseId = Number(params.id);
  const [rating, code] = await Promise.all([
    caseRatingOf(em, caseId),
    mayHoldCode(context) ? queryCodeOf(em, caseId) : undefined,
  ]);
  const seesComment = maySeePersonalData(actorOf(context)!);
  params.petitionerRating = rating
    ? `${RATING_LABELS[rating.rating]}（${localDate(rating.ratedAt)}${rating.times > 1 ? `，共评价${rating.times}次` : ''}）` +
      (seesComment && rating.comment ? `：${rating.comment}` : '')
    : '尚未评价';
  if (code !== undefined) {
    params.queryCode = code
      ? `${formatQueryCode(code.code)}（${localDate(code.issuedAt)}生成${code.reissues ? `，已重新生成${code.reissues}次` : ''}）`
      : '';
  } else delete params.queryCode;
  return response;
}

export const reissueQueryCodeAction: Partial<Action<ActionResponse>> = stepAction({
  icon: 'Key',
  variant: 'danger',
  intro:
    '信访人遗失告知书或查询码可能被他人知悉时，可重新生成查询码：原查询码立即失效，请重新打印代理告知书或答复意见书交信访人。操作记入操作日志。',
  submitLabel: '重新生成',
  fields: [{ name: 'reason', label: '重新生成的原因', type: 'textarea', required: true }],
  isAccessible: (context: ActionContext) => write(context) && mayHoldCode(context),
  isVisible: (context: ActionContext) => !context.record?.params.voidedAt,
  run: ({ actor, recordId, payload, version }) =>
    reissueQueryCode(dataSource().manager, {
      caseId: recordId,
      actor,
      reason: payload.reason,
      expectedVersion: version,
    }),
  success: '查询码已重新生成，原查询码已失效',
});

/**
 * 新增办案记录 from the case itself (附件4 办案记录表): the handling record is created through the CaseLog
 * resource, with its own checks (dates within the case, the file not archived) and audit.
 */
export const addHandlingRecordAction: Partial<Action<ActionResponse>> = stepAction({
  icon: 'Edit3',
  intro: '办案记录表（附件4）：逐次记录代理员为本案做的工作——走访、调解、协调的部门和结果。终结前至少登记一条。',
  submitLabel: '保存办案记录',
  fields: [
    { name: 'loggedOn', label: '记录日期', type: 'date', required: true },
    { name: 'handler', label: '承办人', type: 'text', required: true, help: '代理员或经办人姓名' },
    { name: 'department', label: '协调部门', type: 'text' },
    { name: 'action', label: '办理情况', type: 'textarea', required: true },
    { name: 'result', label: '办理结果', type: 'textarea' },
  ],
  isAccessible: (context: ActionContext) =>
    can(actorOf(context), 'write', 'CaseLog', { countyId: context.record?.params.countyId ?? null }),
  isVisible: (context: ActionContext) =>
    !context.record?.params.voidedAt &&
    ['accepted', 'representing', 'concluded'].includes(context.record?.params.state),
  run: async ({ recordId, payload, context }) => {
    const { loggedOn, handler, department, action, result } = payload;
    await context._admin
      .findResource('CaseLog')
      .create({ caseId: String(recordId), loggedOn, handler, department, action, result }, context);
  },
  success: '办案记录已保存',
});
