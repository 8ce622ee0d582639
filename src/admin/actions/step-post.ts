import formidableMiddleware from 'express-formidable';
import AdminJS, { ApiController, requestParser, type ActionContext } from 'adminjs';
import type { RequestHandler } from 'express';

/** What a step action (stepAction) declares in its `custom`: its POST is answered by stepPosts. */
export interface StepCustom {
  step: true;
}

const RECORD_ACTION = /^\/resources\/([^/]+)\/records\/([^/]+)\/([^/]+)$/;

/**
 * A step's POST (开始代理, 终结 …) answered without AdminJS's record-action controller, which reads the
 * record and then every record it refers to (county, agent, work point …) before any record action: the
 * form's GET shows their names, but a step's POST needs only the record, to check who may act on it
 * (isAccessible, the scoped read), and its service reads it again under lock. The rest is AdminJS's own:
 * the action context, the request parser, the decorated handler with its hooks and error answers.
 * Anything else — not signed in, not a step, a record not readable — goes on to AdminJS as before.
 */
export const stepPosts = (admin: AdminJS): RequestHandler => {
  const parseBody = formidableMiddleware();
  return async (req, res, next) => {
    const m = req.method === 'POST' ? RECORD_ACTION.exec(req.path) : null;
    const currentAdmin = req.session.adminUser;
    if (!m || !currentAdmin) return next();
    try {
      const [resourceId, recordId, action] = m.slice(1).map(decodeURIComponent);
      const params = { resourceId, recordId, action };
      const controller = new ApiController({ admin }, currentAdmin);
      const context: ActionContext = await controller.getActionContext({ params } as never);
      if (!(context.action.custom() as Partial<StepCustom>).step) return next();
      const record = await context.resource.findOne(recordId, context);
      if (!record) return next();
      await new Promise<void>((resolve, reject) => parseBody(req, res, (e?: unknown) => (e ? reject(e) : resolve())));
      context.record = record;
      const fields = (req as { fields?: Record<string, unknown> }).fields ?? {};
      const request = requestParser({ params, query: req.query, payload: fields, method: 'post' }, context.resource);
      res.json(await context.action.handler(request, res, context));
    } catch (e) {
      next(e);
    }
  };
};
