import type { MigrationBuilder } from 'node-pg-migrate';

// A province on one server: every list sort and filter of a county clerk's case list has an
// index led by county_id (every query of county staff is confined to her county), the leaders' lists
// one without it; the 已超期/即将到期 filters and the home page's deadline reminders use an index on the
// actionable due day; the dashboard reads materialised snapshots of the warehouse when the program is
// large (src/reports/reporting-snapshots.ts; staleness in docs/reporting.md).
//
// ACTION_DUE is src/services/case-deadline-query.ts actionableDueSql() with CASE_POLICY's day counts,
// frozen here; queries match the index only while the two are the same expression
// (tests/scale-performance.test.ts checks the plan).
const ACTION_DUE = `(CASE
    WHEN state IN ('accepted', 'representing') THEN LEAST(
      CASE WHEN acceptance_notified_on IS NULL THEN accepted_on + 15 END,
      accepted_on + 60 + coalesce(extension_days, 0))
    WHEN state = 'concluded' AND reply_issued_on IS NULL THEN concluded_on + 7
    WHEN state = 'concluded' AND review_requested_on IS NOT NULL AND review_answered_on IS NULL
      THEN review_requested_on + 30
  END)`;

export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(`
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it. With the C locale of
-- the embedded server it indexes only ASCII letters and digits, hence only the case number (its digits).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- A clerk's lists never show voided records (issue 9): partial indexes without them let the page count
-- be an index-only scan (17,600 cases of a county: 1 ms instead of 17 ms through the heap).
CREATE INDEX ix_petition_case_county_accepted_on ON petition_case (county_id, accepted_on) WHERE voided_at IS NULL;
CREATE INDEX ix_petition_case_county_state_accepted_on ON petition_case (county_id, state, accepted_on) WHERE voided_at IS NULL;
CREATE INDEX ix_petition_case_state_accepted_on ON petition_case (state, accepted_on);
CREATE INDEX ix_petition_case_county_case_no ON petition_case (county_id, case_no) WHERE voided_at IS NULL;
CREATE INDEX ix_petition_case_county_petitioner_name ON petition_case (county_id, petitioner_name) WHERE voided_at IS NULL;
CREATE INDEX ix_petition_case_county_agent ON petition_case (county_id, agent_id) WHERE voided_at IS NULL;
CREATE INDEX ix_petition_case_county_action_due ON petition_case (county_id, ${ACTION_DUE}) WHERE voided_at IS NULL;
CREATE INDEX ix_petition_case_action_due ON petition_case (${ACTION_DUE});
CREATE INDEX ix_petition_case_case_no_trgm ON petition_case USING gin (case_no gin_trgm_ops);

CREATE INDEX ix_agent_county_name ON agent (county_id, name) WHERE voided_at IS NULL;
CREATE INDEX ix_case_document_case_signed_on ON case_document (case_id, signed_on);
CREATE INDEX ix_case_log_case_logged_on ON case_log (case_id, logged_on);

-- Snapshots of what the dashboard reads, created empty: the app fills them in the background when the
-- program is large (REFRESH … CONCURRENTLY needs the unique indexes), npm run seed:scale at its end.
CREATE MATERIALIZED VIEW reporting.county_scorecard_snapshot AS
  SELECT * FROM reporting.county_scorecard WITH NO DATA;
CREATE UNIQUE INDEX ux_county_scorecard_snapshot ON reporting.county_scorecard_snapshot (year, county_id, standard_code);
CREATE MATERIALIZED VIEW reporting.county_ranking_snapshot AS
  SELECT * FROM reporting.county_ranking WITH NO DATA;
CREATE UNIQUE INDEX ux_county_ranking_snapshot ON reporting.county_ranking_snapshot (year, county_id);
CREATE MATERIALIZED VIEW reporting.county_month_cases_snapshot AS
  SELECT * FROM reporting.county_month_cases WITH NO DATA;
CREATE UNIQUE INDEX ux_county_month_cases_snapshot ON reporting.county_month_cases_snapshot (county_id, month);
CREATE MATERIALIZED VIEW reporting.county_case_mix_snapshot AS
  SELECT county_id, accepted_year AS year, category_label, source_label, count(*)::int AS cases
    FROM reporting.case_facts
   GROUP BY county_id, accepted_year, category_label, source_label
  WITH NO DATA;
CREATE UNIQUE INDEX ux_county_case_mix_snapshot ON reporting.county_case_mix_snapshot (year, county_id, category_label, source_label);
CREATE TABLE reporting.snapshot_refresh (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  refreshed_at timestamptz NOT NULL,
  took_ms integer NOT NULL
);

-- a snapshot's columns mean what the view's columns mean
DO $$
DECLARE r record;
BEGIN
  FOR r IN
    SELECT p.snap, a.attname, col_description(v.oid, va.attnum) AS comment
      FROM (VALUES ('county_scorecard_snapshot', 'county_scorecard'), ('county_ranking_snapshot', 'county_ranking'),
                   ('county_month_cases_snapshot', 'county_month_cases')) AS p(snap, src)
      JOIN pg_class m ON m.relname = p.snap AND m.relnamespace = 'reporting'::regnamespace
      JOIN pg_class v ON v.relname = p.src AND v.relnamespace = 'reporting'::regnamespace
      JOIN pg_attribute a ON a.attrelid = m.oid AND a.attnum > 0
      JOIN pg_attribute va ON va.attrelid = v.oid AND va.attname = a.attname
  LOOP
    EXECUTE format('COMMENT ON COLUMN reporting.%I.%I IS %L', r.snap, r.attname, r.comment);
  END LOOP;
END $$;

COMMENT ON MATERIALIZED VIEW reporting.county_scorecard_snapshot IS '县（市、区）创建标准达标表的快照（数据量大时仪表板读取），刷新时间见 reporting.snapshot_refresh / snapshot of county_scorecard';
COMMENT ON MATERIALIZED VIEW reporting.county_ranking_snapshot IS '县（市、区）年度达标排名的快照 / snapshot of county_ranking';
COMMENT ON MATERIALIZED VIEW reporting.county_month_cases_snapshot IS '县（市、区）月度受理与终结案件数的快照 / snapshot of county_month_cases';
COMMENT ON MATERIALIZED VIEW reporting.county_case_mix_snapshot IS '县（市、区）每年受理案件按类别和来源的件数（快照）/ cases accepted per county, year, category and source (snapshot)';
COMMENT ON COLUMN reporting.county_case_mix_snapshot.county_id IS '县（市、区）ID / county id';
COMMENT ON COLUMN reporting.county_case_mix_snapshot.year IS '受理年份 / year accepted';
COMMENT ON COLUMN reporting.county_case_mix_snapshot.category_label IS '事项类别 / matter category in Chinese';
COMMENT ON COLUMN reporting.county_case_mix_snapshot.source_label IS '来源 / source in Chinese';
COMMENT ON COLUMN reporting.county_case_mix_snapshot.cases IS '案件数 / cases';
COMMENT ON TABLE reporting.snapshot_refresh IS '仪表板快照最近一次刷新的时间和用时 / when the dashboard snapshots were last refreshed';
COMMENT ON COLUMN reporting.snapshot_refresh.id IS '唯一行 / the one row';
COMMENT ON COLUMN reporting.snapshot_refresh.refreshed_at IS '刷新完成时间 / refreshed at';
COMMENT ON COLUMN reporting.snapshot_refresh.took_ms IS '刷新用时（毫秒）/ took (ms)';

GRANT SELECT ON reporting.county_scorecard_snapshot, reporting.county_ranking_snapshot,
  reporting.county_month_cases_snapshot, reporting.county_case_mix_snapshot, reporting.snapshot_refresh TO wpa_reporting;
`);
}

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(`
DROP TABLE reporting.snapshot_refresh;
DROP MATERIALIZED VIEW reporting.county_case_mix_snapshot;
DROP MATERIALIZED VIEW reporting.county_month_cases_snapshot;
DROP MATERIALIZED VIEW reporting.county_ranking_snapshot;
DROP MATERIALIZED VIEW reporting.county_scorecard_snapshot;
DROP INDEX ix_case_log_case_logged_on;
DROP INDEX ix_case_document_case_signed_on;
DROP INDEX ix_agent_county_name;
DROP INDEX ix_petition_case_case_no_trgm;
DROP INDEX ix_petition_case_action_due;
DROP INDEX ix_petition_case_county_action_due;
DROP INDEX ix_petition_case_county_agent;
DROP INDEX ix_petition_case_county_petitioner_name;
DROP INDEX ix_petition_case_county_case_no;
DROP INDEX ix_petition_case_state_accepted_on;
DROP INDEX ix_petition_case_county_state_accepted_on;
DROP INDEX ix_petition_case_county_accepted_on;
`);
}
