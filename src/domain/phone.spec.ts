import { isContactPhone, isLandlinePhone, isMobilePhone } from './phone.js';

describe('phone numbers', () => {
  // Mainland mobiles, trimmed, digits only; landlines with or without the area code; a contact number is
  // either. Each number is put to all three.
  it.each([
    ['13803751234', true, false],
    [' 19937512345 ', true, false],
    ['1380375123', false, false],
    ['138037512345', false, false],
    ['23803751234', false, false],
    ['138-0375-1234', false, false],
    ['+8613803751234', false, false],
    ['0375-2666938', false, true],
    ['03752666938', false, true],
    ['2666938', false, true],
    ['010-62345678', false, true],
    ['0266693', false, false],
    ['266693', false, false],
    ['375-2666938', false, false],
    ['12338', false, false],
  ])('take %j as a mobile: %s, as a landline: %s', (phone, mobile, landline) => {
    expect(isMobilePhone(phone)).toBe(mobile);
    expect(isLandlinePhone(phone)).toBe(landline);
    expect(isContactPhone(phone)).toBe(mobile || landline);
  });
});
