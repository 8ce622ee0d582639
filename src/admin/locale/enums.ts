/**
 * Chinese labels of every PostgreSQL enum type of the schema (migrations/1764000000000_initial-schema.ts),
 * keyed by the enum type name and then by the stored value. The AdminJS translations are built from
 * these (see resources.ts); documents, exports and reports can use them directly.
 */
export const ENUM_LABELS = {
  org_level: {
    city: '市',
    county: '县（市、区）',
    township: '乡（镇、街道）',
    village: '村（社区）',
  },
  user_role: {
    city_admin: '市妇联管理员',
    county_staff: '县妇联工作人员',
    leader: '领导',
  },
  work_system_kind: {
    training: '学习培训制度',
    info_reporting: '信息上报制度',
    feedback_visit: '反馈回访制度',
    filing_archiving: '立案归档制度',
    evaluation_reward: '考核奖励制度',
    accountability: '责任追究制度',
  },
  gender: {
    female: '女',
    male: '男',
  },
  agent_status: {
    active: '在岗',
    inactive: '离岗',
  },
  certificate_status: {
    produced: '已制作',
    issued: '已发放',
    suspended: '暂停',
    revoked: '已吊销',
  },
  review_result: {
    passed: '通过',
    failed: '不通过',
  },
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
  case_document_kind: {
    registration: '登记表（附件1）',
    agreement: '代理协议书（附件2）',
    notification: '代理告知书（附件3）',
    handling_record: '办案记录表（附件4）',
    reply_opinion: '答复意见书（附件5）',
    other: '其他材料',
  },
  report_status: {
    draft: '草稿',
    submitted: '已上报',
    returned: '已退回',
    accepted: '已接收',
  },
  evaluation_result: {
    excellent: '优秀',
    passed: '合格',
    failed: '不合格',
  },
  commendation_kind: {
    work_point: '先进工作点',
    agent: '优秀代理员',
  },
  commendation_status: {
    proposed: '拟表彰',
    approved: '已批准',
    rejected: '未批准',
  },
  // issue 8 (migrations/1764000300000_notices-supervision.ts)
  notice_status: {
    draft: '草稿',
    published: '已发布',
  },
  info_report_kind: {
    work_update: '工作动态',
    typical_case: '典型案例',
  },
  inspection_standard: {
    work_systems: '（一）健全工作制度',
    work_point: '（二）设立工作阵地',
    team: '（三）组建工作队伍',
    tasks: '（四）明确工作任务',
    effectiveness: '（五）提高工作成效',
  },
  standard_result: {
    meets: '达标',
    partly: '基本达标',
    fails: '未达标',
  },
  rectification_status: {
    open: '整改中',
    done: '已完成',
  },
} as const satisfies Record<string, Record<string, string>>;

export type EnumTypeName = keyof typeof ENUM_LABELS;

/** The Chinese label of an enum value, or the value itself when it is unknown. */
export function enumLabel(type: EnumTypeName, value: string | null | undefined): string {
  if (value == null) return '';
  const labels: Record<string, string> = ENUM_LABELS[type];
  return labels[value] ?? value;
}
