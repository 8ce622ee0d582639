import type { ActionContext, ActionRequest, ActionResponse, RecordJSON } from 'adminjs';
import { describeDaysLeft, nextDeadline } from '../../domain/case-deadlines.js';
import { assertFileWritable, expectedEvent, type CaseState } from '../../domain/case-workflow.js';
import { normalizeIdNumber } from '../../domain/id-number.js';
import { validatePetitionCase } from '../../domain/petition-case-rules.js';
import { Agent } from '../../entities/agent.js';
import { Organization } from '../../entities/organization.js';
import { PetitionCase } from '../../entities/petition-case.js';
import { caseAgentProblems } from '../../services/agent-eligibility.js';
import {
  actionableDueSql,
  DEADLINE_FILTERS,
  deadlineFilterSql,
  deadlineParams,
  type DeadlineFilter,
} from '../../services/case-deadline-query.js';
import { nextCaseNo } from '../../services/case-numbering.js';
import { repeatPetitionSql, repeatProblems } from '../../services/repeat-petitions.js';
import { LEGAL_SCHEDULE } from '../../services/legal-schedule.js';
import { CASE_STEP_FIELDS } from '../../domain/case-step-fields.js';
import { caseFacts } from '../../services/case-workflow.js';
import { Components } from '../components/index.js';
import { allowed, changeableWhile, defineResource } from '../resource-kit.js';
import { containsPattern, gramMatchSql, onListedRow } from '../scoped-resource.js';
import {
  addHandlingRecordAction,
  reissueQueryCodeAction,
  withPetitionerChannel,
  workflowActions,
} from './petition-case.actions.js';
import { chinaToday } from '../clock.js';
import layout from './layouts/petition-case.json' with { type: 'json' };

// Workflow fields move only through the lifecycle actions, never through the edit form.
const WORKFLOW_FIELDS = [
  'caseNo',
  'state',
  'acceptanceNotifiedOn',
  'agreementSignedOn',
  'notifiedOn',
  'extensionDays',
  'extensionApprovedBy',
  'extensionReason',
  'extensionNotifiedOn',
  'reviewRequestedOn',
  'reviewDepartment',
  'reviewAnsweredOn',
  'reviewDeclinedOn',
  'reopenedOn',
  'reopenReason',
  'representingSince',
  'concludedOn',
  'outcome',
  'replyIssuedOn',
  'archivedOn',
  'archiveNo',
  'terminatedOn',
  'terminationReason',
  'terminationReportedTo',
];

/**
 * 下一期限 / 剩余天数 of each case shown, computed from its dates, the legal calendar and today's date in
 * China; on the case page 期限说明 says why the due day moved off a rest day (民法典第二百零三条) or that a
 * year's holiday schedule is not published yet.
 */
function withDeadline(record: RecordJSON | undefined, today: string, long: boolean): void {
  if (!record?.params?.state) return;
  const facts = caseFacts(record.params);
  const next = nextDeadline(facts, today, LEGAL_SCHEDULE);
  record.params.nextDeadline = next ? `${next.due} ${long ? next.label : next.short}` : '';
  record.params.daysLeft = next ? describeDaysLeft(next.daysLeft) : '';
  // for the colour of the deadline in lists and on the case page: red when overdue, amber when due soon
  record.params.deadlineUrgency = next?.urgency ?? '';
  // the case page's main button
  if (long) record.params.expectedStep = expectedEvent(facts) ?? '';
  if (long) record.params.deadlineNote = next?.note ?? '';
}

const addDeadlines = (long: boolean) => async (response: ActionResponse) => {
  const today = chinaToday();
  for (const record of response.records ?? []) withDeadline(record, today, long);
  withDeadline(response.record, today, long);
  return response;
};

// 即将到期 / 已超期: the actionable deadline on the legal calendar, stored by the database (action_due_on)
const deadlineFilter = (value: string, { today }: { today: string }) => {
  if (!(value in DEADLINE_FILTERS)) return null;
  // on the listed row itself (`alias` is its id column, "PetitionCase"."id"), so that the condition is on
  // the column the index ix_petition_case_(county_)action_due is built on (instant at a province's scale)
  return onListedRow(
    (table) => deadlineFilterSql(value as DeadlineFilter, actionableDueSql(table)),
    deadlineParams(today),
  );
};

// 搜索: one box for what a clerk has at hand — the case number, the petitioner's name or the matter
const keywordFilter = (value: string) => {
  const text = value.trim().slice(0, 50);
  if (!text) return null;
  // names and subjects through their gram index, as the column filters do
  return onListedRow(
    (t) =>
      `(${t}.case_no ILIKE :kwLike OR (${gramMatchSql(`${t}.petitioner_name`, 'kwText', 'kwLike')})` +
      ` OR (${gramMatchSql(`${t}.subject`, 'kwText', 'kwLike')}))`,
    { kwText: text, kwLike: containsPattern(text) },
  );
};

const notArchived = (context: ActionContext) => context.record?.params.state !== 'archived';
const virtual = (list: boolean) => ({
  type: 'string' as const,
  isSortable: false,
  isVisible: { list, filter: false, show: true, edit: false },
});

/** Where the case belongs and what it is about: shown and edited in this order. */
const CASE_SUBJECT_FIELDS = [
  'countyId',
  'townshipId',
  'agentId',
  'subject',
  'description',
  'category',
  'source',
  'isGroup',
  'groupSize',
  'isKey',
  'inJointMeeting',
];

export const petitionCaseResource = defineResource(
  PetitionCase,
  {
    id: 'PetitionCase',
    readOnly: WORKFLOW_FIELDS,
    personal: 'petitioner',
    sameCounty: [
      { property: 'townshipId', entity: Organization, message: '所选乡镇（街道）不属于本案所在县（市、区）' },
      { property: 'agentId', entity: Agent, message: '所选代理员不属于本案所在县（市、区）' },
      { property: 'repeatOfId', entity: PetitionCase, message: '所选前案不属于本案所在县（市、区）' },
    ],
    validate: async (values, { today, em, before }) => {
      if (typeof values.petitionerIdNumber === 'string')
        values.petitionerIdNumber = normalizeIdNumber(values.petitionerIdNumber);
      // 持证上岗 (创建标准 三): only an agent with a certificate valid on the day may be assigned
      return {
        ...(await caseAgentProblems(em, values, before, today)),
        ...(await repeatProblems(em, values, before)),
        ...validatePetitionCase(values, { today }),
      };
    },
    beforeInsert: async (values, { em }) => {
      values.state = 'accepted';
      // the county and the acceptance day are required and checked by validate before any insert
      values.caseNo = await nextCaseNo(em, values.countyId as number, values.acceptedOn as string);
    },
    // 立案归档 locks the file
    assertWritable: async (values) => assertFileWritable(values.state as CaseState),
    textSearch: ['petitionerName', 'subject'],
    virtualFilters: {
      deadline: deadlineFilter,
      keyword: keywordFilter,
      repeat: (value) => (value === 'true' ? onListedRow(repeatPetitionSql) : null),
    },
    // 剩余天数 in the order of the due day the list filters use (no deadline: last)
    virtualSorts: { daysLeft: (alias) => actionableDueSql(alias) },
  },
  layout,
  {
    // the record page reads as the file does: number and standing, the matter, the petitioner, then the
    // dates of each step in order
    showProperties: [
      'caseNo',
      'state',
      'nextDeadline',
      'daysLeft',
      'deadlineNote',
      'queryCode',
      'petitionerRating',
      ...CASE_SUBJECT_FIELDS,
      'repeatOfId',
      'petitionerName',
      'petitionerIdNumber',
      'petitionerPhone',
      'petitionerAddress',
      'respondentDepartment',
      ...CASE_STEP_FIELDS,
      'voidedAt',
      'voidedById',
      'voidReason',
      'rowVersion',
      'createdAt',
      'updatedAt',
    ],
    editProperties: [
      ...CASE_SUBJECT_FIELDS,
      'petitionerName',
      'petitionerIdNumber',
      'repeatOfId',
      'petitionerPhone',
      'petitionerAddress',
      'respondentDepartment',
      'acceptedOn',
    ],
    properties: {
      // marked before saving: what the 登记表 cannot be printed without
      petitionerName: { isRequired: true },
      subject: { isRequired: true },
      acceptedOn: { isRequired: true },
      category: { isRequired: true },
      source: { isRequired: true },
      petitionerPhone: { description: '手机或固定电话（如 0375-2666938）' },
      nextDeadline: virtual(true),
      // the same agents 开始代理 offers: of the case's county, in post, certificate valid today (持证上岗)
      agentId: {
        custom: {
          choices: 'agent',
          parent: 'countyId',
          hint: '只列出本县（市、区）在岗、持有效代理员证的代理员：新建案件按受理日期，改派按今天',
        },
        components: { edit: Components.PlacePicker },
      },
      daysLeft: { ...virtual(true), isSortable: true },
      deadlineUrgency: { ...virtual(false), isVisible: false },
      expectedStep: { ...virtual(false), isVisible: false },
      keyword: {
        type: 'string',
        isVisible: { list: false, filter: true, show: false, edit: false },
      },
      repeat: {
        type: 'string',
        availableValues: [{ value: 'true', label: '重复信访（已标记前案，或按身份证号此前在本县有过案件）' }],
        isVisible: { list: false, filter: true, show: false, edit: false },
      },
      petitionerIdNumber: { components: { edit: Components.RepeatCheck } },
      repeatOfId: { description: '本案重复此前某件案件时选择前案（可按案件编号、信访人姓名或信访事项查找）' },
      deadlineNote: virtual(false),
      queryCode: virtual(false),
      petitionerRating: virtual(false),
      deadline: {
        type: 'string',
        availableValues: Object.entries(DEADLINE_FILTERS).map(([value, label]) => ({ value, label })),
        isVisible: { list: false, filter: true, show: false, edit: false },
      },
    },
    actions: {
      // the list draws its rows itself (CaseList): each row carries the columns it shows, the deadline's colour
      // and, for the city's list of voided cases, that it is voided
      list: {
        component: Components.CaseList,
        after: addDeadlines(false),
        custom: { rowParams: ['deadlineUrgency', 'voidedAt'] },
      },
      // a picker of cases (办案记录, 案卷材料) finds one by number, petitioner or matter, as the list's box does
      search: {
        before: async (request: ActionRequest) => ({
          ...request,
          query: { ...request.query, searchProperty: 'keyword' },
        }),
      },
      // the page draws its own header: the case number and petitioner as title, the steps legal now
      show: {
        component: Components.CaseShow,
        hideActionHeader: true,
        after: [addDeadlines(true), withPetitionerChannel],
      },
      // the lock is enforced below the form too (assertWritable); this only hides the buttons
      ...changeableWhile(notArchived),
      ...workflowActions,
      reissueQueryCode: reissueQueryCodeAction,
      addHandlingRecord: addHandlingRecordAction,
      exportXlsx: {
        actionType: 'resource',
        icon: 'Download',
        component: Components.FileLink,
        // in a drawer over the list, so the list's search, filters and order go with the export
        showInDrawer: true,
        isAccessible: allowed('PetitionCase', 'read'),
        custom: {
          href: '/admin/files/cases/register.xlsx',
          keepFilters: true,
          label: '下载Excel登记簿',
          intro:
            '导出当前列表（含搜索、筛选条件和排序）中您有权查看的全部案件：案件编号、信访人、信访事项、状态、期限与归档信息，不含身份证号、电话和住址。',
        },
        handler: async () => ({}),
      },
      downloadDocument: {
        actionType: 'record',
        icon: 'Download',
        component: Components.CaseFiles,
        isAccessible: allowed('PetitionCase', 'read'),
        handler: async (_request, _response, context) => ({ record: context.record!.toJSON(context.currentAdmin) }),
      },
    },
  },
);
