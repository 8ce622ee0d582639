import type { MigrationBuilder } from 'node-pg-migrate';

// The whole schema of the program (平妇字〔2014〕17号 and its seven attachments). Enum types give
// AdminJS its select lists; CHECKs keep what the domain rules guarantee even when a row is written by hand.
// Every FK and every column a list sorts or filters on has an index named as the entities name it (the drift
// test compares them).
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(`
CREATE TYPE org_level AS ENUM ('city', 'county', 'township', 'village');
CREATE TYPE user_role AS ENUM ('city_admin', 'county_staff', 'leader');
CREATE TYPE work_system_kind AS ENUM ('training', 'info_reporting', 'feedback_visit', 'filing_archiving', 'evaluation_reward', 'accountability');
CREATE TYPE gender AS ENUM ('female', 'male');
CREATE TYPE agent_status AS ENUM ('active', 'inactive');
CREATE TYPE certificate_status AS ENUM ('produced', 'issued', 'suspended', 'revoked');
CREATE TYPE review_result AS ENUM ('passed', 'failed');
CREATE TYPE case_state AS ENUM ('accepted', 'representing', 'concluded', 'archived', 'terminated');
CREATE TYPE case_category AS ENUM ('marriage_family', 'domestic_violence', 'rural_land_property', 'labour_social_security', 'personal_rights', 'child_custody_visitation', 'other');
CREATE TYPE case_source AS ENUM ('visit', 'letter', 'phone', 'online', 'referred');
CREATE TYPE case_document_kind AS ENUM ('registration', 'agreement', 'notification', 'handling_record', 'reply_opinion', 'other');
CREATE TYPE report_status AS ENUM ('draft', 'submitted', 'returned', 'accepted');
CREATE TYPE evaluation_result AS ENUM ('excellent', 'passed', 'failed');
CREATE TYPE commendation_kind AS ENUM ('work_point', 'agent');
CREATE TYPE commendation_status AS ENUM ('proposed', 'approved', 'rejected');

CREATE TABLE organization (
  id serial PRIMARY KEY,
  code varchar(12) NOT NULL,
  name varchar(100) NOT NULL,
  short_name varchar(20),
  level org_level NOT NULL,
  parent_id integer,
  county_id integer,
  contact_person varchar(50),
  contact_phone varchar(20),
  address varchar(200),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT uq_organization_code UNIQUE (code),
  CONSTRAINT fk_organization_parent FOREIGN KEY (parent_id) REFERENCES organization (id),
  CONSTRAINT fk_organization_county FOREIGN KEY (county_id) REFERENCES organization (id),
  -- GB/T 2260 county codes have 6 digits; townships 9; villages 12
  CONSTRAINT ck_organization_code CHECK (code ~ '^[0-9]{6}([0-9]{3}([0-9]{3})?)?$'),
  CONSTRAINT ck_organization_parent CHECK ((level = 'city') = (parent_id IS NULL)),
  CONSTRAINT ck_organization_county CHECK ((level = 'city') = (county_id IS NULL))
);
CREATE INDEX ix_organization_parent ON organization (parent_id);
CREATE INDEX ix_organization_county ON organization (county_id);
CREATE INDEX ix_organization_level ON organization (level);

-- county_id is derived, never chosen: a county is its own, a township or village inherits its parent's.
-- A BEFORE trigger sees the serial id already drawn, so a new county can point at itself.
CREATE FUNCTION organization_set_county() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.level = 'city' THEN
    NEW.county_id := NULL;
  ELSIF NEW.level = 'county' THEN
    NEW.county_id := NEW.id;
  ELSE
    SELECT county_id INTO NEW.county_id FROM organization WHERE id = NEW.parent_id;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER organization_set_county BEFORE INSERT OR UPDATE OF level, parent_id, county_id ON organization
  FOR EACH ROW EXECUTE FUNCTION organization_set_county();

CREATE TABLE admin_user (
  id serial PRIMARY KEY,
  email varchar(120) NOT NULL,
  name varchar(50) NOT NULL,
  password_hash varchar(100) NOT NULL,
  role user_role NOT NULL,
  county_id integer,
  is_active boolean NOT NULL DEFAULT true,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  last_login_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT uq_admin_user_email UNIQUE (email),
  CONSTRAINT fk_admin_user_county FOREIGN KEY (county_id) REFERENCES organization (id),
  CONSTRAINT ck_admin_user_county CHECK ((role = 'county_staff') = (county_id IS NOT NULL))
);
CREATE INDEX ix_admin_user_county ON admin_user (county_id);

CREATE TABLE work_point (
  id serial PRIMARY KEY,
  county_id integer NOT NULL,
  name varchar(100) NOT NULL,
  address varchar(200),
  phone varchar(20),
  established_on date,
  unified_process boolean NOT NULL DEFAULT false,
  unified_standard boolean NOT NULL DEFAULT false,
  plaque_hung boolean NOT NULL DEFAULT false,
  rules_on_wall boolean NOT NULL DEFAULT false,
  process_on_wall boolean NOT NULL DEFAULT false,
  in_party_petition_work boolean NOT NULL DEFAULT false,
  joint_meeting_mechanism boolean NOT NULL DEFAULT false,
  is_pilot boolean NOT NULL DEFAULT false,
  pilot_year integer,
  pilot_experience text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT uq_work_point_county UNIQUE (county_id),
  CONSTRAINT fk_work_point_county FOREIGN KEY (county_id) REFERENCES organization (id)
);

CREATE TABLE work_system (
  id serial PRIMARY KEY,
  county_id integer NOT NULL,
  kind work_system_kind NOT NULL,
  adopted_on date NOT NULL,
  document_no varchar(60),
  summary text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT uq_work_system_county_kind UNIQUE (county_id, kind),
  CONSTRAINT fk_work_system_county FOREIGN KEY (county_id) REFERENCES organization (id)
);

CREATE TABLE agent (
  id serial PRIMARY KEY,
  county_id integer NOT NULL,
  township_id integer NOT NULL,
  village_id integer,
  name varchar(50) NOT NULL,
  gender gender NOT NULL DEFAULT 'female',
  id_number varchar(18) NOT NULL,
  phone varchar(11) NOT NULL,
  employer varchar(100),
  appointed_on date NOT NULL,
  status agent_status NOT NULL DEFAULT 'active',
  remarks text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT uq_agent_id_number UNIQUE (id_number),
  CONSTRAINT fk_agent_county FOREIGN KEY (county_id) REFERENCES organization (id),
  CONSTRAINT fk_agent_township FOREIGN KEY (township_id) REFERENCES organization (id),
  CONSTRAINT fk_agent_village FOREIGN KEY (village_id) REFERENCES organization (id),
  CONSTRAINT ck_agent_phone CHECK (phone ~ '^1[0-9]{10}$'),
  CONSTRAINT ck_agent_id_number CHECK (id_number ~ '^[0-9]{17}[0-9X]$')
);
CREATE INDEX ix_agent_county ON agent (county_id);
CREATE INDEX ix_agent_township ON agent (township_id);
CREATE INDEX ix_agent_village ON agent (village_id);
CREATE INDEX ix_agent_name ON agent (name);

CREATE TABLE certificate (
  id serial PRIMARY KEY,
  agent_id integer NOT NULL,
  county_id integer NOT NULL,
  number varchar(30) NOT NULL,
  status certificate_status NOT NULL DEFAULT 'produced',
  produced_on date NOT NULL,
  issued_on date,
  revoked_on date,
  revoke_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT uq_certificate_number UNIQUE (number),
  CONSTRAINT fk_certificate_agent FOREIGN KEY (agent_id) REFERENCES agent (id),
  CONSTRAINT fk_certificate_county FOREIGN KEY (county_id) REFERENCES organization (id),
  CONSTRAINT ck_certificate_issued CHECK (issued_on IS NULL OR issued_on >= produced_on),
  CONSTRAINT ck_certificate_revoked CHECK ((status = 'revoked') = (revoked_on IS NOT NULL))
);
CREATE INDEX ix_certificate_agent ON certificate (agent_id);
CREATE INDEX ix_certificate_county ON certificate (county_id);
CREATE INDEX ix_certificate_status ON certificate (status);

CREATE TABLE certificate_review (
  id serial PRIMARY KEY,
  certificate_id integer NOT NULL,
  county_id integer NOT NULL,
  reviewed_on date NOT NULL,
  result review_result NOT NULL,
  reviewer varchar(50),
  remarks text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT fk_certificate_review_certificate FOREIGN KEY (certificate_id) REFERENCES certificate (id),
  CONSTRAINT fk_certificate_review_county FOREIGN KEY (county_id) REFERENCES organization (id)
);
CREATE INDEX ix_certificate_review_certificate ON certificate_review (certificate_id);
CREATE INDEX ix_certificate_review_county ON certificate_review (county_id);
CREATE INDEX ix_certificate_review_reviewed_on ON certificate_review (reviewed_on);

CREATE TABLE training (
  id serial PRIMARY KEY,
  county_id integer,
  title varchar(200) NOT NULL,
  held_on date NOT NULL,
  organizer varchar(100) NOT NULL,
  hours numeric(4,1) NOT NULL,
  location varchar(200),
  content text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT fk_training_county FOREIGN KEY (county_id) REFERENCES organization (id),
  CONSTRAINT ck_training_hours CHECK (hours > 0 AND hours <= 100)
);
CREATE INDEX ix_training_county ON training (county_id);
CREATE INDEX ix_training_held_on ON training (held_on);

CREATE TABLE training_attendance (
  id serial PRIMARY KEY,
  training_id integer NOT NULL,
  agent_id integer NOT NULL,
  county_id integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT uq_training_attendance UNIQUE (training_id, agent_id),
  CONSTRAINT fk_training_attendance_training FOREIGN KEY (training_id) REFERENCES training (id),
  CONSTRAINT fk_training_attendance_agent FOREIGN KEY (agent_id) REFERENCES agent (id),
  CONSTRAINT fk_training_attendance_county FOREIGN KEY (county_id) REFERENCES organization (id)
);
CREATE INDEX ix_training_attendance_agent ON training_attendance (agent_id);
CREATE INDEX ix_training_attendance_county ON training_attendance (county_id);

CREATE TABLE petition_case (
  id serial PRIMARY KEY,
  case_no varchar(30) NOT NULL,
  county_id integer NOT NULL,
  township_id integer,
  agent_id integer,
  state case_state NOT NULL DEFAULT 'accepted',
  subject varchar(200) NOT NULL,
  description text,
  category case_category NOT NULL,
  source case_source NOT NULL,
  is_group boolean NOT NULL DEFAULT false,
  group_size integer,
  is_key boolean NOT NULL DEFAULT false,
  in_joint_meeting boolean NOT NULL DEFAULT false,
  petitioner_name varchar(50) NOT NULL,
  petitioner_id_number varchar(18),
  petitioner_phone varchar(11),
  petitioner_address varchar(200),
  respondent_department varchar(100),
  accepted_on date NOT NULL,
  acceptance_notified_on date,
  agreement_signed_on date,
  notified_on date,
  representing_since date,
  extension_days integer,
  extension_approved_by varchar(50),
  extension_reason text,
  extension_notified_on date,
  concluded_on date,
  outcome text,
  reply_issued_on date,
  review_requested_on date,
  review_department varchar(100),
  review_answered_on date,
  archived_on date,
  archive_no varchar(40),
  terminated_on date,
  termination_reason text,
  termination_reported_to varchar(100),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT uq_petition_case_case_no UNIQUE (case_no),
  CONSTRAINT uq_petition_case_archive_no UNIQUE (archive_no),
  CONSTRAINT fk_petition_case_county FOREIGN KEY (county_id) REFERENCES organization (id),
  CONSTRAINT fk_petition_case_township FOREIGN KEY (township_id) REFERENCES organization (id),
  CONSTRAINT fk_petition_case_agent FOREIGN KEY (agent_id) REFERENCES agent (id),
  CONSTRAINT ck_petition_case_id_number CHECK (petitioner_id_number IS NULL OR petitioner_id_number ~ '^[0-9]{17}[0-9X]$'),
  CONSTRAINT ck_petition_case_phone CHECK (petitioner_phone IS NULL OR petitioner_phone ~ '^1[0-9]{10}$'),
  CONSTRAINT ck_petition_case_group CHECK (is_group OR group_size IS NULL),
  -- 条例第三十四条: one extension of at most 30 days
  CONSTRAINT ck_petition_case_extension CHECK (extension_days IS NULL OR extension_days BETWEEN 1 AND 30),
  CONSTRAINT ck_petition_case_dates CHECK (
    (representing_since IS NULL OR representing_since >= accepted_on)
    AND (concluded_on IS NULL OR concluded_on >= accepted_on)
    AND (reply_issued_on IS NULL OR reply_issued_on >= concluded_on)
    AND (archived_on IS NULL OR archived_on >= concluded_on)
    AND (terminated_on IS NULL OR terminated_on >= accepted_on)),
  CONSTRAINT ck_petition_case_state_dates CHECK (
    (state IN ('concluded', 'archived')) = (concluded_on IS NOT NULL)
    AND (state = 'archived') = (archived_on IS NOT NULL)
    AND (state = 'terminated') = (terminated_on IS NOT NULL))
);
CREATE INDEX ix_petition_case_county ON petition_case (county_id);
CREATE INDEX ix_petition_case_township ON petition_case (township_id);
CREATE INDEX ix_petition_case_agent ON petition_case (agent_id);
CREATE INDEX ix_petition_case_state ON petition_case (state);
CREATE INDEX ix_petition_case_accepted_on ON petition_case (accepted_on);
CREATE INDEX ix_petition_case_category ON petition_case (category);
CREATE INDEX ix_petition_case_source ON petition_case (source);

CREATE TABLE case_document (
  id serial PRIMARY KEY,
  case_id integer NOT NULL,
  county_id integer NOT NULL,
  kind case_document_kind NOT NULL,
  title varchar(200) NOT NULL,
  signed_on date,
  content text,
  file_name varchar(200),
  storage_key varchar(100),
  mime_type varchar(60),
  file_size integer,
  sha256 char(64),
  created_by integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT fk_case_document_case FOREIGN KEY (case_id) REFERENCES petition_case (id),
  CONSTRAINT fk_case_document_county FOREIGN KEY (county_id) REFERENCES organization (id),
  CONSTRAINT fk_case_document_created_by FOREIGN KEY (created_by) REFERENCES admin_user (id),
  CONSTRAINT ck_case_document_file CHECK ((storage_key IS NULL) = (file_size IS NULL))
);
CREATE INDEX ix_case_document_case ON case_document (case_id);
CREATE INDEX ix_case_document_county ON case_document (county_id);
CREATE INDEX ix_case_document_created_by ON case_document (created_by);
CREATE INDEX ix_case_document_kind ON case_document (kind);

CREATE TABLE case_log (
  id serial PRIMARY KEY,
  case_id integer NOT NULL,
  county_id integer NOT NULL,
  logged_on date NOT NULL,
  handler varchar(50) NOT NULL,
  department varchar(100),
  action text NOT NULL,
  result text,
  created_by integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT fk_case_log_case FOREIGN KEY (case_id) REFERENCES petition_case (id),
  CONSTRAINT fk_case_log_county FOREIGN KEY (county_id) REFERENCES organization (id),
  CONSTRAINT fk_case_log_created_by FOREIGN KEY (created_by) REFERENCES admin_user (id)
);
CREATE INDEX ix_case_log_case ON case_log (case_id);
CREATE INDEX ix_case_log_county ON case_log (county_id);
CREATE INDEX ix_case_log_created_by ON case_log (created_by);
CREATE INDEX ix_case_log_logged_on ON case_log (logged_on);

CREATE TABLE analysis_report (
  id serial PRIMARY KEY,
  county_id integer NOT NULL,
  period_start date NOT NULL,
  period_end date NOT NULL,
  report_date date NOT NULL,
  contact_person varchar(50) NOT NULL,
  contact_phone varchar(20) NOT NULL,
  figures jsonb NOT NULL DEFAULT '{}',
  analysis text,
  created_by integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT fk_analysis_report_county FOREIGN KEY (county_id) REFERENCES organization (id),
  CONSTRAINT fk_analysis_report_created_by FOREIGN KEY (created_by) REFERENCES admin_user (id),
  CONSTRAINT ck_analysis_report_period CHECK (period_end >= period_start)
);
CREATE INDEX ix_analysis_report_county ON analysis_report (county_id);
CREATE INDEX ix_analysis_report_created_by ON analysis_report (created_by);
CREATE INDEX ix_analysis_report_period_start ON analysis_report (period_start);

CREATE TABLE annual_report (
  id serial PRIMARY KEY,
  county_id integer NOT NULL,
  year integer NOT NULL,
  version integer NOT NULL DEFAULT 1,
  status report_status NOT NULL DEFAULT 'draft',
  figures jsonb NOT NULL DEFAULT '{}',
  remarks text,
  submitted_at timestamptz,
  submitted_by integer,
  is_late boolean NOT NULL DEFAULT false,
  reviewed_at timestamptz,
  reviewed_by integer,
  return_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT uq_annual_report_county_year_version UNIQUE (county_id, year, version),
  CONSTRAINT fk_annual_report_county FOREIGN KEY (county_id) REFERENCES organization (id),
  CONSTRAINT fk_annual_report_submitted_by FOREIGN KEY (submitted_by) REFERENCES admin_user (id),
  CONSTRAINT fk_annual_report_reviewed_by FOREIGN KEY (reviewed_by) REFERENCES admin_user (id),
  CONSTRAINT ck_annual_report_year CHECK (year BETWEEN 2014 AND 2100)
);
CREATE INDEX ix_annual_report_submitted_by ON annual_report (submitted_by);
CREATE INDEX ix_annual_report_reviewed_by ON annual_report (reviewed_by);
CREATE INDEX ix_annual_report_year ON annual_report (year);
CREATE INDEX ix_annual_report_status ON annual_report (status);

CREATE TABLE evaluation (
  id serial PRIMARY KEY,
  county_id integer NOT NULL,
  year integer NOT NULL,
  scores jsonb NOT NULL DEFAULT '{}',
  total_score numeric(5,1) NOT NULL DEFAULT 0,
  veto boolean NOT NULL DEFAULT false,
  veto_reason text,
  result evaluation_result,
  rank integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT uq_evaluation_county_year UNIQUE (county_id, year),
  CONSTRAINT fk_evaluation_county FOREIGN KEY (county_id) REFERENCES organization (id),
  -- 一票否决 needs its reason
  CONSTRAINT ck_evaluation_veto CHECK (NOT veto OR veto_reason IS NOT NULL)
);
CREATE INDEX ix_evaluation_year ON evaluation (year);

CREATE TABLE commendation (
  id serial PRIMARY KEY,
  year integer NOT NULL,
  kind commendation_kind NOT NULL,
  county_id integer NOT NULL,
  work_point_id integer,
  agent_id integer,
  reason text NOT NULL,
  status commendation_status NOT NULL DEFAULT 'proposed',
  approved_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT fk_commendation_county FOREIGN KEY (county_id) REFERENCES organization (id),
  CONSTRAINT fk_commendation_work_point FOREIGN KEY (work_point_id) REFERENCES work_point (id),
  CONSTRAINT fk_commendation_agent FOREIGN KEY (agent_id) REFERENCES agent (id),
  CONSTRAINT ck_commendation_subject CHECK (
    (kind = 'work_point' AND work_point_id IS NOT NULL AND agent_id IS NULL)
    OR (kind = 'agent' AND agent_id IS NOT NULL AND work_point_id IS NULL))
);
CREATE INDEX ix_commendation_county ON commendation (county_id);
CREATE INDEX ix_commendation_work_point ON commendation (work_point_id);
CREATE INDEX ix_commendation_agent ON commendation (agent_id);
CREATE INDEX ix_commendation_year ON commendation (year);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id integer,
  user_email varchar(120),
  action varchar(40) NOT NULL,
  resource varchar(40) NOT NULL,
  record_id varchar(40),
  county_id integer,
  changes jsonb,
  ip varchar(45),
  CONSTRAINT fk_audit_log_user FOREIGN KEY (user_id) REFERENCES admin_user (id),
  CONSTRAINT fk_audit_log_county FOREIGN KEY (county_id) REFERENCES organization (id)
);
CREATE INDEX ix_audit_log_at ON audit_log (at);
CREATE INDEX ix_audit_log_user ON audit_log (user_id);
CREATE INDEX ix_audit_log_county ON audit_log (county_id);
CREATE INDEX ix_audit_log_resource ON audit_log (resource, record_id);

-- express-session store (connect-pg-simple's layout); not an entity
CREATE TABLE user_session (
  sid varchar NOT NULL PRIMARY KEY,
  sess json NOT NULL,
  expire timestamptz NOT NULL
);
CREATE INDEX ix_user_session_expire ON user_session (expire);
`);
}

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(`
DROP TABLE user_session, audit_log, commendation, evaluation, annual_report, analysis_report, case_log,
  case_document, petition_case, training_attendance, training, certificate_review, certificate, agent,
  work_system, work_point, admin_user, organization;
DROP FUNCTION organization_set_county();
DROP TYPE commendation_status, commendation_kind, evaluation_result, report_status, case_document_kind,
  case_source, case_category, case_state, review_result, certificate_status, agent_status, gender,
  work_system_kind, user_role, org_level;
`);
}
