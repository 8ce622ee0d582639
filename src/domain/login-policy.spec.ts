import { afterFailure, isLocked, LOGIN_POLICY, minutesLeft } from './login-policy.js';

describe('login lockout', () => {
  const t0 = new Date('2026-11-25T08:00:00Z');
  it('locks on the fifth failure for 15 minutes, then lets the counter restart', () => {
    let s = { failedLogins: 0, lockedUntil: null as Date | null };
    for (let i = 1; i < LOGIN_POLICY.maxFailures; i++) {
      s = afterFailure(s, t0);
      expect(isLocked(s, t0)).toBe(false);
    }
    s = afterFailure(s, t0);
    expect(isLocked(s, t0)).toBe(true);
    expect(minutesLeft(s, new Date(t0.getTime() + 60_000))).toBe(14);
    const later = new Date(t0.getTime() + 16 * 60_000);
    expect(isLocked(s, later)).toBe(false);
    expect(afterFailure(s, later)).toEqual({ failedLogins: 1, lockedUntil: null });
  });
});
