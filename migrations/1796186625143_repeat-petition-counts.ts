import type { MigrationBuilder } from 'node-pg-migrate';

// 重复信访, written once in the database: a case the clerk marked as repeating an earlier one, or whose
// petitioner's ID number is on an earlier case of the same county (voided cases are none). The case list's
// filter, the 附件7 figures and the dashboard all ask this one function; the dashboard of a large program
// reads its yearly counts from a snapshot refreshed with the others (docs/reporting.md「数据时效」), since
// asking it of every case of a year takes a province's dashboard past its time.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(`
CREATE FUNCTION is_repeat_petition(
  case_id integer, county integer, accepted date, id_number varchar, repeat_of integer
) RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT repeat_of IS NOT NULL OR (id_number IS NOT NULL AND EXISTS (
    SELECT 1 FROM petition_case e
     WHERE e.voided_at IS NULL AND e.petitioner_id_number = id_number
       AND e.county_id = county AND (e.accepted_on, e.id) < (accepted, case_id)))
$$;
COMMENT ON FUNCTION is_repeat_petition(integer, integer, date, varchar, integer) IS '重复信访：标记了前案，或身份证号在本县此前的案件中出现过';

CREATE MATERIALIZED VIEW reporting.county_repeats_snapshot AS
  SELECT c.county_id, extract(year FROM c.accepted_on)::int AS year, count(*)::int AS repeats
    FROM petition_case c
   WHERE c.voided_at IS NULL
     AND is_repeat_petition(c.id, c.county_id, c.accepted_on, c.petitioner_id_number, c.repeat_of_id)
   GROUP BY c.county_id, extract(year FROM c.accepted_on)
  WITH NO DATA;
CREATE UNIQUE INDEX ux_county_repeats_snapshot ON reporting.county_repeats_snapshot (year, county_id);
COMMENT ON MATERIALIZED VIEW reporting.county_repeats_snapshot IS '县（市、区）每年受理的重复信访件数的快照 / repeat petitions per county and year of acceptance';
COMMENT ON COLUMN reporting.county_repeats_snapshot.county_id IS '县（市、区）ID / county';
COMMENT ON COLUMN reporting.county_repeats_snapshot.year IS '受理年份 / year of acceptance';
COMMENT ON COLUMN reporting.county_repeats_snapshot.repeats IS '重复信访：标记了前案，或身份证号在本县此前的案件中出现过的件数 / repeat petitions';
GRANT SELECT ON reporting.county_repeats_snapshot TO wpa_reporting;
`);
}

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(`
DROP MATERIALIZED VIEW reporting.county_repeats_snapshot;
DROP FUNCTION is_repeat_petition(integer, integer, date, varchar, integer);
`);
}
