import type { MigrationBuilder } from 'node-pg-migrate';

// One definition per figure (src/domain/case-statistics.ts, docs/reporting.md「各项数字的口径」), measured on
// one day: a past year as of 31 December, this year as of today, each case from its own dates — a case
// concluded on 1 January was not concluded in the year before, whatever its state today.
// 办结率 = 已办结 ÷ 应办结: the denominator holds the cases that should have been concluded by then
// (concluded, dissolved — 解除代理, 附件2 第六条 无法办结 — or past the handling limit, extension included,
// 条例第三十四条), so a case still inside its limit no longer counts against the county. 按期办结率 and
// 解除代理 are their own columns. The due day is reporting.case_facts.due_on, whatever calendar it follows.
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

const SCORECARD = `
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
  ('closure_rate', m.closure_rate_pct, m.cases_closed::bigint, m.cases_due::bigint),
  ('reply_on_time', m.reply_on_time_pct, m.replies_on_time::bigint, m.replies_due::bigint),
  ('archived_share', m.archived_pct, m.cases_archived::bigint, m.cases_concluded::bigint),
  ('overdue_cases', m.overdue_cases::numeric, m.overdue_cases::bigint, NULL),
  ('key_cases_joint_meeting', m.key_cases_joint_meeting_pct, m.key_cases_in_joint_meeting::bigint, m.key_cases::bigint),
  ('annual_statistics_on_time', m.statistics_on_time::numeric, m.statistics_on_time::bigint, NULL),
  ('trainings_held', m.trainings_held::numeric, m.trainings_held::bigint, NULL)
) AS v(code, measure, numerator, denominator)
JOIN reporting.creation_standard s ON s.code = v.code;
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
`;

const OLD_SCORECARD = `
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
`;

// The dashboard's 办结情况 per county and year, kept as a snapshot like the scorecard for large programs
// (docs/reporting.md「数据时效」): county_measures is computed for every year at once.
const SNAPSHOT = `
CREATE MATERIALIZED VIEW reporting.county_closure_snapshot AS
  SELECT county_id, year, as_of, cases_accepted, cases_due, cases_closed, closure_rate_pct, cases_closed_on_time,
    on_time_closure_pct, cases_terminated
    FROM reporting.county_measures
  WITH NO DATA;
CREATE UNIQUE INDEX ux_county_closure_snapshot ON reporting.county_closure_snapshot (year, county_id);
DO $$
DECLARE r record;
BEGIN
  FOR r IN
    SELECT a.attname, col_description('reporting.county_measures'::regclass, va.attnum) AS comment
      FROM pg_attribute a
      JOIN pg_attribute va ON va.attrelid = 'reporting.county_measures'::regclass AND va.attname = a.attname
     WHERE a.attrelid = 'reporting.county_closure_snapshot'::regclass AND a.attnum > 0
  LOOP
    EXECUTE format('COMMENT ON COLUMN reporting.county_closure_snapshot.%I IS %L', r.attname, r.comment);
  END LOOP;
END $$;
COMMENT ON MATERIALIZED VIEW reporting.county_closure_snapshot IS '县（市、区）办结情况（应办结、已办结、按期办结、解除代理）的快照，取自 county_measures / snapshot of the closure figures';
GRANT SELECT ON reporting.county_closure_snapshot TO wpa_reporting;
`;

const COMMENTS = `
COMMENT ON COLUMN reporting.county_measures.as_of IS '统计日：往年为当年12月31日，今年为今日；各项按案件自身日期截至统计日计算 / the day measured';
COMMENT ON COLUMN reporting.county_measures.cases_accepted IS '当年受理案件数（截至统计日）/ cases accepted that year';
COMMENT ON COLUMN reporting.county_measures.cases_closed IS '已办结：当年受理、截至统计日已终结（含已立案归档）且未解除代理的 / concluded by the day measured';
COMMENT ON COLUMN reporting.county_measures.closure_rate_pct IS '办结率（%）= 已办结 ÷ 应办结 / closure rate: concluded ÷ due (%)';
COMMENT ON COLUMN reporting.county_measures.cases_concluded IS '当年终结案件数（截至统计日）/ cases concluded that year';
COMMENT ON COLUMN reporting.county_measures.cases_archived IS '其中截至统计日已立案归档的 / of which archived by the day measured';
COMMENT ON COLUMN reporting.county_measures.replies_due IS '当年终结、截至统计日应出具答复意见的案件数（已出具或7日已满）/ replies due';
COMMENT ON COLUMN reporting.county_measures.overdue_cases IS '办理超期：统计日仍在办理且已过办理期限（60日，含批准延期）的案件数 / cases open past the handling limit on the day measured';
COMMENT ON COLUMN reporting.county_measures.cases_due IS '应办结：当年受理、截至统计日已终结、已解除代理或已过办理期限（含延期）的案件数；仍在期限内的不计 / cases that should have been concluded by the day measured';
COMMENT ON COLUMN reporting.county_measures.cases_closed_on_time IS '按期办结：已办结中于办理期限（含延期）内终结的 / concluded within the handling limit';
COMMENT ON COLUMN reporting.county_measures.on_time_closure_pct IS '按期办结率（%）= 按期办结 ÷ 应办结 / concluded within the limit ÷ due (%)';
COMMENT ON COLUMN reporting.county_measures.cases_terminated IS '解除代理：当年受理、截至统计日已解除代理协议的案件数（附件2第六条，计入应办结、不计入已办结）/ agreements dissolved';
COMMENT ON COLUMN reporting.county_ranking.rank IS '达标排名：按达标率、达标项数、办结率从高到低（不是考评名次）/ rank by pass rate, then standards met, then closure rate';
COMMENT ON COLUMN reporting.county_ranking_snapshot.rank IS '达标排名：按达标率、达标项数、办结率从高到低（不是考评名次）/ rank by pass rate, then standards met, then closure rate';
`;

export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(MEASURES + SCORECARD + COMMENTS + SNAPSHOT);
}

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql('DROP MATERIALIZED VIEW reporting.county_closure_snapshot;');
  // the four new columns stay (a view keeps the columns others may read); the figures are counted as before
  pgm.sql(
    OLD_MEASURES.replace(
      'COALESCE(trainings.held, 0) AS trainings_held\nFROM cy',
      `COALESCE(trainings.held, 0) AS trainings_held,
  0::bigint AS cases_due, 0::bigint AS cases_closed_on_time, NULL::numeric AS on_time_closure_pct,
  0::bigint AS cases_terminated
FROM cy`,
    ) + OLD_SCORECARD,
  );
}
