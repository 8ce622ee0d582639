import type { MigrationBuilder } from 'node-pg-migrate';

// China's legal calendar in SQL (《民法典》第二百零一条、第二百零三条; 条例第二十三条 working days), the same
// rules as src/domain/legal-calendar.ts. The table is a copy of the State Council's schedule as the npm
// package chinese-days publishes it, one row a day from 2000 to 2100: the migration creates it empty (weekends
// only) and `npm run migrate` / start-up fill it (src/database/legal-calendar-sync.ts), so a new year's
// schedule arrives with a dependency bump, not a migration. Outside the table the functions count weekends.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(`
CREATE TABLE reporting.legal_calendar (
  day date PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('holiday', 'adjusted_workday', 'weekend', 'workday')),
  is_rest_day boolean NOT NULL,
  holiday text,
  schedule_published boolean NOT NULL,
  next_working_day date NOT NULL,
  working_day_no integer NOT NULL
);
CREATE INDEX ix_legal_calendar_working_day_no ON reporting.legal_calendar (working_day_no) WHERE NOT is_rest_day;
CREATE TABLE reporting.legal_calendar_source (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  source text NOT NULL,
  digest text NOT NULL,
  synced_at timestamptz NOT NULL
);

-- 第二百零三条: Saturdays and Sundays rest unless made working days (调休), holidays of the schedule rest
CREATE FUNCTION reporting.is_rest_day(d date) RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT COALESCE((SELECT l.is_rest_day FROM reporting.legal_calendar l WHERE l.day = d), extract(isodow FROM d) >= 6)
$$;

-- 第二百零一条: the day of the event does not count; 第二百零三条: a last day that is a rest day moves on
CREATE FUNCTION reporting.end_of_period(start date, days integer) RETURNS date LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT COALESCE(
    (SELECT l.next_working_day FROM reporting.legal_calendar l WHERE l.day = start + days),
    start + days + CASE extract(isodow FROM start + days)::int WHEN 6 THEN 2 WHEN 7 THEN 1 ELSE 0 END)
$$;

-- the n-th working day after start (条例第二十三条: 5个工作日)
CREATE FUNCTION reporting.add_working_days(start date, n integer) RETURNS date LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT COALESCE(
    (SELECT w.day FROM reporting.legal_calendar s
       JOIN reporting.legal_calendar w ON w.working_day_no = s.working_day_no + n AND NOT w.is_rest_day
      WHERE s.day = start AND n >= 1),
    (SELECT g.d::date FROM generate_series(start + 1, start + 2 * n + 7, interval '1 day') AS g(d)
      WHERE n >= 1 AND extract(isodow FROM g.d) < 6 ORDER BY g.d OFFSET n - 1 LIMIT 1))
$$;

COMMENT ON TABLE reporting.legal_calendar IS '法定工作日历：国务院节假日安排与调休，逐日（2000—2100年；未发布安排的年份按双休日）/ legal calendar, one row a day';
COMMENT ON COLUMN reporting.legal_calendar.day IS '日期 / day';
COMMENT ON COLUMN reporting.legal_calendar.kind IS '类型：holiday 法定节假日、adjusted_workday 调休上班日、weekend 双休日、workday 工作日 / kind of day';
COMMENT ON COLUMN reporting.legal_calendar.is_rest_day IS '是否法定休假日（民法典第二百零三条）/ statutory rest day';
COMMENT ON COLUMN reporting.legal_calendar.holiday IS '节日名称（节假日及其调休上班日）/ holiday name';
COMMENT ON COLUMN reporting.legal_calendar.schedule_published IS '该年节假日安排是否已发布；否则按双休日计算 / schedule of the year published';
COMMENT ON COLUMN reporting.legal_calendar.next_working_day IS '当日或其后第一个工作日 / this day or the next working day';
COMMENT ON COLUMN reporting.legal_calendar.working_day_no IS '自表首日起至当日的工作日累计数 / working days counted from the first day';
COMMENT ON TABLE reporting.legal_calendar_source IS '法定工作日历的来源与同步时间 / where the legal calendar came from';
COMMENT ON COLUMN reporting.legal_calendar_source.id IS '唯一行 / the one row';
COMMENT ON COLUMN reporting.legal_calendar_source.source IS '来源（npm 包及版本）/ source package and version';
COMMENT ON COLUMN reporting.legal_calendar_source.digest IS '日历内容摘要 / digest of the calendar';
COMMENT ON COLUMN reporting.legal_calendar_source.synced_at IS '同步时间 / synced at';

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wpa_reporting') THEN
    GRANT SELECT ON reporting.legal_calendar, reporting.legal_calendar_source TO wpa_reporting;
  END IF;
END $$;
`);
}

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(`
DROP FUNCTION reporting.add_working_days(date, integer);
DROP FUNCTION reporting.end_of_period(date, integer);
DROP FUNCTION reporting.is_rest_day(date);
DROP TABLE reporting.legal_calendar_source;
DROP TABLE reporting.legal_calendar;
`);
}
