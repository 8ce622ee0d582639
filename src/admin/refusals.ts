import { ValidationError } from 'adminjs';
import type { Response } from 'express';
import { DomainError, FieldErrors, errorStatus, type ErrorCode, type FieldProblems } from '../domain/errors.js';
import { databaseRefusal } from './db-errors.js';

// The one translator of a refusal (a DomainError, or the database's refusal read as one) into what the
// clerk sees: on a form, the message on its field; from a router, the code's HTTP status and the message.

/** The form errors of a refusal: each field's problem, or the message on the field its code names. */
export function refusalErrors(e: DomainError): Record<string, { type: ErrorCode; message: string }> {
  if (e instanceof FieldErrors)
    return Object.fromEntries(Object.entries(e.errors).map(([f, p]) => [f, { type: p.code, message: p.message }]));
  const error = { type: e.code, message: e.message };
  // the version is no field a clerk sees: the message goes on the record as well
  if (e.field === 'rowVersion') return { rowVersion: error, base: error };
  return { [e.field ?? 'base']: error };
}

/** A refused step or a refused save, or null when the error is no refusal (a fault, left to propagate). */
export function asRefusal(e: unknown, table?: string): DomainError | null {
  if (e instanceof DomainError) return e;
  return table === undefined ? null : databaseRefusal(e, table);
}

/**
 * A refusal as AdminJS's ValidationError, for the resource adapter: always on a field (with no property
 * error AdminJS's edit and new actions would report the refused save as a success), so a refusal of the
 * record as a whole is under `base`. Anything else is returned as it was.
 */
export function asValidationError(e: unknown, table: string, message?: string): unknown {
  const refusal = asRefusal(e, table);
  if (!refusal) return e;
  const errors = refusalErrors(refusal);
  return new ValidationError(errors, {
    type: refusal.code,
    message: refusal instanceof FieldErrors ? (message ?? refusal.message) : refusal.message,
  });
}

export const FORM_ERROR = '请更正标出的字段后再保存';

/**
 * Problems of a form's fields as the adapter's ValidationError; `listed` names each problem in the notice
 * too (for values refused before any rule saw them).
 */
export function fieldProblemsError(problems: FieldProblems, listed = false): unknown {
  const notice = listed
    ? `${FORM_ERROR}：${Object.values(problems)
        .map((p) => p.message)
        .join('；')}`
    : FORM_ERROR;
  return asValidationError(new FieldErrors(problems), '', notice);
}

/** A router's refusal: the code's status, the message as `{ error }`. */
export function refuse(res: Response, code: ErrorCode, message?: string): void {
  const error = new DomainError(code, message);
  res.status(errorStatus(code)).json({ error: error.message });
}

/** Answers a refusal thrown by a service; false (nothing sent) when the error is no refusal. */
export function sendRefusal(res: Response, e: unknown): boolean {
  if (!(e instanceof DomainError)) return false;
  // the field it is about (a scan's file or title), for the form to mark
  res.status(e.status).json(e.field ? { error: e.message, field: e.field } : { error: e.message });
  return true;
}
