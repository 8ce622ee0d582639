import type { MigrationBuilder } from 'node-pg-migrate';

// One rounding rule (docs/reporting.md「取整规则」, src/domain/rounding.ts): a rate is shown half up to one
// decimal and judged on its exact fraction. reporting.percent() now rounds in integers (as percent() in
// TypeScript does); reporting.rate_meets() judges numerator ÷ denominator against a target without
// rounding first, so 89.96 % shows as 90.0 % and still fails a 90 % standard. county_scorecard carries each
// rate's numerator and denominator, so the city can be pooled from the counties (sum ÷ sum, the Excel 合计).
const UP = `
CREATE OR REPLACE FUNCTION reporting.percent(part bigint, whole bigint) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN whole > 0 THEN round(((2000 * part + whole) / (2 * whole))::numeric / 10, 1) END
$$;
COMMENT ON FUNCTION reporting.percent(bigint, bigint) IS '百分比：分子 ÷ 分母 × 100，四舍五入保留一位小数（整数运算）；分母为0时为空';

CREATE FUNCTION reporting.rate_meets(part bigint, whole bigint, comparison varchar, target numeric)
RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN whole > 0 THEN
    CASE WHEN comparison = '>=' THEN 100 * part::numeric >= target * whole ELSE 100 * part::numeric <= target * whole END
  END
$$;
COMMENT ON FUNCTION reporting.rate_meets(bigint, bigint, varchar, numeric) IS '比率是否达标：按精确分数（分子 ÷ 分母 × 100）与目标值比较，不先取整；分母为0时为空';

DROP MATERIALIZED VIEW reporting.county_scorecard_snapshot;

CREATE OR REPLACE VIEW reporting.county_scorecard AS
SELECT m.county_id, m.county_code, m.county_name, m.year, m.as_of,
  s.code AS standard_code, s.sort_order, s.section, s.name AS standard_name, s.unit, s.comparison, s.target,
  v.measure,
  CASE
    WHEN v.measure IS NULL THEN NULL
    WHEN v.denominator IS NOT NULL THEN reporting.rate_meets(v.numerator, v.denominator, s.comparison, s.target)
    WHEN s.comparison = '>=' THEN v.measure >= s.target
    ELSE v.measure <= s.target
  END AS passed,
  v.numerator, v.denominator
FROM reporting.county_measures m
CROSS JOIN LATERAL (VALUES
  ('work_systems', m.work_systems_adopted::numeric, m.work_systems_adopted::bigint, NULL::bigint),
  ('work_point', m.work_point_items::numeric, m.work_point_items::bigint, NULL),
  ('township_coverage', m.township_coverage_pct, m.townships_covered::bigint, m.townships_total::bigint),
  ('certified_agents', m.agents_certified_pct, m.agents_certified::bigint, m.agents_on_roster::bigint),
  ('certificate_reviews', m.reviews_done_pct, m.reviews_done::bigint, m.reviews_due::bigint),
  ('cases_accepted', m.cases_accepted::numeric, m.cases_accepted::bigint, NULL),
  ('closure_rate', m.closure_rate_pct, m.cases_closed::bigint, m.cases_accepted::bigint),
  ('reply_on_time', m.reply_on_time_pct, m.replies_on_time::bigint, m.replies_due::bigint),
  ('archived_share', m.archived_pct, m.cases_archived::bigint, m.cases_concluded::bigint),
  ('overdue_cases', m.overdue_cases::numeric, m.overdue_cases::bigint, NULL),
  ('key_cases_joint_meeting', m.key_cases_joint_meeting_pct, m.key_cases_in_joint_meeting::bigint, m.key_cases::bigint),
  ('annual_statistics_on_time', m.statistics_on_time::numeric, m.statistics_on_time::bigint, NULL),
  ('trainings_held', m.trainings_held::numeric, m.trainings_held::bigint, NULL)
) AS v(code, measure, numerator, denominator)
JOIN reporting.creation_standard s ON s.code = v.code;
COMMENT ON COLUMN reporting.county_scorecard.passed IS '是否达标；比率按精确分数判断（不先取整）；实际值为空时为空（不考核）/ passed, judged on the exact fraction; null when not assessed';
COMMENT ON COLUMN reporting.county_scorecard.numerator IS '分子（比率指标），计数指标为其件数或项数 / numerator of a rate, or the count itself';
COMMENT ON COLUMN reporting.county_scorecard.denominator IS '分母（比率指标）；计数与是否指标为空 / denominator of a rate; null for counts and flags';
${snapshot()}`;

function snapshot(): string {
  return `
CREATE MATERIALIZED VIEW reporting.county_scorecard_snapshot AS
  SELECT * FROM reporting.county_scorecard WITH NO DATA;
CREATE UNIQUE INDEX ux_county_scorecard_snapshot ON reporting.county_scorecard_snapshot (year, county_id, standard_code);
DO $$
DECLARE r record;
BEGIN
  FOR r IN
    SELECT a.attname, col_description('reporting.county_scorecard'::regclass, a.attnum) AS comment
      FROM pg_attribute a WHERE a.attrelid = 'reporting.county_scorecard'::regclass AND a.attnum > 0
  LOOP
    EXECUTE format('COMMENT ON COLUMN reporting.county_scorecard_snapshot.%I IS %L', r.attname, r.comment);
  END LOOP;
END $$;
COMMENT ON MATERIALIZED VIEW reporting.county_scorecard_snapshot IS '县（市、区）创建标准达标表的快照（数据量大时仪表板读取），刷新时间见 reporting.snapshot_refresh / snapshot of county_scorecard';
GRANT SELECT ON reporting.county_scorecard_snapshot TO wpa_reporting;
-- the other snapshots stay filled; an empty one makes the dashboard read live until the next refresh
`;
}

export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(UP);
}

export async function down(pgm: MigrationBuilder): Promise<void> {
  // the two new columns stay (a view cannot lose columns others depend on); pass/fail on the rounded value again
  pgm.sql(
    UP.replace(/CREATE OR REPLACE FUNCTION reporting\.percent[\s\S]*?\$\$;\n/, '')
      .replace(/COMMENT ON FUNCTION reporting\.percent[^\n]*\n/, '')
      .replace(/CREATE FUNCTION reporting\.rate_meets[\s\S]*?\$\$;\n/, '')
      .replace(/COMMENT ON FUNCTION reporting\.rate_meets[^\n]*\n/, '')
      .replace(
        'WHEN v.denominator IS NOT NULL THEN reporting.rate_meets(v.numerator, v.denominator, s.comparison, s.target)',
        '',
      ) +
      `
DROP FUNCTION reporting.rate_meets(bigint, bigint, varchar, numeric);
CREATE OR REPLACE FUNCTION reporting.percent(part bigint, whole bigint) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$
  SELECT round(100.0 * part / NULLIF(whole, 0), 1)
$$;
`,
  );
}
