import { maskAddress, maskIdNumber, maskPhone } from './personal-data.js';

describe('personal data masks', () => {
  it('masks as the issue shows', () => {
    expect(maskIdNumber('410402199001011234')).toBe('4104**********1234');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskAddress('平顶山市新华区建设路88号')).toBe('平顶山市新华****');
    expect(maskIdNumber(null)).toBeNull();
    expect(maskPhone('')).toBe('');
  });
});
