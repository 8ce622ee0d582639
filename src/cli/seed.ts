import pg from 'pg';
import { loadConfig } from '../config.js';
import { openDatabase } from '../database/connection.js';
import { migrate } from '../database/migrate.js';
import { createDataSource } from '../../ormconfig.js';
import { loadDemoData } from '../seed/demo-data/load-demo-data.js';
import { settleDemoYearEnd } from '../seed/demo-year-end.js';
import { runCli } from './run-cli.js';

// `npm run seed`: (re)loads the demo data into DATABASE_URL, or into the embedded PostgreSQL the app uses.
const log = (msg: string) => console.log(msg);

async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config, log);
  try {
    log('正在执行数据库迁移…');
    await migrate(db.url, log);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await loadDemoData(client, log);
    } finally {
      await client.end();
    }
    const dataSource = await createDataSource(db.url).initialize();
    try {
      await settleDemoYearEnd(dataSource, new Date(), log);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    if (db.embedded) log('正在停止内置 PostgreSQL…');
    await db.stop();
  }
}

runCli(main);
