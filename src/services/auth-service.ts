import bcrypt from 'bcryptjs';
import type { DataSource } from 'typeorm';
import { afterFailure, isLocked, minutesLeft } from '../domain/login-policy.js';
import { AdminUser } from '../entities/admin-user.js';
import { writeAudit } from './audit.js';
import type { UserRole } from '../domain/vocabulary.js';

/** What the session keeps of a signed-in user (AdminJS's CurrentAdmin); refreshed from the table on every request. */
export interface SessionUser {
  id: string;
  email: string;
  title: string;
  role: UserRole;
  countyId: number | null;
}

export class LoginRefused extends Error {}

// compared against when the e-mail is unknown, so both cases take the same time
const DUMMY_HASH = bcrypt.hashSync('not-a-password', 10);

export function toSessionUser(user: AdminUser): SessionUser {
  return { id: String(user.id), email: user.email, title: user.name, role: user.role, countyId: user.countyId };
}

/**
 * Checks e-mail and password; counts failures and locks the account (LOGIN_POLICY). Every attempt is
 * audited; the password never is.
 */
export async function authenticate(
  ds: DataSource,
  email: string,
  password: string,
  now: Date,
  ip: string | null = null,
): Promise<SessionUser> {
  const address = String(email ?? '')
    .trim()
    .toLowerCase()
    .slice(0, 120);
  const user = await ds.getRepository(AdminUser).findOne({ where: { email: address } });
  const refuse = async (reason: string, message: string, state?: Partial<AdminUser>): Promise<never> => {
    await ds.transaction(async (em) => {
      if (user && state) await em.update(AdminUser, user.id, state);
      await writeAudit(em, {
        actor: user ? { id: user.id, email: address } : { id: null, email: address },
        action: 'login_failed',
        resource: 'AdminUser',
        recordId: user?.id,
        changes: { reason },
        ip,
      });
    });
    throw new LoginRefused(message);
  };
  if (!user) {
    await bcrypt.compare(String(password ?? ''), DUMMY_HASH);
    return refuse('unknown_email', 'invalidCredentials');
  }
  if (isLocked(user, now)) return refuse('locked', `账户已暂时锁定，请 ${minutesLeft(user, now)} 分钟后再试`);
  if (!(await bcrypt.compare(String(password ?? ''), user.passwordHash))) {
    const next = afterFailure(user, now);
    const message = next.lockedUntil
      ? `登录失败次数过多，账户已锁定 ${minutesLeft(next, now)} 分钟`
      : 'invalidCredentials';
    return refuse('wrong_password', message, next);
  }
  if (!user.isActive) return refuse('inactive', '账户已停用，请联系市妇联权益部');
  await ds.transaction(async (em) => {
    await em.update(AdminUser, user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
    await writeAudit(em, {
      actor: { id: user.id, email: user.email },
      action: 'login',
      resource: 'AdminUser',
      recordId: user.id,
      ip,
    });
  });
  return toSessionUser(user);
}

/** The user as stored now, or null when deleted or deactivated: role changes act on the next request. */
export async function reloadSessionUser(ds: DataSource, id: string): Promise<SessionUser | null> {
  const user = await ds.getRepository(AdminUser).findOne({ where: { id: Number(id) } });
  return user && user.isActive ? toSessionUser(user) : null;
}
