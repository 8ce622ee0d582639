import { day, Day, iso, timestamp, yearOf } from './calendar.js';
import type { County } from './places.js';
import { Random } from './random.js';

type Flag =
  | 'unified_process'
  | 'unified_standard'
  | 'plaque_hung'
  | 'rules_on_wall'
  | 'process_on_wall'
  | 'in_party_petition_work'
  | 'joint_meeting_mechanism';

type SystemKind =
  'training' | 'info_reporting' | 'feedback_visit' | 'filing_archiving' | 'evaluation_reward' | 'accountability';

const ALL_SYSTEMS: SystemKind[] = [
  'training',
  'info_reporting',
  'feedback_visit',
  'filing_archiving',
  'evaluation_reward',
  'accountability',
];

/** How far each county has got with the creation standards, so the scorecard has something to compare. */
const STANDING: Record<string, { missing: Flag[]; systems: SystemKind[]; pilotYear?: number }> = {
  新华区: { missing: [], systems: ALL_SYSTEMS, pilotYear: 2014 },
  卫东区: {
    missing: ['joint_meeting_mechanism'],
    systems: ['training', 'info_reporting', 'feedback_visit', 'filing_archiving', 'evaluation_reward'],
  },
  石龙区: {
    missing: ['unified_standard', 'rules_on_wall', 'process_on_wall', 'joint_meeting_mechanism'],
    systems: ['training', 'info_reporting', 'filing_archiving'],
  },
  湛河区: {
    missing: ['process_on_wall'],
    systems: ['training', 'info_reporting', 'feedback_visit', 'filing_archiving', 'accountability'],
  },
  宝丰县: { missing: [], systems: ALL_SYSTEMS, pilotYear: 2014 },
  叶县: {
    missing: ['in_party_petition_work', 'joint_meeting_mechanism'],
    systems: ['training', 'feedback_visit', 'filing_archiving', 'evaluation_reward'],
  },
  鲁山县: {
    missing: ['unified_standard', 'rules_on_wall'],
    systems: ['training', 'info_reporting', 'filing_archiving'],
  },
  郏县: { missing: [], systems: ALL_SYSTEMS },
  舞钢市: {
    missing: ['in_party_petition_work'],
    systems: ['training', 'info_reporting', 'filing_archiving', 'accountability'],
  },
  汝州市: {
    missing: ['unified_standard'],
    systems: ['training', 'info_reporting', 'feedback_visit', 'filing_archiving', 'evaluation_reward'],
  },
};

/** A county outside the demo's ten (the scale generator's) takes one of their profiles in turn. */
function standingOf(county: County) {
  return STANDING[county.name] ?? Object.values(STANDING)[county.id % 10];
}

const SYSTEM_SUMMARIES: Record<SystemKind, string> = {
  training:
    '妇女信访代理员学习培训制度：每年至少组织两次集中培训，新聘代理员岗前培训，学习信访条例和妇女权益保障法律法规。',
  info_reporting: '信息上报制度：代理案件按月汇总，重大、群体性案件二十四小时内报告县妇联和县信访局。',
  feedback_visit: '反馈回访制度：案件办结后七日内出具答复意见书，办结一个月内对信访妇女进行回访。',
  filing_archiving:
    '立案归档制度：一案一卷，按附件2—7填写登记表、协议书、告知书、办案记录和答复意见书，结案后及时归档。',
  evaluation_reward: '考核奖励制度：每年对代理员工作情况进行考核，评选优秀妇女信访代理员并给予表彰。',
  accountability: '责任追究制度：对推诿、敷衍、泄露当事人隐私等行为，视情节予以批评教育直至取消代理员资格。',
};

const PILOT_EXPERIENCE =
  '依托乡镇妇联和村（社区）妇女之家建立代理网络，代理员持证上岗、一案一卷，重点案件提交县信访联席会议研究，形成“受理—代理—终结—立案归档”闭环。';

export interface WorkPointRow {
  id: number;
  county_id: number;
  name: string;
  address: string;
  phone: string;
  established_on: string;
  unified_process: boolean;
  unified_standard: boolean;
  plaque_hung: boolean;
  rules_on_wall: boolean;
  process_on_wall: boolean;
  in_party_petition_work: boolean;
  joint_meeting_mechanism: boolean;
  is_pilot: boolean;
  pilot_year: number | null;
  pilot_experience: string | null;
  created_at: string;
  updated_at: string;
}

export interface WorkSystemRow {
  id: number;
  county_id: number;
  kind: SystemKind;
  adopted_on: string;
  document_no: string;
  summary: string;
  created_at: string;
  updated_at: string;
}

/** One work point per county, named as the notice's 三个统一 require. */
export function buildWorkPoints(rng: Random, counties: County[]): WorkPointRow[] {
  return counties.map((county, i) => {
    const standing = standingOf(county);
    const pilot = standing.pilotYear !== undefined;
    const established = day(pilot ? '2014-06-01' : '2014-08-01') + rng.int(0, 90);
    const flag = (f: Flag) => !standing.missing.includes(f);
    return {
      id: i + 1,
      county_id: county.id,
      name: `${county.name}妇女信访代理工作点`,
      address: `${county.address}一楼`,
      phone: county.contactPhone,
      established_on: iso(established),
      unified_process: flag('unified_process'),
      unified_standard: flag('unified_standard'),
      plaque_hung: flag('plaque_hung'),
      rules_on_wall: flag('rules_on_wall'),
      process_on_wall: flag('process_on_wall'),
      in_party_petition_work: flag('in_party_petition_work'),
      joint_meeting_mechanism: flag('joint_meeting_mechanism'),
      is_pilot: pilot,
      pilot_year: standing.pilotYear ?? null,
      pilot_experience: pilot ? PILOT_EXPERIENCE : null,
      created_at: timestamp(established),
      updated_at: timestamp(established),
    };
  });
}

/** The systems each county has adopted, numbered like the county federation's own documents (新妇字〔2015〕3号). */
export function buildWorkSystems(rng: Random, counties: County[]): WorkSystemRow[] {
  const rows: WorkSystemRow[] = [];
  for (const county of counties) {
    const prefix = county.name[0];
    let adopted: Day = day('2014-06-15') + rng.int(0, 120);
    let documentSeq = 0;
    let documentYear = 0;
    for (const kind of standingOf(county).systems) {
      adopted += rng.int(10, 150);
      const year = yearOf(adopted);
      if (year !== documentYear) [documentYear, documentSeq] = [year, rng.int(1, 5)];
      documentSeq += rng.int(1, 6);
      rows.push({
        id: rows.length + 1,
        county_id: county.id,
        kind,
        adopted_on: iso(adopted),
        document_no: `${prefix}妇字〔${year}〕${documentSeq}号`,
        summary: SYSTEM_SUMMARIES[kind],
        created_at: timestamp(adopted),
        updated_at: timestamp(adopted),
      });
    }
  }
  return rows;
}
