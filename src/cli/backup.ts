import path from 'node:path';
import { loadConfig } from '../config.js';
import { openDatabase } from '../database/connection.js';
import { createBackup } from '../services/backup/backup-archive.js';
import { runCli } from './run-cli.js';

// `npm run backup`: database (pg_dump custom format) + uploaded files in one timestamped archive.
async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config, console.log);
  try {
    const file = await createBackup({
      databaseUrl: db.url,
      uploadDir: config.uploadDir,
      backupDir: process.env.BACKUP_DIR || path.join(config.dataDir, 'backups'),
      now: new Date(),
      log: console.log,
    });
    console.log(`备份完成：${file}`);
  } finally {
    await db.stop();
  }
}

runCli(main, '备份失败');
