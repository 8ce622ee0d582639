import { isContactPhone, isLandlinePhone, isMobilePhone } from './phone.js';

describe('phone numbers', () => {
  it('accept mainland mobiles, trimmed, digits only', () => {
    expect(isMobilePhone('13803751234')).toBe(true);
    expect(isMobilePhone(' 19937512345 ')).toBe(true);
    expect(isMobilePhone('1380375123')).toBe(false);
    expect(isMobilePhone('138037512345')).toBe(false);
    expect(isMobilePhone('23803751234')).toBe(false);
    expect(isMobilePhone('138-0375-1234')).toBe(false);
    expect(isMobilePhone('+8613803751234')).toBe(false);
  });

  it('accept landlines with or without the area code', () => {
    expect(isLandlinePhone('0375-2666938')).toBe(true);
    expect(isLandlinePhone('03752666938')).toBe(true);
    expect(isLandlinePhone('2666938')).toBe(true);
    expect(isLandlinePhone('010-62345678')).toBe(true);
    expect(isLandlinePhone('0266693')).toBe(false);
    expect(isLandlinePhone('266693')).toBe(false);
    expect(isLandlinePhone('375-2666938')).toBe(false);
  });

  it('take either for a contact number', () => {
    expect(isContactPhone('13803751234')).toBe(true);
    expect(isContactPhone('0375-2666938')).toBe(true);
    expect(isContactPhone('12338')).toBe(false);
  });
});
