// The 全市 row (docs/reporting.md「全市」): the city is pooled from its counties, as the Excel 合计 of 附件7
// is — a rate is the sum of the counties' numerators ÷ the sum of their denominators (never a mean of
// rates), a count is the total, and a yes/no or item standard says how many counties meet it.
import type { CreationStandard } from './creation-standards.js';
import { meetsStandard } from './creation-standards.js';
import { percent, rateMeets } from './rounding.js';

/** rate: numerator ÷ denominator in %; count: cases, trainings; flag: items done or yes/no, judged per county */
export type FigureKind = 'rate' | 'count' | 'flag';

export function figureKind(unit: CreationStandard['unit']): FigureKind {
  if (unit === '%') return 'rate';
  if (unit === '件' || unit === '次') return 'count';
  return 'flag';
}

/** One county's figure as the scorecard gives it (numerator and denominator of a rate; else the count). */
export interface CountyFigure {
  measure: number | null;
  passed: boolean | null;
  numerator: number | null;
  denominator: number | null;
}

export interface CityFigure {
  kind: FigureKind;
  /** rate: pooled %, half up to one decimal; count: the total; flag: null (see countiesMet) */
  measure: number | null;
  /** rate: judged on the pooled exact fraction; count and flag: null (a total is not judged against a county's target) */
  passed: boolean | null;
  numerator: number | null;
  denominator: number | null;
  /** counties meeting the standard, and counties assessed on it */
  countiesMet: number;
  countiesAssessed: number;
}

export function cityFigure(
  standard: Pick<CreationStandard, 'unit' | 'comparison' | 'target'>,
  counties: readonly CountyFigure[],
): CityFigure {
  const kind = figureKind(standard.unit);
  const assessed = counties.filter((c) => c.passed !== null);
  const base = {
    kind,
    countiesMet: assessed.filter((c) => c.passed).length,
    countiesAssessed: assessed.length,
  };
  if (kind === 'rate') {
    const numerator = counties.reduce((sum, c) => sum + (c.denominator ? (c.numerator ?? 0) : 0), 0);
    const denominator = counties.reduce((sum, c) => sum + (c.denominator ?? 0), 0);
    return {
      ...base,
      measure: percent(numerator, denominator),
      passed: rateMeets(numerator, denominator, standard.comparison, standard.target),
      numerator,
      denominator,
    };
  }
  if (kind === 'count') {
    const measured = counties.filter((c) => c.measure !== null);
    const total = measured.length ? measured.reduce((sum, c) => sum + (c.measure ?? 0), 0) : null;
    return { ...base, measure: total, passed: null, numerator: total, denominator: null };
  }
  return { ...base, measure: null, passed: null, numerator: null, denominator: null };
}

/** A county's verdict, the same rule the warehouse applies (reporting.county_scorecard.passed). */
export function countyVerdict(
  standard: Pick<CreationStandard, 'unit' | 'comparison' | 'target'>,
  figure: Pick<CountyFigure, 'measure' | 'numerator' | 'denominator'>,
): boolean | null {
  if (figureKind(standard.unit) === 'rate') {
    if (figure.numerator === null || figure.denominator === null) return null;
    return rateMeets(figure.numerator, figure.denominator, standard.comparison, standard.target);
  }
  return meetsStandard(standard, figure.measure);
}
