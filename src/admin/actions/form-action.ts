import { NotFoundError, type ActionContext, type ActionHandler, type ActionRequest, type ActionResponse } from 'adminjs';
import { DomainError, FieldErrors } from '../../domain/errors.js';
import { actorOf } from '../current-actor.js';
import type { Actor } from '../../domain/access-policy.js';

type Payload = Record<string, string | undefined>;

/** A refused step as the form shows it: on its field when the error names one, else for the record. */
export function formErrors(e: DomainError): Record<string, { message: string }> {
  if (e instanceof FieldErrors) return Object.fromEntries(Object.entries(e.errors).map(([f, p]) => [f, { message: p.message }]));
  const field = (e as DomainError & { field?: string }).field ?? 'base';
  return { [field]: { message: e.message } };
}

/**
 * The handler of a record action drawn by Components.ActionForm: GET returns the record; POST runs the
 * service with the posted fields, then shows the record again, or the refusal on its field.
 */
export function recordFormHandler(
  run: (args: { actor: Actor & { email?: string }; recordId: number; payload: Payload; context: ActionContext }) => Promise<unknown>,
  success: string,
): ActionHandler<ActionResponse> {
  return async (request: ActionRequest, _response, context) => {
    const { record, resource, currentAdmin, h } = context;
    if (!record) throw new NotFoundError('记录不存在', 'recordFormHandler');
    const actor = actorOf(context);
    if (request.method === 'get' || !actor) return { record: record.toJSON(currentAdmin) };
    try {
      await run({ actor, recordId: Number(record.id()), payload: (request.payload ?? {}) as Payload, context });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      return { record: { ...record.toJSON(currentAdmin), errors: formErrors(e) }, notice: { message: e.message, type: 'error' } };
    }
    const fresh = await resource.findOne(record.id(), context);
    return {
      record: (fresh ?? record).toJSON(currentAdmin),
      notice: { message: success, type: 'success' },
      redirectUrl: h.recordActionUrl({ resourceId: resource.id(), recordId: record.id(), actionName: 'show' }),
    };
  };
}
