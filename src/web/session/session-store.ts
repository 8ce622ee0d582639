import connectPgSimple from 'connect-pg-simple';
import type session from 'express-session';
import type pg from 'pg';
import { KeyedWindow } from './keyed-window.js';

/**
 * How far the server trusts what it read a moment ago for a signed-in user, instead of going back to the
 * database on every request:
 * - her user row is re-read at most every USER_RECHECK_MS, so a deactivation or a role change acts within
 *   5 seconds (per server process);
 * - her session is read from the database at most every USER_RECHECK_MS, from memory in between; what
 *   this process writes or ends (a sign-in, a sign-out) it forgets at once, so only a sign-out in another
 *   server process acts up to 5 seconds late;
 * - her session's expiry is written back at most once per SESSION_TOUCH_MS, so the idle timeout runs
 *   from her last request give or take a minute.
 */
export const USER_RECHECK_MS = 5_000;
export const SESSION_TOUCH_MS = 60_000;

/** Sessions in PostgreSQL (table user_session), read again every 5 s, their expiry moved at most once a minute. */
export function sessionStore(
  expressSession: typeof session,
  pool: pg.Pool,
  opts: { prune: boolean; now: () => Date },
): session.Store {
  const PgStore = connectPgSimple(expressSession);
  const touches = new KeyedWindow(SESSION_TOUCH_MS, () => opts.now().getTime());
  const reads = new KeyedWindow(USER_RECHECK_MS, () => opts.now().getTime());
  // as stored (JSON): each request parses its own copy, which express-session may change and save
  const recent = new Map<string, string | null>();
  type Loaded = (err: unknown, sess?: session.SessionData | null) => void;
  class ThrottledPgStore extends PgStore {
    override get(sid: string, done: Loaded): void {
      if (!reads.admit(sid) && recent.has(sid)) {
        const stored = recent.get(sid);
        return done(null, stored ? JSON.parse(stored) : null);
      }
      super.get(sid, (err: unknown, sess?: session.SessionData | null) => {
        if (err) recent.delete(sid);
        else {
          if (recent.size > 10_000) recent.clear();
          recent.set(sid, sess ? JSON.stringify(sess) : null);
        }
        done(err, sess);
      });
    }
    override set(sid: string, sess: session.SessionData, done?: (err?: unknown) => void): void {
      recent.delete(sid);
      super.set(sid, sess, done);
    }
    override destroy(sid: string, done?: (err?: unknown) => void): void {
      recent.delete(sid);
      super.destroy(sid, done);
    }
    override touch(sid: string, sess: session.SessionData, done?: () => void): void {
      if (touches.admit(sid)) super.touch(sid, sess, done);
      else done?.();
    }
  }
  return new ThrottledPgStore({ pool, tableName: 'user_session', pruneSessionInterval: opts.prune ? 15 * 60 : false });
}

/** The signed-in user as stored, re-read at most every USER_RECHECK_MS per user. */
export function recentUsers<U>(load: (id: string) => Promise<U | null>, now: () => Date) {
  const checks = new KeyedWindow(USER_RECHECK_MS, () => now().getTime());
  const known = new Map<string, U | null>();
  return async (id: string): Promise<U | null> => {
    if (checks.admit(id) || !known.has(id)) known.set(id, await load(id));
    return known.get(id) ?? null;
  };
}
