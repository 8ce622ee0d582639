import type AdminJS from 'adminjs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../ormconfig.js';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/server.js';
import { createTestDatabase } from './database.js';
import { Session } from './http.js';

export interface TestApp {
  baseUrl: string;
  admin: AdminJS;
  dataSource: DataSource;
  /** a pg client on the same database, for asserting what was (not) written */
  db: pg.Client;
  session(): Session;
  close(): Promise<void>;
}

/**
 * The real Express app on a fresh clone of the demo database, listening on a free port (or `port`, for a
 * PUBLIC_BASE_URL known before it starts: the address printed in the QR codes).
 */
export async function startTestApp(
  opts: { demo?: boolean; now?: () => Date; env?: Record<string, string>; port?: number } = {},
): Promise<TestApp> {
  const url = await createTestDatabase({ demo: opts.demo ?? true });
  const dataSource = await createDataSource(url).initialize();
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, SEED_DEMO: 'false', ...opts.env });
  const { app, admin } = await createApp({ config, dataSource, now: opts.now });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(opts.port ?? 0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  return {
    baseUrl,
    admin,
    dataSource,
    db,
    session: () => new Session(baseUrl),
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await db.end();
      await dataSource.destroy();
    },
  };
}
