import pg from 'pg';
import { createTestDatabase } from './support/database.js';
import { countyId } from './support/fixtures.js';
import { Session } from './support/http.js';
import { startInstance } from './support/app-process.js';

// Never lose a file: "killing the app during a transition leaves the case in its previous state". A real
// `src/main.ts` process is killed (SIGKILL: no shutdown hook runs) while its transaction is half done —
// the case row updated, the audit row not yet written because the test holds a lock on audit_log.

async function until<T>(probe: () => Promise<T | null | undefined | false>, what: string, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const found = await probe();
    if (found) return found;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('SIGKILL in the middle of 受理 leaves the case exactly as it was', async () => {
  const url = await createTestDatabase({ demo: true });
  const db = new pg.Client({ connectionString: url });
  const locker = new pg.Client({ connectionString: url });
  await db.connect();
  await locker.connect();
  const app = await startInstance(url);
  try {
    const xinhua = await countyId(db, '新华区');
    // a case just accepted: 受理告知 is its next step
    const { rows } = await db.query(
      `INSERT INTO petition_case (case_no, county_id, subject, category, source, petitioner_name, accepted_on)
       VALUES ('KILL-TEST-0001', $1, '家庭暴力求助', 'domestic_violence', 'visit', '王红', (now() AT TIME ZONE 'Asia/Shanghai')::date - 2)
       RETURNING id`,
      [xinhua],
    );
    const id = rows[0].id;
    const snapshot = async () =>
      JSON.stringify((await db.query('SELECT to_jsonb(c) AS r FROM petition_case c WHERE id = $1', [id])).rows[0].r);
    const before = await snapshot();
    const audits = (await db.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n;

    const clerk = new Session(app.baseUrl);
    expect(await clerk.login('xinhua@example.org')).toBe(true);
    const page = await clerk.api('GET', `/resources/PetitionCase/records/${id}/acceptCase`);
    const version = page.json.record.params.rowVersion;

    // the audit insert, the transaction's last statement, will wait for this lock
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE audit_log IN EXCLUSIVE MODE');
    const auditsAtLock = (await locker.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n;
    const request = clerk
      .api('POST', `/resources/PetitionCase/records/${id}/acceptCase`, {
        acceptanceNotifiedOn: new Date().toISOString().slice(0, 10),
        rowVersion: version,
      })
      .catch((e) => e);
    const waiting = await until(async () => {
      const r = await db.query(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE 'INSERT INTO audit_log%'`,
      );
      return r.rows[0]?.pid as number | undefined;
    }, 'the transition to block on the audit row');
    // the case row is already updated inside the app's open transaction (it holds the row lock)
    const locked = await db.query(
      `SELECT locktype FROM pg_locks WHERE pid = $1 AND mode = 'RowExclusiveLock' AND relation = 'petition_case'::regclass`,
      [waiting],
    );
    expect(locked.rows.length).toBe(1);

    app.proc.kill('SIGKILL');
    await app.exited;
    await request;
    await locker.query('COMMIT');
    // the server side notices the dead client and rolls the transaction back
    await until(
      async () => (await db.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [waiting])).rows.length === 0,
      'the backend of the killed app to end',
    );

    expect(await snapshot()).toBe(before);
    expect((await db.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n).toBe(auditsAtLock);
    expect(auditsAtLock).toBeGreaterThanOrEqual(audits);
  } finally {
    if (app.proc.exitCode === null && app.proc.signalCode === null) app.proc.kill('SIGKILL');
    await locker.end().catch(() => {});
    await db.end();
  }
}, 120_000);
