import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AdminJSExpress from '@adminjs/express';
import express from 'express';
import session from 'express-session';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import type { DataSource } from 'typeorm';
import type pg from 'pg';
import { buildAdmin, PUBLIC_ASSETS_PATH } from './admin/admin.js';
import { Components } from './admin/components/index.js';
import { dashboardHandler } from './admin/dashboard/dashboard-handler.js';
import { prepareReporting } from './admin/dashboard/reporting-setup.js';
import { pendingMigrations } from './database/migrate.js';
import type { Config } from './config.js';
import { authenticate, reloadSessionUser } from './services/auth-service.js';
import { adminApiStatus, errorResponder, knownActionsOnly, noNulInUrl, saneListQuery } from './admin/api-status.js';
import { stepPosts } from './admin/actions/step-post.js';
import { agentFilesRouter, FILES_PATH } from './admin/files/agent-files.router.js';
import { caseFilesRouter } from './admin/files/case-files.router.js';
import { caseRegisterRouter } from './admin/files/case-register.router.js';
import { choicesRouter } from './admin/files/choices.router.js';
import { attachmentsRouter } from './admin/files/attachments.router.js';
import { yearEndFilesRouter } from './admin/files/year-end-files.router.js';
import { inlineStateGuard } from './web/inline-state.js';
import { isSameOrigin } from './web/same-origin.js';
import { securityHeaders } from './web/security-headers.js';
import { recentUsers, sessionStore } from './web/session/session-store.js';
import { QUERY_PATH } from './web/query/query-page.js';
import { queryRouter } from './web/query/query.router.js';
import { setClock } from './admin/clock.js';

export interface AppDeps {
  config: Config;
  dataSource: DataSource;
  /** injectable clock for tests */
  now?: () => Date;
  log?: (msg: string) => void;
}

const SESSION_IDLE_MINUTES = 120;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const LOGIN_ATTEMPTS_PER_MINUTE = { count: 60, duration: 60 };

/** The Express app: the admin at /admin, health probes; used by `npm start` and by the tests. */
export async function createApp({ config, dataSource, now = () => new Date(), log = console.error }: AppDeps) {
  // the admin layer's actions and adapters read the same clock as the routers given `now`
  setClock(now);
  await prepareReporting(dataSource, config, log);
  const production = process.env.NODE_ENV === 'production';
  if (production) requirePrebuiltAdminAssets();
  else dropStaleComponentBundle();
  const admin = await buildAdmin(dataSource, {
    dashboard: {
      component: Components.Dashboard,
      handler: dashboardHandler({
        dataSource,
        metabase: config.metabase,
        now,
        log,
        snapshots: { minCases: config.reportingSnapshotMinCases },
      }),
    },
  });
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');

  app.use(
    securityHeaders({
      hsts: config.nodeEnv === 'production',
      frameSources: config.metabase ? [new URL(config.metabase.siteUrl).origin] : [],
    }),
  );
  app.use(
    PUBLIC_ASSETS_PATH,
    express.static(path.join(path.dirname(fileURLToPath(import.meta.url)), 'web/public'), { maxAge: '1h' }),
  );
  // the browser bundles `npm run build` made, ahead of the admin's session (no session read for a script)
  if (production)
    app.use(`${admin.options.rootPath}/frontend/assets`, express.static(ADMIN_ASSETS_DIR, { maxAge: '1h' }));
  app.use(noNulInUrl);
  app.get('/healthz', (_req, res) => res.json({ status: 'ok' }));
  // ready: the database answers and every migration file is applied (load balancers, docker-compose)
  app.get('/readyz', async (_req, res) => {
    try {
      const pending = await pendingMigrations((sql) => dataSource.query(sql));
      if (pending.length) return res.status(503).json({ status: 'migrations pending', pending });
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'database unreachable' });
    }
  });
  app.get('/', (_req, res) => res.redirect(admin.options.rootPath));
  // 《信访工作条例》第二十一条: the petitioner's own page, public, outside the admin and its session
  app.use(QUERY_PATH, queryRouter({ dataSource, publicBaseUrl: config.publicBaseUrl, now }));

  const sessionOptions: session.SessionOptions = {
    store: sessionStore(session, (dataSource.driver as PostgresDriver).master as pg.Pool, {
      prune: config.nodeEnv !== 'test',
      now,
    }),
    secret: config.sessionSecret,
    name: 'wpa.sid',
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.nodeEnv === 'production',
      maxAge: SESSION_IDLE_MINUTES * 60_000,
    },
  };
  // Mounted before the admin router (whose own session middleware then steps aside), so the signed-in
  // user is re-read from admin_user (within USER_RECHECK_MS): deactivation and role changes act within 5 s.
  // CSRF: a browser says where a state-changing request comes from; only this site's pages may send one
  // (a same-site attacker on a sibling host is another origin: SameSite=Lax alone would let it through)
  app.use(admin.options.rootPath, (req, res, next) =>
    SAFE_METHODS.has(req.method) || isSameOrigin(req, config.publicBaseUrl)
      ? next()
      : void res.status(403).json({ error: '请求不是从本系统的页面发出的，已拒绝（跨站请求）' }),
  );
  const signedInUser = recentUsers((id) => reloadSessionUser(dataSource, id), now);
  app.use(admin.options.rootPath, session(sessionOptions), async (req, _res, next) => {
    const current = req.session.adminUser as { id: string } | undefined;
    if (!current) return next();
    try {
      const fresh = await signedInUser(current.id);
      if (!fresh) delete req.session.adminUser;
      else {
        // new rights, new session id: what was issued for the old role does not carry the new one
        if (!sameRights(current, fresh)) await renewSession(req);
        req.session.adminUser = fresh;
      }
      next();
    } catch (e) {
      next(e);
    }
  });

  const router = AdminJSExpress.buildAuthenticatedRouter(
    admin,
    {
      cookieName: 'wpa.sid',
      cookiePassword: config.sessionSecret,
      // per address, on top of the per-account lockout: one client guessing across many accounts is
      // slowed down too (AdminJS counts in this process's memory; each instance throttles on its own)
      maxRetries: LOGIN_ATTEMPTS_PER_MINUTE,
      authenticate: async (email: string, password: string, ctx?: { req: express.Request }) => {
        const user = await authenticate(dataSource, email, password, now(), ctx?.req.ip ?? null);
        // a session id known before the login (planted by someone else) must not become a signed-in one
        if (user && ctx) await renewSession(ctx.req);
        return user;
      },
    },
    null,
    sessionOptions,
  );
  // the files beside the admin (AdminJS actions cannot stream files), after its session
  const uploads = { dataSource, uploadDir: config.uploadDir, uploadMaxBytes: config.uploadMaxMb * 1024 * 1024, now };
  app.use(
    `${admin.options.rootPath}${FILES_PATH}`,
    agentFilesRouter(admin, dataSource),
    caseRegisterRouter(admin, dataSource),
    choicesRouter(dataSource),
    caseFilesRouter({ ...uploads, publicBaseUrl: config.publicBaseUrl }),
    attachmentsRouter(uploads),
    yearEndFilesRouter({ dataSource, now }),
  );
  app.use(
    `${admin.options.rootPath}/api`,
    adminApiStatus,
    knownActionsOnly(admin),
    saneListQuery(admin),
    stepPosts(admin),
  );
  app.use(admin.options.rootPath, inlineStateGuard, router);
  app.use(errorResponder(log));
  return { app, admin };
}

/** A new session id for the same browser (express-session regenerate), keeping where it was going. */
function renewSession(req: express.Request): Promise<void> {
  const { redirectTo } = req.session;
  return new Promise((resolve, reject) =>
    req.session.regenerate((e) => {
      if (e) return reject(e);
      if (redirectTo) req.session.redirectTo = redirectTo;
      resolve();
    }),
  );
}

function sameRights(before: unknown, after: unknown): boolean {
  const a = before as { role?: unknown; countyId?: unknown };
  const b = after as { role?: unknown; countyId?: unknown };
  return a.role === b.role && (a.countyId ?? null) === (b.countyId ?? null);
}

declare module 'express-session' {
  interface SessionData {
    adminUser?: unknown;
    redirectTo?: string;
  }
}

/** dist/admin-assets beside the compiled dist/src/server.js (src/cli/build.ts) */
const ADMIN_ASSETS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../admin-assets');

/**
 * In production AdminJS does not bundle the React components at start (ADMIN_JS_SKIP_BUNDLE, set by
 * `npm start`): the compiled server serves the bundles `npm run build` made, and refuses to start without them.
 */
function requirePrebuiltAdminAssets(): void {
  if (
    process.env.ADMIN_JS_SKIP_BUNDLE !== 'true' ||
    !fs.existsSync(path.join(ADMIN_ASSETS_DIR, 'components.bundle.js'))
  )
    throw new Error('生产环境请运行 npm run build 后用 NODE_ENV=production npm start 启动（缺少 dist/admin-assets）');
}

/**
 * Outside production AdminJS serves `.adminjs/bundle.js` if it exists, even when it was built from other
 * components (an older checkout); removing it makes the first page load build the current ones.
 */
function dropStaleComponentBundle(): void {
  fs.rmSync(path.join(process.env.ADMIN_JS_TMP_DIR ?? '.adminjs', 'bundle.js'), { force: true });
}
