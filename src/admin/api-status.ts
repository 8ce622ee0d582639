import type AdminJS from 'adminjs';
import type { BaseResource } from 'adminjs';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ERROR_CODES, errorStatus, type ErrorCode } from '../domain/errors.js';

/** True when `path` is a property of the resource's own (not `__proto__`, not `;drop`) that lists sort by. */
export function isSortableBy(resource: BaseResource, path: unknown): path is string {
  const decorated = resource.decorate();
  return (
    typeof path === 'string' &&
    Object.prototype.hasOwnProperty.call(decorated.properties, path) &&
    Boolean(decorated.getPropertyByKey(path)?.isSortable())
  );
}

// AdminJS answers a refused or missing record with HTTP 200 and an error notice in the body. Clients,
// proxies and audits read the status line, so refusals get 403 and unknown records 404: AdminJS's own
// ForbiddenError and NotFoundError, and the program's refusals coded FORBIDDEN or NOT_FOUND (errors.ts).
const STATUS_BY_ERROR_TYPE: Record<string, number> = { ForbiddenError: 403, NotFoundError: 404 };

function statusOfType(type: string): number | undefined {
  if (type in STATUS_BY_ERROR_TYPE) return STATUS_BY_ERROR_TYPE[type];
  const status = type in ERROR_CODES ? errorStatus(type as ErrorCode) : undefined;
  return status === 403 || status === 404 ? status : undefined;
}

export const adminApiStatus: RequestHandler = (_req, res, next) => {
  const json = res.json.bind(res);
  res.json = (body: unknown) => {
    const type = (body as { record?: { baseError?: { type?: string } } } | null)?.record?.baseError?.type;
    const status = type ? statusOfType(type) : undefined;
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

const LIST_ACTION = /^\/resources\/([^/]+)\/actions\/(list|search)(?:\/|$)/;
const MAX_PER_PAGE = 500;

/**
 * A list's query as AdminJS reads it, checked before it reaches the database: a repeated parameter, a sort
 * field that is not a sortable property (`;drop`, `__proto__`), a page or page size out of range, a NUL
 * byte. AdminJS would pass them on and PostgreSQL would fail (a 500); the user gets a 400 that says why.
 */
export const saneListQuery =
  (admin: AdminJS): RequestHandler =>
  (req, res, next) => {
    const m = LIST_ACTION.exec(req.path);
    if (!m) return next();
    const refuse = (message: string) => void res.status(400).json({ error: message });
    for (const [key, value] of Object.entries(req.query)) {
      if (typeof value !== 'string') return refuse(`查询参数“${key}”重复或格式不对`);
    }
    const q = req.query as Record<string, string | undefined>;
    const resource = admin.resources.find((r) => r.id() === decodeURIComponent(m[1]));
    if (q.sortBy !== undefined && !(resource && isSortableBy(resource, q.sortBy))) return refuse('不能按该字段排序');
    if (q.direction !== undefined && q.direction !== 'asc' && q.direction !== 'desc')
      return refuse('排序方向只能是 asc 或 desc');
    if (q.perPage !== undefined && !(/^\d{1,3}$/.test(q.perPage) && +q.perPage >= 1 && +q.perPage <= MAX_PER_PAGE))
      return refuse(`每页条数应为 1 到 ${MAX_PER_PAGE} 之间的整数`);
    if (q.page !== undefined && !(/^\d{1,6}$/.test(q.page) && +q.page >= 1)) return refuse('页码应为正整数');
    next();
  };

/** A NUL byte anywhere in the address is no text any field could hold (PostgreSQL refuses it): 400. */
export const noNulInUrl: RequestHandler = (req, res, next) =>
  // eslint-disable-next-line no-control-regex -- the NUL byte is what it refuses
  /%00|\u0000/i.test(req.originalUrl) ? void res.status(400).json({ error: '请求含有无效字符（NUL）' }) : next();

/** Last error handler: a status and a Chinese message, never a stack trace. */
export const errorResponder =
  (log: (msg: string) => void): ErrorRequestHandler =>
  (err, req, res, _next) => {
    const e = err as { statusCode?: number; status?: number; httpCode?: number; type?: string };
    // a body that does not parse (malformed JSON, a truncated multipart upload) is the client's fault
    const status = Number(e.statusCode ?? e.status ?? e.httpCode) || (isBodyError(err) ? 400 : 500);
    // the query page's link carries her query code (条例第二十一条): never written to the log
    const url = req.originalUrl.replace(/([?&]code=)[^&#]*/gi, '$1***');
    if (status >= 500) log(`请求出错 ${req.method} ${url}: ${(err as Error)?.stack ?? String(err)}`);
    const message =
      status === 404
        ? '记录不存在'
        : status === 403
          ? '无权访问'
          : status >= 400 && status < 500
            ? '请求格式不正确（内容不完整或无法解析），请刷新页面后重试'
            : '服务器内部错误，请稍后再试或联系管理员';
    if (res.headersSent) return;
    if (req.accepts(['json', 'html']) === 'json' || req.originalUrl.includes('/api/'))
      res.status(status).json({ error: message });
    else
      res
        .status(status)
        .type('html')
        .send(`<!doctype html><meta charset="utf-8"><title>${message}</title><p>${message}</p>`);
  };

/** Errors of the body parsers (express, formidable) that carry no status of their own. */
function isBodyError(err: unknown): boolean {
  const message = String((err as Error)?.message ?? '');
  return (
    err instanceof SyntaxError ||
    /MultipartParser|stream ended unexpectedly|Request aborted|Unexpected token|JSON|malformed|boundary/i.test(message)
  );
}
