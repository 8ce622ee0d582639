import pg from 'pg';
import { ConfigError, loadConfig } from '../config.js';
import { MetabaseClient } from '../reports/metabase/metabase-client.js';
import { provisionMetabase } from '../reports/metabase/metabase-provision.js';
import { enableReportingLogin, REPORTING_ROLE } from '../reports/reporting-role.js';
import { runCli } from './run-cli.js';

// npm run metabase:provision — creates or updates, through Metabase's REST API, the read-only database
// connection, the collection, the questions and the dashboards, and prints what it did.
// METABASE_DB_HOST / METABASE_DB_PORT: how Metabase reaches PostgreSQL when that differs from DATABASE_URL.

async function main(): Promise<void> {
  const config = loadConfig();
  const problems: string[] = [];
  const mbConfig = config.metabase;
  if (!mbConfig) problems.push('METABASE_SITE_URL and METABASE_SECRET_KEY are required');
  if (mbConfig && (!mbConfig.adminEmail || !mbConfig.adminPassword))
    problems.push('METABASE_ADMIN_EMAIL and METABASE_ADMIN_PASSWORD are required');
  if (!config.databaseUrl) problems.push('DATABASE_URL is required (Metabase cannot reach the embedded database)');
  if (!config.reportingDbPassword)
    problems.push('REPORTING_DB_PASSWORD is required (Metabase logs in as wpa_reporting)');
  const port = process.env.METABASE_DB_PORT ? Number(process.env.METABASE_DB_PORT) : undefined;
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536))
    problems.push('METABASE_DB_PORT must be a port number');
  if (problems.length || !mbConfig || !config.databaseUrl || !config.reportingDbPassword)
    throw new ConfigError(problems);

  const db = new pg.Client({ connectionString: config.databaseUrl });
  await db.connect();
  try {
    await enableReportingLogin(db, config.reportingDbPassword);
  } finally {
    await db.end();
  }
  console.log(`已为只读角色 ${REPORTING_ROLE} 设置登录密码`);

  const url = new URL(config.databaseUrl);
  const mb = new MetabaseClient(mbConfig.siteUrl);
  await mb.login(mbConfig.adminEmail!, mbConfig.adminPassword!);
  const result = await provisionMetabase(mb, {
    embeddingSecretKey: mbConfig.secretKey,
    connection: {
      host: process.env.METABASE_DB_HOST || url.hostname,
      port: port ?? (Number(url.port) || 5432),
      dbname: decodeURIComponent(url.pathname.slice(1)),
      user: REPORTING_ROLE,
      password: config.reportingDbPassword,
      ssl: url.searchParams.get('sslmode') === 'require',
    },
  });
  for (const line of result.actions) console.log(line);
  console.log(`\n请在应用的环境变量中设置：METABASE_DASHBOARD_IDS=${result.dashboardIds.join(',')}`);
}

runCli(main);
