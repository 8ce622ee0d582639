import { runner } from 'node-pg-migrate';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { syncLegalCalendarAt } from './legal-calendar-sync.js';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');
export const MIGRATIONS_TABLE = 'pgmigrations';

/**
 * Applies pending migrations. node-pg-migrate holds a PostgreSQL advisory lock while it runs, so two
 * instances starting together apply each migration once. Then copies the legal calendar (holidays, 调休)
 * of the chinese-days package into reporting.legal_calendar when it changed (legal-calendar-sync.ts).
 */
export async function migrate(databaseUrl: string, log: (msg: string) => void = () => {}): Promise<string[]> {
  const applied = await runner({
    databaseUrl,
    dir: MIGRATIONS_DIR,
    migrationsTable: MIGRATIONS_TABLE,
    direction: 'up',
    count: Infinity,
    checkOrder: true,
    // a second instance starting at the same moment waits for the first, then finds nothing to do
    advisoryLockMode: 'wait',
    log: () => {},
    logger: { debug: () => {}, info: () => {}, warn: log, error: log },
  });
  for (const m of applied) log(`已执行迁移 ${m.name}`);
  if (await syncLegalCalendarAt(databaseUrl)) log('已更新法定节假日日历');
  return applied.map((m) => m.name);
}

/** Names of migration files not yet recorded as applied in the database the client is connected to. */
export async function pendingMigrations(query: (sql: string) => Promise<{ name: string }[]>): Promise<string[]> {
  const files = fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d+_.+\.(ts|js|sql)$/.test(f))
    .map((f) => f.replace(/\.(ts|js|sql)$/, ''));
  const applied = new Set((await query(`SELECT name FROM ${MIGRATIONS_TABLE}`)).map((r) => r.name));
  return files.filter((f) => !applied.has(f));
}
