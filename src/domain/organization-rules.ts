import { ProblemCollector, problem, type FieldProblems } from './errors.js';
import { contactPhoneCheck, isBlank, maxLength, required, type TextInput } from './field-checks.js';

import { ORG_LEVEL_LABELS, type OrgLevel } from './vocabulary.js';

// GB/T 2260 gives cities and counties 6 digits (city 4104 00, county 4104 02); the township (乡级) and
// village (村级) codes of the statistical division codes append 3 digits each. The unit's own segment is
// never zero: a city code ends in 00 but not 0000 (that is a province), a county never ends in 00.
const LEVELS: Record<OrgLevel, { pattern: RegExp; length: number; parent: OrgLevel | null }> = {
  city: { length: 6, pattern: /^[0-9]{2}(?!00)[0-9]{2}00$/, parent: null },
  county: { length: 6, pattern: /^[0-9]{4}(?!00)[0-9]{2}$/, parent: 'city' },
  township: { length: 9, pattern: /^[0-9]{6}(?!000)[0-9]{3}$/, parent: 'county' },
  village: { length: 12, pattern: /^[0-9]{9}(?!000)[0-9]{3}$/, parent: 'township' },
};

export interface OrganizationInput {
  code?: TextInput;
  name?: TextInput;
  level?: OrgLevel | null;
  parentId?: number | string | null;
  contactPhone?: TextInput;
}

export interface OrganizationContext {
  /** The unit chosen as parentId, loaded by the caller; null when none is chosen. */
  parent: { code: string; level: OrgLevel } | null;
}

/** The part of a parent's code its children repeat: a city's 410400 → 4104; longer codes whole. */
export function childCodePrefix(parentCode: string): string {
  return parentCode.length === 6 ? parentCode.replace(/(00)+$/, '') : parentCode;
}

export function validateOrganization(input: OrganizationInput, ctx: OrganizationContext): FieldProblems {
  const c = new ProblemCollector();
  c.add('name', required(input.name) ?? maxLength(input.name, 100));
  c.add('contactPhone', contactPhoneCheck(input.contactPhone));
  c.add('level', required(input.level));
  c.add('code', required(input.code));
  if (!input.level) return c.problems;

  const level = LEVELS[input.level];
  const code = (input.code ?? '').trim();
  if (code && !new RegExp(`^[0-9]{${level.length}}$`).test(code)) {
    c.add('code', problem('ORG_CODE_LENGTH', `${ORG_LEVEL_LABELS[input.level]}的代码应为${level.length}位数字`));
  } else if (code && !level.pattern.test(code)) {
    c.add('code', problem('ORG_CODE_FORMAT', `“${code}”不是有效的${ORG_LEVEL_LABELS[input.level]}行政区划代码`));
  }

  const parent = ctx.parent;
  if (!level.parent) {
    if (parent || !isBlank(input.parentId)) c.add('parentId', problem('PARENT_NOT_ALLOWED', '市级单位没有上级单位'));
  } else if (!parent) {
    c.add('parentId', problem('REQUIRED', `请选择上级${ORG_LEVEL_LABELS[level.parent]}`));
  } else if (parent.level !== level.parent) {
    c.add(
      'parentId',
      problem('PARENT_LEVEL', `${ORG_LEVEL_LABELS[input.level]}的上级单位应为${ORG_LEVEL_LABELS[level.parent]}`),
    );
  } else if (code && !code.startsWith(childCodePrefix(parent.code))) {
    const prefix = childCodePrefix(parent.code);
    c.add('code', problem('ORG_CODE_PARENT', `代码应以“${prefix}”开头（上级单位代码为${parent.code}）`));
  }
  return c.problems;
}
