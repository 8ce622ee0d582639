import type AdminJS from 'adminjs';
import type { ErrorRequestHandler, RequestHandler } from 'express';

// AdminJS answers a refused or missing record with HTTP 200 and an error notice in the body. Clients,
// proxies and audits read the status line, so refusals get 403 and unknown records 404.
const STATUS_BY_ERROR_TYPE: Record<string, number> = { ForbiddenError: 403, NotFoundError: 404 };

export const adminApiStatus: RequestHandler = (_req, res, next) => {
  const json = res.json.bind(res);
  res.json = (body: unknown) => {
    const type = (body as { record?: { baseError?: { type?: string } } } | null)?.record?.baseError?.type;
    const status = type ? STATUS_BY_ERROR_TYPE[type] : undefined;
    if (status && res.statusCode === 200) res.status(status);
    return json(body);
  };
  next();
};

/**
 * AdminJS answers an action a resource does not have (`/resources/X/records/1/nope`) with a crash (500):
 * unknown resources and actions are a 404 here, before AdminJS sees them.
 */
export const knownActionsOnly =
  (admin: AdminJS): RequestHandler =>
  (req, res, next) => {
    const m = /^\/resources\/([^/]+)\/(?:records\/[^/]+|actions|bulk)\/([^/?]+)/.exec(req.path);
    if (!m) return next();
    const resource = admin.resources.find((r) => r.id() === decodeURIComponent(m[1]));
    const action = decodeURIComponent(m[2]);
    if (resource && Object.prototype.hasOwnProperty.call(resource.decorate().actions, action)) return next();
    res.status(404).json({ error: '该页面或操作不存在' });
  };

/** Last error handler: a status and a Chinese message, never a stack trace. */
export const errorResponder =
  (log: (msg: string) => void): ErrorRequestHandler =>
  (err, req, res, _next) => {
    const status = Number((err as { statusCode?: number }).statusCode) || 500;
    if (status >= 500) log(`请求出错 ${req.method} ${req.originalUrl}: ${(err as Error)?.stack ?? String(err)}`);
    const message =
      status === 404 ? '记录不存在' : status === 403 ? '无权访问' : '服务器内部错误，请稍后再试或联系管理员';
    if (res.headersSent) return;
    if (req.accepts(['json', 'html']) === 'json' || req.originalUrl.includes('/api/'))
      res.status(status).json({ error: message });
    else
      res
        .status(status)
        .type('html')
        .send(`<!doctype html><meta charset="utf-8"><title>${message}</title><p>${message}</p>`);
  };
