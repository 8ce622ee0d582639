// The creation standards (创建标准) of 平妇字〔2014〕17号 as measurable targets: the one place where the
// pass marks live. The reporting schema reads them from reporting.creation_standard, which the app
// keeps equal to this list at start (src/reports/creation-standards-sync.ts); the reporting migration
// seeds the same values so the warehouse is complete before the app first starts.

export type StandardCode =
  | 'work_systems'
  | 'work_point'
  | 'township_coverage'
  | 'certified_agents'
  | 'certificate_reviews'
  | 'cases_accepted'
  | 'closure_rate'
  | 'reply_on_time'
  | 'archived_share'
  | 'overdue_cases'
  | 'key_cases_joint_meeting'
  | 'annual_statistics_on_time'
  | 'trainings_held';

/** How a measure meets its target (reporting.creation_standard.comparison). */
export const COMPARISONS = ['>=', '<='] as const;
export type Comparison = (typeof COMPARISONS)[number];

export interface CreationStandard {
  code: StandardCode;
  /** 创建标准（一）…（五），or 工作要求 */
  section: string;
  name: string;
  unit: '项' | '%' | '件' | '次' | '是/否';
  comparison: Comparison;
  target: number;
  description: string;
}

export const CREATION_STANDARDS: readonly CreationStandard[] = [
  {
    code: 'work_systems',
    section: '（一）健全工作制度',
    name: '六项工作制度',
    unit: '项',
    comparison: '>=',
    target: 6,
    description: '学习培训、信息上报、反馈回访、立案归档、考核奖励、责任追究六项制度中已建立的项数',
  },
  {
    code: 'work_point',
    section: '（二）设立工作阵地',
    name: '工作点规范化',
    unit: '项',
    comparison: '>=',
    target: 6,
    description: '名称统一、流程统一、标准统一（规范样表文本）、挂牌、制度上墙、流程上墙六项中做到的项数',
  },
  {
    code: 'township_coverage',
    section: '（三）组建工作队伍',
    name: '乡镇持证代理员覆盖率',
    unit: '%',
    comparison: '>=',
    target: 100,
    description: '至少有1名持有效证书代理员的乡（镇、街道）占全部乡（镇、街道）的百分比',
  },
  {
    code: 'certified_agents',
    section: '（三）组建工作队伍',
    name: '代理员持证率',
    unit: '%',
    comparison: '>=',
    target: 100,
    description: '在岗代理员中持有效证书者的百分比（持证上岗）',
  },
  {
    code: 'certificate_reviews',
    section: '（三）组建工作队伍',
    name: '证书按期年审率',
    unit: '%',
    comparison: '>=',
    target: 100,
    description: '当年到期的证书年审中按期完成（到期后30日内）的百分比（一年一审核）',
  },
  {
    code: 'cases_accepted',
    section: '（四）明确工作任务',
    name: '受理案件数',
    unit: '件',
    comparison: '>=',
    target: 1,
    description: '当年受理的代理案件数',
  },
  {
    code: 'closure_rate',
    section: '（四）明确工作任务',
    name: '办结率',
    unit: '%',
    comparison: '>=',
    target: 90,
    description:
      '已办结 ÷ 应办结：当年受理、截至统计日已终结（含归档）、已解除代理或已过办理期限（60日，含批准延期）的案件为应办结，其中已终结或已立案归档的为已办结；仍在期限内的不计',
  },
  {
    code: 'reply_on_time',
    section: '（五）提高工作成效',
    name: '7日内出具答复意见率',
    unit: '%',
    comparison: '>=',
    target: 100,
    description: '当年终结的案件中于终结后7日内（最后一日为法定节假日的顺延）出具答复意见书的百分比（附件2第五条）',
  },
  {
    code: 'archived_share',
    section: '工作要求（一案一卷）',
    name: '立案归档率',
    unit: '%',
    comparison: '>=',
    target: 90,
    description: '当年终结的案件中已立案归档的百分比',
  },
  {
    code: 'overdue_cases',
    section: '（五）提高工作成效',
    name: '办理超期',
    unit: '件',
    comparison: '<=',
    target: 0,
    description:
      '办理超期：统计日（往年12月31日，今年今日）仍在办理且已过60日（含批准延期，最后一日为法定节假日的顺延）办理期限的案件数（《信访工作条例》第三十四条）；不同于首页“期限提醒·已超期”（任一期限）',
  },
  {
    code: 'key_cases_joint_meeting',
    section: '（一）健全工作制度',
    name: '重点案件纳入联席会议率',
    unit: '%',
    comparison: '>=',
    target: 100,
    description: '当年受理的重点案件中纳入同级信访联席会议的百分比',
  },
  {
    code: 'annual_statistics_on_time',
    section: '工作要求（年终统计）',
    name: '年终统计按时上报',
    unit: '是/否',
    comparison: '>=',
    target: 1,
    description:
      '当年结案统计表（附件7）于12月20日（北京时间）前上报：1 按时，0 未按时；12月20日前尚未上报为空（未到期）',
  },
  {
    code: 'trainings_held',
    section: '工作要求（学习培训）',
    name: '举办培训次数',
    unit: '次',
    comparison: '>=',
    target: 1,
    description: '县（市、区）当年自行举办的代理员培训次数（市级培训不计入）',
  },
];

/** Pass, fail, or null when there is nothing to measure (no cases, no review due, report not yet due). */
export function meetsStandard(
  standard: Pick<CreationStandard, 'comparison' | 'target'>,
  measure: number | null,
): boolean | null {
  if (measure === null || Number.isNaN(measure)) return null;
  return standard.comparison === '>=' ? measure >= standard.target : measure <= standard.target;
}

export function standardByCode(code: string): CreationStandard | undefined {
  return CREATION_STANDARDS.find((s) => s.code === code);
}
