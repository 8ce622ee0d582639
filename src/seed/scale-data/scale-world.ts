import { addAgent, numberCertificates, type Agent, type AgentData } from '../demo-data/agents.js';
import { organizationTable, type County, type OrganizationRow, type Township } from '../demo-data/places.js';
import { Random } from '../demo-data/random.js';
import { buildAdminUsers, type AdminUserRow } from '../demo-data/users.js';
import { buildWorkPoints, buildWorkSystems } from '../demo-data/work-points.js';

/**
 * The organisations, users, work points and agents of a province-sized world (the scale generator,
 * `npm run seed:scale`): synthetic counties 411001, 411002, … under the city, each with 12–18
 * townships of 2–4 villages, built with the demo's own generators (names, ID numbers, phones,
 * certificates and yearly reviews).
 */

// Two-character place names: first × second characters, in a fixed shuffled order, never repeated.
const FIRST = '安宁平兴丰和长永清新东西南北中上下龙凤金石白青华明德顺泰康福寿云山河林阳春'.split('');
const SECOND = '城川原州阳水谷坪岗桥岭店集营堡庄湖泉台坡沟源乐川溪陵门关塘洲港'.split('');
const TOWNSHIP_SUFFIXES: [string, number][] = [
  ['镇', 50],
  ['乡', 30],
  ['街道', 20],
];
const VILLAGE_SUFFIXES: [string, number][] = [
  ['村', 80],
  ['社区', 20],
];
const COUNTY_SUFFIXES = ['县', '区', '市'];

export const SCALE_CITY_CODE = '410400';

export interface ScaleWorld {
  counties: County[];
  organizationRows: OrganizationRow[];
  users: AdminUserRow[];
  /** county id → the id of its staff account (recorded as having entered its case files) */
  staffByCounty: Map<number, number>;
  workPoints: ReturnType<typeof buildWorkPoints>;
  workSystems: ReturnType<typeof buildWorkSystems>;
  agents: AgentData;
  /** share of the cases each county takes (relative weights) */
  countyWeights: number[];
}

/** The county staff login of a synthetic county: staff-411001@example.org. */
export const scaleStaffEmail = (countyCode: string) => `staff-${countyCode}@example.org`;

function placeNames(rng: Random): string[] {
  const names: string[] = [];
  for (const a of FIRST) for (const b of SECOND) if (a !== b) names.push(a + b);
  return rng.sample(names, names.length);
}

export function buildScaleWorld(opts: { counties: number; agents: number; seed?: string }): ScaleWorld {
  const rng = new Random(hash(`scale/${opts.seed ?? 'wpa-scale'}/world`));
  const names = placeNames(rng);
  if (opts.counties < 1 || opts.counties > Math.min(names.length, 8999))
    throw new Error(`counties must be 1…${Math.min(names.length, 8999)}`);
  const { rows, add, addCounty } = organizationTable(SCALE_CITY_CODE);
  const none = { short_name: null, contact_person: null, contact_phone: null, address: null };
  const counties: County[] = [];
  for (let i = 0; i < opts.counties; i++) {
    const shortName = names[i];
    const name = shortName + COUNTY_SUFFIXES[i % 3];
    const code = String(411001 + i);
    const county: County = {
      id: 0,
      code,
      name,
      shortName,
      contactPerson: `${rng.pick(['李', '王', '张', '刘', '陈', '杨', '赵'])}${rng.pick(['静', '敏', '丽娟', '红霞', '玉梅', '春燕'])}`,
      contactPhone: `0375-${rng.digits(7)}`,
      address: `${name}人民路${rng.int(1, 200)}号${name}妇联`,
      townships: [],
    };
    county.id = addCounty(county);
    counties.push(county);
  }
  for (const county of counties) {
    const townshipCount = rng.int(12, 18);
    for (let t = 1; t <= townshipCount; t++) {
      const tname = rng.pick(names) + rng.weighted(TOWNSHIP_SUFFIXES);
      const tcode = county.code + String(t).padStart(3, '0');
      const township: Township = {
        id: add({ ...none, code: tcode, name: tname, level: 'township', parent_id: county.id, county_id: county.id }),
        name: tname,
        villages: [],
      };
      const villageCount = rng.int(2, 4);
      for (let v = 1; v <= villageCount; v++) {
        const vname = rng.pick(names) + rng.weighted(VILLAGE_SUFFIXES);
        const vcode = tcode + String(200 + v).padStart(3, '0');
        township.villages.push({
          id: add({
            ...none,
            code: vcode,
            name: vname,
            level: 'village',
            parent_id: township.id,
            county_id: county.id,
          }),
          name: vname,
        });
      }
      county.townships.push(township);
    }
  }

  // city admin and leader as in the demo (same password), then one staff account per county
  const [city, leader] = buildAdminUsers([]);
  const users: AdminUserRow[] = [city, leader];
  const staffByCounty = new Map<number, number>();
  for (const county of counties) {
    const id = users.length + 1;
    users.push({
      ...city,
      id,
      email: scaleStaffEmail(county.code),
      name: `${county.name}妇联${county.contactPerson}`,
      role: 'county_staff',
      county_id: county.id,
    });
    staffByCounty.set(county.id, id);
  }

  const agents: AgentData = { agents: [], agentRows: [], certificateRows: [], reviewRows: [] };
  const agentRng = new Random(hash(`scale/${opts.seed ?? 'wpa-scale'}/agents`));
  const usedIdNumbers = new Set<string>();
  const phones = new Set<string>();
  for (let i = 0; i < opts.agents; i++) {
    // round-robin over counties, a random township, one in five in a village
    const county = counties[i % counties.length];
    const township = agentRng.pick(county.townships);
    const village = agentRng.chance(0.2) ? agentRng.pick(township.villages) : null;
    addAgent(agentRng, agents, county, township, village, usedIdNumbers, phones);
  }
  numberCertificates(agents.certificateRows);

  const countyWeights = counties.map(() => rng.int(2, 14));
  return {
    counties,
    organizationRows: rows,
    users,
    staffByCounty,
    workPoints: buildWorkPoints(new Random(hash('scale/work-points')), counties),
    workSystems: buildWorkSystems(new Random(hash('scale/work-systems')), counties),
    agents,
    countyWeights,
  };
}

/**
 * A fast agent choice for millions of cases: a certified agent serving on the day, from the township
 * if one is found in a few draws, else from the county; the demo's exhaustive filter would be quadratic.
 */
export function agentChooser(agents: Agent[]) {
  const byTownship = new Map<number, Agent[]>();
  const byCounty = new Map<number, Agent[]>();
  for (const a of agents) {
    if (a.certifiedOn === null) continue;
    (byTownship.get(a.townshipId) ?? byTownship.set(a.townshipId, []).get(a.townshipId)!).push(a);
    (byCounty.get(a.countyId) ?? byCounty.set(a.countyId, []).get(a.countyId)!).push(a);
  }
  const serving = (a: Agent, on: number) => a.certifiedOn! <= on && (a.leftOn === null || a.leftOn > on);
  return (rng: Random, township: Township & { countyId?: number }, on: number, countyId: number): Agent | null => {
    const local = byTownship.get(township.id) ?? [];
    for (let i = 0; i < Math.min(4, local.length); i++) {
      const a = rng.pick(local);
      if (serving(a, on)) return a;
    }
    const county = byCounty.get(countyId) ?? [];
    for (let i = 0; i < Math.min(8, county.length); i++) {
      const a = rng.pick(county);
      if (serving(a, on)) return a;
    }
    return county.length ? rng.pick(county) : null;
  };
}

// FNV-1a, as the demo's named streams
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
