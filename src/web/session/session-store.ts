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
  // as stored (JSON): each request parses its own copy, which express-session may change and save
  const sessions = recentReads(
    (sid) =>
      new Promise<string | null>((resolve, reject) =>
        PgStore.prototype.get.call(store, sid, (err: unknown, sess?: session.SessionData | null) =>
          err ? reject(err) : resolve(sess ? JSON.stringify(sess) : null),
        ),
      ),
    opts.now,
  );
  class ThrottledPgStore extends PgStore {
    override get(sid: string, done: (err: unknown, sess?: session.SessionData | null) => void): void {
      sessions.read(sid).then(
        (stored) => done(null, stored ? JSON.parse(stored) : null),
        (err: unknown) => done(err),
      );
    }
    override set(sid: string, sess: session.SessionData, done?: (err?: unknown) => void): void {
      sessions.forget(sid);
      super.set(sid, sess, done);
    }
    override destroy(sid: string, done?: (err?: unknown) => void): void {
      sessions.forget(sid);
      super.destroy(sid, done);
    }
    override touch(sid: string, sess: session.SessionData, done?: () => void): void {
      if (touches.admit(sid)) super.touch(sid, sess, done);
      else done?.();
    }
  }
  const store = new ThrottledPgStore({
    pool,
    tableName: 'user_session',
    pruneSessionInterval: opts.prune ? 15 * 60 : false,
  });
  return store;
}

/**
 * What was read for a key (a user, a session), read again once USER_RECHECK_MS has passed since, or once
 * this process has forgotten it (it changed or ended it itself).
 */
function recentReads<V>(load: (key: string) => Promise<V>, now: () => Date) {
  const checks = new KeyedWindow(USER_RECHECK_MS, () => now().getTime());
  const known = new Map<string, V>();
  return {
    async read(key: string): Promise<V> {
      if (checks.admit(key) || !known.has(key)) {
        const value = await load(key);
        // the keys are sessions and users: a long-running server does not keep every one it ever saw
        if (known.size > 10_000) known.clear();
        known.set(key, value);
      }
      return known.get(key) as V;
    },
    forget(key: string): void {
      known.delete(key);
    },
  };
}

/** The signed-in user as stored, re-read at most every USER_RECHECK_MS per user. */
export function recentUsers<U>(load: (id: string) => Promise<U | null>, now: () => Date) {
  return recentReads(load, now).read;
}
