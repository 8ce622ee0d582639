// Mainland mobile numbers: 11 digits beginning with 1 (the agent and petition_case CHECKs require the same).
const MOBILE = /^1[0-9]{10}$/;
// Landlines: optional area code 0xx/0xxx with or without a hyphen, then a 7- or 8-digit local number that
// does not begin with 0 or 1, as the notice's own contact number 2666938 (0375 is Pingdingshan's code).
const LANDLINE = /^(0[0-9]{2,3}-?)?[2-9][0-9]{6,7}$/;

export const MOBILE_PHONE_MESSAGE = '手机号码应为以1开头的11位数字';
export const CONTACT_PHONE_MESSAGE = '电话应为11位手机号码或固定电话（如 0375-2666938）';

/** Strict on purpose: digits only, after trimming surrounding spaces. */
export function isMobilePhone(value: string): boolean {
  return MOBILE.test(value.trim());
}

export function isLandlinePhone(value: string): boolean {
  return LANDLINE.test(value.trim());
}

/** A work point's or unit's contact number: mobile or landline. */
export function isContactPhone(value: string): boolean {
  return isMobilePhone(value) || isLandlinePhone(value);
}
