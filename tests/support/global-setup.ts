import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { register } from 'tsx/esm/api';

/**
 * One PostgreSQL for the whole run: the server named by DATABASE_URL, else a throw-away embedded one.
 * The schema is migrated once into a template database; each test file clones it.
 */
export default async function globalSetup(): Promise<void> {
  // Jest loads this file natively, without its resolver: tsx makes the app's own .ts modules importable.
  register();
  const { startEmbeddedPostgres, withDatabase } = await import('../../src/database/embedded-postgres.js');
  const { migrate } = await import('../../src/database/migrate.js');
  const { TEMPLATE_DB, DEMO_TEMPLATE_DB } = await import('./database.js');
  const { loadDemoData } = await import('../../src/seed/demo-data/load-demo-data.js');

  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    // under /tmp with mode 755: as root, PostgreSQL runs as the `postgres` user and must reach it
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wpa-test-pg-'));
    fs.chmodSync(dir, 0o755);
    const port = 56000 + Math.floor(Math.random() * 3000);
    const db = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port, persistent: false });
    (globalThis as Record<string, unknown>).__EMBEDDED_PG__ = { db, dir };
    serverUrl = db.serverUrl;
  }
  process.env.TEST_PG_SERVER_URL = serverUrl;
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  try {
    for (const db of [TEMPLATE_DB, DEMO_TEMPLATE_DB]) await admin.query(`DROP DATABASE IF EXISTS ${db}`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    await migrate(withDatabase(serverUrl, TEMPLATE_DB));
    await admin.query(`CREATE DATABASE ${DEMO_TEMPLATE_DB} TEMPLATE ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const demo = new pg.Client({ connectionString: withDatabase(serverUrl, DEMO_TEMPLATE_DB) });
  await demo.connect();
  try {
    await loadDemoData(demo);
  } finally {
    await demo.end();
  }
  const { createDataSource } = await import('../../ormconfig.js');
  const { settleDemoYearEnd } = await import('../../src/seed/demo-year-end.js');
  const demoSource = await createDataSource(withDatabase(serverUrl, DEMO_TEMPLATE_DB)).initialize();
  try {
    await settleDemoYearEnd(demoSource, new Date());
  } finally {
    await demoSource.destroy();
  }
}
