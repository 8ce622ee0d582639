import { compareDates, isValidDate } from './dates.js';
import { problem, type ErrorCode, type FieldProblem } from './errors.js';
import { idNumberBirthDate, idNumberMessage, idNumberProblem, type IdNumberProblem } from './id-number.js';
import { CONTACT_PHONE_MESSAGE, MOBILE_PHONE_MESSAGE, isContactPhone, isMobilePhone } from './phone.js';

// Field-level checks shared by the record validators. Each returns the field's problem or null.
// Form values arrive as text: numbers and flags are also accepted as strings ('12', 'true').
export type TextInput = string | null | undefined;
export type NumberInput = number | string | null | undefined;
export type FlagInput = boolean | 'true' | 'false' | null | undefined;

export function isBlank(value: unknown): value is null | undefined | '' {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

export function isSet(flag: FlagInput): boolean {
  return flag === true || flag === 'true';
}

/** null when blank, NaN when not a number. */
export function readNumber(value: NumberInput): number | null {
  if (isBlank(value)) return null;
  return typeof value === 'number' ? value : Number(value.trim());
}

/** The date when it is a valid 'YYYY-MM-DD', else null (blank and invalid alike). */
/** A record id as a form or a URL gives it: a positive 32-bit integer, else null. */
export function readRecordId(value: unknown): number | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  return /^\d{1,10}$/.test(text) && Number(text) >= 1 && Number(text) <= 2_147_483_647 ? Number(text) : null;
}

export function readDate(value: TextInput): string | null {
  return !isBlank(value) && isValidDate(value.trim()) ? value.trim() : null;
}

export function required(value: unknown, message = '此项为必填项'): FieldProblem | null {
  return isBlank(value) ? problem('REQUIRED', message) : null;
}

/** Column widths of the schema, counted in characters as PostgreSQL varchar counts them. */
export function maxLength(value: TextInput, max: number): FieldProblem | null {
  return !isBlank(value) && [...value.trim()].length > max ? problem('TOO_LONG', `不能超过${max}个字`) : null;
}

const ID_NUMBER_CODES: Record<IdNumberProblem, ErrorCode> = {
  format: 'ID_NUMBER_FORMAT',
  birth_date: 'ID_NUMBER_BIRTH_DATE',
  checksum: 'ID_NUMBER_CHECKSUM',
};

/** GB 11643 check of a filled-in ID number; a birth date after today is as impossible as 30 February. */
export function idNumberCheck(value: TextInput, today: string): FieldProblem | null {
  if (isBlank(value)) return null;
  let found = idNumberProblem(value);
  if (!found && compareDates(idNumberBirthDate(value.trim()), today) > 0) found = 'birth_date';
  return found ? problem(ID_NUMBER_CODES[found], idNumberMessage(found)) : null;
}

export function mobilePhoneCheck(value: TextInput): FieldProblem | null {
  return !isBlank(value) && !isMobilePhone(value) ? problem('PHONE_INVALID', MOBILE_PHONE_MESSAGE) : null;
}

export function contactPhoneCheck(value: TextInput): FieldProblem | null {
  return !isBlank(value) && !isContactPhone(value) ? problem('PHONE_INVALID', CONTACT_PHONE_MESSAGE) : null;
}

/** A filled-in date must exist and must not be later than today: records describe what has happened. */
export function pastDateCheck(value: TextInput, today: string): FieldProblem | null {
  if (isBlank(value)) return null;
  if (!readDate(value)) return problem('DATE_INVALID', '请填写有效日期，如 2024-03-01');
  return compareDates(value.trim(), today) > 0 ? problem('DATE_IN_FUTURE', '日期不能晚于今天') : null;
}

/** `value` must not be before `earliest`; silent while either is blank or invalid (reported elsewhere). */
export function notBefore(value: TextInput, earliest: TextInput, message: string): FieldProblem | null {
  const date = readDate(value);
  const bound = readDate(earliest);
  return date && bound && compareDates(date, bound) < 0 ? problem('DATE_ORDER', message) : null;
}

/** True for a number within [min, max] with at most `decimals` decimal places. */
export function inRange(value: number | null, min: number, max: number, decimals = 0): boolean {
  if (value === null || !Number.isFinite(value) || value < min || value > max) return false;
  const scaled = value * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) < 1e-9;
}

// Han characters or Latin letters, with the middle dot of minority and foreign names (买买提·艾力) and
// single spaces inside, beginning and ending with a letter.
const PERSON_NAME = /^[\p{Script=Han}A-Za-z](?:[\p{Script=Han}A-Za-z·•・ ]{0,18})[\p{Script=Han}A-Za-z]$/u;

export function personNameCheck(value: TextInput): FieldProblem | null {
  return !isBlank(value) && !(PERSON_NAME.test(value.trim()) && !/[·•・ ]{2}/.test(value))
    ? problem('PERSON_NAME', '姓名应为2至20个汉字或字母，少数民族姓名可用“·”分隔')
    : null;
}
