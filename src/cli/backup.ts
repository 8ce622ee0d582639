import path from 'node:path';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../database/connection.js';
import { createBackup } from '../services/backup/backup-archive.js';

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

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof ConfigError ? e.message : `备份失败：${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
