// The values the schema stores in its enum types, each list written once with its Chinese label. The entities
// declare their columns from these lists, the admin's locale and the reports print these labels, the warehouse
// copies them into reporting.enum_label; tests/vocabulary.test.ts fails when a list and the database differ.
// The lists keep the order of the enum types (migrations/1764000000000_initial-schema.ts and later).
// Each list is one table of value → label; the names below (X_LABELS, the value list XS, the type X) are taken
// from these tables, so a value is written in one place only.

// 一案一卷 (工作要求 3): the forms of a case's file, 附件1–5; the stored kinds add any other material scanned in.
export const CASE_FORM_LABELS = {
  registration: '登记表（附件1）',
  agreement: '代理协议书（附件2）',
  notification: '代理告知书（附件3）',
  handling_record: '办案记录表（附件4）',
  reply_opinion: '答复意见书（附件5）',
} as const;

// 《信访工作条例》第二十一条: the petitioner's own rating of how her matter was handled (case_rating_value).
export const RATING_LABELS = { satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' } as const;

/**
 * The labels keyed by the enum type's name, then by the stored value: what the admin's locale, the exports
 * and reporting.enum_label print.
 */
export const ENUM_LABELS = {
  // 组织层级: 市 → 县（市、区） → 乡（镇、街道办事处） → 村（社区）.
  org_level: { city: '市', county: '县（市、区）', township: '乡（镇、街道）', village: '村（社区）' },
  // The three kinds of users: 市妇联权益部, 县妇联, leaders (read-only).
  user_role: { city_admin: '市妇联管理员', county_staff: '县妇联工作人员', leader: '领导' },
  // 创建标准（一） 健全工作制度: the six systems.
  work_system_kind: {
    training: '学习培训制度',
    info_reporting: '信息上报制度',
    feedback_visit: '反馈回访制度',
    filing_archiving: '立案归档制度',
    evaluation_reward: '考核奖励制度',
    accountability: '责任追究制度',
  },
  gender: { female: '女', male: '男' },
  agent_status: { active: '在岗', inactive: '离岗' },
  // 创建标准 三: produced by the city, issued by the county, suspended by a failed yearly review, revoked.
  certificate_status: { produced: '已制作待发放', issued: '已发放', suspended: '暂停使用', revoked: '已吊销' },
  // 一年一审核: the result of a certificate's yearly review.
  review_result: { passed: '通过', failed: '不通过' },
  // 创建标准 二: 受理 → 代理 → 终结 → 立案归档; 附件2 第六条: 解除代理.
  case_state: {
    accepted: '受理',
    representing: '代理中',
    concluded: '终结',
    archived: '立案归档',
    terminated: '解除代理',
  },
  case_category: {
    marriage_family: '婚姻家庭纠纷',
    domestic_violence: '家庭暴力',
    rural_land_property: '农村妇女土地及财产权益',
    labour_social_security: '劳动就业与社会保障',
    personal_rights: '人身权利',
    child_custody_visitation: '子女抚养探视',
    other: '其他',
  },
  case_source: {
    visit: '来访',
    letter: '来信',
    phone: '来电（含12338妇女维权热线）',
    online: '网上信访',
    referred: '上级转办',
  },
  case_document_kind: { ...CASE_FORM_LABELS, other: '其他材料' },
  // 附件7, submitted to the city by 20 December: drafted, submitted, returned for correction, accepted.
  report_status: { draft: '草稿', submitted: '已上报', returned: '已退回', accepted: '已通过' },
  evaluation_result: { excellent: '优秀', passed: '合格', failed: '不合格' },
  // 表彰奖励: outstanding work points and agents.
  commendation_kind: { work_point: '先进工作点', agent: '优秀代理员' },
  commendation_status: { proposed: '拟表彰', approved: '已批准', rejected: '未批准' },
  notice_status: { draft: '草稿', published: '已发布' },
  // 信息上报制度: what a county reports up.
  info_report_kind: { work_update: '工作动态', typical_case: '典型案例' },
  // Supervision (工作要求: 督导检查, 动态管理) inspects a county against the five creation standards.
  inspection_standard: {
    work_systems: '（一）健全工作制度',
    work_point: '（二）设立工作阵地',
    team: '（三）组建工作队伍',
    tasks: '（四）明确工作任务',
    effectiveness: '（五）提高工作成效',
  },
  standard_result: { meets: '达标', partly: '基本达标', fails: '未达标' },
  rectification_status: { open: '整改中', done: '已完成' },
} as const satisfies Record<string, Record<string, string>>;

export type EnumTypeName = keyof typeof ENUM_LABELS;

/** Every label table of this file, the two that are no enum type of their own included. */
const LABELS = { ...ENUM_LABELS, case_form: CASE_FORM_LABELS, case_rating_value: RATING_LABELS };
type ValueOf<T extends keyof typeof LABELS> = keyof (typeof LABELS)[T];

/** The stored values of each label table, in the order written. */
const VALUES = Object.fromEntries(
  Object.entries(LABELS).map(([type, labels]) => [type, Object.keys(labels)]),
) as unknown as { readonly [T in keyof typeof LABELS]: readonly ValueOf<T>[] };

export const {
  org_level: ORG_LEVEL_LABELS,
  user_role: USER_ROLE_LABELS,
  work_system_kind: WORK_SYSTEM_KIND_LABELS,
  gender: GENDER_LABELS,
  agent_status: AGENT_STATUS_LABELS,
  certificate_status: CERTIFICATE_STATUS_LABELS,
  review_result: REVIEW_RESULT_LABELS,
  case_state: CASE_STATE_LABELS,
  case_category: CASE_CATEGORY_LABELS,
  case_source: CASE_SOURCE_LABELS,
  case_document_kind: CASE_DOCUMENT_KIND_LABELS,
  report_status: REPORT_STATUS_LABELS,
  evaluation_result: EVALUATION_RESULT_LABELS,
  commendation_kind: COMMENDATION_KIND_LABELS,
  commendation_status: COMMENDATION_STATUS_LABELS,
  notice_status: NOTICE_STATUS_LABELS,
  info_report_kind: INFO_REPORT_KIND_LABELS,
  inspection_standard: INSPECTION_STANDARD_LABELS,
  standard_result: STANDARD_RESULT_LABELS,
  rectification_status: RECTIFICATION_STATUS_LABELS,
} = ENUM_LABELS;

export const {
  org_level: ORG_LEVELS,
  user_role: USER_ROLES,
  work_system_kind: WORK_SYSTEM_KINDS,
  gender: GENDERS,
  agent_status: AGENT_STATUSES,
  certificate_status: CERTIFICATE_STATUSES,
  review_result: REVIEW_RESULTS,
  case_state: CASE_STATES,
  case_category: CASE_CATEGORIES,
  case_source: CASE_SOURCES,
  case_form: CASE_FORMS,
  case_document_kind: CASE_DOCUMENT_KINDS,
  report_status: REPORT_STATUSES,
  evaluation_result: EVALUATION_RESULTS,
  commendation_kind: COMMENDATION_KINDS,
  commendation_status: COMMENDATION_STATUSES,
  notice_status: NOTICE_STATUSES,
  info_report_kind: INFO_REPORT_KINDS,
  inspection_standard: INSPECTION_STANDARDS,
  standard_result: STANDARD_RESULTS,
  rectification_status: RECTIFICATION_STATUSES,
  case_rating_value: RATINGS,
} = VALUES;

export type OrgLevel = ValueOf<'org_level'>;
export type UserRole = ValueOf<'user_role'>;
export type WorkSystemKind = ValueOf<'work_system_kind'>;
export type Gender = ValueOf<'gender'>;
export type AgentStatus = ValueOf<'agent_status'>;
export type CertificateStatus = ValueOf<'certificate_status'>;
export type ReviewResult = ValueOf<'review_result'>;
export type CaseState = ValueOf<'case_state'>;
export type CaseCategory = ValueOf<'case_category'>;
export type CaseSource = ValueOf<'case_source'>;
export type CaseForm = ValueOf<'case_form'>;
export type CaseDocumentKind = ValueOf<'case_document_kind'>;
export type ReportStatus = ValueOf<'report_status'>;
export type EvaluationResult = ValueOf<'evaluation_result'>;
export type CommendationKind = ValueOf<'commendation_kind'>;
export type CommendationStatus = ValueOf<'commendation_status'>;
export type NoticeStatus = ValueOf<'notice_status'>;
export type InfoReportKind = ValueOf<'info_report_kind'>;
export type InspectionStandard = ValueOf<'inspection_standard'>;
export type StandardResult = ValueOf<'standard_result'>;
export type RectificationStatus = ValueOf<'rectification_status'>;
export type Rating = ValueOf<'case_rating_value'>;

// 附件7's 办理状态 columns: the cases standing in each state on the statistics day ("已受理未代理", not the step 受理)
export const CASE_STATE_STANDING_LABELS = {
  accepted: '已受理未代理',
  representing: '代理中',
  concluded: '已终结',
  archived: '已立案归档',
  terminated: '解除代理',
} as const satisfies Record<CaseState, string>;

// 附件7 汇总's 上报情况: where a county's table stands with the city
export const REPORT_STATUS_STANDING_LABELS = {
  draft: '草稿未上报',
  submitted: '已上报待审核',
  returned: '已退回',
  accepted: '已审核通过',
} as const satisfies Record<ReportStatus, string>;

/** Whether `value` is one of the stored values `values` (a posted field, a row read from JSON). */
export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

/** The Chinese label of an enum value, or the value itself when it is unknown. */
export function enumLabel(type: EnumTypeName, value: string | null | undefined): string {
  if (value == null) return '';
  const labels: Record<string, string> = ENUM_LABELS[type];
  return labels[value] ?? value;
}
