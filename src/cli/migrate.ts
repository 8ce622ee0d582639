import { loadConfig } from '../config.js';
import { openDatabase } from '../database/connection.js';
import { migrate } from '../database/migrate.js';
import { runCli } from './run-cli.js';

// `npm run migrate`: applies pending migrations (start-up does the same) without starting the server.
async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config, console.log);
  try {
    const applied = await migrate(db.url, console.log);
    console.log(applied.length ? `已执行 ${applied.length} 个迁移` : '数据库结构已是最新');
  } finally {
    await db.stop();
  }
}

runCli(main);
