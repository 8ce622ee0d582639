import { loadConfig } from '../config.js';
import { openDatabase } from '../database/connection.js';
import { restoreBackup } from '../services/backup/backup-archive.js';
import { runCli } from './run-cli.js';

// `npm run restore -- FILE`: into an empty database (DATABASE_URL, or the embedded one's `wpa`).
async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('用法：npm run restore -- 备份文件.tar.gz');
  const config = loadConfig({ ...process.env, SEED_DEMO: 'false' });
  const db = await openDatabase(config, console.log);
  try {
    const manifest = await restoreBackup({ file, databaseUrl: db.url, uploadDir: config.uploadDir, log: console.log });
    const rows = Object.values(manifest.rowCounts).reduce((a, b) => a + b, 0);
    console.log(
      `恢复完成：${Object.keys(manifest.rowCounts).length} 张表、${rows} 行、${manifest.uploads} 个文件，行数与备份一致`,
    );
  } finally {
    await db.stop();
  }
}

runCli(main, '恢复失败');
