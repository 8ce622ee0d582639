import type { CaseCategory, CaseSource } from '../../domain/vocabulary.js';
import type { County } from './places.js';

// the stored value lists, written once in the domain
export type { CaseCategory, CaseSource } from '../../domain/vocabulary.js';

/** Marriage and domestic violence bring most women to the federation. */
export const CATEGORY_WEIGHTS: [CaseCategory, number][] = [
  ['marriage_family', 30],
  ['domestic_violence', 22],
  ['rural_land_property', 15],
  ['labour_social_security', 12],
  ['personal_rights', 8],
  ['child_custody_visitation', 8],
  ['other', 5],
];

export const SOURCE_WEIGHTS: [CaseSource, number][] = [
  ['visit', 45],
  ['phone', 20],
  ['online', 15],
  ['letter', 10],
  ['referred', 10],
];

/** The departments a petition is taken to; named for the county (and township) of the case. */
export type DepartmentKind =
  | 'court'
  | 'police'
  | 'civil_affairs'
  | 'justice_office'
  | 'township_government'
  | 'agriculture'
  | 'natural_resources'
  | 'human_resources'
  | 'medical_insurance'
  | 'housing'
  | 'health'
  | 'disabled_persons';

interface CategoryTexts {
  subjects: string[];
  demands: string[];
  departments: DepartmentKind[];
  outcomes: string[];
}

export const CATEGORY_TEXTS: Record<CaseCategory, CategoryTexts> = {
  marriage_family: {
    subjects: [
      '离婚后财产分割纠纷',
      '离婚后住房归属纠纷',
      '婚内共同财产被丈夫擅自处分',
      '丈夫长期外出不履行扶养义务',
      '彩礼返还纠纷',
      '子女不履行赡养义务',
      '再婚老人财产继承纠纷',
      '离婚协议履行纠纷',
      '遗产继承纠纷',
    ],
    demands: [
      '要求依法分割夫妻共同财产',
      '要求对方履行离婚协议约定义务',
      '要求子女依法履行赡养义务',
      '要求依法保障其继承权',
    ],
    departments: ['court', 'civil_affairs', 'justice_office', 'township_government'],
    outcomes: [
      '经调解双方达成协议，财产分割问题得到解决',
      '引导信访人依法起诉，法院已立案受理，信访人息诉',
      '经村（社区）和司法所联合调解，子女签订赡养协议',
      '对方已按离婚协议履行义务，信访人表示满意',
    ],
  },
  domestic_violence: {
    subjects: [
      '遭受丈夫家庭暴力求助',
      '长期遭受家庭暴力要求离婚',
      '申请人身安全保护令',
      '家暴告诫书执行不到位',
      '离婚后遭受前夫骚扰威胁',
      '家庭暴力致伤要求追责',
    ],
    demands: [
      '要求公安机关依法制止家暴行为',
      '请求协助申请人身安全保护令',
      '要求依法追究施暴者责任',
      '请求提供临时庇护和法律援助',
    ],
    departments: ['police', 'court', 'justice_office', 'civil_affairs'],
    outcomes: [
      '公安机关出具告诫书，家暴行为得到制止',
      '法院作出人身安全保护令，施暴者书面保证不再施暴',
      '协助信访人获得法律援助，离婚诉讼已立案',
      '经民政部门安排临时庇护，信访人生活安置妥当',
    ],
  },
  rural_land_property: {
    subjects: [
      '土地承包经营权被侵害',
      '出嫁女土地征收补偿款分配纠纷',
      '离婚妇女宅基地使用权纠纷',
      '集体经济收益分配不公',
      '丧偶妇女承包地被收回',
      '拆迁安置补偿中妇女权益受损',
    ],
    demands: [
      '要求落实其土地承包经营权',
      '要求按村民待遇分配征地补偿款',
      '要求依法确认其宅基地使用权',
      '要求平等享受集体收益分配',
    ],
    departments: ['township_government', 'agriculture', 'natural_resources'],
    outcomes: [
      '乡镇政府督促村委会落实承包地，问题已解决',
      '补偿款已按村民待遇补发到位',
      '经自然资源部门核实，宅基地使用权依法确认',
      '村委会重新研究分配方案，信访人份额已落实',
    ],
  },
  labour_social_security: {
    subjects: [
      '用人单位拖欠工资',
      '孕期被用人单位辞退',
      '产假待遇未落实',
      '工伤认定纠纷',
      '养老保险缴费年限争议',
      '城乡居民低保申请未获批准',
      '未签订劳动合同要求补偿',
    ],
    demands: [
      '要求用人单位支付拖欠工资',
      '要求恢复劳动关系或依法赔偿',
      '要求落实生育保险待遇',
      '要求依法核定社会保险待遇',
    ],
    departments: ['human_resources', 'medical_insurance', 'civil_affairs'],
    outcomes: [
      '经人社部门劳动监察，用人单位已支付拖欠工资',
      '劳动仲裁裁决支持信访人请求，已执行到位',
      '生育津贴已补发',
      '经复核符合条件，已纳入低保',
    ],
  },
  personal_rights: {
    subjects: ['遭受邻里殴打要求处理', '个人隐私被泄露', '名誉权受到侵害', '遭受性骚扰求助', '人身损害赔偿纠纷'],
    demands: ['要求依法处理侵害人', '要求停止侵害、赔礼道歉', '要求赔偿医疗费等损失'],
    departments: ['police', 'court', 'justice_office'],
    outcomes: [
      '公安机关已依法对侵害人作出行政处罚',
      '经调解对方赔礼道歉并赔偿损失',
      '引导信访人提起民事诉讼，已立案受理',
    ],
  },
  child_custody_visitation: {
    subjects: [
      '离婚后子女探视权受阻',
      '子女抚养费长期拖欠',
      '要求变更子女抚养关系',
      '隔代抚养纠纷',
      '非婚生子女抚养纠纷',
    ],
    demands: ['要求对方配合行使探视权', '要求对方按时支付抚养费', '要求变更子女抚养关系'],
    departments: ['court', 'civil_affairs', 'justice_office'],
    outcomes: [
      '经调解双方约定探视时间和方式',
      '法院强制执行，拖欠抚养费已支付',
      '双方协商一致变更抚养关系，已办理手续',
    ],
  },
  other: {
    subjects: ['残疾妇女生活困难求助', '住房保障申请未获答复', '医疗费用报销纠纷', '反映村务公开问题'],
    demands: ['请求给予生活救助', '要求答复住房保障申请', '要求按规定报销医疗费用'],
    departments: ['disabled_persons', 'housing', 'health', 'township_government'],
    outcomes: ['已协调落实临时救助', '住房保障申请已受理并答复', '经协调医疗费用已按规定报销'],
  },
};

/** Said when the federation could not give her what she asked for; the case is still concluded. */
export const EXPLAINED_OUTCOME = '诉求不符合政策规定，已向信访人做好解释疏导工作，信访人表示理解';

export const TERMINATION_REASONS = [
  '诉求超出政策规定，经多次协调无法解决，已向上级部门反映并解除代理协议',
  '信访人在代理期间越级上访，违反代理协议第四条，解除代理',
  '信访人自愿撤回代理委托',
  '案件已进入诉讼程序，按协议第六条解除代理',
];

export const EXTENSION_REASONS = [
  '案情复杂，需调取法院及有关部门材料',
  '涉及多个部门，需提交信访联席会议研究',
  '需等待伤情鉴定结果',
  '当事人外出务工，需待其返回后调解',
];

export interface LogTemplate {
  action: string;
  results: string[];
  /** where it happens: the department the case was taken to, the township federation, or the joint meeting */
  at: 'department' | 'township' | 'joint_meeting';
}

export const LOG_TEMPLATES: LogTemplate[] = [
  {
    action: '陪同信访人到{dept}反映诉求',
    results: ['对方已登记，承诺在规定期限内答复', '对方已受理并指定专人办理'],
    at: 'department',
  },
  { action: '电话联系{dept}了解办理进度', results: ['对方表示正在调查核实', '对方表示近期给予答复'], at: 'department' },
  {
    action: '向{dept}递交书面材料和相关证据',
    results: ['材料已接收', '对方要求补充材料，已告知信访人'],
    at: 'department',
  },
  {
    action: '走访信访人所在村（社区）了解情况',
    results: ['掌握了基本事实', '村（社区）干部表示配合调解'],
    at: 'township',
  },
  { action: '组织双方当事人进行调解', results: ['双方初步达成调解意见', '调解未成，另行约定时间'], at: 'township' },
  { action: '对信访人进行心理疏导和法律政策解释', results: ['信访人情绪稳定，同意等待处理结果'], at: 'township' },
];

export const JOINT_MEETING_LOG: LogTemplate = {
  action: '将案件提交{county}信访联席会议研究',
  results: ['联席会议明确由{dept}牵头办理'],
  at: 'joint_meeting',
};

export const ROADS = [
  '建设路',
  '中兴路',
  '矿工路',
  '光明路',
  '开源路',
  '新华路',
  '体育路',
  '湛河路',
  '凌云路',
  '姚孟路',
  '卫东路',
  '育英路',
];

const DISTRICTS = new Set(['新华区', '卫东区', '石龙区', '湛河区']);

/** The department's name as it appears in the county: districts have city police sub-bureaus. */
export function departmentName(kind: DepartmentKind, county: County, townshipName: string): string {
  switch (kind) {
    case 'court':
      return `${county.name}人民法院`;
    case 'police':
      return DISTRICTS.has(county.name) ? `平顶山市公安局${county.shortName}分局` : `${county.name}公安局`;
    case 'civil_affairs':
      return `${county.name}民政局`;
    case 'justice_office':
      return `${townshipName}司法所`;
    case 'township_government':
      return townshipName.endsWith('街道') ? `${townshipName}办事处` : `${townshipName}人民政府`;
    case 'agriculture':
      return `${county.name}农业农村局`;
    case 'natural_resources':
      return `${county.name}自然资源局`;
    case 'human_resources':
      return `${county.name}人社局`;
    case 'medical_insurance':
      return `${county.name}医疗保障局`;
    case 'housing':
      return `${county.name}住房和城乡建设局`;
    case 'health':
      return `${county.name}卫生健康委员会`;
    case 'disabled_persons':
      return `${county.name}残疾人联合会`;
  }
}
