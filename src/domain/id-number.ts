import { isValidDate } from './dates.js';

// GB 11643-1999 公民身份号码: 6-digit address code, 8-digit birth date, 3-digit sequence, ISO 7064 MOD 11-2 check.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits of an ID number. */
export function idNumberCheckChar(first17: string): string {
  if (!/^[0-9]{17}$/.test(first17)) throw new Error('need 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export type IdNumberProblem = 'format' | 'birth_date' | 'checksum';

/** The form to store: trimmed, with an upper-case X (the database CHECK accepts only that). */
export function normalizeIdNumber(value: string): string {
  return value.trim().toUpperCase();
}

/** Why an 18-character ID number is invalid, or null if it is valid (lowercase x accepted). */
export function idNumberProblem(value: string): IdNumberProblem | null {
  const v = normalizeIdNumber(value);
  if (!/^[0-9]{17}[0-9X]$/.test(v)) return 'format';
  if (Number(v.slice(6, 10)) < 1900 || !isValidDate(idNumberBirthDate(v))) return 'birth_date';
  return idNumberCheckChar(v.slice(0, 17)) === v[17] ? null : 'checksum';
}

/** Birth date (YYYY-MM-DD) encoded in a valid ID number. */
export function idNumberBirthDate(value: string): string {
  return `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
}

/** Sex encoded in a valid ID number: GB 11643 gives men odd and women even sequence codes (17th digit). */
export function idNumberGender(value: string): 'male' | 'female' {
  return Number(value.trim()[16]) % 2 === 1 ? 'male' : 'female';
}

/** What to tell the clerk about an invalid ID number. */
export function idNumberMessage(found: IdNumberProblem): string {
  switch (found) {
    case 'format':
      return '身份证号码应为18位，最后一位可为X';
    case 'birth_date':
      return '身份证号码中的出生日期无效';
    case 'checksum':
      return '身份证号码校验位错误，请核对';
  }
}
