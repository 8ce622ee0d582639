// One rounding rule for every figure on screen and paper (docs/reporting.md「取整规则」): rates are kept as
// exact fractions (integer numerator and denominator), shown rounded half up to one decimal, and judged
// against a target on the exact fraction — so 89.96 % shows as 90.0 % and still fails a 90 % standard.
// reporting.percent() and reporting.rate_meets() in SQL do the same on numeric, never on float.
import type { Comparison } from './creation-standards.js';

/** a ÷ b for non-negative integers a and b > 0, rounded half up to one decimal, exactly. */
function tenthsHalfUp(a: number, b: number): number {
  const n = 20 * a + b; // floor((10·a/b) + ½) = floor((20a + b) / 2b)
  const d = 2 * b;
  return (n - (n % d)) / d / 10;
}

/** part ÷ whole in %, half up to one decimal; null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  if (!(whole > 0)) return null;
  if (!Number.isInteger(part) || !Number.isInteger(whole) || part < 0)
    throw new RangeError(`percent(${part}, ${whole}): counts must be non-negative integers`);
  return tenthsHalfUp(100 * part, whole);
}

/**
 * A decimal figure (a score, a weighted sum) rounded half up to one decimal. Binary floats cannot hold
 * 83.65 exactly (83.65 × 10 = 836.4999…), so the value is first read back at 12 significant digits, the
 * precision of any figure this program computes.
 */
export function roundHalfUp1(value: number): number {
  const tenths = Number((value * 10).toPrecision(12));
  return (tenths < 0 ? -Math.round(-tenths) : Math.round(tenths)) / 10;
}

/** Whether part ÷ whole (in %) meets `comparison target` on the exact fraction; null without a denominator. */
export function rateMeets(part: number, whole: number, comparison: Comparison, target: number): boolean | null {
  if (!(whole > 0)) return null;
  // target has at most one decimal (a policy value): compare 1000·part with (10·target)·whole in integers
  const lhs = 1000 * part;
  const rhs = Math.round(target * 10) * whole;
  return comparison === '>=' ? lhs >= rhs : lhs <= rhs;
}
