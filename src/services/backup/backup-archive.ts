import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

// A backup is one .tar.gz: database.dump (pg_dump custom format), uploads/ (scanned documents and
// attachments, which live outside the database) and manifest.json (when, from where, row counts).

export interface Manifest {
  createdAt: string;
  migrations: string[];
  rowCounts: Record<string, number>;
  uploads: number;
}

/** Row counts of every table of the public schema: written to the manifest and compared after a restore. */
export async function rowCounts(databaseUrl: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM public."${name}"`);
      counts[name] = rows[0].n;
    }
    return counts;
  } finally {
    await client.end();
  }
}

function timestamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

function countFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).length;
}

/** Writes `wpa-backup-YYYYMMDD-HHMMSS.tar.gz` into `backupDir` and returns its path. */
export async function createBackup(opts: {
  databaseUrl: string;
  uploadDir: string;
  backupDir: string;
  now: Date;
  log: (msg: string) => void;
}): Promise<string> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wpa-backup-'));
  try {
    opts.log('正在导出数据库（pg_dump，自定义格式）…');
    await run('pg_dump', [
      '--format=custom',
      '--no-owner',
      `--file=${path.join(work, 'database.dump')}`,
      opts.databaseUrl,
    ]);
    opts.log('正在复制上传的文件…');
    const uploads = path.join(work, 'uploads');
    if (fs.existsSync(opts.uploadDir)) fs.cpSync(opts.uploadDir, uploads, { recursive: true });
    else fs.mkdirSync(uploads);
    const client = new pg.Client({ connectionString: opts.databaseUrl });
    await client.connect();
    const migrations = (await client.query('SELECT name FROM pgmigrations ORDER BY run_on, id')).rows.map(
      (r) => r.name,
    );
    await client.end();
    const manifest: Manifest = {
      createdAt: opts.now.toISOString(),
      migrations,
      rowCounts: await rowCounts(opts.databaseUrl),
      uploads: countFiles(uploads),
    };
    fs.writeFileSync(path.join(work, 'manifest.json'), JSON.stringify(manifest, null, 2));
    fs.mkdirSync(opts.backupDir, { recursive: true });
    const file = path.join(path.resolve(opts.backupDir), `wpa-backup-${timestamp(opts.now)}.tar.gz`);
    opts.log(`正在打包 ${file} …`);
    await run('tar', ['-czf', file, '-C', work, 'database.dump', 'uploads', 'manifest.json']);
    return file;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export class RestoreRefused extends Error {}

/**
 * Restores an archive into an empty database (no tables in `public`) and its files into `uploadDir`.
 * Roles are not part of a dump: the reporting role is created first so its grants restore too.
 */
export async function restoreBackup(opts: {
  file: string;
  databaseUrl: string;
  uploadDir: string;
  log: (msg: string) => void;
}): Promise<Manifest> {
  if (!fs.existsSync(opts.file)) throw new RestoreRefused(`找不到备份文件 ${opts.file}`);
  const client = new pg.Client({ connectionString: opts.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
    if (rows[0].n > 0) throw new RestoreRefused('目标数据库不是空的：只能恢复到空数据库，以免覆盖现有数据');
    await client.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wpa_reporting') THEN CREATE ROLE wpa_reporting NOLOGIN; END IF;
    END $$`);
  } finally {
    await client.end();
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wpa-restore-'));
  try {
    opts.log('正在解包…');
    await run('tar', ['-xzf', path.resolve(opts.file), '-C', work]);
    const manifest = JSON.parse(fs.readFileSync(path.join(work, 'manifest.json'), 'utf8')) as Manifest;
    opts.log(`正在恢复数据库（备份于 ${manifest.createdAt}）…`);
    await run('pg_restore', [
      '--no-owner',
      '--exit-on-error',
      '--single-transaction',
      `--dbname=${opts.databaseUrl}`,
      path.join(work, 'database.dump'),
    ]);
    opts.log('正在恢复上传的文件…');
    fs.mkdirSync(opts.uploadDir, { recursive: true });
    fs.cpSync(path.join(work, 'uploads'), opts.uploadDir, { recursive: true, force: false, errorOnExist: false });
    const restored = await rowCounts(opts.databaseUrl);
    const differing = Object.keys(manifest.rowCounts).filter((t) => restored[t] !== manifest.rowCounts[t]);
    if (differing.length) throw new Error(`恢复后的行数与备份不一致：${differing.join(', ')}`);
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
