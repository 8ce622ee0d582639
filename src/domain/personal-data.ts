import type { Role } from './access-policy.js';
import { isMobilePhone } from './phone.js';

// Masks for petitioners' personal data in lists and for leaders: 4104**********1234, 138****5678.

export function maskIdNumber(value: string | null | undefined): string | null {
  if (!value) return value ?? null;
  return value.length <= 8
    ? '*'.repeat(value.length)
    : `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}`;
}

export function maskPhone(value: string | null | undefined): string | null {
  if (!value) return value ?? null;
  return value.length < 7 ? '*'.repeat(value.length) : `${value.slice(0, 3)}****${value.slice(-4)}`;
}

/**
 * A contact number of a unit or a report: an office landline is the unit's and is shown as it is; a mobile
 * is someone's own (a clerk gives hers as the report's contact) and is masked like any other.
 */
export function maskMobile(value: string | null | undefined): string | null {
  if (!value) return value ?? null;
  return isMobilePhone(value) ? maskPhone(value.trim()) : value;
}

/** Keeps the first 6 characters (province, city, county) and hides the rest. */
export function maskAddress(value: string | null | undefined): string | null {
  if (!value) return value ?? null;
  return value.length <= 6 ? `${value.slice(0, 1)}***` : `${value.slice(0, 6)}****`;
}

/**
 * How much of a personal field a reader gets: all of it, masked (first and last characters), or nothing
 * (the field is left out of the answer, not blanked on screen only).
 */
export type Exposure = 'full' | 'masked' | 'none';
/** list: lists, searches, reference pickers and exports; record: a record's page, its form and printed forms */
export type PersonalView = 'list' | 'record';
export type PersonalSubject = 'petitioner' | 'agent' | 'user' | 'contact';

interface FieldPolicy {
  mask: (value: string | null | undefined) => string | null;
  /** a full view on a record's page is written to the audit log (a work contact's number is not) */
  audited?: boolean;
  list: Record<Role, Exposure>;
  record: Record<Role, Exposure>;
}

const each = (city: Exposure, county: Exposure, leader: Exposure): Record<Role, Exposure> => ({
  city_admin: city,
  county_staff: county,
  leader,
});
const NEVER = each('none', 'none', 'none');
const secret = { mask: () => null, list: NEVER, record: NEVER };

const contactPhone: FieldPolicy = {
  mask: maskMobile,
  audited: false,
  list: each('full', 'full', 'masked'),
  record: each('full', 'full', 'masked'),
};

/**
 * Minimum necessary (《个人信息保护法》第六条): who sees which personal field, per subject and per role.
 * Keys are the entity's property names. Petitioners: masked in every list, in full on the case's page for
 * the staff handling it (audited), masked for leaders. Agents: county staff and the city call their agents
 * (phone in full), the ID number in full only on the agent's page; leaders see agents' names, townships and
 * certificate standing, never their ID numbers or phones. Users' password hashes leave the server for nobody.
 * Contacts of units, work points and 案件分析报告 (附件6): staff call them; leaders see an office landline
 * and a mobile masked (the person's own number; the contact's name is shown).
 */
export const PERSONAL_DATA: Record<PersonalSubject, Record<string, FieldPolicy>> = {
  petitioner: {
    petitionerIdNumber: {
      mask: maskIdNumber,
      list: each('masked', 'masked', 'masked'),
      record: each('full', 'full', 'masked'),
    },
    petitionerPhone: {
      mask: maskPhone,
      list: each('masked', 'masked', 'masked'),
      record: each('full', 'full', 'masked'),
    },
    petitionerAddress: {
      mask: maskAddress,
      list: each('masked', 'masked', 'masked'),
      record: each('full', 'full', 'masked'),
    },
  },
  agent: {
    idNumber: { mask: maskIdNumber, list: each('masked', 'masked', 'none'), record: each('full', 'full', 'none') },
    phone: { mask: maskPhone, list: each('full', 'full', 'none'), record: each('full', 'full', 'none') },
  },
  user: {
    passwordHash: secret,
  },
  contact: {
    contactPhone,
    phone: contactPhone,
  },
};

/** What `role` gets of `field` in `view`: the value, its mask, or undefined (left out). */
export function personalValue<T extends string | null | undefined>(
  subject: PersonalSubject,
  field: string,
  role: Role | null | undefined,
  view: PersonalView,
  value: T,
): T | string | null | undefined {
  const policy = PERSONAL_DATA[subject][field];
  if (!policy) return value;
  const exposure: Exposure = role ? policy[view][role] : 'none';
  if (exposure === 'full') return value;
  if (exposure === 'masked') return policy.mask(value);
  return undefined;
}

/** Does `role` see some audited field of `subject` in full on a record's page (so that the view is audited)? */
export function seesInFull(subject: PersonalSubject, role: Role, view: PersonalView = 'record'): boolean {
  return Object.values(PERSONAL_DATA[subject]).some((p) => p.audited !== false && p[view][role] === 'full');
}

/** May `role` filter or sort by `field` (a search on a field one may not read is an oracle for it)? */
export function mayQueryBy(subject: PersonalSubject, field: string, role: Role | null | undefined): boolean {
  const policy = PERSONAL_DATA[subject][field];
  return !policy || (!!role && policy.record[role] === 'full');
}
