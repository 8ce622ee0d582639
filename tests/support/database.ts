import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { withDatabase } from '../../src/database/embedded-postgres.js';

export const TEMPLATE_DB = 'wpa_test_template';
/** the template with the demo data loaded, for tests that act as the demo users */
export const DEMO_TEMPLATE_DB = 'wpa_test_demo';

function serverUrl(): string {
  const url = process.env.TEST_PG_SERVER_URL;
  if (!url) throw new Error('TEST_PG_SERVER_URL is unset: run through jest (global setup starts PostgreSQL)');
  return url;
}

/** A fresh database cloned from the migrated template (empty, or with the demo data); returns its URL. */
export async function createTestDatabase(opts: { demo?: boolean } = {}): Promise<string> {
  const name = `wpa_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl(), 'postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${opts.demo ? DEMO_TEMPLATE_DB : TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  return withDatabase(serverUrl(), name);
}

/**
 * A client on a fresh test database (createTestDatabase), connected before the calling describe's tests
 * and closed after them; call the returned function for it, and its `url` for the database's URL (for a
 * DataSource of the test's own on the same database).
 */
export function connectedTestDatabase(opts: { demo?: boolean } = {}): (() => pg.Client) & { url: () => string } {
  let db: pg.Client | undefined;
  let url: string | undefined;
  beforeAll(async () => {
    url = await createTestDatabase(opts);
    db = new pg.Client({ connectionString: url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
  });
  return Object.assign(() => db!, { url: () => url! });
}
