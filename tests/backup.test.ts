import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { withDatabase } from '../src/database/embedded-postgres.js';
import { rowCounts } from '../src/services/backup/backup-archive.js';
import { createTestDatabase } from './support/database.js';

const run = promisify(execFile);

/** `npm run backup` / `restore` as a user runs them, with this environment. */
function cli(script: 'backup' | 'restore', env: Record<string, string>, args: string[] = []) {
  return run(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
    env: { ...process.env, NODE_OPTIONS: '', ...env },
  });
}

async function caseChecksum(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(`SELECT md5(string_agg(t::text, '|' ORDER BY id)) AS sum FROM petition_case t`);
  await client.end();
  return rows[0].sum;
}

async function emptyDatabase(): Promise<string> {
  const name = `wpa_restore_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: withDatabase(process.env.TEST_PG_SERVER_URL!, 'postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
  await admin.end();
  return withDatabase(process.env.TEST_PG_SERVER_URL!, name);
}

test('a backup of the demo restores into an empty database with the same rows, checksum and files', async () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wpa-backup-test-'));
  const source = await createTestDatabase({ demo: true });
  const uploads = path.join(work, 'uploads');
  fs.mkdirSync(path.join(uploads, 'cases'), { recursive: true });
  fs.writeFileSync(path.join(uploads, 'cases', 'scan.pdf'), '%PDF-1.4 signed agreement');

  const backup = await cli('backup', {
    DATABASE_URL: source,
    UPLOAD_DIR: uploads,
    BACKUP_DIR: path.join(work, 'backups'),
  });
  const file = backup.stdout.match(/备份完成：(.+\.tar\.gz)/)![1];
  expect(path.basename(file)).toMatch(/^wpa-backup-\d{8}-\d{6}\.tar\.gz$/);

  const target = await emptyDatabase();
  const restoredUploads = path.join(work, 'restored-uploads');
  const restore = await cli('restore', { DATABASE_URL: target, UPLOAD_DIR: restoredUploads }, [file]);
  expect(restore.stdout).toMatch(/恢复完成/);

  expect(await rowCounts(target)).toEqual(await rowCounts(source));
  expect(await caseChecksum(target)).toBe(await caseChecksum(source));
  expect(fs.readFileSync(path.join(restoredUploads, 'cases', 'scan.pdf'), 'utf8')).toBe('%PDF-1.4 signed agreement');

  // a second restore would overwrite data: refused, and the database is untouched
  await expect(cli('restore', { DATABASE_URL: target, UPLOAD_DIR: restoredUploads }, [file])).rejects.toMatchObject({
    stderr: expect.stringMatching(/目标数据库不是空的/),
  });
  expect(await caseChecksum(target)).toBe(await caseChecksum(source));
  fs.rmSync(work, { recursive: true, force: true });
}, 120_000);
