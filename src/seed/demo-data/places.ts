import type { OrgLevel } from '../../domain/vocabulary.js';
import { day, timestamp } from './calendar.js';
import places from './places.json' with { type: 'json' };

/** What the demo says of a county-level unit, in its table and once its rows have ids. */
export interface CountyIdentity {
  code: string;
  name: string;
  /** the abbreviation used in case and archive numbers */
  shortName: string;
  contactPerson: string;
  contactPhone: string;
  address: string;
}

interface CountyTable extends CountyIdentity {
  townships: string[];
}

// The demo's places are data, in places.json: 平顶山市, its county-level units with their townships, and the
// villages and communities with their own organisation rows, by "county/township". Codes are the GB/T 2260
// codes of 平顶山市 and its county-level units; townships and villages follow the GB/T 10114 numbering habit
// (街道 0xx, 镇 1xx, 乡 2xx; 社区 0xx, 村 2xx) under their parent's code.
const CITY: CountyIdentity = places.city;
const COUNTIES: CountyTable[] = places.counties;
const VILLAGES: Record<string, string[]> = places.villages;

// Demo organisations came into the program with the notice 平妇字〔2014〕17号.
export const PROGRAM_START = day('2014-05-04');
const ORGANISED_ON = timestamp(PROGRAM_START);

export interface OrganizationRow {
  id: number;
  code: string;
  name: string;
  short_name: string | null;
  level: OrgLevel;
  parent_id: number | null;
  county_id: number | null;
  contact_person: string | null;
  contact_phone: string | null;
  address: string | null;
  created_at: string;
  updated_at: string;
}

export interface Village {
  id: number;
  name: string;
}

export interface Township {
  id: number;
  name: string;
  villages: Village[];
}

export interface County extends CountyIdentity {
  id: number;
  townships: Township[];
}

export interface Places {
  cityId: number;
  counties: County[];
  rows: OrganizationRow[];
}

/**
 * The organisation rows of a world (the demo's, the scale generator's), numbered in the order added and
 * created when the program started: the city first (with `cityCode`), then what is added — a county-level
 * unit is its own county, under the city.
 */
export function organizationTable(cityCode: string) {
  const rows: OrganizationRow[] = [];
  const add = (row: Omit<OrganizationRow, 'id' | 'created_at' | 'updated_at'>): number => {
    const id = rows.length + 1;
    rows.push({ id, ...row, created_at: ORGANISED_ON, updated_at: ORGANISED_ON });
    return id;
  };
  /** a unit with its own contacts: the city, or a county-level unit (its own county) under it */
  const unit = (c: CountyIdentity, level: 'city' | 'county', parentId: number | null) =>
    add({
      code: c.code,
      name: c.name,
      short_name: c.shortName,
      level,
      parent_id: parentId,
      county_id: level === 'county' ? rows.length + 1 : null,
      contact_person: c.contactPerson,
      contact_phone: c.contactPhone,
      address: c.address,
    });
  const cityId = unit({ ...CITY, code: cityCode }, 'city', null);
  const addCounty = (c: CountyIdentity): number => unit(c, 'county', cityId);
  return { rows, add, addCounty, cityId };
}

/** The organisation tree: city first, then the counties, then each county's townships and villages. */
export function buildPlaces(): Places {
  const { rows, add, addCounty, cityId } = organizationTable(CITY.code);
  const none = { short_name: null, contact_person: null, contact_phone: null, address: null };
  const counties: County[] = COUNTIES.map((c) => ({ ...c, id: addCounty(c), townships: [] }));
  counties.forEach((county, i) => {
    const codes = new SuffixCounter();
    for (const name of COUNTIES[i].townships) {
      const code = county.code + codes.next(townshipKind(name));
      const id = add({ ...none, code, name, level: 'township', parent_id: county.id, county_id: county.id });
      county.townships.push({ id, name, villages: [] });
    }
  });
  counties.forEach((county) => {
    for (const township of county.townships) {
      const codes = new SuffixCounter();
      const parentCode = rows[township.id - 1].code;
      for (const name of VILLAGES[`${county.name}/${township.name}`] ?? []) {
        const code = parentCode + codes.next(name.endsWith('社区') ? 0 : 2);
        const id = add({ ...none, code, name, level: 'village', parent_id: township.id, county_id: county.id });
        township.villages.push({ id, name });
      }
    }
  });
  return { cityId, counties, rows };
}

/** The hundreds digit of a township code: 街道 0, 镇 1, 乡 2. */
function townshipKind(name: string): number {
  if (name.endsWith('街道')) return 0;
  if (name.endsWith('镇')) return 1;
  return 2;
}

/** Three-digit code suffixes, numbered from 1 within each hundred. */
class SuffixCounter {
  private readonly used = new Map<number, number>();

  next(hundred: number): string {
    const n = (this.used.get(hundred) ?? 0) + 1;
    this.used.set(hundred, n);
    return String(hundred * 100 + n).padStart(3, '0');
  }
}
