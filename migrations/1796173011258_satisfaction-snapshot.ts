import type { MigrationBuilder } from 'node-pg-migrate';

// 满意率 per county on the dashboard (《信访工作条例》第二十一条): reporting.county_satisfaction (migration
// 1796123859155, unchanged) kept as a snapshot like the scorecard and the 办结情况 for large programs
// (docs/reporting.md「数据时效」): the view groups every replied case of every year.
const SNAPSHOT = `
CREATE MATERIALIZED VIEW reporting.county_satisfaction_snapshot AS
  SELECT county_id, year, replies, ratings, satisfied, basically_satisfied, dissatisfied, satisfaction_rate_pct,
    rated_pct
    FROM reporting.county_satisfaction
  WITH NO DATA;
CREATE UNIQUE INDEX ux_county_satisfaction_snapshot ON reporting.county_satisfaction_snapshot (year, county_id);
DO $$
DECLARE r record;
BEGIN
  FOR r IN
    SELECT a.attname, col_description('reporting.county_satisfaction'::regclass, va.attnum) AS comment
      FROM pg_attribute a
      JOIN pg_attribute va ON va.attrelid = 'reporting.county_satisfaction'::regclass AND va.attname = a.attname
     WHERE a.attrelid = 'reporting.county_satisfaction_snapshot'::regclass AND a.attnum > 0
  LOOP
    EXECUTE format('COMMENT ON COLUMN reporting.county_satisfaction_snapshot.%I IS %L', r.attname, r.comment);
  END LOOP;
END $$;
COMMENT ON MATERIALIZED VIEW reporting.county_satisfaction_snapshot IS '信访人满意率（条例第二十一条）每县每年的快照，取自 county_satisfaction / snapshot of the satisfaction figures';
GRANT SELECT ON reporting.county_satisfaction_snapshot TO wpa_reporting;
`;

export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(SNAPSHOT);
}

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql('DROP MATERIALIZED VIEW reporting.county_satisfaction_snapshot;');
}
