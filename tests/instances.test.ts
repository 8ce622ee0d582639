import http from 'node:http';
import pg from 'pg';
import { createTestDatabase } from './support/database.js';
import { Session } from './support/http.js';
import { startInstance, type Instance } from './support/app-process.js';

// Start-up and shutdown without losing a record: real `src/main.ts` processes on one database.

async function stop(i: Instance): Promise<number | null> {
  i.proc.kill('SIGTERM');
  return i.exited;
}

test('two instances starting together on an empty database migrate once, seed once and share sessions', async () => {
  const url = await createTestDatabase();
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  await db.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  await db.query('DROP SCHEMA IF EXISTS reporting CASCADE');
  const started = await Promise.allSettled([startInstance(url, true), startInstance(url, true)]);
  const running = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  try {
    for (const r of started) if (r.status === 'rejected') throw r.reason;
    const [a, b] = running;
    const { rows } = await db.query('SELECT name, count(*)::int AS n FROM pgmigrations GROUP BY name');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    expect((await db.query(`SELECT count(*)::int AS n FROM organization WHERE level = 'city'`)).rows[0].n).toBe(1);

    const onA = new Session(a.baseUrl);
    expect(await onA.login('xinhua@example.org')).toBe(true);
    const onB = onA.on(b.baseUrl);
    expect((await onB.api('GET', '/resources/PetitionCase/actions/list')).status).toBe(200);

    for (const i of [a, b]) {
      expect((await fetch(`${i.baseUrl}/healthz`)).status).toBe(200);
      expect(await (await fetch(`${i.baseUrl}/readyz`)).json()).toEqual({ status: 'ready' });
    }
  } finally {
    await Promise.all(running.map(stop));
    await db.end();
  }
}, 120_000);

test('SIGTERM lets the request in flight finish, then exits cleanly', async () => {
  const url = await createTestDatabase({ demo: true });
  const inst = await startInstance(url);
  // a login whose body arrives in two halves, the second after SIGTERM: the server must wait for it
  const body = new URLSearchParams({ email: 'city@example.org', password: 'demo12345' }).toString();
  const response = new Promise<number>((resolve, reject) => {
    const req = http.request(`${inst.baseUrl}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
    });
    req.on('response', (res) => resolve(res.statusCode!));
    req.on('error', reject);
    req.write(body.slice(0, 10));
    setTimeout(() => {
      code = stop(inst);
      setTimeout(() => req.end(body.slice(10)), 300);
    }, 300);
  });
  let code: Promise<number | null> = Promise.resolve(-1);
  expect(await response).toBe(302);
  expect(await code).toBe(0);
  await expect(fetch(`${inst.baseUrl}/healthz`)).rejects.toThrow();
}, 120_000);
