import { validateAdminUser, type AdminUserInput } from './admin-user-rules.js';
import { problemCodes } from './errors.js';

const STAFF: AdminUserInput = {
  email: 'xinhua@example.org',
  name: '刘敏',
  role: 'county_staff',
  countyId: 2,
  password: 'xinhua-2024-fl',
};
const check = (patch: AdminUserInput, passwordRequired = false) =>
  validateAdminUser({ ...STAFF, ...patch }, { passwordRequired });

describe('admin user rules', () => {
  it('accept county staff with a county, and city users without one', () => {
    expect(validateAdminUser(STAFF)).toEqual({});
    expect(check({ role: 'city_admin', countyId: null, email: 'city@example.org' })).toEqual({});
    expect(check({ role: 'leader', countyId: '', password: undefined })).toEqual({});
    expect(check({ password: '' })).toEqual({});
  });

  it.each<[string, AdminUserInput, boolean, string, string]>([
    ['no email', { email: '' }, false, 'email', 'REQUIRED'],
    ['an email without @', { email: 'xinhua.example.org' }, false, 'email', 'EMAIL_INVALID'],
    ['an email without domain dot', { email: 'xinhua@example' }, false, 'email', 'EMAIL_INVALID'],
    ['an email with a space', { email: 'xin hua@example.org' }, false, 'email', 'EMAIL_INVALID'],
    ['no name', { name: ' ' }, false, 'name', 'REQUIRED'],
    ['no role', { role: null }, false, 'role', 'REQUIRED'],
    ['no password for a new account', { password: '' }, true, 'password', 'REQUIRED'],
    ['a short password', { password: 'demo12345' }, false, 'password', 'PASSWORD_TOO_SHORT'],
    ['a common password', { password: 'woaini1314' }, false, 'password', 'PASSWORD_COMMON'],
    ['a password of digits only', { password: '20240504123' }, false, 'password', 'PASSWORD_TOO_SIMPLE'],
    ['county staff without a county', { countyId: null }, false, 'countyId', 'REQUIRED'],
    ['a leader with a county', { role: 'leader' }, false, 'countyId', 'COUNTY_NOT_ALLOWED'],
    ['a city admin with a county', { role: 'city_admin', countyId: '2' }, false, 'countyId', 'COUNTY_NOT_ALLOWED'],
  ])('refuse %s', (_, patch, passwordRequired, field, code) => {
    expect(problemCodes(check(patch, passwordRequired))).toEqual({ [field]: code });
  });
});
