import { percent, rateMeets, roundHalfUp1 } from './rounding.js';

describe('the one rounding rule', () => {
  it('rounds x.x5 half up, exactly', () => {
    expect(percent(1673, 2000)).toBe(83.7); // 83.65 exactly
    expect(percent(1, 8)).toBe(12.5); // 12.5
    expect(percent(1, 16)).toBe(6.3); // 6.25
    expect(percent(3, 16)).toBe(18.8); // 18.75
    expect(percent(13, 80)).toBe(16.3); // 16.25
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(0, 5)).toBe(0);
    expect(percent(5, 5)).toBe(100);
    expect(percent(0, 0)).toBeNull();
  });

  it('agrees with the float pitfalls it replaces', () => {
    // adding floats then rounding gave 83.6 for (83.6 + 83.7) ÷ 2; a decimal read-back rounds the tie up
    expect(roundHalfUp1((83.6 + 83.7) / 2)).toBe(83.7);
    expect(roundHalfUp1(1.005 * 10)).toBe(10.1);
    expect(roundHalfUp1(0.15)).toBe(0.2);
    expect(roundHalfUp1(-0.15)).toBe(-0.2);
  });

  it('judges a rate on its exact fraction, not on the rounded display', () => {
    // 8996 of 10000 = 89.96 %: shown as 90.0 %, fails ≥ 90 %
    expect(percent(8996, 10000)).toBe(90);
    expect(rateMeets(8996, 10000, '>=', 90)).toBe(false);
    expect(rateMeets(9, 10, '>=', 90)).toBe(true);
    expect(rateMeets(17, 19, '>=', 90)).toBe(false); // 89.47 %
    expect(rateMeets(0, 0, '>=', 90)).toBeNull();
    expect(rateMeets(1, 10, '<=', 10)).toBe(true);
    expect(rateMeets(1001, 10000, '<=', 10)).toBe(false);
  });

  it('refuses non-integer counts', () => {
    expect(() => percent(1.5, 3)).toThrow(RangeError);
  });
});
