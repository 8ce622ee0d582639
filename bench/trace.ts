// Dev aid: prints every SQL statement the real app runs for one request, e.g.
//   DATA_DIR=.data-scale EMBEDDED_PG_PORT=54339 npx tsx bench/trace.ts staff-411001@example.org '/admin/api/resources/PetitionCase/actions/list?page=1'
// a step: 'POST /admin/api/resources/PetitionCase/records/<id>/conclude {"concludedOn":"…","outcome":"…","rowVersion":"1"}'
// (the scale database must be running: start it with `npm start` in the same environment, or the bench)
import pg from 'pg';
import type { AddressInfo } from 'node:net';
import { createDataSource } from '../ormconfig.js';
import { loadConfig } from '../src/config.js';
import { createApp } from '../src/server.js';
import { useScaleDatabase, SCALE_DEFAULTS } from '../src/seed/scale-data/scale-database.js';

useScaleDatabase();
const url =
  process.env.DATABASE_URL ??
  `postgres://postgres:postgres@127.0.0.1:${process.env.EMBEDDED_PG_PORT ?? SCALE_DEFAULTS.port}/wpa`;
const [email, ...paths] = process.argv.slice(2);
let tracing = false;
/** What pg.Client#query is called with first: the SQL text or a query config. */
type QueryArg = string | { text?: string; values?: unknown[] } | undefined;
const original = pg.Client.prototype.query as unknown as (this: unknown, ...args: unknown[]) => unknown;
(pg.Client.prototype as { query: unknown }).query = function (this: unknown, config: QueryArg, ...rest: unknown[]) {
  if (tracing) {
    const text = typeof config === 'string' ? config : config?.text;
    const values =
      typeof config === 'object' && config?.values ? config.values : Array.isArray(rest[0]) ? rest[0] : undefined;
    if (text)
      console.log(
        `SQL: ${text.replace(/\s+/g, ' ').slice(0, 600)}${values ? `  -- ${JSON.stringify(values).slice(0, 200)}` : ''}`,
      );
  }
  return original.call(this, config, ...rest);
};
const dataSource = await createDataSource(url).initialize();
const config = loadConfig({ ...process.env, NODE_ENV: 'test', DATABASE_URL: url, SEED_DEMO: 'false' });
const { app } = await createApp({ config, dataSource, log: () => {} });
const server = app.listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const login = await fetch(`${base}/admin/login`, {
  method: 'POST',
  body: new URLSearchParams({ email, password: 'demo12345' }),
  redirect: 'manual',
});
const cookie = login.headers
  .getSetCookie()
  .map((c) => c.split(';')[0])
  .join('; ');
for (const request of paths) {
  console.log(`\n=== ${request}`);
  const [, method = 'GET', path, body] = /^(?:(POST) )?(\S+)(?: (.*))?$/.exec(request)!;
  tracing = true;
  const t = performance.now();
  const res = await fetch(base + path, {
    method,
    headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
    body,
  });
  const answer = await res.text();
  tracing = false;
  console.log(`--> ${res.status} ${(performance.now() - t).toFixed(1)} ms, ${answer.length} bytes`);
}
server.close();
await dataSource.destroy();
process.exit(0);
