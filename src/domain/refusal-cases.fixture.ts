// The refusal tables of the domain's specs (not built into the app: tsconfig.build.json). A spec's cases are
// data in a `*.cases.json` beside it; this runs them, so each table is checked the same way: the input a row
// describes is refused on exactly the fields and with exactly the codes the row names, no more.
import { problemCodes, type FieldProblems } from './errors.js';
import { isOneOf } from './vocabulary.js';

/**
 * What a row expects: one field refused with one code, or several fields at once (field → code; Partial,
 * as TypeScript types a JSON table's rows with the fields of the other rows as optional).
 */
type Expected = { field: string; code: string } | { fields: Partial<Record<string, string>> };

/**
 * One refused input. `patch` changes the valid input; `unset` names the fields it leaves undefined (JSON
 * has no `undefined`: `"unset": ["heldOn"]` is the patch `{ heldOn: undefined }`).
 */
export type Refusal = { refuse: string; patch: object; unset?: readonly string[] } & Expected;

/** A validator's cases as its `*.cases.json` holds them. */
export interface ValidatorCases<C> {
  /** What the validator is told besides the input: today's date, and so on. */
  context: C;
  /** An input it accepts, which each refusal changes in one respect. */
  valid: object;
  refusals: readonly Refusal[];
}

/** The row's patch with its `unset` fields, as the object spread over the valid input. */
export function patchOf(row: Refusal): object {
  return { ...row.patch, ...Object.fromEntries((row.unset ?? []).map((field) => [field, undefined])) };
}

/** `value` as one of `values`, or an error: JSON widens a state or event name to any string. */
export function oneOf<T extends string>(values: readonly T[], value: string): T {
  if (!isOneOf(values, value)) throw new Error(`${value} is none of ${values.join(', ')}`);
  return value;
}

/**
 * One test a row (titled by `title`, `$refuse` the row's label): what `codesOf` finds wrong with the row's
 * input is exactly what the row expects.
 */
export function refusals<R extends Refusal>(
  rows: readonly R[],
  codesOf: (row: R) => Record<string, string>,
  title = 'refuse $refuse',
): void {
  it.each([...rows])(title, (row) => {
    expect(codesOf(row)).toEqual('fields' in row ? row.fields : { [row.field]: row.code });
  });
}

/**
 * A validator with its cases: the context and the valid input (JSON widens a choice like 'female' to any
 * string, so the input is typed as the validator's; the validator judges the values), `check` for the valid
 * input changed by a patch, and `refusals()` to declare the table's tests.
 */
export function validatorCases<I extends object, C>(
  validate: (input: I, ctx: C) => FieldProblems,
  cases: ValidatorCases<C>,
) {
  const ctx = cases.context;
  const valid = cases.valid as I;
  const check = (patch: I) => validate({ ...valid, ...patch }, ctx);
  return {
    ctx,
    valid,
    check,
    refusals: () => refusals(cases.refusals, (row) => problemCodes(check(patchOf(row) as I))),
  };
}
