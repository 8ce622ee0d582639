import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../config.js';
import { openDatabase } from '../database/connection.js';
import { migrate } from '../database/migrate.js';
import { localDate } from '../domain/dates.js';
import { refreshReportingSnapshots } from '../reports/reporting-snapshots.js';
import { analyzeScaleData, loadScaleData, progressBar } from '../seed/scale-data/load-scale-data.js';
import { SCALE_DEFAULTS, useScaleDatabase } from '../seed/scale-data/scale-database.js';
import { scaleStaffEmail } from '../seed/scale-data/scale-world.js';
import { runCli } from './run-cli.js';

// `npm run seed:scale -- --cases 1000000 --agents 50000 [--counties 100] [--today 2026-11-25] [--seed s]`:
// replaces all program data of the scale database (DATA_DIR=.data-scale, port 54339, or DATABASE_URL)
// with a generated province. See README「性能 / Performance」.
const log = (msg: string) => console.error(msg);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: String(SCALE_DEFAULTS.cases) },
      agents: { type: 'string', default: String(SCALE_DEFAULTS.agents) },
      counties: { type: 'string', default: String(SCALE_DEFAULTS.counties) },
      today: { type: 'string' },
      seed: { type: 'string' },
    },
  });
  const cases = Number(values.cases);
  const agents = Number(values.agents);
  const counties = Number(values.counties);
  if (![cases, agents, counties].every((n) => Number.isInteger(n) && n > 0))
    throw new Error('--cases, --agents and --counties must be positive integers');
  useScaleDatabase();
  const config = loadConfig();
  const db = await openDatabase(config, log);
  try {
    await migrate(db.url, log);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const started = Date.now();
      const today = values.today ?? localDate(new Date());
      log(
        `正在生成 ${cases.toLocaleString('en')} 件案件、${agents.toLocaleString('en')} 名代理员、${counties} 个县（市、区），今天为 ${today}`,
      );
      const counts = await loadScaleData(client, { cases, agents, counties, today, seed: values.seed }, progressBar());
      process.stderr.write('\n');
      log('正在 VACUUM ANALYZE…');
      await analyzeScaleData(client);
      log('正在刷新报表快照…');
      await refreshReportingSnapshots(client);
      log(`完成，用时 ${((Date.now() - started) / 1000).toFixed(0)} 秒: ${JSON.stringify(counts)}`);
      const { rows } = await client.query(
        `SELECT o.code FROM petition_case c JOIN organization o ON o.id = c.county_id GROUP BY o.code ORDER BY count(*) DESC LIMIT 1`,
      );
      log(
        `账户（密码 demo12345）: city@example.org, leader@example.org, ${scaleStaffEmail(rows[0]?.code ?? '411001')}（案件最多的县）…`,
      );
      log(
        `启动: ${db.embedded ? `DATA_DIR=${config.dataDir} EMBEDDED_PG_PORT=${config.embeddedPgPort} ` : ''}SEED_DEMO=false npm start`,
      );
    } finally {
      await client.end();
    }
  } finally {
    await db.stop();
  }
}

runCli(main);
