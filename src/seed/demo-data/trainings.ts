import { DEMO_TODAY, Day, endOfYear, iso, startOfYear, timestamp, yearOf } from './calendar.js';
import type { Agent } from './agents.js';
import { PROGRAM_START, type County } from './places.js';
import { Random } from './random.js';

interface Topic {
  title: string;
  content: string;
  /** first year the topic makes sense (反家庭暴力法 took effect in 2016, 信访工作条例 in 2022) */
  since?: number;
}

const TOPICS: Topic[] = [
  { title: '妇女信访代理员业务培训班', content: '代理工作流程（受理—代理—终结—立案归档）、代理协议书和告知书的填写。' },
  { title: '新聘妇女信访代理员岗前培训', content: '代理员职责、持证上岗要求、一案一卷归档规范。' },
  {
    title: '《中华人民共和国妇女权益保障法》专题学习',
    content: '妇女人身和人格权益、财产权益、婚姻家庭权益条款解读。',
  },
  {
    title: '《反家庭暴力法》与人身安全保护令实务培训',
    content: '告诫书、人身安全保护令的申请流程，家暴案件证据收集。',
    since: 2016,
  },
  { title: '农村妇女土地权益保护专题培训', content: '土地承包经营权、宅基地使用权和集体收益分配中的妇女权益。' },
  { title: '矛盾纠纷调解技巧培训', content: '婚姻家庭纠纷调解方法，情绪疏导与心理支持。' },
  {
    title: '《信访工作条例》学习培训',
    content: '受理告知、办理期限、复查复核程序，信访事项依法分类处理。',
    since: 2022,
  },
];

const CITY_ORGANIZER = '平顶山市妇联权益部、平顶山市信访局';
const CITY_LOCATIONS = ['平顶山市妇女儿童活动中心', '中共平顶山市委党校', '平顶山市妇联会议室'];
const HOURS = [2, 3, 4, 6, 8, 12, 16];

export interface TrainingRow {
  id: number;
  county_id: number | null;
  title: string;
  held_on: string;
  organizer: string;
  hours: number;
  location: string;
  content: string;
  created_at: string;
  updated_at: string;
}

export interface TrainingAttendanceRow {
  id: number;
  training_id: number;
  agent_id: number;
  county_id: number;
  created_at: string;
}

export interface TrainingData {
  trainingRows: TrainingRow[];
  attendanceRows: TrainingAttendanceRow[];
}

/** One to three trainings per county a year, and one or two city-wide ones, since the program began. */
export function buildTrainings(rng: Random, counties: County[], agents: Agent[]): TrainingData {
  const data: TrainingData = { trainingRows: [], attendanceRows: [] };
  for (let year = 2014; year <= 2026; year++) {
    for (let i = rng.int(1, 2); i > 0; i--) {
      const held = trainingDay(rng, year);
      const t = addTraining(rng, data, null, '全市', held, CITY_ORGANIZER, rng.pick(CITY_LOCATIONS));
      attend(
        rng,
        data,
        t,
        agents.filter((a) => activeOn(a, held)),
        0.3,
      );
    }
    for (const county of counties) {
      for (let i = rng.int(1, 3); i > 0; i--) {
        const held = trainingDay(rng, year);
        const organizer = rng.chance(0.6) ? `${county.name}妇联` : `${county.name}妇联、${county.name}信访局`;
        const location = rng.pick([
          `${county.name}妇联会议室`,
          `${county.name}妇女信访代理工作点`,
          `中共${county.name}委党校`,
        ]);
        const t = addTraining(rng, data, county.id, county.name, held, organizer, location);
        attend(
          rng,
          data,
          t,
          agents.filter((a) => a.countyId === county.id && activeOn(a, held)),
          0.75,
        );
      }
    }
  }
  return data;
}

function trainingDay(rng: Random, year: number): Day {
  return rng.int(Math.max(startOfYear(year), PROGRAM_START + 30), Math.min(endOfYear(year), DEMO_TODAY));
}

function addTraining(
  rng: Random,
  data: TrainingData,
  countyId: number | null,
  scope: string,
  held: Day,
  organizer: string,
  location: string,
): TrainingRow {
  const year = yearOf(held);
  const topic = rng.pick(TOPICS.filter((t) => (t.since ?? 0) <= year));
  const row: TrainingRow = {
    id: data.trainingRows.length + 1,
    county_id: countyId,
    title: `${year}年${scope}${topic.title}`,
    held_on: iso(held),
    organizer,
    hours: rng.pick(HOURS),
    location,
    content: topic.content,
    created_at: timestamp(held),
    updated_at: timestamp(held),
  };
  data.trainingRows.push(row);
  return row;
}

function attend(rng: Random, data: TrainingData, training: TrainingRow, eligible: Agent[], share: number): void {
  for (const agent of eligible) {
    if (!rng.chance(share)) continue;
    data.attendanceRows.push({
      id: data.attendanceRows.length + 1,
      training_id: training.id,
      agent_id: agent.id,
      county_id: agent.countyId,
      created_at: training.created_at,
    });
  }
}

function activeOn(agent: Agent, d: Day): boolean {
  return agent.appointedOn <= d && (agent.leftOn === null || agent.leftOn > d);
}
