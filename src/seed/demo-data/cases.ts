import type { Agent } from './agents.js';
import { CASES_FROM, DEMO_TODAY, Day, endOfYear, iso, startOfYear, timestamp, yearOf } from './calendar.js';
import { lastEvent, planCase, progressOn, type CaseState, type Progress } from './case-timeline.js';
import {
  CATEGORY_TEXTS,
  CATEGORY_WEIGHTS,
  departmentName,
  EXPLAINED_OUTCOME,
  EXTENSION_REASONS,
  ROADS,
  SOURCE_WEIGHTS,
  TERMINATION_REASONS,
  type CaseCategory,
  type CaseSource,
} from './case-texts.js';
import { idNumber, mobilePhone, personName, surname, type Gender } from './people.js';
import type { County, Township } from './places.js';
import { Random } from './random.js';

export const TOTAL_CASES = 3000;

/** Share of the city's cases by county, roughly by population. */
const COUNTY_WEIGHTS: Record<string, number> = {
  新华区: 8,
  卫东区: 7,
  石龙区: 2,
  湛河区: 6,
  宝丰县: 9,
  叶县: 12,
  鲁山县: 12,
  郏县: 9,
  舞钢市: 6,
  汝州市: 14,
};

/** 2026 runs only to the demo's today, hence its smaller weight. */
const YEAR_WEIGHTS: [number, number][] = [
  [2022, 20],
  [2023, 21],
  [2024, 22],
  [2025, 22],
  [2026, 19],
];

export interface PetitionCaseRow {
  id: number;
  case_no: string;
  county_id: number;
  township_id: number;
  agent_id: number | null;
  state: CaseState;
  subject: string;
  description: string;
  category: CaseCategory;
  source: CaseSource;
  is_group: boolean;
  group_size: number | null;
  is_key: boolean;
  in_joint_meeting: boolean;
  /** 重复信访 marked by the clerk: the earlier case of the same woman */
  repeat_of_id: number | null;
  petitioner_name: string;
  petitioner_id_number: string | null;
  petitioner_phone: string | null;
  petitioner_address: string;
  respondent_department: string;
  accepted_on: string;
  acceptance_notified_on: string | null;
  agreement_signed_on: string | null;
  notified_on: string | null;
  representing_since: string | null;
  extension_days: number | null;
  extension_approved_by: string | null;
  extension_reason: string | null;
  extension_notified_on: string | null;
  concluded_on: string | null;
  outcome: string | null;
  reply_issued_on: string | null;
  review_requested_on: string | null;
  review_department: string | null;
  review_answered_on: string | null;
  review_declined_on: string | null;
  archived_on: string | null;
  archive_no: string | null;
  terminated_on: string | null;
  termination_reason: string | null;
  termination_reported_to: string | null;
  created_at: string;
  updated_at: string;
}

/** A generated case with what its file and log need to know. */
export interface DemoCase {
  row: PetitionCaseRow;
  county: County;
  township: Township;
  agent: Agent | null;
  progress: Progress;
}

export interface CaseContext {
  counties: County[];
  agents: Agent[];
  /** counties whose work point has a joint-meeting mechanism: only they bring cases to it */
  jointMeetingCountyIds: Set<number>;
  usedIdNumbers: Set<string>;
}

/**
 * About 3,000 cases accepted 2022-01-01 … today, in acceptance order, numbered gap-free per county and
 * year (新华-2024-0007) and, once archived, per county and archive year (新华档-2024-0003).
 */
export function buildCases(rng: Random, ctx: CaseContext): DemoCase[] {
  const phones = new Set<string>();
  const totalWeight = ctx.counties.reduce((sum, c) => sum + COUNTY_WEIGHTS[c.name], 0);
  const cases: DemoCase[] = [];
  let weightSoFar = 0;
  for (const county of ctx.counties) {
    // rounding the running total keeps the sum at exactly TOTAL_CASES
    const before = Math.round((TOTAL_CASES * weightSoFar) / totalWeight);
    weightSoFar += COUNTY_WEIGHTS[county.name];
    const count = Math.round((TOTAL_CASES * weightSoFar) / totalWeight) - before;
    const agents = ctx.agents.filter((a) => a.countyId === county.id);
    for (let i = 0; i < count; i++) cases.push(draftCase(rng, ctx, county, agents, phones));
  }
  // stable sort: cases accepted the same day keep their county order
  cases.sort((a, b) => a.progress.accepted - b.progress.accepted || a.county.id - b.county.id);
  cases.forEach((c, i) => (c.row.id = i + 1));
  bringSomeBack(cases);
  numberCases(cases);
  numberArchives(cases);
  return cases;
}

/** How the scale generator (scale-data) varies a case: its day, a faster agent choice, its own today. */
export interface DraftOptions {
  accepted?: Day;
  chooseAgent?: (rng: Random, township: Township, on: Day) => Agent | null;
  today?: Day;
}

/** One case as of `opts.today` (the demo's today by default), not yet numbered. */
export function draftCase(
  rng: Random,
  ctx: CaseContext,
  county: County,
  agents: Agent[],
  phones: Set<string>,
  opts: DraftOptions = {},
): DemoCase {
  const accepted = opts.accepted ?? acceptanceDay(rng);
  const township = rng.pick(county.townships);
  const agent = opts.chooseAgent
    ? opts.chooseAgent(rng, township, accepted)
    : chooseAgent(rng, agents, township, accepted);
  const progress = progressOn(planCase(rng, accepted), opts.today);
  const category = rng.weighted(CATEGORY_WEIGHTS);
  const texts = CATEGORY_TEXTS[category];
  const subject = rng.pick(texts.subjects);
  const isGroup = rng.chance(0.05);
  const groupSize = isGroup ? rng.int(3, 25) : null;
  const isKey = rng.chance(isGroup ? 0.5 : 0.07);
  const inJointMeeting = ctx.jointMeetingCountyIds.has(county.id) && rng.chance(isKey ? 0.6 : 0.01);
  const gender: Gender = rng.chance(0.93) ? 'female' : 'male';
  const name = personName(rng, gender);
  const birth = rng.int(startOfYear(1950), endOfYear(2003));
  const department = departmentName(rng.pick(texts.departments), county, township.name);
  const p = progress;
  const date = (d: Day | null) => (d === null ? null : iso(d));

  const row: PetitionCaseRow = {
    id: 0,
    case_no: '',
    county_id: county.id,
    township_id: township.id,
    agent_id: agent?.id ?? null,
    state: p.state,
    subject,
    description: `${name}${isGroup ? `等${groupSize}人` : ''}反映：${subject}，${rng.pick(texts.demands)}。`,
    category,
    source: rng.weighted(SOURCE_WEIGHTS),
    is_group: isGroup,
    group_size: groupSize,
    is_key: isKey,
    in_joint_meeting: inJointMeeting,
    repeat_of_id: null,
    petitioner_name: name,
    petitioner_id_number: rng.chance(0.95) ? idNumber(rng, county.code, birth, gender, ctx.usedIdNumbers) : null,
    petitioner_phone: rng.chance(0.9) ? mobilePhone(rng, phones) : null,
    petitioner_address: petitionerAddress(rng, county, township),
    respondent_department: department,
    accepted_on: iso(p.accepted),
    acceptance_notified_on: date(p.acceptanceNotified),
    agreement_signed_on: date(p.agreementSigned),
    notified_on: date(p.notified),
    // 开始代理 once both the agreement (附件2) is signed and the notification (附件3) served
    representing_since: date(p.notified),
    extension_days: p.extension?.days ?? null,
    extension_approved_by: p.extension ? `${county.name}信访局` : null,
    extension_reason: p.extension ? rng.pick(EXTENSION_REASONS) : null,
    extension_notified_on: date(p.extension?.notifiedOn ?? null),
    concluded_on: date(p.concluded),
    outcome: p.concluded === null ? null : rng.chance(0.85) ? rng.pick(texts.outcomes) : EXPLAINED_OUTCOME,
    reply_issued_on: date(p.reply),
    review_requested_on: date(p.reviewRequested),
    review_department: p.reviewRequested === null ? null : rng.pick(['平顶山市信访局', '平顶山市妇联权益部']),
    review_answered_on: date(p.reviewAnswered),
    review_declined_on: date(p.reviewDeclined),
    archived_on: date(p.archived),
    archive_no: null,
    terminated_on: date(p.terminated),
    termination_reason: p.terminated === null ? null : rng.pick(TERMINATION_REASONS),
    termination_reported_to:
      p.terminated === null ? null : rng.chance(0.7) ? `${county.name}信访局` : `${county.name}信访联席会议办公室`,
    created_at: timestamp(p.accepted),
    updated_at: timestamp(lastEvent(p), 16),
  };
  return { row, county, township, agent, progress };
}

function acceptanceDay(rng: Random): Day {
  const year = rng.weighted(YEAR_WEIGHTS);
  return rng.int(Math.max(startOfYear(year), CASES_FROM), Math.min(endOfYear(year), DEMO_TODAY));
}

/** An agent certified on the day: from the petitioner's township if it has one, else from the county. */
function chooseAgent(rng: Random, agents: Agent[], township: Township, on: Day): Agent | null {
  const certified = agents.filter((a) => a.certifiedOn !== null);
  const serving = certified.filter((a) => a.certifiedOn! <= on && (a.leftOn === null || a.leftOn > on));
  const local = serving.filter((a) => a.townshipId === township.id);
  if (local.length) return rng.pick(local);
  if (serving.length) return rng.pick(serving);
  return certified.length ? rng.pick(certified) : null;
}

function petitionerAddress(rng: Random, county: County, township: Township): string {
  const prefix = county.name + township.name;
  if (township.villages.length && rng.chance(0.5)) {
    const village = rng.pick(township.villages).name;
    return village.endsWith('社区')
      ? `${prefix}${village}${rng.int(1, 30)}号楼${rng.int(1, 6)}单元`
      : `${prefix}${village}${rng.int(1, 12)}组`;
  }
  if (township.name.endsWith('街道')) return `${prefix}${rng.pick(ROADS)}${rng.int(1, 300)}号院${rng.int(1, 12)}号楼`;
  return `${prefix}${surname(rng)}${rng.pick(['庄', '营', '寨', '楼', '湾'])}村${rng.int(1, 12)}组`;
}

/**
 * 重复信访 in the demo, as a petition office meets it: about one case in forty of a county is a woman coming
 * back — her name, ID number, phone and address those of an earlier case of the county — and the clerk
 * marked every other one with that earlier case (重复信访·前案). Chosen by position, not drawn, so the
 * random streams and every other figure of the demo stay as they were.
 */
function bringSomeBack(cases: DemoCase[]): void {
  const byCounty = new Map<number, DemoCase[]>();
  for (const c of cases) byCounty.set(c.county.id, [...(byCounty.get(c.county.id) ?? []), c]);
  for (const list of byCounty.values()) {
    list.forEach((c, i) => {
      if (i < 20 || i % 40 !== 7) return;
      const earlier = list[i - 3 - (i % 11)].row;
      // she is known again by her ID number; a woman who gave none is not recognised by the demo
      if (!earlier.petitioner_id_number) return;
      const row = c.row;
      row.description = row.description.replace(row.petitioner_name, earlier.petitioner_name);
      row.petitioner_name = earlier.petitioner_name;
      row.petitioner_id_number = earlier.petitioner_id_number;
      row.petitioner_phone = earlier.petitioner_phone;
      row.petitioner_address = earlier.petitioner_address;
      if (i % 80 === 47) row.repeat_of_id = earlier.id;
    });
  }
}

/** 新华-2024-0007: per county and year of acceptance, without gaps. */
function numberCases(cases: DemoCase[]): void {
  const seq = new Map<string, number>();
  for (const c of cases) {
    const key = `${c.county.shortName}-${yearOf(c.progress.accepted)}`;
    const n = (seq.get(key) ?? 0) + 1;
    seq.set(key, n);
    c.row.case_no = `${key}-${String(n).padStart(4, '0')}`;
  }
}

/** 新华档-2024-0003: per county and year of archiving, in archiving order. */
function numberArchives(cases: DemoCase[]): void {
  const archived = cases.filter((c) => c.progress.archived !== null);
  archived.sort((a, b) => a.progress.archived! - b.progress.archived! || a.row.id - b.row.id);
  const seq = new Map<string, number>();
  for (const c of archived) {
    const key = `${c.county.shortName}档-${yearOf(c.progress.archived!)}`;
    const n = (seq.get(key) ?? 0) + 1;
    seq.set(key, n);
    c.row.archive_no = `${key}-${String(n).padStart(4, '0')}`;
  }
}
