import { isOneOf } from '../../domain/vocabulary.js';

/**
 * Stops the demo's load unless `value`, read from the demo's `file`, is one of `values`: JSON types a stored
 * choice (a department, a standard, a result …) as any string, so each is checked before it is typed.
 */
export function assertListed(file: string, values: readonly string[], value: string): void {
  if (!isOneOf(values, value)) throw new Error(`${file}: unknown value ${value}`);
}
