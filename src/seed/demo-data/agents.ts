import { addYears, day, DEMO_TODAY, Day, endOfYear, iso, startOfYear, timestamp, yearOf } from './calendar.js';
import { idNumber, mobilePhone, personName, type Gender } from './people.js';
import { PROGRAM_START, type County, type Township, type Village } from './places.js';
import { Random } from './random.js';
import type { CertificateStatus } from '../../domain/vocabulary.js';

// Most agents were appointed when the program began (2014–2015); since then each year brings a few.
const APPOINTMENT_YEARS: [number, number][] = [
  [2014, 22],
  [2015, 14],
  [2016, 6],
  [2017, 6],
  [2018, 6],
  [2019, 6],
  [2020, 5],
  [2021, 6],
  [2022, 6],
  [2023, 6],
  [2024, 6],
  [2025, 6],
  [2026, 7],
];

const TOWNSHIP_EMPLOYERS = ['妇联', '妇联', '妇联', '司法所', '综治中心', '信访办'];
const LAW_FIRMS = ['河南鹰城律师事务所', '河南平顶山正义律师事务所', '河南中原法汇律师事务所', '河南尧山律师事务所'];
const LEAVING_REMARKS = [
  '工作调动，不再担任代理员',
  '本人申请退出代理员队伍',
  '已退休',
  '年度审核不合格，取消代理员资格',
];
const PASSED_REMARKS = ['年度审核合格', '年度审核合格，代理案件档案规范', '年度审核合格，按时参加业务培训'];
const FAILED_REMARKS = ['全年未参加业务培训，未办理代理案件，暂停使用', '代理案件档案不规范，限期整改，暂停使用'];

export interface AgentRow {
  id: number;
  county_id: number;
  township_id: number;
  village_id: number | null;
  name: string;
  gender: Gender;
  id_number: string;
  phone: string;
  employer: string;
  appointed_on: string;
  status: 'active' | 'inactive';
  remarks: string | null;
  created_at: string;
  updated_at: string;
}

export interface CertificateRow {
  id: number;
  agent_id: number;
  county_id: number;
  number: string;
  status: CertificateStatus;
  produced_on: string;
  issued_on: string | null;
  revoked_on: string | null;
  revoke_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface CertificateReviewRow {
  id: number;
  certificate_id: number;
  county_id: number;
  reviewed_on: string;
  result: 'passed' | 'failed';
  reviewer: string;
  remarks: string;
  created_at: string;
}

/** What trainings and cases need to know about an agent. */
export interface Agent {
  id: number;
  countyId: number;
  townshipId: number;
  name: string;
  appointedOn: Day;
  /** the day the agent stopped (certificate revoked or suspended), if so */
  leftOn: Day | null;
  /** the day the certificate was issued: the agent may take cases from then until `leftOn` */
  certifiedOn: Day | null;
}

export interface AgentData {
  agents: Agent[];
  agentRows: AgentRow[];
  certificateRows: CertificateRow[];
  reviewRows: CertificateReviewRow[];
}

/**
 * About 300 agents: one to four per township, none in a few (the coverage gaps the scorecard shows),
 * and a few more in villages. Most hold an issued certificate reviewed every year (一年一审核).
 */
export function buildAgents(rng: Random, counties: County[], usedIdNumbers: Set<string>): AgentData {
  const data: AgentData = { agents: [], agentRows: [], certificateRows: [], reviewRows: [] };
  const phones = new Set<string>();
  for (const county of counties) {
    for (const township of county.townships) {
      const count = rng.chance(0.07)
        ? 0
        : rng.weighted([
            [1, 15],
            [2, 35],
            [3, 32],
            [4, 18],
          ]);
      for (let i = 0; i < count; i++) {
        const village = township.villages.length && rng.chance(0.2) ? rng.pick(township.villages) : null;
        addAgent(rng, data, county, township, village, usedIdNumbers, phones);
      }
      for (const village of township.villages) {
        if (rng.chance(0.25)) addAgent(rng, data, county, township, village, usedIdNumbers, phones);
      }
    }
  }
  numberCertificates(data.certificateRows);
  return data;
}

/** One agent in `township` (or its `village`) with her certificate and its reviews, appended to `data`. */
export function addAgent(
  rng: Random,
  data: AgentData,
  county: County,
  township: Township,
  village: Village | null,
  usedIdNumbers: Set<string>,
  phones: Set<string>,
): void {
  const gender: Gender = rng.chance(0.9) ? 'female' : 'male';
  const birth = day('1960-01-01') + rng.int(0, day('1995-12-31') - day('1960-01-01'));
  const appointed = appointmentDay(rng);
  const agent: Agent = {
    id: data.agentRows.length + 1,
    countyId: county.id,
    townshipId: township.id,
    name: personName(rng, gender),
    appointedOn: appointed,
    leftOn: null,
    certifiedOn: null,
  };
  const row: AgentRow = {
    id: agent.id,
    county_id: county.id,
    township_id: township.id,
    village_id: village?.id ?? null,
    name: agent.name,
    gender,
    id_number: idNumber(rng, county.code, birth, gender, usedIdNumbers),
    phone: mobilePhone(rng, phones),
    employer: employer(rng, county, township, village),
    appointed_on: iso(appointed),
    status: 'active',
    remarks: null,
    created_at: timestamp(appointed),
    updated_at: timestamp(appointed),
  };
  data.agents.push(agent);
  data.agentRows.push(row);
  addCertificate(rng, data, county, agent, row);
}

function appointmentDay(rng: Random): Day {
  const year = rng.weighted(APPOINTMENT_YEARS);
  const from = Math.max(startOfYear(year), PROGRAM_START);
  const to = Math.min(endOfYear(year), DEMO_TODAY);
  return rng.int(from, to);
}

function employer(rng: Random, county: County, township: Township, village: Village | null): string {
  if (village) return `${township.name}${village.name}${village.name.endsWith('社区') ? '居委会' : '村委会'}`;
  if (rng.chance(0.08)) return rng.pick(LAW_FIRMS);
  if (rng.chance(0.05)) return `${county.name}妇联`;
  return township.name + rng.pick(TOWNSHIP_EMPLOYERS);
}

/**
 * The agent's certificate (produced by the city, issued by the county) and its yearly reviews.
 * Some certificates are still waiting to be issued, some were suspended after a failed review,
 * some revoked when the agent left, and some have missed their yearly review.
 */
function addCertificate(rng: Random, data: AgentData, county: County, agent: Agent, row: AgentRow): void {
  const produced = agent.appointedOn + rng.int(7, 60);
  if (produced > DEMO_TODAY || rng.chance(0.03)) return;
  const certificate: CertificateRow = {
    id: data.certificateRows.length + 1,
    agent_id: agent.id,
    county_id: county.id,
    number: '',
    status: 'produced',
    produced_on: iso(produced),
    issued_on: null,
    revoked_on: null,
    revoke_reason: null,
    created_at: timestamp(produced),
    updated_at: timestamp(produced),
  };
  data.certificateRows.push(certificate);
  const issued = produced + rng.int(3, 30);
  // the county issues the city's recent batches when it next convenes its agents
  if (issued > DEMO_TODAY || (DEMO_TODAY - produced < 150 && rng.chance(0.6))) return;
  certificate.status = 'issued';
  certificate.issued_on = iso(issued);
  certificate.updated_at = timestamp(issued);
  agent.certifiedOn = issued;

  const anniversaries: Day[] = [];
  for (let k = 1; addYears(issued, k) <= DEMO_TODAY; k++) anniversaries.push(addYears(issued, k) + rng.int(-15, 25));
  let reviews = anniversaries.filter((d) => d <= DEMO_TODAY);
  const fate = rng.weighted([
    ['kept', 80],
    ['overdue', 8],
    ['suspended', 5],
    ['left', 7],
  ] as const);

  if (fate === 'overdue') {
    // the county stopped reviewing this one: its last review (or issue) is more than a year old
    const cutoff = DEMO_TODAY - rng.int(400, 900);
    reviews = reviews.filter((d) => d <= cutoff);
  }
  const review = (on: Day, result: 'passed' | 'failed') =>
    data.reviewRows.push({
      id: data.reviewRows.length + 1,
      certificate_id: certificate.id,
      county_id: county.id,
      reviewed_on: iso(on),
      result,
      reviewer: county.contactPerson,
      remarks: rng.pick(result === 'passed' ? PASSED_REMARKS : FAILED_REMARKS),
      created_at: timestamp(on, 10),
    });

  if (fate === 'suspended' && reviews.length > 0) {
    const failedOn = reviews[reviews.length - 1];
    reviews.slice(0, -1).forEach((d) => review(d, 'passed'));
    review(failedOn, 'failed');
    certificate.status = 'suspended';
    certificate.updated_at = timestamp(failedOn, 10);
    agent.leftOn = failedOn;
    return;
  }
  const lastRevocation = DEMO_TODAY - 30;
  if (fate === 'left' && reviews.length > 0 && reviews[0] < lastRevocation) {
    const revoked = rng.int(reviews[0] + 1, lastRevocation);
    const reason = rng.pick(LEAVING_REMARKS);
    const before = reviews.filter((d) => d < revoked);
    before.forEach((d) => review(d, 'passed'));
    if (reason.includes('审核不合格')) review(revoked, 'failed');
    certificate.status = 'revoked';
    certificate.revoked_on = iso(revoked);
    certificate.revoke_reason = reason;
    certificate.updated_at = timestamp(revoked);
    row.status = 'inactive';
    row.remarks = reason;
    row.updated_at = timestamp(revoked);
    agent.leftOn = revoked;
    return;
  }
  reviews.forEach((d) => review(d, 'passed'));
}

/** 平妇代证-<year>-<seq>: the city numbers certificates by year of production, in production order. */
export function numberCertificates(certificates: CertificateRow[]): void {
  const ordered = [...certificates].sort((a, b) => a.produced_on.localeCompare(b.produced_on) || a.id - b.id);
  const seqByYear = new Map<number, number>();
  for (const c of ordered) {
    const year = yearOf(day(c.produced_on));
    const seq = (seqByYear.get(year) ?? 0) + 1;
    seqByYear.set(year, seq);
    c.number = `平妇代证-${year}-${String(seq).padStart(5, '0')}`;
  }
}
