import { assertVersionGiven } from '../../domain/record-version.js';
import {
  NotFoundError,
  type Action,
  ValidationError,
  type ActionContext,
  type ActionHandler,
  type ActionRequest,
  type ActionResponse,
} from 'adminjs';
import { DomainError, FieldErrors, type FieldProblems } from '../../domain/errors.js';
import { StaleVersion } from '../../domain/record-version.js';
import { actorOf } from '../current-actor.js';
import { describeStale } from '../stale-version.js';
import { refusalErrors } from '../refusals.js';
import type { ActionField } from '../components/action-form.js';
import { Components } from '../components/index.js';
import type { StepCustom } from './step-post.js';
import type { Actor } from '../../domain/access-policy.js';
import type { RecordStep } from '../../services/record-step.js';
import { dataSource } from '../data-source.js';

type Payload = Record<string, string | undefined>;

/**
 * What a form posts is text: a JSON body may carry numbers and booleans (taken as the text a form would
 * send), but not objects, lists or NUL bytes, which no field holds — those are refused on their field.
 */
export function formPayload(raw: unknown): Payload {
  const payload: Payload = {};
  const problems: FieldProblems = {};
  for (const [key, value] of Object.entries((raw ?? {}) as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'number' || typeof value === 'boolean') payload[key] = String(value);
    else if (typeof value !== 'string') problems[key] = { code: 'INPUT_TYPE', message: '格式不对，请填写文字' };
    else if (value.includes('\u0000')) problems[key] = { code: 'INPUT_TYPE', message: '内容含有无效字符' };
    else payload[key] = value;
  }
  if (Object.keys(problems).length) throw new FieldErrors(problems);
  return payload;
}

/** A refused step as the form shows it: on its field when the error names one, else for the record. */
export function formErrors(e: DomainError): Record<string, { message: string }> {
  return Object.fromEntries(Object.entries(refusalErrors(e)).map(([f, p]) => [f, { message: p.message }]));
}

/**
 * A refused action as the form shows it. A step based on an old page (StaleVersion) says who
 * changed the record since and what.
 */
export async function refusal(
  e: unknown,
  resourceId: string,
  recordId: string | number,
): Promise<{ errors: Record<string, { message: string }>; message: string } | null> {
  if (e instanceof StaleVersion) {
    const message = await describeStale(dataSource().manager, resourceId, recordId, e);
    return refusal(new DomainError(e.code, message), resourceId, recordId);
  }
  if (e instanceof DomainError) return { errors: formErrors(e), message: e.message };
  if (e instanceof ValidationError) {
    const errors = Object.fromEntries(Object.entries(e.propertyErrors).map(([f, p]) => [f, { message: p.message }]));
    return { errors, message: e.baseError?.message ?? Object.values(errors)[0]?.message ?? '请更正标出的字段' };
  }
  return null;
}

/** What a step's service is given: who, which record, the posted fields and the version the page showed. */
export interface StepArgs {
  actor: Actor & { email?: string };
  recordId: number;
  payload: Payload;
  version: unknown;
  context: ActionContext;
}

/**
 * `run` for a step served as the services write their record steps (RecordStep: the data source, who, which
 * record, the form, the time, the version the page showed), at the time `clock` gives: now, or today in China.
 */
export function serviceStep<T, R>(
  step: RecordStep<StepArgs['actor'], [input: Payload, at: T, expectedVersion?: unknown], R>,
  clock: () => T,
): (args: StepArgs) => Promise<R> {
  return ({ actor, recordId, payload, version }) => step(dataSource(), actor, recordId, payload, clock(), version);
}

/** A step on one record as an admin action: its button, its form (Components.ActionForm), its service. */
export interface StepActionSpec<R> {
  icon: string;
  variant?: Action<ActionResponse>['variant'];
  intro: string;
  submitLabel: string;
  fields: ActionField[];
  /** who may take the step at all (the service checks again, on the record) */
  isAccessible: Action<ActionResponse>['isAccessible'];
  /** where the button shows; a request sent anyway reaches the service, which says why not */
  isVisible?: Action<ActionResponse>['isVisible'];
  run: (args: StepArgs) => Promise<R>;
  /** the notice after the step, or how to word it from the service's result */
  success: string | ((result: R) => string);
}

/** The one shape of every step action: the record's page, the step's form, the service, the outcome. */
export function stepAction<R>(spec: StepActionSpec<R>): Partial<Action<ActionResponse>> {
  return {
    actionType: 'record',
    icon: spec.icon,
    ...(spec.variant ? { variant: spec.variant } : {}),
    component: Components.ActionForm,
    custom: {
      intro: spec.intro,
      submitLabel: spec.submitLabel,
      fields: spec.fields,
      ...({ step: true } satisfies StepCustom),
    },
    isAccessible: spec.isAccessible,
    ...(spec.isVisible ? { isVisible: spec.isVisible } : {}),
    handler: recordFormHandler(spec.run, spec.success),
  };
}

/**
 * The handler of a record action drawn by Components.ActionForm: GET returns the record; POST runs the
 * service with the posted fields (and `rowVersion`, the version the page was loaded with: the service
 * refuses a step based on an older one), then shows the record again, or the refusal on its field.
 */
function recordFormHandler<R>(
  run: (args: StepArgs) => Promise<R>,
  success: string | ((result: R) => string),
): ActionHandler<ActionResponse> {
  return async (request: ActionRequest, _response, context) => {
    const { record, resource, currentAdmin, h } = context;
    if (!record) throw new NotFoundError('记录不存在', 'recordFormHandler');
    const actor = actorOf(context);
    if (request.method === 'get' || !actor) return { record: record.toJSON(currentAdmin) };
    let message: string;
    try {
      const payload = formPayload(request.payload);
      if (record.params.rowVersion !== undefined) assertVersionGiven(payload.rowVersion);
      const result = await run({ actor, recordId: Number(record.id()), payload, version: payload.rowVersion, context });
      message = typeof success === 'string' ? success : success(result);
    } catch (e) {
      const refused = await refusal(e, resource.id(), record.id());
      if (!refused) throw e;
      return {
        record: { ...record.toJSON(currentAdmin), errors: refused.errors },
        notice: { message: refused.message, type: 'error' },
      };
    }
    const fresh = await resource.findOne(record.id(), context);
    return {
      record: (fresh ?? record).toJSON(currentAdmin),
      notice: { message, type: 'success' },
      redirectUrl: h.recordActionUrl({ resourceId: resource.id(), recordId: record.id(), actionName: 'show' }),
    };
  };
}

/**
 * The handler of a resource action drawn by Components.ActionForm (e.g. a year to generate for): GET
 * answers nothing; POST runs the service and reports its outcome, or the refusal on its field.
 */
export function resourceFormHandler(
  run: (args: { actor: Actor & { email?: string }; payload: Payload; context: ActionContext }) => Promise<string>,
): ActionHandler<ActionResponse> {
  return async (request: ActionRequest, _response, context) => {
    const actor = actorOf(context);
    if (request.method === 'get' || !actor) return {};
    try {
      const message = await run({ actor, payload: formPayload(request.payload), context });
      return {
        notice: { message, type: 'success' },
        redirectUrl: context.h.resourceActionUrl({ resourceId: context.resource.id(), actionName: 'list' }),
      };
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      return { record: { errors: formErrors(e) }, notice: { message: e.message, type: 'error' } };
    }
  };
}
