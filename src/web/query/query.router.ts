import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { DataSource } from 'typeorm';
import { normalizeCaseNo, normalizeQueryCode, PETITIONER_VIEW_POLICY } from '../../domain/petitioner-view.js';
import { queryCase, rateCase } from '../../services/petitioner-query.js';
import { PgRateLimitStore } from '../pg-rate-limit-store.js';
import { sameOriginOnly } from '../same-origin.js';
import { messagePage, QUERY_CSS, queryFormPage, resultPage } from './query-page.js';

// The page's own policy, stricter than the admin's: no script from anywhere, no frames, styles and
// images from this site only, forms posted only back to it.
const QUERY_CSP = [
  "default-src 'none'",
  "script-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

const NOT_FOUND = '案件编号或查询码不正确，请核对后重新输入。';
const TOO_MANY = '查询次数过多，请稍后再试。如有疑问，请致电您的代理工作点。';

export interface QueryRouterDeps {
  dataSource: DataSource;
  publicBaseUrl: string;
  now: () => Date;
}

const strictHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('Content-Security-Policy', QUERY_CSP);
  // the address may carry her code (the QR code's link): never sent on to another site. Not 'no-referrer':
  // under it a browser posts the rating form with "Origin: null" (Fetch, serializing a request origin), which
  // the cross-site guard must refuse; 'same-origin' keeps the true Origin on this site's own posts, and the
  // Referer it adds goes only to this site, which already has the address
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('X-Robots-Tag', 'noindex, nofollow');
  next();
};

function send(res: Response, status: number, html: string): void {
  res.status(status).type('html').send(html);
}

/** case number and code from the query string (the QR code's link) or the posted form */
function typed(source: Record<string, unknown> | undefined): { caseNo: string | null; code: string | null } {
  return { caseNo: normalizeCaseNo(source?.no), code: normalizeQueryCode(source?.code) };
}

/**
 * 《信访工作条例》第二十一条: the public query page at /query. No login, no session, no admin asset; every
 * lookup is throttled per address and per case number (express-rate-limit, counters shared in PostgreSQL)
 * and written to the audit log.
 */
export function queryRouter({ dataSource, publicBaseUrl, now }: QueryRouterDeps): express.Router {
  const router = express.Router();
  const query = (sql: string, params: unknown[]) => dataSource.query(sql, params);
  const window = PETITIONER_VIEW_POLICY.windowMinutes * 60_000;
  const throttled: RequestHandler = (_req, res) => send(res, 429, messagePage('请稍后再试', TOO_MANY));
  // a lookup is a request that names a case (the empty form is not one)
  const isLookup = (req: Request) =>
    req.method === 'POST' || req.query.no !== undefined || req.query.code !== undefined;
  const perAddress = rateLimit({
    windowMs: window,
    limit: PETITIONER_VIEW_POLICY.attemptsPerAddress,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store: new PgRateLimitStore(query, 'query-ip'),
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? ''),
    skip: (req) => !isLookup(req),
    // only what did not match counts: her own repeated look-ups never lock her (or her neighbours behind the
    // same carrier's address) out
    skipSuccessfulRequests: true,
    requestWasSuccessful: (_req, res) => res.locals.matched === true,
    handler: throttled,
  });
  // wrong codes for one case number, whoever sends them: a guesser spread over many addresses is slowed
  // too. The key is the number as typed, existing or not, so the refusal tells nothing either.
  const perCase = rateLimit({
    windowMs: window,
    limit: PETITIONER_VIEW_POLICY.failuresPerCase,
    standardHeaders: false,
    legacyHeaders: false,
    store: new PgRateLimitStore(query, 'query-case'),
    keyGenerator: (req) => {
      const source = (req.method === 'POST' ? req.body : req.query) as Record<string, unknown> | undefined;
      return normalizeCaseNo(source?.no) ?? 'malformed';
    },
    skip: (req) => !isLookup(req),
    skipSuccessfulRequests: true,
    requestWasSuccessful: (_req, res) => res.locals.matched === true,
    handler: throttled,
  });

  router.use(strictHeaders);
  router.get('/query.css', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.type('css').send(QUERY_CSS);
  });
  const body = express.urlencoded({ extended: false, limit: '8kb', parameterLimit: 10 });
  const crossSite: RequestHandler = (_req, res) =>
    send(res, 403, messagePage('无法提交', '请从本网站的查询页面提交。'));
  router.post(['/', '/rating'], sameOriginOnly(publicBaseUrl, crossSite), body);

  const lookup: RequestHandler = async (req, res, next) => {
    try {
      const source = (req.method === 'POST' ? req.body : req.query) as Record<string, unknown>;
      if (req.method === 'GET' && !isLookup(req)) return send(res, 200, queryFormPage());
      const { caseNo, code } = typed(source);
      const shownNo = typeof source?.no === 'string' ? source.no.slice(0, 30) : '';
      if (!caseNo || !code)
        return send(res, 400, queryFormPage({ caseNo: shownNo, message: '请输入正确的案件编号和10位查询码。' }));
      const view = await queryCase(dataSource.manager, {
        caseNo,
        code,
        ip: req.ip ?? null,
        now: now(),
      });
      if (!view) return send(res, 404, queryFormPage({ caseNo: shownNo, message: NOT_FOUND }));
      res.locals.matched = true;
      send(res, 200, resultPage(view, { code }));
    } catch (e) {
      next(e);
    }
  };
  router.get('/', perAddress, perCase, lookup);
  router.post('/', perAddress, perCase, lookup);

  router.post('/rating', perAddress, perCase, async (req, res, next) => {
    try {
      const source = req.body as Record<string, unknown>;
      const { caseNo, code } = typed(source);
      if (!caseNo || !code) return send(res, 400, queryFormPage({ message: '请输入正确的案件编号和10位查询码。' }));
      const outcome = await rateCase(dataSource.manager, {
        caseNo,
        code,
        ip: req.ip ?? null,
        now: now(),
        rating: source.rating,
        comment: source.comment,
      });
      if (!outcome.ok && outcome.notFound) return send(res, 404, queryFormPage({ message: NOT_FOUND }));
      res.locals.matched = true;
      if (outcome.ok)
        return send(res, 200, resultPage(outcome.view, { code, notice: { ok: true, text: '评价已提交，谢谢您！' } }));
      const draft = typeof source.comment === 'string' ? source.comment.slice(0, 1000) : undefined;
      // the status of her refusal from the one list of refusals (errors.ts): 400 to correct, 409 too late
      send(
        res,
        outcome.refused.status,
        resultPage(outcome.view, { code, commentDraft: draft, notice: { ok: false, text: outcome.refused.message } }),
      );
    } catch (e) {
      next(e);
    }
  });

  // a body too large, malformed or in an unknown charset is the sender's fault: 4xx with a Chinese page
  const clientErrors: ErrorRequestHandler = (err: { status?: number; statusCode?: number }, _req, res, next) => {
    const status = err?.status ?? err?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500)
      return send(res, status, messagePage('无法处理', '提交的内容无法识别或过长，请返回查询页重新填写。'));
    next(err);
  };
  router.use(clientErrors);
  return router;
}
