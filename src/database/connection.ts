import path from 'node:path';
import pg from 'pg';
import type { Config } from '../config.js';
import { embeddedServerUrl, startEmbeddedPostgres, withDatabase } from './embedded-postgres.js';

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  /** stops the embedded server; a no-op for an external one */
  stop(): Promise<void>;
}

const EMBEDDED_DB_NAME = 'wpa';

/** The configured server (DATABASE_URL), or an embedded one whose data persists in DATA_DIR/postgres. */
export async function openDatabase(config: Config, log: (msg: string) => void): Promise<DatabaseHandle> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: async () => {} };
  // `npm run backup` or `seed` while `npm start` runs: use the server that already owns the data directory
  const running = embeddedServerUrl(config.embeddedPgPort);
  if (await answers(running)) {
    log(`使用正在运行的内置 PostgreSQL（端口 ${config.embeddedPgPort}）`);
    return { url: withDatabase(running, EMBEDDED_DB_NAME), embedded: true, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({
    dataDir: path.join(config.dataDir, 'postgres'),
    port: config.embeddedPgPort,
    persistent: true,
    log,
  });
  try {
    await ensureDatabase(server.serverUrl, EMBEDDED_DB_NAME);
  } catch (e) {
    await server.stop();
    throw e;
  }
  log(`内置 PostgreSQL 已启动（端口 ${config.embeddedPgPort}，数据目录 ${path.join(config.dataDir, 'postgres')}）`);
  return { url: withDatabase(server.serverUrl, EMBEDDED_DB_NAME), embedded: true, stop: () => server.stop() };
}

async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
