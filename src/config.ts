import path from 'node:path';

/** Every setting the app reads from the environment, parsed once at start. */
export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  /** unset: an embedded PostgreSQL is started in `dataDir` */
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPgPort: number;
  sessionSecret: string;
  /** load demo data into an empty database at start */
  seedDemo: boolean;
  uploadDir: string;
  /** largest scanned document accepted, in megabytes (UPLOAD_MAX_MB) */
  uploadMaxMb: number;
  /** the read-only warehouse role wpa_reporting gets this password at start (REPORTING_DB_PASSWORD); unset: no login */
  reportingDbPassword: string | undefined;
  /** Metabase static embedding and provisioning; unset: the built-in dashboards only */
  metabase: MetabaseConfig | undefined;
  /**
   * the dashboard reads materialised snapshots once petition_case holds this many rows
   * (REPORTING_SNAPSHOT_MIN_CASES, default 20000; 0: always); below it, live views
   */
  reportingSnapshotMinCases: number;
  /** how often the snapshots are refreshed, in minutes (REPORTING_REFRESH_MINUTES, default 10; 0: never) */
  reportingRefreshMinutes: number;
  /**
   * where petitioners reach this app from outside (PUBLIC_BASE_URL, no trailing slash): the query page's
   * address printed with its QR code on the 告知书 and 答复意见书; required in production
   */
  publicBaseUrl: string;
}

export interface MetabaseConfig {
  /** METABASE_SITE_URL, e.g. http://localhost:3001 (no trailing slash) */
  siteUrl: string;
  /** METABASE_SECRET_KEY: the instance's 64-hex embedding secret */
  secretKey: string;
  /** METABASE_DASHBOARD_IDS: the dashboards the admin home embeds, in order; empty until provisioned */
  dashboardIds: number[];
  /** METABASE_ADMIN_EMAIL / METABASE_ADMIN_PASSWORD: only `npm run metabase:provision` needs them */
  adminEmail: string | undefined;
  adminPassword: string | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置错误 / invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

const DEV_SESSION_SECRET = 'development-only-session-secret-change-me';

/** Parses `env`, collecting every bad key before failing, so one restart fixes them all. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const nodeEnv = (env.NODE_ENV ?? 'development') as Config['nodeEnv'];
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    problems.push(`NODE_ENV must be development, production or test (got "${env.NODE_ENV}")`);
  }
  const production = nodeEnv === 'production';

  const int = (key: string, fallback: number): number => {
    const raw = env[key];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > 65535) problems.push(`${key} must be a port number (got "${raw}")`);
    return n;
  };
  const megabytes = (key: string, fallback: number): number => {
    const raw = env[key];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0 || n > 200)
      problems.push(`${key} must be a size in megabytes between 0 and 200 (got "${raw}")`);
    return n;
  };
  const count = (key: string, fallback: number, max: number): number => {
    const raw = env[key];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || n > max)
      problems.push(`${key} must be a whole number from 0 to ${max} (got "${raw}")`);
    return n;
  };
  const bool = (key: string, fallback: boolean): boolean => {
    const raw = env[key];
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
    problems.push(`${key} must be true or false (got "${raw}")`);
    return fallback;
  };

  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }
  if (production && !databaseUrl) problems.push('DATABASE_URL is required in production (no embedded database)');

  let sessionSecret = env.SESSION_SECRET ?? '';
  if (production) {
    if (!sessionSecret) problems.push('SESSION_SECRET is required in production');
    else if (sessionSecret.length < 32) problems.push('SESSION_SECRET must be at least 32 characters');
  } else if (!sessionSecret) {
    sessionSecret = DEV_SESSION_SECRET;
  }

  const reportingDbPassword = env.REPORTING_DB_PASSWORD || undefined;
  if (reportingDbPassword !== undefined && reportingDbPassword.length < 12) {
    problems.push('REPORTING_DB_PASSWORD must be at least 12 characters');
  }
  const metabase = metabaseConfig(env, problems);

  const publicBaseUrl = (env.PUBLIC_BASE_URL ?? '').replace(/\/+$/, '');
  if (publicBaseUrl && !/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(publicBaseUrl))
    problems.push(
      `PUBLIC_BASE_URL must be an http:// or https:// address without query, e.g. https://fnxf.example.gov.cn (got "${env.PUBLIC_BASE_URL}")`,
    );
  if (production && !publicBaseUrl)
    problems.push(
      'PUBLIC_BASE_URL is required in production (printed on the 告知书 and 答复意见书 for the query page)',
    );

  const dataDir = path.resolve(env.DATA_DIR || '.data');
  const config: Config = {
    nodeEnv,
    port: int('PORT', 3000),
    databaseUrl,
    dataDir,
    embeddedPgPort: int('EMBEDDED_PG_PORT', 54329),
    sessionSecret,
    seedDemo: bool('SEED_DEMO', !production),
    uploadDir: path.resolve(env.UPLOAD_DIR || path.join(dataDir, 'uploads')),
    uploadMaxMb: megabytes('UPLOAD_MAX_MB', 10),
    reportingDbPassword,
    metabase,
    reportingSnapshotMinCases: count('REPORTING_SNAPSHOT_MIN_CASES', 20_000, 1_000_000_000),
    reportingRefreshMinutes: count('REPORTING_REFRESH_MINUTES', 10, 24 * 60),
    publicBaseUrl: '',
  };
  config.publicBaseUrl = publicBaseUrl || `http://localhost:${config.port}`;
  if (production && !env.UPLOAD_DIR)
    problems.push('UPLOAD_DIR is required in production (where scanned documents are kept)');
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** Metabase is optional: both METABASE_SITE_URL and METABASE_SECRET_KEY, or neither. */
function metabaseConfig(env: NodeJS.ProcessEnv, problems: string[]): MetabaseConfig | undefined {
  const siteUrl = (env.METABASE_SITE_URL ?? '').replace(/\/+$/, '');
  const secretKey = env.METABASE_SECRET_KEY ?? '';
  const ids = env.METABASE_DASHBOARD_IDS ?? '';
  if (!siteUrl && !secretKey) {
    if (ids) problems.push('METABASE_DASHBOARD_IDS needs METABASE_SITE_URL and METABASE_SECRET_KEY');
    return undefined;
  }
  if (!/^https?:\/\/[^\s/]+/.test(siteUrl)) problems.push('METABASE_SITE_URL must be an http:// or https:// URL');
  if (!/^[0-9a-f]{64}$/i.test(secretKey))
    problems.push('METABASE_SECRET_KEY must be 64 hexadecimal characters (Metabase: 设置 → 嵌入 → 嵌入密钥)');
  const dashboardIds = ids
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number);
  if (dashboardIds.some((n) => !Number.isInteger(n) || n < 1)) {
    problems.push(`METABASE_DASHBOARD_IDS must be dashboard ids separated by commas, e.g. 3,4 (got "${ids}")`);
  }
  return {
    siteUrl,
    secretKey,
    dashboardIds,
    adminEmail: env.METABASE_ADMIN_EMAIL || undefined,
    adminPassword: env.METABASE_ADMIN_PASSWORD || undefined,
  };
}
