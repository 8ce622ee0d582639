// The values the schema stores in its enum types, each list written once with its Chinese label. The entities
// declare their columns from these lists, the admin's locale and the reports print these labels, the warehouse
// copies them into reporting.enum_label; tests/vocabulary.test.ts fails when a list and the database differ.
// The lists keep the order of the enum types (migrations/1764000000000_initial-schema.ts and later).

/** The stored values of a label table, in the order written. */
function valuesOf<V extends string>(labels: Readonly<Record<V, string>>): readonly V[] {
  return Object.keys(labels) as V[];
}

// 组织层级: 市 → 县（市、区） → 乡（镇、街道办事处） → 村（社区）.
export const ORG_LEVEL_LABELS = {
  city: '市',
  county: '县（市、区）',
  township: '乡（镇、街道）',
  village: '村（社区）',
} as const;
export type OrgLevel = keyof typeof ORG_LEVEL_LABELS;
export const ORG_LEVELS = valuesOf(ORG_LEVEL_LABELS);

// The three kinds of users: 市妇联权益部, 县妇联, leaders (read-only).
export const USER_ROLE_LABELS = {
  city_admin: '市妇联管理员',
  county_staff: '县妇联工作人员',
  leader: '领导',
} as const;
export type UserRole = keyof typeof USER_ROLE_LABELS;
export const USER_ROLES = valuesOf(USER_ROLE_LABELS);

// 创建标准（一） 健全工作制度: the six systems.
export const WORK_SYSTEM_KIND_LABELS = {
  training: '学习培训制度',
  info_reporting: '信息上报制度',
  feedback_visit: '反馈回访制度',
  filing_archiving: '立案归档制度',
  evaluation_reward: '考核奖励制度',
  accountability: '责任追究制度',
} as const;
export type WorkSystemKind = keyof typeof WORK_SYSTEM_KIND_LABELS;
export const WORK_SYSTEM_KINDS = valuesOf(WORK_SYSTEM_KIND_LABELS);

export const GENDER_LABELS = { female: '女', male: '男' } as const;
export type Gender = keyof typeof GENDER_LABELS;
export const GENDERS = valuesOf(GENDER_LABELS);

export const AGENT_STATUS_LABELS = { active: '在岗', inactive: '离岗' } as const;
export type AgentStatus = keyof typeof AGENT_STATUS_LABELS;
export const AGENT_STATUSES = valuesOf(AGENT_STATUS_LABELS);

// 创建标准 三: produced by the city, issued by the county, suspended by a failed yearly review, revoked.
export const CERTIFICATE_STATUS_LABELS = {
  produced: '已制作待发放',
  issued: '已发放',
  suspended: '暂停使用',
  revoked: '已吊销',
} as const;
export type CertificateStatus = keyof typeof CERTIFICATE_STATUS_LABELS;
export const CERTIFICATE_STATUSES = valuesOf(CERTIFICATE_STATUS_LABELS);

// 一年一审核: the result of a certificate's yearly review.
export const REVIEW_RESULT_LABELS = { passed: '通过', failed: '不通过' } as const;
export type ReviewResult = keyof typeof REVIEW_RESULT_LABELS;
export const REVIEW_RESULTS = valuesOf(REVIEW_RESULT_LABELS);

// 创建标准 二: 受理 → 代理 → 终结 → 立案归档; 附件2 第六条: 解除代理.
export const CASE_STATE_LABELS = {
  accepted: '受理',
  representing: '代理中',
  concluded: '终结',
  archived: '立案归档',
  terminated: '解除代理',
} as const;
export type CaseState = keyof typeof CASE_STATE_LABELS;
export const CASE_STATES = valuesOf(CASE_STATE_LABELS);
// 附件7's 办理状态 columns: the cases standing in each state on the statistics day ("已受理未代理", not the step 受理)
export const CASE_STATE_STANDING_LABELS = {
  accepted: '已受理未代理',
  representing: '代理中',
  concluded: '已终结',
  archived: '已立案归档',
  terminated: '解除代理',
} as const satisfies Record<CaseState, string>;

export const CASE_CATEGORY_LABELS = {
  marriage_family: '婚姻家庭纠纷',
  domestic_violence: '家庭暴力',
  rural_land_property: '农村妇女土地及财产权益',
  labour_social_security: '劳动就业与社会保障',
  personal_rights: '人身权利',
  child_custody_visitation: '子女抚养探视',
  other: '其他',
} as const;
export type CaseCategory = keyof typeof CASE_CATEGORY_LABELS;
export const CASE_CATEGORIES = valuesOf(CASE_CATEGORY_LABELS);

export const CASE_SOURCE_LABELS = {
  visit: '来访',
  letter: '来信',
  phone: '来电（含12338妇女维权热线）',
  online: '网上信访',
  referred: '上级转办',
} as const;
export type CaseSource = keyof typeof CASE_SOURCE_LABELS;
export const CASE_SOURCES = valuesOf(CASE_SOURCE_LABELS);

// 一案一卷 (工作要求 3): the forms of a case's file, 附件1–5, and any other material scanned into it.
export const CASE_FORM_LABELS = {
  registration: '登记表（附件1）',
  agreement: '代理协议书（附件2）',
  notification: '代理告知书（附件3）',
  handling_record: '办案记录表（附件4）',
  reply_opinion: '答复意见书（附件5）',
} as const;
export type CaseForm = keyof typeof CASE_FORM_LABELS;
export const CASE_FORMS = valuesOf(CASE_FORM_LABELS);

export const CASE_DOCUMENT_KIND_LABELS = { ...CASE_FORM_LABELS, other: '其他材料' } as const;
export type CaseDocumentKind = keyof typeof CASE_DOCUMENT_KIND_LABELS;
export const CASE_DOCUMENT_KINDS = valuesOf(CASE_DOCUMENT_KIND_LABELS);

// 附件7, submitted to the city by 20 December: drafted, submitted, returned for correction, accepted.
export const REPORT_STATUS_LABELS = {
  draft: '草稿',
  submitted: '已上报',
  returned: '已退回',
  accepted: '已通过',
} as const;
export type ReportStatus = keyof typeof REPORT_STATUS_LABELS;
export const REPORT_STATUSES = valuesOf(REPORT_STATUS_LABELS);
// 附件7 汇总's 上报情况: where a county's table stands with the city
export const REPORT_STATUS_STANDING_LABELS = {
  draft: '草稿未上报',
  submitted: '已上报待审核',
  returned: '已退回',
  accepted: '已审核通过',
} as const satisfies Record<ReportStatus, string>;

export const EVALUATION_RESULT_LABELS = { excellent: '优秀', passed: '合格', failed: '不合格' } as const;
export type EvaluationResult = keyof typeof EVALUATION_RESULT_LABELS;
export const EVALUATION_RESULTS = valuesOf(EVALUATION_RESULT_LABELS);

// 表彰奖励: outstanding work points and agents.
export const COMMENDATION_KIND_LABELS = { work_point: '先进工作点', agent: '优秀代理员' } as const;
export type CommendationKind = keyof typeof COMMENDATION_KIND_LABELS;
export const COMMENDATION_KINDS = valuesOf(COMMENDATION_KIND_LABELS);

export const COMMENDATION_STATUS_LABELS = { proposed: '拟表彰', approved: '已批准', rejected: '未批准' } as const;
export type CommendationStatus = keyof typeof COMMENDATION_STATUS_LABELS;
export const COMMENDATION_STATUSES = valuesOf(COMMENDATION_STATUS_LABELS);

export const NOTICE_STATUS_LABELS = { draft: '草稿', published: '已发布' } as const;
export type NoticeStatus = keyof typeof NOTICE_STATUS_LABELS;
export const NOTICE_STATUSES = valuesOf(NOTICE_STATUS_LABELS);

// 信息上报制度: what a county reports up.
export const INFO_REPORT_KIND_LABELS = { work_update: '工作动态', typical_case: '典型案例' } as const;
export type InfoReportKind = keyof typeof INFO_REPORT_KIND_LABELS;
export const INFO_REPORT_KINDS = valuesOf(INFO_REPORT_KIND_LABELS);

// Supervision (工作要求: 督导检查, 动态管理) inspects a county against the five creation standards.
export const INSPECTION_STANDARD_LABELS = {
  work_systems: '（一）健全工作制度',
  work_point: '（二）设立工作阵地',
  team: '（三）组建工作队伍',
  tasks: '（四）明确工作任务',
  effectiveness: '（五）提高工作成效',
} as const;
export type InspectionStandard = keyof typeof INSPECTION_STANDARD_LABELS;
export const INSPECTION_STANDARDS = valuesOf(INSPECTION_STANDARD_LABELS);

export const STANDARD_RESULT_LABELS = { meets: '达标', partly: '基本达标', fails: '未达标' } as const;
export type StandardResult = keyof typeof STANDARD_RESULT_LABELS;
export const STANDARD_RESULTS = valuesOf(STANDARD_RESULT_LABELS);

export const RECTIFICATION_STATUS_LABELS = { open: '整改中', done: '已完成' } as const;
export type RectificationStatus = keyof typeof RECTIFICATION_STATUS_LABELS;
export const RECTIFICATION_STATUSES = valuesOf(RECTIFICATION_STATUS_LABELS);

// 《信访工作条例》第二十一条: the petitioner's own rating of how her matter was handled (case_rating_value).
export const RATING_LABELS = { satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' } as const;
export type Rating = keyof typeof RATING_LABELS;
export const RATINGS = valuesOf(RATING_LABELS);

/**
 * The labels keyed by the enum type's name, then by the stored value: what the admin's locale, the exports
 * and reporting.enum_label print.
 */
export const ENUM_LABELS = {
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
} as const satisfies Record<string, Record<string, string>>;

export type EnumTypeName = keyof typeof ENUM_LABELS;

/** The Chinese label of an enum value, or the value itself when it is unknown. */
export function enumLabel(type: EnumTypeName, value: string | null | undefined): string {
  if (value == null) return '';
  const labels: Record<string, string> = ENUM_LABELS[type];
  return labels[value] ?? value;
}
