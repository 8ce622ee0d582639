import { cityFigure, countyVerdict } from './city-figures.js';

const rate = { unit: '%' as const, comparison: '>=' as const, target: 90 };
const f = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  measure: denominator ? (100 * numerator) / denominator : null,
  passed: countyVerdict(rate, { numerator, denominator, measure: null }),
});

describe('the 全市 row', () => {
  it('pools a rate (sum ÷ sum), never averages the counties’ rates', () => {
    // 10/10 = 100 % and 80/100 = 80 %: the mean is 90 % (met), the pooled rate 81.8 % (not met)
    const city = cityFigure(rate, [f(10, 10), f(80, 100)]);
    expect(city).toMatchObject({ kind: 'rate', measure: 81.8, passed: false, numerator: 90, denominator: 110 });
    expect([city.countiesMet, city.countiesAssessed]).toEqual([1, 2]);
  });

  it('leaves counties without a denominator out of both sums', () => {
    const city = cityFigure(rate, [f(0, 0), f(9, 10)]);
    expect(city).toMatchObject({ measure: 90, passed: true, numerator: 9, denominator: 10, countiesAssessed: 1 });
    expect(cityFigure(rate, [f(0, 0)])).toMatchObject({ measure: null, passed: null });
  });

  it('adds counts and does not judge the total against a county’s target', () => {
    const counts = [
      { measure: 3, passed: true, numerator: 3, denominator: null },
      { measure: 0, passed: false, numerator: 0, denominator: null },
    ];
    expect(cityFigure({ unit: '件', comparison: '>=', target: 1 }, counts)).toMatchObject({
      kind: 'count',
      measure: 3,
      passed: null,
      countiesMet: 1,
      countiesAssessed: 2,
    });
  });

  it('gives a yes/no or item standard as the number of counties meeting it', () => {
    const flags = [
      { measure: 1, passed: true, numerator: 1, denominator: null },
      { measure: null, passed: null, numerator: null, denominator: null },
      { measure: 0, passed: false, numerator: 0, denominator: null },
    ];
    expect(cityFigure({ unit: '是/否', comparison: '>=', target: 1 }, flags)).toMatchObject({
      kind: 'flag',
      measure: null,
      countiesMet: 1,
      countiesAssessed: 2,
    });
  });
});
