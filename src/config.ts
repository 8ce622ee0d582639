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
  };
  if (production && !env.UPLOAD_DIR) problems.push('UPLOAD_DIR is required in production (where scanned documents are kept)');
  if (problems.length) throw new ConfigError(problems);
  return config;
}
