import type { Actor } from '../domain/access-policy.js';
import { countyScope } from '../domain/access-policy.js';
import { cityFigure, type CityFigure, type CountyFigure } from '../domain/city-figures.js';
import type { Comparison, CreationStandard } from '../domain/creation-standards.js';
import {
  CASE_FIGURE_DEFINITIONS,
  SATISFACTION_DEFINITIONS,
  satisfactionMeets,
  satisfactionRate,
} from '../domain/case-statistics.js';
import { PETITIONER_VIEW_POLICY } from '../domain/petitioner-view.js';
import { percent } from '../domain/rounding.js';
import { SNAPSHOTS, type Relations } from './reporting-snapshots.js';

const LIVE = Object.fromEntries(Object.entries(SNAPSHOTS).map(([k, v]) => [k, v.live])) as Relations;

/** Runs a query and returns its rows, typed by the caller: a TypeORM DataSource or EntityManager, or a wrapped pg client. */
export interface RowSource {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface StandardInfo {
  code: string;
  section: string;
  name: string;
  unit: CreationStandard['unit'];
  comparison: Comparison;
  target: number;
  /** the figure's definition (口径), shown on hover */
  description: string;
}

export type Measures = Record<string, number | null>;
export type Verdicts = Record<string, boolean | null>;

export interface CountyScore {
  countyId: number;
  countyName: string;
  /** 达标排名: this table's order by the share of standards met */
  rank: number;
  /** 考评名次: the rank of the county's evaluation (考评) of the year, where one exists */
  evaluationRank: number | null;
  standardsMet: number;
  standardsAssessed: number;
  passRatePct: number | null;
  measures: Measures;
  passed: Verdicts;
}

/** 办结情况 of a county (or the city, pooled) on the day measured: src/domain/case-statistics.ts definitions */
export interface ClosureLine {
  countyId: number | null;
  countyName: string;
  accepted: number;
  closureDue: number;
  closed: number;
  closureRate: number | null;
  closedOnTime: number;
  onTimeClosureRate: number | null;
  terminated: number;
  /** 重复信访 among the cases accepted in the year (src/services/repeat-petitions.ts repeatPetitionSql) */
  repeats: number;
}

/** 满意率 of a county (or the city, pooled): src/domain/case-statistics.ts SATISFACTION_DEFINITIONS */
export interface SatisfactionLine {
  countyId: number | null;
  countyName: string;
  /** replies issued in the year */
  replies: number;
  rated: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  satisfactionRate: number | null;
  ratedRate: number | null;
  /** against the city's target; null while none is set (not a creation standard) or nothing was rated */
  meetsTarget: boolean | null;
}

/** What the admin home shows: one year, the counties this user may see, and the city average. */
export interface DashboardData {
  year: number;
  years: number[];
  /** the day the year is measured on: its last day, or today */
  asOf: string;
  /** true for the current year: measured as of today (统计截至今日), else as of 31 December */
  measuredToday: boolean;
  /** null: all counties; else the one county of county staff */
  countyId: number | null;
  standards: StandardInfo[];
  /** ranked; county staff get only her own county */
  counties: CountyScore[];
  /** 全市: pooled from all counties (sum of numerators ÷ sum of denominators, as the Excel 合计), per standard */
  city: Record<string, CityFigure>;
  /** the twelve months of the year; null for months after the day measured */
  /**
   * 工作要求 年终统计: cases accepted in the year (in the counties shown) that no submitted or accepted 附件7
   * counts — not in the year's own (accepted after the day its figures were taken, or of a county with none
   * yet) nor carried into the next year's as 上年结转 (src/domain/year-end-carry-over.ts)
   */
  casesNotInAnnualReport: number;
  /** 办结情况 per county shown (ranked order) and the city's pooled line */
  closure: { counties: ClosureLine[]; city: ClosureLine; definitions: typeof CASE_FIGURE_DEFINITIONS };
  /**
   * 满意率 per county shown (ranked order) and the city's pooled line, by the year the reply was issued;
   * `targetPct` null: shown for information, no 达标 judgement (PETITIONER_VIEW_POLICY.satisfactionTargetPct)
   */
  satisfaction: {
    counties: SatisfactionLine[];
    city: SatisfactionLine;
    targetPct: number | null;
    definitions: typeof SATISFACTION_DEFINITIONS;
  };
  monthly: { month: string; accepted: number | null; concluded: number | null }[];
  categories: { label: string; count: number }[];
  sources: { label: string; count: number }[];
  /** when the figures were taken: null when live, else the time of the snapshot (large programs) */
  snapshotAt: string | null;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** The year shown by default: this year on China's calendar, as the warehouse counts it. */
export async function currentReportingYear(db: RowSource): Promise<number> {
  const [row] = await db.query<{ year: number }>(`SELECT extract(year FROM reporting.today())::int AS year`);
  return row.year;
}

/**
 * The scorecard, charts and trend for `year`, scoped on the server: county staff receive her county
 * and the city average, never another county's row.
 */
export async function loadDashboardData(
  db: RowSource,
  actor: Actor,
  year: number,
  from: { relations: Relations; asOf: Date | null } = { relations: LIVE, asOf: null },
): Promise<DashboardData> {
  const county = countyScope(actor);
  const r = from.relations;
  // most rows are the year's; the case mix is also the actor's county (null: the whole city), largest first
  const ofYear = <T>(sql: string) => db.query<T>(sql, [year]);
  const caseMix = (column: 'category_label' | 'source_label') =>
    db.query<{ label: string; count: number }>(
      `SELECT ${column} AS label, sum(cases)::int AS count FROM ${r.caseMix} AS mix
       WHERE year = $1 AND ($2::int IS NULL OR county_id = $2) GROUP BY ${column} ORDER BY count DESC, label`,
      [year, county],
    );
  const [
    standardRows,
    scoreRows,
    rankRows,
    yearRows,
    monthRows,
    categoryRows,
    sourceRows,
    evaluationRows,
    closureRows,
    todayRows,
    notReportedRows,
    repeatRows,
    satisfactionRows,
  ] = await Promise.all([
    db.query<Omit<StandardInfo, 'target'> & { target: string | number }>(
      `SELECT code, section, name, unit, comparison, target, description FROM reporting.creation_standard ORDER BY sort_order`,
    ),
    ofYear<ScoreRow>(
      `SELECT county_id, standard_code, measure, passed, numerator, denominator, as_of::text AS as_of
       FROM ${r.scorecard} WHERE year = $1`,
    ),
    ofYear<RankRow>(
      `SELECT county_id, county_name, rank, standards_met, standards_assessed, pass_rate_pct
       FROM ${r.ranking} WHERE year = $1 ORDER BY rank, county_code`,
    ),
    db.query<{ year: number }>(
      `SELECT DISTINCT year FROM ${r.monthCases}
       UNION SELECT extract(year FROM reporting.today())::int ORDER BY year DESC`,
    ),
    db.query<{ month: string; accepted: number; concluded: number }>(
      `SELECT to_char(month, 'YYYY-MM') AS month, sum(cases_accepted)::int AS accepted, sum(cases_concluded)::int AS concluded
       FROM ${r.monthCases} WHERE year = $1 AND ($2::int IS NULL OR county_id = $2) GROUP BY month`,
      [year, county],
    ),
    caseMix('category_label'),
    caseMix('source_label'),
    ofYear<{ county_id: number; rank: number }>(
      `SELECT county_id, rank FROM evaluation WHERE year = $1 AND voided_at IS NULL AND rank IS NOT NULL`,
    ),
    ofYear<ClosureRow & { county_id: number }>(
      `SELECT county_id, cases_accepted::int AS accepted, cases_due::int AS due, cases_closed::int AS closed,
           cases_closed_on_time::int AS closed_on_time, cases_terminated::int AS terminated
         FROM ${r.closure} AS closure WHERE year = $1`,
    ),
    db.query<{ today: string }>(`SELECT reporting.today()::text AS today`),
    // per county, the stretch of the year its submitted table froze (to frozen_on, as the register stood at
    // frozen_at) and the stretch next year's carries over (with the cases typed in after frozen_at: 上年结转,
    // domain/year-end-carry-over.ts); then the cases of the year outside both: accepted after the freeze
    // and not carried, or accepted by then but entered after it while nothing carries them yet. Counted on
    // the county's (county_id, accepted_on) and (county_id, created_at) indexes — a province's year of cases
    // is never read row by row
    db.query<{ n: number }>(
      `WITH covered AS (
         SELECT c.id AS county_id,
           max((r.figures->>'asOf')::date) FILTER (WHERE r.year = $1) AS frozen_on,
           (array_agg(r.submitted_at ORDER BY (r.figures->>'asOf')::date DESC, r.version DESC)
              FILTER (WHERE r.year = $1))[1] AS frozen_at,
           min((r.figures#>>'{carriedOver,period,from}')::date) FILTER (WHERE r.year = $1 + 1) AS carried_from,
           max((r.figures#>>'{carriedOver,period,to}')::date) FILTER (WHERE r.year = $1 + 1) AS carried_to
           FROM organization c
           LEFT JOIN annual_report r ON r.county_id = c.id AND r.year IN ($1, $1 + 1)
                AND r.status IN ('submitted', 'accepted') AND r.voided_at IS NULL
          WHERE c.level = 'county' AND ($2::int IS NULL OR c.id = $2)
          GROUP BY c.id)
       SELECT coalesce(sum((
         SELECT count(*) FROM petition_case p
          WHERE p.voided_at IS NULL AND p.county_id = cv.county_id
            AND p.accepted_on > greatest(cv.frozen_on, make_date($1, 1, 1) - 1)
            AND p.accepted_on <= make_date($1, 12, 31)
            AND NOT coalesce(p.accepted_on BETWEEN cv.carried_from AND cv.carried_to, false)) + (
         SELECT count(*) FROM petition_case p
          WHERE cv.carried_from IS NULL AND p.voided_at IS NULL AND p.county_id = cv.county_id
            AND p.created_at > cv.frozen_at
            -- "+ 0": found by entry time, the weeks since the freeze; on (county_id, accepted_on) the
            -- planner would read the whole year up to the freeze to look at each case's entry time
            AND p.accepted_on + 0 BETWEEN make_date($1, 1, 1) AND cv.frozen_on)), 0)::int AS n
         FROM covered cv`,
      [year, county],
    ),
    ofYear<{ county_id: number; repeats: number }>(
      `SELECT county_id, repeats FROM ${r.repeats} AS repeats WHERE year = $1`,
    ),
    ofYear<SatisfactionRow & { county_id: number }>(
      `SELECT county_id, replies::int AS replies, ratings::int AS rated, satisfied::int AS satisfied,
           basically_satisfied::int AS basically_satisfied, dissatisfied::int AS dissatisfied
         FROM ${r.satisfaction} AS satisfaction WHERE year = $1`,
    ),
  ]);
  const evaluationRank = new Map<number, number>(evaluationRows.map((e) => [e.county_id, e.rank]));

  const standards: StandardInfo[] = standardRows.map((s) => ({ ...s, target: Number(s.target) }));
  const byCounty = new Map<number, { measures: Measures; passed: Verdicts }>();
  const figures = new Map<string, CountyFigure[]>();
  for (const r of scoreRows) {
    const list = figures.get(r.standard_code) ?? [];
    list.push({
      measure: num(r.measure),
      passed: r.passed,
      numerator: num(r.numerator),
      denominator: num(r.denominator),
    });
    figures.set(r.standard_code, list);
    const entry = byCounty.get(r.county_id) ?? { measures: {}, passed: {} };
    entry.measures[r.standard_code] = num(r.measure);
    entry.passed[r.standard_code] = r.passed;
    byCounty.set(r.county_id, entry);
  }

  const counties: CountyScore[] = rankRows
    .filter((r) => county === null || r.county_id === county)
    .map((r) => ({
      countyId: r.county_id,
      countyName: r.county_name,
      rank: r.rank,
      evaluationRank: evaluationRank.get(r.county_id) ?? null,
      standardsMet: Number(r.standards_met),
      standardsAssessed: Number(r.standards_assessed),
      passRatePct: num(r.pass_rate_pct),
      ...(byCounty.get(r.county_id) ?? { measures: {}, passed: {} }),
    }));

  const asOf: string = scoreRows[0]?.as_of ?? `${year}-12-31`;
  const today: string = todayRows[0].today;
  const closureOf = new Map(closureRows.map((c) => [c.county_id, c]));
  const satisfactionOf = new Map(satisfactionRows.map((c) => [c.county_id, c]));
  const repeatsOf = new Map(repeatRows.map((c) => [c.county_id, c.repeats]));
  const targetPct = PETITIONER_VIEW_POLICY.satisfactionTargetPct;
  return {
    year,
    years: yearRows.map((r) => r.year),
    asOf,
    measuredToday: Number(today.slice(0, 4)) === year,
    casesNotInAnnualReport: notReportedRows[0].n,
    countyId: county,
    standards,
    counties,
    city: Object.fromEntries(standards.map((s) => [s.code, cityFigure(s, figures.get(s.code) ?? [])])),
    closure: {
      counties: counties.map((c) =>
        closureLine(c.countyId, c.countyName, [closureOf.get(c.countyId)], repeatsOf.get(c.countyId) ?? 0),
      ),
      city: closureLine(
        null,
        '全市',
        closureRows,
        repeatRows.reduce((n, r) => n + r.repeats, 0),
      ),
      definitions: CASE_FIGURE_DEFINITIONS,
    },
    satisfaction: {
      counties: counties.map((c) =>
        satisfactionLine(c.countyId, c.countyName, [satisfactionOf.get(c.countyId)], targetPct),
      ),
      city: satisfactionLine(null, '全市', satisfactionRows, targetPct),
      targetPct,
      definitions: SATISFACTION_DEFINITIONS,
    },
    monthly: twelveMonths(year, asOf, monthRows),
    categories: categoryRows,
    sources: sourceRows,
    snapshotAt: from.asOf ? from.asOf.toISOString() : null,
  };
}

/** One line of 办结情况: counts added (one county, or all of them for the city), rates divided once. */
function closureLine(
  countyId: number | null,
  countyName: string,
  rows: (ClosureRow | undefined)[],
  repeats: number,
): ClosureLine {
  const sum = (key: 'accepted' | 'due' | 'closed' | 'closed_on_time' | 'terminated') =>
    rows.reduce((n, r) => n + (r?.[key] ?? 0), 0);
  return {
    countyId,
    countyName,
    accepted: sum('accepted'),
    closureDue: sum('due'),
    closed: sum('closed'),
    closureRate: percent(sum('closed'), sum('due')),
    closedOnTime: sum('closed_on_time'),
    onTimeClosureRate: percent(sum('closed_on_time'), sum('due')),
    terminated: sum('terminated'),
    repeats,
  };
}

/** A county's row of reporting.county_scorecard (one standard); numeric columns come as text. */
interface ScoreRow {
  county_id: number;
  standard_code: string;
  measure: string | number | null;
  passed: boolean | null;
  numerator: string | number | null;
  denominator: string | number | null;
  as_of: string;
}

/** A county's row of reporting.county_ranking. */
interface RankRow {
  county_id: number;
  county_name: string;
  rank: number;
  standards_met: string | number;
  standards_assessed: string | number;
  pass_rate_pct: string | number | null;
}

type ClosureRow = { accepted: number; due: number; closed: number; closed_on_time: number; terminated: number };

type SatisfactionRow = {
  replies: number;
  rated: number;
  satisfied: number;
  basically_satisfied: number;
  dissatisfied: number;
};

/** One line of 满意率: counts added (one county, or all of them for the city), the rate divided once. */
function satisfactionLine(
  countyId: number | null,
  countyName: string,
  rows: (SatisfactionRow | undefined)[],
  targetPct: number | null,
): SatisfactionLine {
  const sum = (key: keyof SatisfactionRow) => rows.reduce((n, r) => n + (r?.[key] ?? 0), 0);
  const counts = {
    replies: sum('replies'),
    rated: sum('rated'),
    satisfied: sum('satisfied'),
    basicallySatisfied: sum('basically_satisfied'),
    dissatisfied: sum('dissatisfied'),
  };
  return {
    countyId,
    countyName,
    ...counts,
    satisfactionRate: satisfactionRate(counts),
    ratedRate: percent(counts.rated, counts.replies),
    meetsTarget: satisfactionMeets(counts, targetPct),
  };
}

function twelveMonths(year: number, asOf: string, rows: { month: string; accepted: number; concluded: number }[]) {
  const found = new Map(rows.map((r) => [r.month, r]));
  return Array.from({ length: 12 }, (_, i) => {
    const month = `${year}-${String(i + 1).padStart(2, '0')}`;
    if (month > asOf.slice(0, 7)) return { month, accepted: null, concluded: null };
    return { month, accepted: found.get(month)?.accepted ?? 0, concluded: found.get(month)?.concluded ?? 0 };
  });
}
