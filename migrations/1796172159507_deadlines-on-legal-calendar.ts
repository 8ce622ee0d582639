import type { MigrationBuilder } from 'node-pg-migrate';

// Every deadline on China's legal calendar (《民法典》第二百零一条、第二百零三条; src/domain/case-policy.ts
// CASE_LIMIT_COUNTING): a period runs from the day after the event and a last day on a statutory rest day
// moves to the next working day, through reporting.end_of_period (migrations/1796122892458_legal-calendar.ts).
//
// The office's next due day of a case (src/domain/case-deadlines.ts, the earliest actionable deadline) is
// stored in petition_case.action_due_on, kept by a trigger, so that the 已超期/即将到期 filters and the home
// page's counts stay a range scan on an index: an expression index cannot hold it, end_of_period reads a
// table (not IMMUTABLE). A new schedule in reporting.legal_calendar recomputes it
// (src/database/legal-calendar-sync.ts). The reporting views count the handling limit (case_facts.due_on)
// and the reply opinion's 7 days (case_facts.reply_due_on, new) the same way, and county_measures with them
// (附件7's and the scorecard's 按期办结、7日内答复率、办理超期), from their definitions on main.
const ACTION_DUE = `
CREATE FUNCTION petition_case_action_due_on(c petition_case) RETURNS date LANGUAGE sql STABLE AS $$
  SELECT CASE
    -- 条例第二十三条 书面告知 15日 (until given); 条例第三十四条 办结 60日 + the approved extension
    WHEN c.state IN ('accepted', 'representing') THEN LEAST(
      CASE WHEN c.acceptance_notified_on IS NULL THEN reporting.end_of_period(c.accepted_on, 15) END,
      reporting.end_of_period(c.accepted_on, 60 + coalesce(c.extension_days, 0)))
    -- 附件2 第五条 答复意见书 7日
    WHEN c.state = 'concluded' AND c.reply_issued_on IS NULL THEN reporting.end_of_period(c.concluded_on, 7)
    -- 条例第三十五条 复查答复 30日
    WHEN c.state = 'concluded' AND c.review_requested_on IS NOT NULL AND c.review_answered_on IS NULL
      THEN reporting.end_of_period(c.review_requested_on, 30)
  END
$$;
COMMENT ON FUNCTION petition_case_action_due_on(petition_case) IS '案件最近一项须由承办方办理的期限的最后一日（法定节假日顺延），同 src/domain/case-deadlines.ts';

CREATE FUNCTION petition_case_set_action_due_on() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.action_due_on := petition_case_action_due_on(NEW);
  RETURN NEW;
END $$;

-- IF NOT EXISTS: a down migration leaves the column (see down)
ALTER TABLE petition_case ADD COLUMN IF NOT EXISTS action_due_on date;
COMMENT ON COLUMN petition_case.action_due_on IS '最近一项应办期限的最后一日（法定节假日顺延；触发器维护，供已超期/即将到期筛选）';
UPDATE petition_case pc SET action_due_on = petition_case_action_due_on(pc);
CREATE TRIGGER tr_petition_case_action_due_on BEFORE INSERT OR UPDATE ON petition_case
  FOR EACH ROW EXECUTE FUNCTION petition_case_set_action_due_on();

DROP INDEX ix_petition_case_county_action_due;
DROP INDEX ix_petition_case_action_due;
CREATE INDEX ix_petition_case_county_action_due ON petition_case (county_id, action_due_on) WHERE voided_at IS NULL;
CREATE INDEX ix_petition_case_action_due ON petition_case (action_due_on);
`;

// migrations/1764000500000_scale-indexes.ts, for down
const OLD_ACTION_DUE = `(CASE
    WHEN state IN ('accepted', 'representing') THEN LEAST(
      CASE WHEN acceptance_notified_on IS NULL THEN accepted_on + 15 END,
      accepted_on + 60 + coalesce(extension_days, 0))
    WHEN state = 'concluded' AND reply_issued_on IS NULL THEN concluded_on + 7
    WHEN state = 'concluded' AND review_requested_on IS NOT NULL AND review_answered_on IS NULL
      THEN review_requested_on + 30
  END)`;

const CASE_FACTS = `
CREATE OR REPLACE VIEW reporting.case_facts AS
WITH c AS (
  -- 条例第三十四条 60 days (+ the approved extension) and 附件2 第五条 7 days, each a period on the legal
  -- calendar (民法典第二百零一条、第二百零三条: a last day on a rest day moves to the next working day):
  -- reporting.end_of_period, read here as a join on the calendar's counted day (a lookup per row costs
  -- some 5 µs, a hash join a tenth of that), the function itself only outside the table's years
  SELECT pc.*,
    COALESCE(handling.next_working_day, reporting.end_of_period(pc.accepted_on, 60 + COALESCE(pc.extension_days, 0))) AS due_on,
    CASE WHEN pc.concluded_on IS NOT NULL
      THEN COALESCE(reply.next_working_day, reporting.end_of_period(pc.concluded_on, 7)) END AS reply_due_on
  FROM petition_case pc
  LEFT JOIN reporting.legal_calendar handling ON handling.day = pc.accepted_on + 60 + COALESCE(pc.extension_days, 0)
  LEFT JOIN reporting.legal_calendar reply ON reply.day = pc.concluded_on + 7
  WHERE pc.voided_at IS NULL
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
    WHEN c.reply_issued_on IS NOT NULL THEN c.reply_issued_on <= c.reply_due_on
    WHEN c.concluded_on IS NOT NULL AND reporting.today() > c.reply_due_on THEN false
  END AS reply_on_time,
  c.reply_due_on
FROM c
JOIN organization county ON county.id = c.county_id
LEFT JOIN organization township ON township.id = c.township_id
LEFT JOIN reporting.enum_label state_label ON state_label.enum_type = 'case_state' AND state_label.value = c.state::text
LEFT JOIN reporting.enum_label category_label ON category_label.enum_type = 'case_category' AND category_label.value = c.category::text
LEFT JOIN reporting.enum_label source_label ON source_label.enum_type = 'case_source' AND source_label.value = c.source::text;

`;

const OLD_CASE_FACTS = `
CREATE OR REPLACE VIEW reporting.case_facts AS
WITH c AS (
  SELECT pc.*, (pc.accepted_on + 60 + COALESCE(pc.extension_days, 0)) AS due_on
  FROM petition_case pc
  WHERE pc.voided_at IS NULL
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

`;

const MEASURES = `
CREATE OR REPLACE VIEW reporting.county_measures AS
WITH cy AS MATERIALIZED (
  SELECT * FROM reporting.county_year
), period AS MATERIALIZED (
  SELECT * FROM reporting.certificate_period
), facts AS MATERIALIZED (
  SELECT * FROM reporting.case_facts
), systems AS MATERIALIZED (
  SELECT cy.county_id, cy.year, count(*) AS adopted
  FROM cy JOIN work_system w ON w.county_id = cy.county_id AND w.adopted_on <= cy.as_of AND w.voided_at IS NULL
  GROUP BY cy.county_id, cy.year
), point AS MATERIALIZED (
  SELECT cy.county_id, cy.year,
    -- 创建标准（二）: the unified name ×××县（市、区）妇女信访代理工作点
    w.name = cy.county_name || '妇女信访代理工作点' AS unified_name,
    w.unified_process, w.unified_standard, w.plaque_hung, w.rules_on_wall, w.process_on_wall
  FROM cy JOIN work_point w ON w.county_id = cy.county_id AND (w.established_on IS NULL OR w.established_on <= cy.as_of) AND w.voided_at IS NULL
), roster AS MATERIALIZED (
  -- agents appointed by then and not yet gone: active now, or their last revocation came later
  -- (today this is the active agents, as in reporting.township_agent_coverage)
  SELECT cy.county_id, cy.year, a.id AS agent_id, a.township_id
  FROM cy JOIN agent a ON a.county_id = cy.county_id AND a.appointed_on <= cy.as_of AND a.voided_at IS NULL
  WHERE a.status = 'active' OR (SELECT max(c.revoked_on) FROM certificate c WHERE c.agent_id = a.id AND c.voided_at IS NULL) > cy.as_of
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
  -- 工作要求4 一年一审核: a review falls due a year after issue or the last passed review — the same day a
  -- year on, a fixed date, not a period of days, so it is not moved; done within 30 days after it counts,
  -- those 30 days a period on the legal calendar (民法典第二百零三条); a due still inside them is not yet
  -- counted unless done
  SELECT p.county_id, extract(year FROM p.review_due_on)::int AS year,
    count(*) AS due, count(*) FILTER (WHERE p.next_review_on <= reporting.end_of_period(p.review_due_on, 30)) AS done
  FROM period p
  WHERE (p.revoked_on IS NULL OR p.revoked_on > p.review_due_on)
    AND (p.next_review_on <= reporting.end_of_period(p.review_due_on, 30) OR reporting.end_of_period(p.review_due_on, 30) < reporting.today())
  GROUP BY p.county_id, extract(year FROM p.review_due_on)
), accepted AS MATERIALIZED (
  -- src/domain/case-statistics.ts: each case as it stood on the day measured, from its own dates.
  -- 应办结 (due): concluded, dissolved (解除代理, 附件2 第六条 无法办结) or past the handling limit by then;
  -- a case still inside its limit is not counted yet. 已办结: concluded by then and not dissolved.
  SELECT cy.county_id, cy.year, count(*) AS cases,
    count(*) FILTER (WHERE f.concluded_on <= cy.as_of AND (f.terminated_on IS NULL OR f.terminated_on > cy.as_of)) AS closed,
    count(*) FILTER (WHERE f.concluded_on <= cy.as_of AND (f.terminated_on IS NULL OR f.terminated_on > cy.as_of)
                       AND f.concluded_on <= f.due_on) AS closed_on_time,
    count(*) FILTER (WHERE f.terminated_on <= cy.as_of) AS terminated,
    count(*) FILTER (WHERE f.concluded_on <= cy.as_of OR f.terminated_on <= cy.as_of OR cy.as_of > f.due_on) AS due,
    count(*) FILTER (WHERE f.is_key) AS key_cases,
    count(*) FILTER (WHERE f.is_key AND f.in_joint_meeting) AS key_in_joint_meeting
  FROM cy JOIN facts f ON f.county_id = cy.county_id AND f.accepted_year = cy.year AND f.accepted_on <= cy.as_of
  GROUP BY cy.county_id, cy.year
), concluded AS MATERIALIZED (
  -- 附件2 第五条 as of the day measured: a reply is due once issued or once the 7 days have run (on the
  -- legal calendar: case_facts.reply_due_on)
  SELECT cy.county_id, cy.year, count(*) AS cases,
    count(*) FILTER (WHERE f.archived_on <= cy.as_of) AS archived,
    count(*) FILTER (WHERE f.reply_issued_on <= cy.as_of OR cy.as_of > f.reply_due_on) AS replies_due,
    count(*) FILTER (WHERE f.reply_issued_on <= cy.as_of AND f.reply_issued_on <= f.reply_due_on) AS replies_on_time
  FROM cy JOIN facts f ON f.county_id = cy.county_id AND f.concluded_year = cy.year AND f.concluded_on <= cy.as_of
  GROUP BY cy.county_id, cy.year
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
  WHERE r.status IN ('submitted', 'accepted') AND r.submitted_at IS NOT NULL AND r.voided_at IS NULL
  GROUP BY r.county_id, r.year
), trainings AS MATERIALIZED (
  SELECT t.county_id, extract(year FROM t.held_on)::int AS year, count(*) AS held
  FROM training t
  WHERE t.county_id IS NOT NULL AND t.held_on <= reporting.today() AND t.voided_at IS NULL
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
  reporting.percent(accepted.closed, accepted.due) AS closure_rate_pct,
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
  COALESCE(trainings.held, 0) AS trainings_held,
  COALESCE(accepted.due, 0) AS cases_due,
  COALESCE(accepted.closed_on_time, 0) AS cases_closed_on_time,
  reporting.percent(accepted.closed_on_time, accepted.due) AS on_time_closure_pct,
  COALESCE(accepted.terminated, 0) AS cases_terminated
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
`;

const OLD_MEASURES = `
CREATE OR REPLACE VIEW reporting.county_measures AS
WITH cy AS MATERIALIZED (
  SELECT * FROM reporting.county_year
), period AS MATERIALIZED (
  SELECT * FROM reporting.certificate_period
), facts AS MATERIALIZED (
  SELECT * FROM reporting.case_facts
), systems AS MATERIALIZED (
  SELECT cy.county_id, cy.year, count(*) AS adopted
  FROM cy JOIN work_system w ON w.county_id = cy.county_id AND w.adopted_on <= cy.as_of AND w.voided_at IS NULL
  GROUP BY cy.county_id, cy.year
), point AS MATERIALIZED (
  SELECT cy.county_id, cy.year,
    -- 创建标准（二）: the unified name ×××县（市、区）妇女信访代理工作点
    w.name = cy.county_name || '妇女信访代理工作点' AS unified_name,
    w.unified_process, w.unified_standard, w.plaque_hung, w.rules_on_wall, w.process_on_wall
  FROM cy JOIN work_point w ON w.county_id = cy.county_id AND (w.established_on IS NULL OR w.established_on <= cy.as_of) AND w.voided_at IS NULL
), roster AS MATERIALIZED (
  -- agents appointed by then and not yet gone: active now, or their last revocation came later
  -- (today this is the active agents, as in reporting.township_agent_coverage)
  SELECT cy.county_id, cy.year, a.id AS agent_id, a.township_id
  FROM cy JOIN agent a ON a.county_id = cy.county_id AND a.appointed_on <= cy.as_of AND a.voided_at IS NULL
  WHERE a.status = 'active' OR (SELECT max(c.revoked_on) FROM certificate c WHERE c.agent_id = a.id AND c.voided_at IS NULL) > cy.as_of
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
  -- src/domain/case-statistics.ts: each case as it stood on the day measured, from its own dates.
  -- 应办结 (due): concluded, dissolved (解除代理, 附件2 第六条 无法办结) or past the handling limit by then;
  -- a case still inside its limit is not counted yet. 已办结: concluded by then and not dissolved.
  SELECT cy.county_id, cy.year, count(*) AS cases,
    count(*) FILTER (WHERE f.concluded_on <= cy.as_of AND (f.terminated_on IS NULL OR f.terminated_on > cy.as_of)) AS closed,
    count(*) FILTER (WHERE f.concluded_on <= cy.as_of AND (f.terminated_on IS NULL OR f.terminated_on > cy.as_of)
                       AND f.concluded_on <= f.due_on) AS closed_on_time,
    count(*) FILTER (WHERE f.terminated_on <= cy.as_of) AS terminated,
    count(*) FILTER (WHERE f.concluded_on <= cy.as_of OR f.terminated_on <= cy.as_of OR cy.as_of > f.due_on) AS due,
    count(*) FILTER (WHERE f.is_key) AS key_cases,
    count(*) FILTER (WHERE f.is_key AND f.in_joint_meeting) AS key_in_joint_meeting
  FROM cy JOIN facts f ON f.county_id = cy.county_id AND f.accepted_year = cy.year AND f.accepted_on <= cy.as_of
  GROUP BY cy.county_id, cy.year
), concluded AS MATERIALIZED (
  -- 附件2 第五条 as of the day measured: a reply is due once issued or once the 7 days have run
  SELECT cy.county_id, cy.year, count(*) AS cases,
    count(*) FILTER (WHERE f.archived_on <= cy.as_of) AS archived,
    count(*) FILTER (WHERE f.reply_issued_on <= cy.as_of OR cy.as_of > f.concluded_on + 7) AS replies_due,
    count(*) FILTER (WHERE f.reply_issued_on <= cy.as_of AND f.reply_issued_on <= f.concluded_on + 7) AS replies_on_time
  FROM cy JOIN facts f ON f.county_id = cy.county_id AND f.concluded_year = cy.year AND f.concluded_on <= cy.as_of
  GROUP BY cy.county_id, cy.year
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
  WHERE r.status IN ('submitted', 'accepted') AND r.submitted_at IS NOT NULL AND r.voided_at IS NULL
  GROUP BY r.county_id, r.year
), trainings AS MATERIALIZED (
  SELECT t.county_id, extract(year FROM t.held_on)::int AS year, count(*) AS held
  FROM training t
  WHERE t.county_id IS NOT NULL AND t.held_on <= reporting.today() AND t.voided_at IS NULL
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
  reporting.percent(accepted.closed, accepted.due) AS closure_rate_pct,
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
  COALESCE(trainings.held, 0) AS trainings_held,
  COALESCE(accepted.due, 0) AS cases_due,
  COALESCE(accepted.closed_on_time, 0) AS cases_closed_on_time,
  reporting.percent(accepted.closed_on_time, accepted.due) AS on_time_closure_pct,
  COALESCE(accepted.terminated, 0) AS cases_terminated
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
`;

const COMMENTS = `
COMMENT ON COLUMN reporting.case_facts.due_on IS '办理期限最后一日：受理次日起60日加批准延长的天数（《信访工作条例》第三十四条），最后一日为法定休假日的顺延至其后第一个工作日（民法典第二百零三条）/ handling deadline on the legal calendar';
COMMENT ON COLUMN reporting.case_facts.reply_due_on IS '出具答复意见书的最后一日：终结次日起7日（附件2第五条），最后一日为法定休假日的顺延；未终结为空 / last day for the reply opinion on the legal calendar';
COMMENT ON COLUMN reporting.case_facts.reply_on_time IS '是否在终结后7日内（法定节假日顺延）出具答复意见（附件2第五条）；期限未满且未出具为空 / reply within 7 days; null while the 7 days run';
COMMENT ON COLUMN reporting.county_measures.replies_due IS '当年终结、截至统计日应出具答复意见的案件数（已出具或7日已满，法定节假日顺延）/ replies due';
COMMENT ON COLUMN reporting.county_measures.overdue_cases IS '办理超期：统计日仍在办理且已过办理期限（60日，含批准延期，法定节假日顺延）的案件数 / cases open past the handling limit on the day measured';
`;

const OLD_COMMENTS = `
COMMENT ON COLUMN reporting.case_facts.due_on IS '办理期限：受理后60日加延长天数（《信访工作条例》第三十四条）/ handling deadline';
COMMENT ON COLUMN reporting.case_facts.reply_on_time IS '是否在终结后7日内出具答复意见（附件2第五条）；7日未满且未出具为空 / reply within 7 days; null while the 7 days run';
COMMENT ON COLUMN reporting.county_measures.replies_due IS '当年终结、截至统计日应出具答复意见的案件数（已出具或7日已满）/ replies due';
COMMENT ON COLUMN reporting.county_measures.overdue_cases IS '办理超期：统计日仍在办理且已过办理期限（60日，含批准延期）的案件数 / cases open past the handling limit on the day measured';
`;

export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(ACTION_DUE + CASE_FACTS + MEASURES + COMMENTS);
}

export async function down(pgm: MigrationBuilder): Promise<void> {
  // a view keeps the columns others may read: reply_due_on stays, counted in plain days again; and
  // petition_case.action_due_on stays, no longer kept (case_facts reads petition_case.*, so dropping it would
  // mean dropping the warehouse views and their snapshots)
  pgm.sql(
    OLD_CASE_FACTS.replace(
      '  END AS reply_on_time\nFROM c',
      '  END AS reply_on_time,\n  c.concluded_on + 7 AS reply_due_on\nFROM c',
    ) +
      OLD_MEASURES +
      OLD_COMMENTS +
      `
DROP INDEX ix_petition_case_county_action_due;
DROP INDEX ix_petition_case_action_due;
DROP TRIGGER tr_petition_case_action_due_on ON petition_case;
COMMENT ON COLUMN petition_case.action_due_on IS '（已停用，不再维护）';
DROP FUNCTION petition_case_set_action_due_on();
DROP FUNCTION petition_case_action_due_on(petition_case);
CREATE INDEX ix_petition_case_county_action_due ON petition_case (county_id, ${OLD_ACTION_DUE}) WHERE voided_at IS NULL;
CREATE INDEX ix_petition_case_action_due ON petition_case (${OLD_ACTION_DUE});
`,
  );
}
