/** Lockout after repeated failed logins (web hardening): counts and minutes are policy, kept here. */
export const LOGIN_POLICY = { maxFailures: 5, lockMinutes: 15 } as const;

export interface LoginState {
  failedLogins: number;
  lockedUntil: Date | null;
}

export function isLocked(state: LoginState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** The state after one more failed attempt: the counter restarts once a lock has run out. */
export function afterFailure(state: LoginState, now: Date): LoginState {
  const failedLogins = (state.lockedUntil && !isLocked(state, now) ? 0 : state.failedLogins) + 1;
  const lockedUntil =
    failedLogins >= LOGIN_POLICY.maxFailures ? new Date(now.getTime() + LOGIN_POLICY.lockMinutes * 60_000) : null;
  return { failedLogins, lockedUntil };
}

export function minutesLeft(state: LoginState, now: Date): number {
  return state.lockedUntil ? Math.max(1, Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 60_000)) : 0;
}
