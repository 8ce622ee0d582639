/** One problem with one form field: a stable code for programs and a Chinese message for the clerk. */
export interface FieldProblem {
  code: string;
  message: string;
}

/** Problems keyed by the entity's camelCase property name; empty when the input is valid. */
export type FieldProblems = Record<string, FieldProblem>;

/** A business rule was broken. `code` is stable; `message` is shown to the user as is. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Several fields are wrong at once; each carries its own problem so a form can mark it. */
export class FieldErrors extends DomainError {
  constructor(readonly errors: FieldProblems) {
    super('VALIDATION', '请更正标出的字段');
  }
}

export function problem(code: string, message: string): FieldProblem {
  return { code, message };
}

/**
 * Gathers the problems of a whole record so the clerk sees them all in one go. A field keeps its first
 * problem: later rules on it usually only restate it (an empty date is also "not after the acceptance").
 */
export class ProblemCollector {
  private readonly found: FieldProblems = {};

  add(field: string, found: FieldProblem | null | undefined): this {
    if (found && !(field in this.found)) this.found[field] = found;
    return this;
  }

  get problems(): FieldProblems {
    return { ...this.found };
  }
}

export function hasProblems(problems: FieldProblems): boolean {
  return Object.keys(problems).length > 0;
}

/** field → code, for logs and tests. */
export function problemCodes(problems: FieldProblems): Record<string, string> {
  return Object.fromEntries(Object.entries(problems).map(([field, found]) => [field, found.code]));
}

export function fieldErrorsOf(problems: FieldProblems): FieldErrors | null {
  return hasProblems(problems) ? new FieldErrors({ ...problems }) : null;
}

export function throwIfAny(problems: FieldProblems): void {
  const error = fieldErrorsOf(problems);
  if (error) throw error;
}
