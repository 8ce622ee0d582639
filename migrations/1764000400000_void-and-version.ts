import type { MigrationBuilder } from 'node-pg-migrate';

// Never lose a file (official records of petitions): records of the program are voided (作废, with a reason,
// restorable by the city), never deleted; every editable row carries a version so that a save based on an old
// page is refused instead of overwriting someone else's change.
//
// row_version, not version: annual_report.version already numbers the resubmissions of a report.
// The reporting views are re-created below with the voided rows left out (their SQL is frozen here, as
// in the migrations that created them; `live(alias)` is the only difference, so `down` restores them).

const VOIDABLE = [
  'organization',
  'work_point',
  'work_system',
  'agent',
  'certificate',
  'certificate_review',
  'training',
  'training_attendance',
  'petition_case',
  'case_document',
  'case_log',
  'analysis_report',
  'annual_report',
  'evaluation',
  'commendation',
  'notice',
  'info_report',
  'inspection',
  'inspection_finding',
  'rectification',
];
/** editable, but never voided: users are deactivated; a notice's recipients go with the notice */
const VERSIONED_ONLY = ['admin_user', 'notice_recipient'];

function columnsSql(): string {
  const out: string[] = [];
  for (const t of [...VOIDABLE, ...VERSIONED_ONLY])
    out.push(`ALTER TABLE ${t} ADD COLUMN row_version integer NOT NULL DEFAULT 1;`);
  for (const t of VOIDABLE) {
    out.push(`ALTER TABLE ${t}
  ADD COLUMN voided_at timestamptz,
  ADD COLUMN voided_by integer,
  ADD COLUMN void_reason text,
  ADD CONSTRAINT fk_${t}_voided_by FOREIGN KEY (voided_by) REFERENCES admin_user (id),
  ADD CONSTRAINT ck_${t}_void CHECK ((voided_at IS NULL) = (void_reason IS NULL));
CREATE INDEX ix_${t}_voided_by ON ${t} (voided_by);`);
  }
  return out.join('\n');
}

/** The reporting views; `live(a)` is the condition that keeps a row of alias `a` (not voided). */
function viewsSql(live: (alias: string) => string): string {
  return `
CREATE OR REPLACE VIEW reporting.certificate_standing AS
WITH today AS (SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date AS d),
last_review AS (
  SELECT DISTINCT ON (r.certificate_id) r.certificate_id, r.reviewed_on, r.result
    FROM certificate_review r
    JOIN certificate c ON c.id = r.certificate_id
   WHERE r.reviewed_on >= c.issued_on AND r.reviewed_on <= (SELECT d FROM today) AND ${live('r')}
   ORDER BY r.certificate_id, r.reviewed_on DESC, (r.result = 'failed') DESC
),
term AS (
  SELECT c.*, a.township_id, a.village_id, a.status AS agent_status, t.d AS today,
         lr.reviewed_on AS last_reviewed_on, lr.result AS last_review_result,
         CASE
           WHEN c.status = 'produced' OR c.issued_on IS NULL OR c.issued_on > t.d THEN NULL
           WHEN lr.result IS NULL THEN c.issued_on
           WHEN lr.result = 'passed' THEN lr.reviewed_on
         END AS term_start
    FROM certificate c
    JOIN agent a ON a.id = c.agent_id
    CROSS JOIN today t
    LEFT JOIN last_review lr ON lr.certificate_id = c.id
   WHERE ${live('c')} AND ${live('a')}
),
ends AS (
  SELECT term.*, (term_start + interval '1 year')::date AS term_end FROM term
),
bounded AS (
  SELECT ends.*,
         CASE
           WHEN term_start IS NULL THEN NULL
           WHEN status = 'revoked' AND revoked_on <= today THEN NULL
           WHEN status = 'revoked' THEN LEAST(term_end, revoked_on - 1)
           ELSE term_end
         END AS valid_until
    FROM ends
)
SELECT id AS certificate_id, number, agent_id, county_id, township_id, village_id, agent_status, status,
       produced_on, issued_on, revoked_on, last_reviewed_on, last_review_result, term_start,
       CASE WHEN status IN ('produced', 'revoked') THEN NULL ELSE term_end END AS review_due_on,
       valid_until,
       (valid_until IS NOT NULL AND today <= valid_until) AS valid_today,
       CASE WHEN status IN ('produced', 'revoked') OR term_end IS NULL THEN NULL ELSE term_end - today END AS days_to_review
  FROM bounded;

CREATE OR REPLACE VIEW reporting.township_agent_coverage AS
WITH certified AS (
  SELECT DISTINCT agent_id FROM reporting.certificate_standing WHERE valid_today
),
counts AS (
  SELECT t.id AS township_id,
         count(a.id) FILTER (WHERE a.status = 'active') AS active_agents,
         count(a.id) FILTER (WHERE a.status = 'active' AND ce.agent_id IS NOT NULL) AS certified_agents
    FROM organization t
    LEFT JOIN agent a ON a.township_id = t.id AND ${live('a')}
    LEFT JOIN certified ce ON ce.agent_id = a.id
   WHERE t.level = 'township' AND ${live('t')}
   GROUP BY t.id
)
SELECT co.id AS county_id, co.name AS county_name, co.code AS county_code,
       t.id AS township_id, t.name AS township_name, t.code AS township_code,
       c.active_agents::int AS active_agents, c.certified_agents::int AS certified_agents,
       CASE WHEN c.certified_agents = 0 THEN 'none' WHEN c.certified_agents = 1 THEN 'one' ELSE 'two_or_more' END AS coverage
  FROM counts c
  JOIN organization t ON t.id = c.township_id
  JOIN organization co ON co.id = t.county_id;

CREATE OR REPLACE VIEW reporting.village_agent_coverage AS
SELECT v.county_id, v.parent_id AS township_id, v.id AS village_id, v.name AS village_name, v.code AS village_code,
       count(a.id) FILTER (WHERE a.status = 'active')::int AS active_agents,
       count(a.id) FILTER (WHERE a.status = 'active' AND EXISTS (
         SELECT 1 FROM reporting.certificate_standing s WHERE s.agent_id = a.id AND s.valid_today))::int AS certified_agents
  FROM organization v
  JOIN agent a ON a.village_id = v.id AND ${live('a')}
 WHERE v.level = 'village' AND ${live('v')}
 GROUP BY v.id;

CREATE OR REPLACE VIEW reporting.agent_training_hours AS
SELECT ta.agent_id, a.county_id, EXTRACT(YEAR FROM t.held_on)::int AS year,
       count(*)::int AS sessions, sum(t.hours)::numeric(6,1) AS hours
  FROM training_attendance ta
  JOIN training t ON t.id = ta.training_id
  JOIN agent a ON a.id = ta.agent_id
 WHERE ${live('ta')} AND ${live('t')} AND ${live('a')}
 GROUP BY ta.agent_id, a.county_id, EXTRACT(YEAR FROM t.held_on);

CREATE OR REPLACE VIEW reporting.county AS
SELECT c.id AS county_id, c.code AS county_code, c.name AS county_name, c.short_name,
  (SELECT count(*) FROM organization t WHERE t.county_id = c.id AND t.level = 'township' AND ${live('t')}) AS townships,
  (SELECT count(*) FROM organization v WHERE v.county_id = c.id AND v.level = 'village' AND ${live('v')}) AS villages
FROM organization c
WHERE c.level = 'county' AND ${live('c')};

CREATE OR REPLACE VIEW reporting.case_facts AS
WITH c AS (
  SELECT pc.*, (pc.accepted_on + 60 + COALESCE(pc.extension_days, 0)) AS due_on
  FROM petition_case pc
  WHERE ${live('pc')}
)
SELECT c.id AS case_id, c.case_no, c.county_id, county.name AS county_name, c.township_id, township.name AS township_name,
  c.agent_id,
  c.state::text AS state, COALESCE(state_label.label, c.state::text) AS state_label,
  c.category::text AS category, COALESCE(category_label.label, c.category::text) AS category_label,
  c.source::text AS source, COALESCE(source_label.label, c.source::text) AS source_label,
  c.is_group, c.group_size, c.is_key, c.in_joint_meeting,
  c.accepted_on, extract(year FROM c.accepted_on)::int AS accepted_year,
  date_trunc('month', c.accepted_on)::date AS accepted_month,
  c.representing_since, c.extension_days, c.due_on,
  c.concluded_on, extract(year FROM c.concluded_on)::int AS concluded_year,
  c.reply_issued_on, c.archived_on, c.terminated_on,
  c.concluded_on - c.accepted_on AS handling_days,
  c.reply_issued_on - c.concluded_on AS reply_days,
  c.state IN ('accepted', 'representing') AS is_open,
  (c.state IN ('accepted', 'representing') AND reporting.today() > c.due_on) AS is_overdue,
  CASE WHEN c.concluded_on IS NOT NULL THEN c.concluded_on <= c.due_on END AS concluded_on_time,
  -- 附件2 第五条: the reply opinion within 7 days after conclusion; null while the 7 days still run
  CASE
    WHEN c.reply_issued_on IS NOT NULL THEN c.reply_issued_on <= c.concluded_on + 7
    WHEN c.concluded_on IS NOT NULL AND reporting.today() > c.concluded_on + 7 THEN false
  END AS reply_on_time
FROM c
JOIN organization county ON county.id = c.county_id
LEFT JOIN organization township ON township.id = c.township_id
LEFT JOIN reporting.enum_label state_label ON state_label.enum_type = 'case_state' AND state_label.value = c.state::text
LEFT JOIN reporting.enum_label category_label ON category_label.enum_type = 'case_category' AND category_label.value = c.category::text
LEFT JOIN reporting.enum_label source_label ON source_label.enum_type = 'case_source' AND source_label.value = c.source::text;

CREATE OR REPLACE VIEW reporting.certificate_period AS
WITH event AS (
  SELECT c.id AS certificate_id, c.issued_on AS on_date, 'issued'::text AS kind, 0 AS tie, 0 AS seq
  FROM certificate c WHERE c.issued_on IS NOT NULL AND c.status <> 'produced' AND ${live('c')}
  UNION ALL
  SELECT r.certificate_id, r.reviewed_on, r.result::text, CASE r.result WHEN 'failed' THEN 2 ELSE 1 END, r.id
  FROM certificate_review r JOIN certificate c ON c.id = r.certificate_id
  WHERE c.issued_on IS NOT NULL AND c.status <> 'produced' AND r.reviewed_on >= c.issued_on AND ${live('c')} AND ${live('r')}
), ordered AS (
  SELECT e.*, lead(e.on_date) OVER (PARTITION BY e.certificate_id ORDER BY e.on_date, e.tie, e.seq) AS next_review_on
  FROM event e
)
SELECT o.certificate_id, c.agent_id, c.county_id, o.kind AS anchor_kind, o.on_date AS valid_from,
  LEAST((o.on_date + interval '1 year')::date, o.next_review_on - 1, c.revoked_on - 1) AS valid_through,
  (o.on_date + interval '1 year')::date AS review_due_on,
  o.next_review_on, c.revoked_on
FROM ordered o
JOIN certificate c ON c.id = o.certificate_id
WHERE o.kind IN ('issued', 'passed');

CREATE OR REPLACE VIEW reporting.agent_facts AS
SELECT a.id AS agent_id, a.name, a.county_id, county.name AS county_name, a.township_id, township.name AS township_name,
  a.village_id, village.name AS village_name, a.gender::text AS gender,
  a.status::text AS status, COALESCE(status_label.label, a.status::text) AS status_label, a.appointed_on,
  EXISTS (SELECT 1 FROM reporting.certificate_standing s WHERE s.agent_id = a.id AND s.valid_today) AS has_valid_certificate,
  (SELECT count(*) FROM certificate c WHERE c.agent_id = a.id AND ${live('c')}) AS certificates,
  (SELECT count(*) FROM petition_case pc WHERE pc.agent_id = a.id AND ${live('pc')}) AS cases_total,
  (SELECT count(*) FROM petition_case pc WHERE pc.agent_id = a.id AND pc.state IN ('accepted', 'representing') AND ${live('pc')}) AS cases_open,
  (SELECT count(*) FROM training_attendance ta WHERE ta.agent_id = a.id AND ${live('ta')}) AS trainings_attended
FROM agent a
JOIN organization county ON county.id = a.county_id
JOIN organization township ON township.id = a.township_id
LEFT JOIN organization village ON village.id = a.village_id
LEFT JOIN reporting.enum_label status_label ON status_label.enum_type = 'agent_status' AND status_label.value = a.status::text
WHERE ${live('a')};

CREATE OR REPLACE VIEW reporting.county_measures AS
WITH cy AS MATERIALIZED (
  SELECT * FROM reporting.county_year
), period AS MATERIALIZED (
  SELECT * FROM reporting.certificate_period
), facts AS MATERIALIZED (
  SELECT * FROM reporting.case_facts
), systems AS MATERIALIZED (
  SELECT cy.county_id, cy.year, count(*) AS adopted
  FROM cy JOIN work_system w ON w.county_id = cy.county_id AND w.adopted_on <= cy.as_of AND ${live('w')}
  GROUP BY cy.county_id, cy.year
), point AS MATERIALIZED (
  SELECT cy.county_id, cy.year,
    -- 创建标准（二）: the unified name ×××县（市、区）妇女信访代理工作点
    w.name = cy.county_name || '妇女信访代理工作点' AS unified_name,
    w.unified_process, w.unified_standard, w.plaque_hung, w.rules_on_wall, w.process_on_wall
  FROM cy JOIN work_point w ON w.county_id = cy.county_id AND (w.established_on IS NULL OR w.established_on <= cy.as_of) AND ${live('w')}
), roster AS MATERIALIZED (
  -- agents appointed by then and not yet gone: active now, or their last revocation came later
  -- (today this is the active agents, as in reporting.township_agent_coverage)
  SELECT cy.county_id, cy.year, a.id AS agent_id, a.township_id
  FROM cy JOIN agent a ON a.county_id = cy.county_id AND a.appointed_on <= cy.as_of AND ${live('a')}
  WHERE a.status = 'active' OR (SELECT max(c.revoked_on) FROM certificate c WHERE c.agent_id = a.id AND ${live('c')}) > cy.as_of
), valid AS MATERIALIZED (
  SELECT cy.county_id, cy.year, array_agg(DISTINCT p.agent_id) AS agent_ids
  FROM cy JOIN period p ON p.county_id = cy.county_id AND cy.as_of BETWEEN p.valid_from AND p.valid_through
  GROUP BY cy.county_id, cy.year
), team AS MATERIALIZED (
  SELECT r.county_id, r.year, count(*) AS agents,
    count(*) FILTER (WHERE r.agent_id = ANY (v.agent_ids)) AS certified,
    count(DISTINCT r.township_id) FILTER (WHERE r.agent_id = ANY (v.agent_ids)) AS townships_covered
  FROM roster r LEFT JOIN valid v ON v.county_id = r.county_id AND v.year = r.year
  GROUP BY r.county_id, r.year
), reviews AS MATERIALIZED (
  -- 工作要求4 一年一审核: a review falls due a year after issue or the last passed review; done within
  -- 30 days after it counts; a due still inside those 30 days is not yet counted unless done
  SELECT p.county_id, extract(year FROM p.review_due_on)::int AS year,
    count(*) AS due, count(*) FILTER (WHERE p.next_review_on <= p.review_due_on + 30) AS done
  FROM period p
  WHERE (p.revoked_on IS NULL OR p.revoked_on > p.review_due_on)
    AND (p.next_review_on <= p.review_due_on + 30 OR p.review_due_on + 30 < reporting.today())
  GROUP BY p.county_id, extract(year FROM p.review_due_on)
), accepted AS MATERIALIZED (
  SELECT f.county_id, f.accepted_year AS year, count(*) AS cases,
    count(*) FILTER (WHERE f.state IN ('concluded', 'archived')) AS closed,
    count(*) FILTER (WHERE f.is_key) AS key_cases,
    count(*) FILTER (WHERE f.is_key AND f.in_joint_meeting) AS key_in_joint_meeting
  FROM facts f
  GROUP BY f.county_id, f.accepted_year
), concluded AS MATERIALIZED (
  SELECT f.county_id, f.concluded_year AS year, count(*) AS cases,
    count(*) FILTER (WHERE f.state = 'archived') AS archived,
    count(f.reply_on_time) AS replies_due,
    count(*) FILTER (WHERE f.reply_on_time) AS replies_on_time
  FROM facts f
  WHERE f.concluded_on IS NOT NULL
  GROUP BY f.county_id, f.concluded_year
), overdue AS MATERIALIZED (
  -- 条例第三十四条: still open on the day measured and past 60 days (+ the approved extension)
  SELECT cy.county_id, cy.year, count(*) AS cases
  FROM cy JOIN facts f ON f.county_id = cy.county_id
  WHERE f.accepted_on <= cy.as_of
    AND (f.concluded_on IS NULL OR f.concluded_on > cy.as_of)
    AND (f.terminated_on IS NULL OR f.terminated_on > cy.as_of)
    AND cy.as_of > f.due_on
  GROUP BY cy.county_id, cy.year
), statistics AS MATERIALIZED (
  -- 工作要求3: the year-end statistics (附件7) reach the city by 20 December, Beijing time
  SELECT r.county_id, r.year, min(r.submitted_at) AS submitted_at
  FROM annual_report r
  WHERE r.status IN ('submitted', 'accepted') AND r.submitted_at IS NOT NULL AND ${live('r')}
  GROUP BY r.county_id, r.year
), trainings AS MATERIALIZED (
  SELECT t.county_id, extract(year FROM t.held_on)::int AS year, count(*) AS held
  FROM training t
  WHERE t.county_id IS NOT NULL AND t.held_on <= reporting.today() AND ${live('t')}
  GROUP BY t.county_id, extract(year FROM t.held_on)
)
SELECT cy.county_id, cy.county_code, cy.county_name, cy.year, cy.as_of,
  COALESCE(systems.adopted, 0) AS work_systems_adopted,
  point.county_id IS NOT NULL AS has_work_point,
  COALESCE(point.unified_name, false) AS wp_unified_name,
  COALESCE(point.unified_process, false) AS wp_unified_process,
  COALESCE(point.unified_standard, false) AS wp_unified_standard,
  COALESCE(point.plaque_hung, false) AS wp_plaque_hung,
  COALESCE(point.rules_on_wall, false) AS wp_rules_on_wall,
  COALESCE(point.process_on_wall, false) AS wp_process_on_wall,
  (COALESCE(point.unified_name, false)::int + COALESCE(point.unified_process, false)::int
    + COALESCE(point.unified_standard, false)::int + COALESCE(point.plaque_hung, false)::int
    + COALESCE(point.rules_on_wall, false)::int + COALESCE(point.process_on_wall, false)::int) AS work_point_items,
  county.townships AS townships_total,
  COALESCE(team.townships_covered, 0) AS townships_covered,
  reporting.percent(COALESCE(team.townships_covered, 0), county.townships) AS township_coverage_pct,
  COALESCE(team.agents, 0) AS agents_on_roster,
  COALESCE(team.certified, 0) AS agents_certified,
  reporting.percent(team.certified, team.agents) AS agents_certified_pct,
  COALESCE(reviews.due, 0) AS reviews_due,
  COALESCE(reviews.done, 0) AS reviews_done,
  reporting.percent(reviews.done, reviews.due) AS reviews_done_pct,
  COALESCE(accepted.cases, 0) AS cases_accepted,
  COALESCE(accepted.closed, 0) AS cases_closed,
  reporting.percent(accepted.closed, accepted.cases) AS closure_rate_pct,
  COALESCE(concluded.cases, 0) AS cases_concluded,
  COALESCE(concluded.archived, 0) AS cases_archived,
  reporting.percent(concluded.archived, concluded.cases) AS archived_pct,
  COALESCE(concluded.replies_due, 0) AS replies_due,
  COALESCE(concluded.replies_on_time, 0) AS replies_on_time,
  reporting.percent(concluded.replies_on_time, concluded.replies_due) AS reply_on_time_pct,
  COALESCE(overdue.cases, 0) AS overdue_cases,
  COALESCE(accepted.key_cases, 0) AS key_cases,
  COALESCE(accepted.key_in_joint_meeting, 0) AS key_cases_in_joint_meeting,
  reporting.percent(accepted.key_in_joint_meeting, accepted.key_cases) AS key_cases_joint_meeting_pct,
  statistics.submitted_at AS statistics_submitted_at,
  CASE
    WHEN (statistics.submitted_at AT TIME ZONE 'Asia/Shanghai')::date <= make_date(cy.year, 12, 20) THEN 1
    WHEN reporting.today() > make_date(cy.year, 12, 20) THEN 0
  END AS statistics_on_time,
  COALESCE(trainings.held, 0) AS trainings_held
FROM cy
JOIN reporting.county county ON county.county_id = cy.county_id
LEFT JOIN systems ON systems.county_id = cy.county_id AND systems.year = cy.year
LEFT JOIN point ON point.county_id = cy.county_id AND point.year = cy.year
LEFT JOIN team ON team.county_id = cy.county_id AND team.year = cy.year
LEFT JOIN reviews ON reviews.county_id = cy.county_id AND reviews.year = cy.year
LEFT JOIN accepted ON accepted.county_id = cy.county_id AND accepted.year = cy.year
LEFT JOIN concluded ON concluded.county_id = cy.county_id AND concluded.year = cy.year
LEFT JOIN overdue ON overdue.county_id = cy.county_id AND overdue.year = cy.year
LEFT JOIN statistics ON statistics.county_id = cy.county_id AND statistics.year = cy.year
LEFT JOIN trainings ON trainings.county_id = cy.county_id AND trainings.year = cy.year;

CREATE OR REPLACE VIEW reporting.county_month_cases AS
SELECT e.county_id, county.name AS county_name, e.month, extract(year FROM e.month)::int AS year,
  sum(e.accepted)::int AS cases_accepted, sum(e.concluded)::int AS cases_concluded
FROM (
  SELECT pc.county_id, date_trunc('month', pc.accepted_on)::date AS month, 1 AS accepted, 0 AS concluded FROM petition_case pc WHERE ${live('pc')}
  UNION ALL
  SELECT pc.county_id, date_trunc('month', pc.concluded_on)::date, 0, 1 FROM petition_case pc WHERE pc.concluded_on IS NOT NULL AND ${live('pc')}
) e
JOIN organization county ON county.id = e.county_id
GROUP BY e.county_id, county.name, e.month;

CREATE OR REPLACE VIEW reporting.info_report_adoption AS
SELECT r.county_id, o.name AS county_name, extract(year FROM r.submitted_on)::int AS year,
  count(*)::int AS reports_submitted,
  (count(*) FILTER (WHERE r.adopted))::int AS reports_adopted,
  (count(*) FILTER (WHERE r.adopted AND r.kind = 'typical_case'))::int AS typical_cases_adopted
FROM info_report r
JOIN organization o ON o.id = r.county_id
WHERE ${live('r')}
GROUP BY r.county_id, o.name, extract(year FROM r.submitted_on);

CREATE OR REPLACE VIEW reporting.county_inspection_latest AS
WITH today AS (SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date AS d),
latest AS (
  SELECT DISTINCT ON (i.county_id) i.*
  FROM inspection i
  WHERE ${live('i')}
  ORDER BY i.county_id, i.inspected_on DESC, i.id DESC
)
SELECT l.county_id, o.name AS county_name, l.id AS inspection_id, l.work_point_id, l.inspected_on,
  extract(year FROM l.inspected_on)::int AS year, l.inspectors, l.overall_result,
  (SELECT count(*) FROM inspection_finding f WHERE f.inspection_id = l.id AND f.result = 'meets' AND ${live('f')})::int AS standards_met,
  (SELECT count(*) FROM inspection_finding f WHERE f.inspection_id = l.id AND f.result = 'partly' AND ${live('f')})::int AS standards_partly,
  (SELECT count(*) FROM inspection_finding f WHERE f.inspection_id = l.id AND f.result = 'fails' AND ${live('f')})::int AS standards_failed,
  (SELECT count(*) FROM rectification r WHERE r.inspection_id = l.id AND ${live('r')})::int AS rectifications_total,
  (SELECT count(*) FROM rectification r WHERE r.inspection_id = l.id AND r.status = 'open' AND ${live('r')})::int AS rectifications_open,
  (SELECT count(*) FROM rectification r, today WHERE r.inspection_id = l.id AND r.status = 'open' AND r.due_on < today.d AND ${live('r')})::int
    AS rectifications_overdue
FROM latest l
JOIN organization o ON o.id = l.county_id;

CREATE OR REPLACE VIEW reporting.pilot_work_point AS
SELECT w.id AS work_point_id, w.county_id, o.name AS county_name, w.name AS work_point_name, w.pilot_year,
  w.pilot_experience, li.inspected_on AS last_inspected_on, li.overall_result AS last_inspection_result,
  li.rectifications_open,
  coalesce(a.reports_adopted, 0) AS reports_adopted_this_year
FROM work_point w
JOIN organization o ON o.id = w.county_id
LEFT JOIN reporting.county_inspection_latest li ON li.county_id = w.county_id
LEFT JOIN reporting.info_report_adoption a
  ON a.county_id = w.county_id AND a.year = extract(year FROM (now() AT TIME ZONE 'Asia/Shanghai'))::int
WHERE w.is_pilot AND ${live('w')};
`;
}

export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(columnsSql());
  pgm.sql(viewsSql((a) => `${a}.voided_at IS NULL`));
}

export async function down(pgm: MigrationBuilder): Promise<void> {
  // the views as their migrations left them (a `true` condition changes nothing), then the columns
  pgm.sql(viewsSql(() => 'true'));
  for (const t of VOIDABLE) {
    pgm.sql(`ALTER TABLE ${t} DROP COLUMN voided_at, DROP COLUMN voided_by, DROP COLUMN void_reason;`);
  }
  for (const t of [...VOIDABLE, ...VERSIONED_ONLY]) pgm.sql(`ALTER TABLE ${t} DROP COLUMN row_version;`);
}
