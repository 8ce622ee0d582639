import type { MigrationBuilder } from 'node-pg-migrate';

// Notices (通知公告), information reports (信息上报), supervision visits (督导检查) and their
// rectifications. 平妇字〔2014〕17号 二(五) set up a city-wide agents' group for sharing information; 三.2
// asks for pilots, 三.4 for supervision against the creation standards with dynamic management.
//
// county_id on every table is what the access policy confines county staff by. A notice carries its
// sender's county (NULL: sent by the city); the counties it is addressed to read it through their own
// notice_recipient rows, which carry the recipient county.
// Uploaded files (attachments, photos, evidence) are kept under UPLOAD_DIR and listed in a `files` jsonb
// array of { key, name, mime, size, sha256, uploadedAt, uploadedBy } on the row they belong to.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(`
CREATE TYPE notice_status AS ENUM ('draft', 'published');
CREATE TYPE info_report_kind AS ENUM ('work_update', 'typical_case');
CREATE TYPE inspection_standard AS ENUM ('work_systems', 'work_point', 'team', 'tasks', 'effectiveness');
CREATE TYPE standard_result AS ENUM ('meets', 'partly', 'fails');
CREATE TYPE rectification_status AS ENUM ('open', 'done');

CREATE TABLE notice (
  id serial PRIMARY KEY,
  county_id integer,
  title varchar(200) NOT NULL,
  body text NOT NULL,
  status notice_status NOT NULL DEFAULT 'draft',
  target_county_ids integer[],
  files jsonb NOT NULL DEFAULT '[]',
  published_at timestamptz,
  published_by integer,
  created_by integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT fk_notice_county FOREIGN KEY (county_id) REFERENCES organization (id),
  CONSTRAINT fk_notice_published_by FOREIGN KEY (published_by) REFERENCES admin_user (id),
  CONSTRAINT fk_notice_created_by FOREIGN KEY (created_by) REFERENCES admin_user (id),
  CONSTRAINT ck_notice_published CHECK ((status = 'published') = (published_at IS NOT NULL))
);
CREATE INDEX ix_notice_county ON notice (county_id);
CREATE INDEX ix_notice_published_by ON notice (published_by);
CREATE INDEX ix_notice_created_by ON notice (created_by);
CREATE INDEX ix_notice_status ON notice (status);
CREATE INDEX ix_notice_published_at ON notice (published_at);

CREATE TABLE notice_recipient (
  id serial PRIMARY KEY,
  notice_id integer NOT NULL,
  county_id integer NOT NULL,
  read_at timestamptz,
  read_by integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT uq_notice_recipient_notice_county UNIQUE (notice_id, county_id),
  CONSTRAINT fk_notice_recipient_notice FOREIGN KEY (notice_id) REFERENCES notice (id),
  CONSTRAINT fk_notice_recipient_county FOREIGN KEY (county_id) REFERENCES organization (id),
  CONSTRAINT fk_notice_recipient_read_by FOREIGN KEY (read_by) REFERENCES admin_user (id),
  CONSTRAINT ck_notice_recipient_read CHECK ((read_at IS NULL) = (read_by IS NULL))
);
CREATE INDEX ix_notice_recipient_notice ON notice_recipient (notice_id);
CREATE INDEX ix_notice_recipient_county ON notice_recipient (county_id);
CREATE INDEX ix_notice_recipient_read_by ON notice_recipient (read_by);
CREATE INDEX ix_notice_recipient_read_at ON notice_recipient (read_at);

CREATE TABLE info_report (
  id serial PRIMARY KEY,
  county_id integer NOT NULL,
  kind info_report_kind NOT NULL,
  title varchar(200) NOT NULL,
  content text NOT NULL,
  submitted_on date NOT NULL,
  personal_data_requested boolean NOT NULL DEFAULT false,
  city_comment text,
  commented_at timestamptz,
  commented_by integer,
  adopted boolean NOT NULL DEFAULT false,
  adopted_at timestamptz,
  adopted_by integer,
  created_by integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT fk_info_report_county FOREIGN KEY (county_id) REFERENCES organization (id),
  CONSTRAINT fk_info_report_commented_by FOREIGN KEY (commented_by) REFERENCES admin_user (id),
  CONSTRAINT fk_info_report_adopted_by FOREIGN KEY (adopted_by) REFERENCES admin_user (id),
  CONSTRAINT fk_info_report_created_by FOREIGN KEY (created_by) REFERENCES admin_user (id),
  CONSTRAINT ck_info_report_adopted CHECK (adopted = (adopted_at IS NOT NULL))
);
CREATE INDEX ix_info_report_county ON info_report (county_id);
CREATE INDEX ix_info_report_commented_by ON info_report (commented_by);
CREATE INDEX ix_info_report_adopted_by ON info_report (adopted_by);
CREATE INDEX ix_info_report_created_by ON info_report (created_by);
CREATE INDEX ix_info_report_submitted_on ON info_report (submitted_on);
CREATE INDEX ix_info_report_kind ON info_report (kind);
CREATE INDEX ix_info_report_adopted ON info_report (adopted);

CREATE TABLE inspection (
  id serial PRIMARY KEY,
  county_id integer NOT NULL,
  work_point_id integer NOT NULL,
  title varchar(100) NOT NULL,
  inspected_on date NOT NULL,
  inspectors varchar(200) NOT NULL,
  overall_result standard_result NOT NULL,
  summary text,
  files jsonb NOT NULL DEFAULT '[]',
  created_by integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT fk_inspection_county FOREIGN KEY (county_id) REFERENCES organization (id),
  CONSTRAINT fk_inspection_work_point FOREIGN KEY (work_point_id) REFERENCES work_point (id),
  CONSTRAINT fk_inspection_created_by FOREIGN KEY (created_by) REFERENCES admin_user (id)
);
CREATE INDEX ix_inspection_county ON inspection (county_id);
CREATE INDEX ix_inspection_work_point ON inspection (work_point_id);
CREATE INDEX ix_inspection_created_by ON inspection (created_by);
CREATE INDEX ix_inspection_inspected_on ON inspection (inspected_on);

CREATE TABLE inspection_finding (
  id serial PRIMARY KEY,
  inspection_id integer NOT NULL,
  county_id integer NOT NULL,
  standard inspection_standard NOT NULL,
  result standard_result NOT NULL,
  finding text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT uq_inspection_finding_inspection_standard UNIQUE (inspection_id, standard),
  CONSTRAINT fk_inspection_finding_inspection FOREIGN KEY (inspection_id) REFERENCES inspection (id),
  CONSTRAINT fk_inspection_finding_county FOREIGN KEY (county_id) REFERENCES organization (id)
);
CREATE INDEX ix_inspection_finding_inspection ON inspection_finding (inspection_id);
CREATE INDEX ix_inspection_finding_county ON inspection_finding (county_id);
CREATE INDEX ix_inspection_finding_result ON inspection_finding (result);

CREATE TABLE rectification (
  id serial PRIMARY KEY,
  inspection_id integer NOT NULL,
  county_id integer NOT NULL,
  standard inspection_standard,
  item text NOT NULL,
  due_on date NOT NULL,
  status rectification_status NOT NULL DEFAULT 'open',
  done_on date,
  evidence text,
  done_by integer,
  files jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT fk_rectification_inspection FOREIGN KEY (inspection_id) REFERENCES inspection (id),
  CONSTRAINT fk_rectification_county FOREIGN KEY (county_id) REFERENCES organization (id),
  CONSTRAINT fk_rectification_done_by FOREIGN KEY (done_by) REFERENCES admin_user (id),
  -- done means: the day it was done and what shows it
  CONSTRAINT ck_rectification_done CHECK ((status = 'done') = (done_on IS NOT NULL) AND (status = 'open' OR evidence IS NOT NULL))
);
CREATE INDEX ix_rectification_inspection ON rectification (inspection_id);
CREATE INDEX ix_rectification_county ON rectification (county_id);
CREATE INDEX ix_rectification_done_by ON rectification (done_by);
CREATE INDEX ix_rectification_status ON rectification (status);
CREATE INDEX ix_rectification_due_on ON rectification (due_on);
`);
  pgm.sql(VIEWS_SQL);
}

// The scorecard's share of this issue; today is China's calendar day, as elsewhere in reporting.
const VIEWS_SQL = `
CREATE SCHEMA IF NOT EXISTS reporting;

CREATE VIEW reporting.info_report_adoption AS
SELECT r.county_id, o.name AS county_name, extract(year FROM r.submitted_on)::int AS year,
  count(*)::int AS reports_submitted,
  (count(*) FILTER (WHERE r.adopted))::int AS reports_adopted,
  (count(*) FILTER (WHERE r.adopted AND r.kind = 'typical_case'))::int AS typical_cases_adopted
FROM info_report r
JOIN organization o ON o.id = r.county_id
GROUP BY r.county_id, o.name, extract(year FROM r.submitted_on);

COMMENT ON VIEW reporting.info_report_adoption IS '信息上报：各县（市、区）每年报送和被市妇联采用的信息条数（计入考评）';
COMMENT ON COLUMN reporting.info_report_adoption.county_id IS '报送单位ID（organization.id）';
COMMENT ON COLUMN reporting.info_report_adoption.county_name IS '报送单位名称';
COMMENT ON COLUMN reporting.info_report_adoption.year IS '年度（按报送日期）';
COMMENT ON COLUMN reporting.info_report_adoption.reports_submitted IS '当年报送信息条数';
COMMENT ON COLUMN reporting.info_report_adoption.reports_adopted IS '当年报送且被市妇联采用的条数';
COMMENT ON COLUMN reporting.info_report_adoption.typical_cases_adopted IS '其中被采用的典型案例条数';

CREATE VIEW reporting.county_inspection_latest AS
WITH today AS (SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date AS d),
latest AS (
  SELECT DISTINCT ON (i.county_id) i.*
  FROM inspection i
  ORDER BY i.county_id, i.inspected_on DESC, i.id DESC
)
SELECT l.county_id, o.name AS county_name, l.id AS inspection_id, l.work_point_id, l.inspected_on,
  extract(year FROM l.inspected_on)::int AS year, l.inspectors, l.overall_result,
  (SELECT count(*) FROM inspection_finding f WHERE f.inspection_id = l.id AND f.result = 'meets')::int AS standards_met,
  (SELECT count(*) FROM inspection_finding f WHERE f.inspection_id = l.id AND f.result = 'partly')::int AS standards_partly,
  (SELECT count(*) FROM inspection_finding f WHERE f.inspection_id = l.id AND f.result = 'fails')::int AS standards_failed,
  (SELECT count(*) FROM rectification r WHERE r.inspection_id = l.id)::int AS rectifications_total,
  (SELECT count(*) FROM rectification r WHERE r.inspection_id = l.id AND r.status = 'open')::int AS rectifications_open,
  (SELECT count(*) FROM rectification r, today WHERE r.inspection_id = l.id AND r.status = 'open' AND r.due_on < today.d)::int
    AS rectifications_overdue
FROM latest l
JOIN organization o ON o.id = l.county_id;

COMMENT ON VIEW reporting.county_inspection_latest IS '督导检查：各县（市、区）最近一次督导检查的结论和整改进度（动态管理）';
COMMENT ON COLUMN reporting.county_inspection_latest.county_id IS '被检查单位ID（organization.id）';
COMMENT ON COLUMN reporting.county_inspection_latest.county_name IS '被检查单位名称';
COMMENT ON COLUMN reporting.county_inspection_latest.inspection_id IS '督导检查记录ID（inspection.id）';
COMMENT ON COLUMN reporting.county_inspection_latest.work_point_id IS '被检查的工作点ID（work_point.id）';
COMMENT ON COLUMN reporting.county_inspection_latest.inspected_on IS '检查日期';
COMMENT ON COLUMN reporting.county_inspection_latest.year IS '检查年度';
COMMENT ON COLUMN reporting.county_inspection_latest.inspectors IS '检查人员';
COMMENT ON COLUMN reporting.county_inspection_latest.overall_result IS '总体结论：meets 达标，partly 基本达标，fails 未达标';
COMMENT ON COLUMN reporting.county_inspection_latest.standards_met IS '五项创建标准中检查结论为达标的项数';
COMMENT ON COLUMN reporting.county_inspection_latest.standards_partly IS '检查结论为基本达标的项数';
COMMENT ON COLUMN reporting.county_inspection_latest.standards_failed IS '检查结论为未达标的项数';
COMMENT ON COLUMN reporting.county_inspection_latest.rectifications_total IS '本次检查提出的整改事项数';
COMMENT ON COLUMN reporting.county_inspection_latest.rectifications_open IS '尚未整改完成的事项数';
COMMENT ON COLUMN reporting.county_inspection_latest.rectifications_overdue IS '已过整改期限仍未完成的事项数（按中国时区的今天）';

CREATE VIEW reporting.pilot_work_point AS
SELECT w.id AS work_point_id, w.county_id, o.name AS county_name, w.name AS work_point_name, w.pilot_year,
  w.pilot_experience, li.inspected_on AS last_inspected_on, li.overall_result AS last_inspection_result,
  li.rectifications_open,
  coalesce(a.reports_adopted, 0) AS reports_adopted_this_year
FROM work_point w
JOIN organization o ON o.id = w.county_id
LEFT JOIN reporting.county_inspection_latest li ON li.county_id = w.county_id
LEFT JOIN reporting.info_report_adoption a
  ON a.county_id = w.county_id AND a.year = extract(year FROM (now() AT TIME ZONE 'Asia/Shanghai'))::int
WHERE w.is_pilot;

COMMENT ON VIEW reporting.pilot_work_point IS '试点工作点（层层试点，辐射带动）及其最近督导结论；其余考评指标按 county_id 关联 reporting.county_scorecard';
COMMENT ON COLUMN reporting.pilot_work_point.work_point_id IS '工作点ID（work_point.id）';
COMMENT ON COLUMN reporting.pilot_work_point.county_id IS '所属县（市、区）ID';
COMMENT ON COLUMN reporting.pilot_work_point.county_name IS '所属县（市、区）名称';
COMMENT ON COLUMN reporting.pilot_work_point.work_point_name IS '工作点名称';
COMMENT ON COLUMN reporting.pilot_work_point.pilot_year IS '确定为试点的年度';
COMMENT ON COLUMN reporting.pilot_work_point.pilot_experience IS '拟推广的试点经验';
COMMENT ON COLUMN reporting.pilot_work_point.last_inspected_on IS '最近一次督导检查日期，未检查为空';
COMMENT ON COLUMN reporting.pilot_work_point.last_inspection_result IS '最近一次督导检查总体结论';
COMMENT ON COLUMN reporting.pilot_work_point.rectifications_open IS '最近一次检查尚未完成的整改事项数';
COMMENT ON COLUMN reporting.pilot_work_point.reports_adopted_this_year IS '本年度被市妇联采用的信息条数';

DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wpa_reporting') THEN
    GRANT USAGE ON SCHEMA reporting TO wpa_reporting;
    GRANT SELECT ON reporting.info_report_adoption, reporting.county_inspection_latest, reporting.pilot_work_point TO wpa_reporting;
  END IF;
END $$;
`;

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(`
DROP VIEW reporting.pilot_work_point, reporting.county_inspection_latest, reporting.info_report_adoption;
DROP TABLE rectification, inspection_finding, inspection, info_report, notice_recipient, notice;
DROP TYPE rectification_status, standard_result, inspection_standard, info_report_kind, notice_status;
`);
}
