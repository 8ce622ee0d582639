import { passwordProblem } from './password-policy.js';

describe('password policy', () => {
  it('accept a long password mixing letters with digits or symbols', () => {
    for (const ok of ['xinhua-2024-fl', 'Quanyibu2666938', '妇联权益部2024年', 'tea&bread&jam'])
      expect(passwordProblem(ok)).toBeNull();
  });

  it.each([
    ['demo12345', 'PASSWORD_TOO_SHORT'],
    ['abc', 'PASSWORD_TOO_SHORT'],
    ['a1'.repeat(37), 'PASSWORD_TOO_LONG'],
    ['password123', 'PASSWORD_COMMON'],
    ['Password123', 'PASSWORD_COMMON'],
    ['1234567890', 'PASSWORD_COMMON'],
    ['qwertyuiop', 'PASSWORD_COMMON'],
    ['abc1234567', 'PASSWORD_COMMON'],
    ['a123456789', 'PASSWORD_COMMON'],
    ['11111111111', 'PASSWORD_COMMON'],
    ['iloveyou12', 'PASSWORD_COMMON'],
    ['admin12345', 'PASSWORD_COMMON'],
    ['password1!', 'PASSWORD_COMMON'],
    ['123456789a', 'PASSWORD_COMMON'],
    ['woaini1314', 'PASSWORD_COMMON'],
    ['womenfederation', 'PASSWORD_TOO_SIMPLE'],
    ['13803751234', 'PASSWORD_TOO_SIMPLE'],
    ['!!!!!!!!!!', 'PASSWORD_TOO_SIMPLE'],
  ])('refuse %s', (password, code) => {
    expect(passwordProblem(password)?.code).toBe(code);
  });
});
