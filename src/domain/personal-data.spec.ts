import { maskAddress, maskIdNumber, maskMobile, maskPhone, personalValue, seesInFull } from './personal-data.js';

describe('personal data masks', () => {
  it('masks as the issue shows', () => {
    expect(maskIdNumber('410402199001011234')).toBe('4104**********1234');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskAddress('平顶山市新华区建设路88号')).toBe('平顶山市新华****');
    expect(maskIdNumber(null)).toBeNull();
    expect(maskPhone('')).toBe('');
  });
});

describe('contacts of units and reports (PERSONAL_DATA.contact)', () => {
  it('masks a mobile for leaders, keeps an office landline, and does not audit staff reading them', () => {
    expect(maskMobile('13937512345')).toBe('139****2345');
    expect(maskMobile('0375-2666938')).toBe('0375-2666938');
    expect(personalValue('contact', 'contactPhone', 'leader', 'list', '13937512345')).toBe('139****2345');
    expect(personalValue('contact', 'phone', 'leader', 'record', '13937512345')).toBe('139****2345');
    expect(personalValue('contact', 'contactPhone', 'county_staff', 'record', '13937512345')).toBe('13937512345');
    expect(seesInFull('contact', 'city_admin')).toBe(false);
    expect(seesInFull('agent', 'county_staff')).toBe(true);
  });
});
