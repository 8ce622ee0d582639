import type { MigrationBuilder } from 'node-pg-migrate';

// The reporting warehouse (counties against the 创建标准): documented, read-only views for the built-in dashboards,
// Metabase and analysts. Every figure is computed live from the program tables (see docs/reporting.md for why
// no materialised view is needed at this size). The SQL is frozen here, never imported.

const VIEWS_SQL = `
CREATE SCHEMA IF NOT EXISTS reporting;

-- The reporting day: China's calendar date, or the session setting reporting.today (tests, what-if).
CREATE FUNCTION reporting.today() RETURNS date LANGUAGE sql STABLE AS $$
  SELECT COALESCE(NULLIF(current_setting('reporting.today', true), '')::date, (now() AT TIME ZONE 'Asia/Shanghai')::date)
$$;

CREATE FUNCTION reporting.percent(part bigint, whole bigint) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$
  SELECT round(100.0 * part / NULLIF(whole, 0), 1)
$$;

-- Written by the app at start from src/domain/creation-standards.ts (the policy); seeded below.
CREATE TABLE reporting.creation_standard (
  code varchar(40) PRIMARY KEY,
  sort_order integer NOT NULL,
  section varchar(40) NOT NULL,
  name varchar(40) NOT NULL,
  unit varchar(10) NOT NULL,
  comparison varchar(2) NOT NULL CHECK (comparison IN ('>=', '<=')),
  target numeric NOT NULL,
  description text NOT NULL
);

-- Written by the app at start from src/admin/locale/enums.ts: Chinese labels of stored enum values.
CREATE TABLE reporting.enum_label (
  enum_type varchar(40) NOT NULL,
  value varchar(40) NOT NULL,
  label varchar(60) NOT NULL,
  PRIMARY KEY (enum_type, value)
);

CREATE VIEW reporting.county AS
SELECT c.id AS county_id, c.code AS county_code, c.name AS county_name, c.short_name,
  (SELECT count(*) FROM organization t WHERE t.county_id = c.id AND t.level = 'township') AS townships,
  (SELECT count(*) FROM organization v WHERE v.county_id = c.id AND v.level = 'village') AS villages
FROM organization c
WHERE c.level = 'county';

CREATE VIEW reporting.case_facts AS
WITH c AS (
  SELECT pc.*, (pc.accepted_on + 60 + COALESCE(pc.extension_days, 0)) AS due_on
  FROM petition_case pc
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

-- The certificate validity rule of src/domain/certificate-validity.ts (and of reporting.certificate_standing,
-- which says where a certificate stands today), as periods so that any past day can be asked: valid for
-- one year from the issue or a passed review, the last day being the same date a year on; a failed review
-- suspends from its day, revocation ends from its day; on a tie the failed review counts last.
-- tests/reporting-scorecard.test.ts compares the two on every certificate of the demo.
CREATE VIEW reporting.certificate_period AS
WITH event AS (
  SELECT c.id AS certificate_id, c.issued_on AS on_date, 'issued'::text AS kind, 0 AS tie, 0 AS seq
  FROM certificate c WHERE c.issued_on IS NOT NULL AND c.status <> 'produced'
  UNION ALL
  SELECT r.certificate_id, r.reviewed_on, r.result::text, CASE r.result WHEN 'failed' THEN 2 ELSE 1 END, r.id
  FROM certificate_review r JOIN certificate c ON c.id = r.certificate_id
  WHERE c.issued_on IS NOT NULL AND c.status <> 'produced' AND r.reviewed_on >= c.issued_on
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

CREATE VIEW reporting.certificate_facts AS
SELECT s.certificate_id, s.number, s.agent_id, a.county_id, county.name AS county_name,
  a.township_id, township.name AS township_name,
  s.status::text AS status, COALESCE(status_label.label, s.status::text) AS status_label,
  s.produced_on, s.issued_on, s.revoked_on,
  (SELECT count(*) FROM certificate_review r WHERE r.certificate_id = s.certificate_id) AS review_count,
  s.last_reviewed_on, s.last_review_result::text AS last_review_result,
  s.review_due_on, s.valid_until, s.valid_today
FROM reporting.certificate_standing s
JOIN agent a ON a.id = s.agent_id
JOIN organization county ON county.id = a.county_id
JOIN organization township ON township.id = a.township_id
LEFT JOIN reporting.enum_label status_label ON status_label.enum_type = 'certificate_status' AND status_label.value = s.status::text;

CREATE VIEW reporting.agent_facts AS
SELECT a.id AS agent_id, a.name, a.county_id, county.name AS county_name, a.township_id, township.name AS township_name,
  a.village_id, village.name AS village_name, a.gender::text AS gender,
  a.status::text AS status, COALESCE(status_label.label, a.status::text) AS status_label, a.appointed_on,
  EXISTS (SELECT 1 FROM reporting.certificate_standing s WHERE s.agent_id = a.id AND s.valid_today) AS has_valid_certificate,
  (SELECT count(*) FROM certificate c WHERE c.agent_id = a.id) AS certificates,
  (SELECT count(*) FROM petition_case pc WHERE pc.agent_id = a.id) AS cases_total,
  (SELECT count(*) FROM petition_case pc WHERE pc.agent_id = a.id AND pc.state IN ('accepted', 'representing')) AS cases_open,
  (SELECT count(*) FROM training_attendance ta WHERE ta.agent_id = a.id) AS trainings_attended
FROM agent a
JOIN organization county ON county.id = a.county_id
JOIN organization township ON township.id = a.township_id
LEFT JOIN organization village ON village.id = a.village_id
LEFT JOIN reporting.enum_label status_label ON status_label.enum_type = 'agent_status' AND status_label.value = a.status::text;

-- 平妇字〔2014〕17号 started the program in 2014; a year is measured as of its last day, or today.
CREATE VIEW reporting.county_year AS
SELECT c.county_id, c.county_code, c.county_name, y.year::int AS year,
  LEAST(make_date(y.year::int, 12, 31), reporting.today()) AS as_of
FROM reporting.county c
CROSS JOIN generate_series(2014, extract(year FROM reporting.today())::int) AS y(year);

CREATE VIEW reporting.county_measures AS
WITH cy AS MATERIALIZED (
  SELECT * FROM reporting.county_year
), period AS MATERIALIZED (
  SELECT * FROM reporting.certificate_period
), facts AS MATERIALIZED (
  SELECT * FROM reporting.case_facts
), systems AS MATERIALIZED (
  SELECT cy.county_id, cy.year, count(*) AS adopted
  FROM cy JOIN work_system w ON w.county_id = cy.county_id AND w.adopted_on <= cy.as_of
  GROUP BY cy.county_id, cy.year
), point AS MATERIALIZED (
  SELECT cy.county_id, cy.year,
    -- 创建标准（二）: the unified name ×××县（市、区）妇女信访代理工作点
    w.name = cy.county_name || '妇女信访代理工作点' AS unified_name,
    w.unified_process, w.unified_standard, w.plaque_hung, w.rules_on_wall, w.process_on_wall
  FROM cy JOIN work_point w ON w.county_id = cy.county_id AND (w.established_on IS NULL OR w.established_on <= cy.as_of)
), roster AS MATERIALIZED (
  -- agents appointed by then and not yet gone: active now, or their last revocation came later
  -- (today this is the active agents, as in reporting.township_agent_coverage)
  SELECT cy.county_id, cy.year, a.id AS agent_id, a.township_id
  FROM cy JOIN agent a ON a.county_id = cy.county_id AND a.appointed_on <= cy.as_of
  WHERE a.status = 'active' OR (SELECT max(c.revoked_on) FROM certificate c WHERE c.agent_id = a.id) > cy.as_of
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
  WHERE r.status IN ('submitted', 'accepted') AND r.submitted_at IS NOT NULL
  GROUP BY r.county_id, r.year
), trainings AS MATERIALIZED (
  SELECT t.county_id, extract(year FROM t.held_on)::int AS year, count(*) AS held
  FROM training t
  WHERE t.county_id IS NOT NULL AND t.held_on <= reporting.today()
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

CREATE VIEW reporting.county_scorecard AS
SELECT m.county_id, m.county_code, m.county_name, m.year, m.as_of,
  s.code AS standard_code, s.sort_order, s.section, s.name AS standard_name, s.unit, s.comparison, s.target,
  v.measure,
  CASE WHEN v.measure IS NULL THEN NULL WHEN s.comparison = '>=' THEN v.measure >= s.target ELSE v.measure <= s.target END AS passed
FROM reporting.county_measures m
CROSS JOIN LATERAL (VALUES
  ('work_systems', m.work_systems_adopted::numeric),
  ('work_point', m.work_point_items::numeric),
  ('township_coverage', m.township_coverage_pct),
  ('certified_agents', m.agents_certified_pct),
  ('certificate_reviews', m.reviews_done_pct),
  ('cases_accepted', m.cases_accepted::numeric),
  ('closure_rate', m.closure_rate_pct),
  ('reply_on_time', m.reply_on_time_pct),
  ('archived_share', m.archived_pct),
  ('overdue_cases', m.overdue_cases::numeric),
  ('key_cases_joint_meeting', m.key_cases_joint_meeting_pct),
  ('annual_statistics_on_time', m.statistics_on_time::numeric),
  ('trainings_held', m.trainings_held::numeric)
) AS v(code, measure)
JOIN reporting.creation_standard s ON s.code = v.code;

CREATE VIEW reporting.county_ranking AS
WITH summary AS (
  SELECT s.county_id, s.county_code, s.county_name, s.year,
    count(*) FILTER (WHERE s.passed) AS standards_met,
    count(s.passed) AS standards_assessed,
    count(*) AS standards_total,
    reporting.percent(count(*) FILTER (WHERE s.passed), count(s.passed)) AS pass_rate_pct,
    max(s.measure) FILTER (WHERE s.standard_code = 'closure_rate') AS closure_rate_pct
  FROM reporting.county_scorecard s
  GROUP BY s.county_id, s.county_code, s.county_name, s.year
)
SELECT summary.*,
  rank() OVER (PARTITION BY summary.year
    ORDER BY summary.pass_rate_pct DESC NULLS LAST, summary.standards_met DESC, summary.closure_rate_pct DESC NULLS LAST)::int AS rank
FROM summary;

CREATE VIEW reporting.county_month_cases AS
SELECT e.county_id, county.name AS county_name, e.month, extract(year FROM e.month)::int AS year,
  sum(e.accepted)::int AS cases_accepted, sum(e.concluded)::int AS cases_concluded
FROM (
  SELECT pc.county_id, date_trunc('month', pc.accepted_on)::date AS month, 1 AS accepted, 0 AS concluded FROM petition_case pc
  UNION ALL
  SELECT pc.county_id, date_trunc('month', pc.concluded_on)::date, 0, 1 FROM petition_case pc WHERE pc.concluded_on IS NOT NULL
) e
JOIN organization county ON county.id = e.county_id
GROUP BY e.county_id, county.name, e.month;
`;

/** Seed of reporting.creation_standard: a frozen copy of src/domain/creation-standards.ts at this migration. */
const STANDARDS: [string, string, string, string, string, number, string][] = [
  [
    'work_systems',
    '（一）健全工作制度',
    '六项工作制度',
    '项',
    '>=',
    6,
    '学习培训、信息上报、反馈回访、立案归档、考核奖励、责任追究六项制度中已建立的项数',
  ],
  [
    'work_point',
    '（二）设立工作阵地',
    '工作点规范化',
    '项',
    '>=',
    6,
    '名称统一、流程统一、标准统一（规范样表文本）、挂牌、制度上墙、流程上墙六项中做到的项数',
  ],
  [
    'township_coverage',
    '（三）组建工作队伍',
    '乡镇持证代理员覆盖率',
    '%',
    '>=',
    100,
    '至少有1名持有效证书代理员的乡（镇、街道）占全部乡（镇、街道）的百分比',
  ],
  [
    'certified_agents',
    '（三）组建工作队伍',
    '代理员持证率',
    '%',
    '>=',
    100,
    '在岗代理员中持有效证书者的百分比（持证上岗）',
  ],
  [
    'certificate_reviews',
    '（三）组建工作队伍',
    '证书按期年审率',
    '%',
    '>=',
    100,
    '当年到期的证书年审中按期完成（到期后30日内）的百分比（一年一审核）',
  ],
  ['cases_accepted', '（四）明确工作任务', '受理案件数', '件', '>=', 1, '当年受理的代理案件数'],
  ['closure_rate', '（四）明确工作任务', '办结率', '%', '>=', 90, '当年受理的案件中已终结或已立案归档的百分比'],
  [
    'reply_on_time',
    '（五）提高工作成效',
    '7日内出具答复意见率',
    '%',
    '>=',
    100,
    '当年终结的案件中于终结后7日内出具答复意见书的百分比（附件2第五条）',
  ],
  ['archived_share', '工作要求（一案一卷）', '立案归档率', '%', '>=', 90, '当年终结的案件中已立案归档的百分比'],
  [
    'overdue_cases',
    '（五）提高工作成效',
    '超期未办结案件',
    '件',
    '<=',
    0,
    '统计日（年末或今日）仍在办理且已超过60日（含批准延期）办理期限的案件数（《信访工作条例》第三十四条）',
  ],
  [
    'key_cases_joint_meeting',
    '（一）健全工作制度',
    '重点案件纳入联席会议率',
    '%',
    '>=',
    100,
    '当年受理的重点案件中纳入同级信访联席会议的百分比',
  ],
  [
    'annual_statistics_on_time',
    '工作要求（年终统计）',
    '年终统计按时上报',
    '是/否',
    '>=',
    1,
    '当年结案统计表（附件7）于12月20日（北京时间）前上报：1 按时，0 未按时；12月20日前尚未上报为空（未到期）',
  ],
  [
    'trainings_held',
    '工作要求（学习培训）',
    '举办培训次数',
    '次',
    '>=',
    1,
    '县（市、区）当年自行举办的代理员培训次数（市级培训不计入）',
  ],
];

/** COMMENT ON for every view and column: what Metabase and analysts see (docs/reporting.md is generated from them). */
const COMMENTS: Record<string, { about: string; columns: Record<string, string> }> = {
  creation_standard: {
    about:
      '创建标准（平妇字〔2014〕17号）的考核指标、目标值与比较方式 / the creation standards as measurable targets; kept equal to src/domain/creation-standards.ts by the app at start',
    columns: {
      code: '指标代码 / standard code',
      sort_order: '显示顺序 / display order',
      section: '所属创建标准条目或工作要求 / section of the notice',
      name: '指标名称 / standard name (Chinese)',
      unit: '单位：项、%、件、次、是/否 / unit',
      comparison: '达标方式：>= 不低于目标，<= 不高于目标 / pass when measure >= or <= target',
      target: '目标值 / target',
      description: '口径说明 / how the measure is computed',
    },
  },
  enum_label: {
    about: '枚举值的中文名称 / Chinese labels of stored enum values; written by the app at start',
    columns: {
      enum_type: '枚举类型名 / PostgreSQL enum type',
      value: '存储值 / stored value',
      label: '中文名称 / Chinese label',
    },
  },
  county: {
    about: '县（市、区）维表，每县一行 / one row per county-level unit',
    columns: {
      county_id: '县（市、区）ID / organization id',
      county_code: 'GB/T 2260 行政区划代码 / division code',
      county_name: '名称 / name',
      short_name: '简称 / short name',
      townships: '所辖乡（镇、街道）数 / townships',
      villages: '所辖村（社区）数 / villages and communities',
    },
  },
  case_facts: {
    about: "案件事实表，每案一行，不含信访人个人信息 / one row per case, without the petitioner's personal data",
    columns: {
      case_id: '案件ID / case id',
      case_no: '案件编号 / case number',
      county_id: '县（市、区）ID / county id',
      county_name: '县（市、区）名称 / county',
      township_id: '乡（镇、街道）ID / township id (may be null)',
      township_name: '乡（镇、街道）名称 / township',
      agent_id: '承办代理员ID / agent id (may be null)',
      state: '当前状态代码：accepted, representing, concluded, archived, terminated / current state',
      state_label: '当前状态：受理、代理中、终结、立案归档、解除代理 / state in Chinese',
      category: '事项类别代码 / matter category code',
      category_label: '事项类别 / matter category in Chinese',
      source: '来源代码 / source code',
      source_label: '来源：来访、来信、来电、网上信访、上级转办 / source in Chinese',
      is_group: '是否群体案件 / group case',
      group_size: '群体人数 / group size',
      is_key: '是否重点案件 / key case',
      in_joint_meeting: '是否纳入信访联席会议 / brought to the joint meeting',
      accepted_on: '受理日期 / accepted on',
      accepted_year: '受理年份 / year accepted',
      accepted_month: '受理月份（当月1日）/ month accepted (first day)',
      representing_since: '开始代理日期 / representing since',
      extension_days: '经批准延长的天数（最多30日）/ approved extension in days',
      due_on: '办理期限：受理后60日加延长天数（《信访工作条例》第三十四条）/ handling deadline',
      concluded_on: '终结日期 / concluded on',
      concluded_year: '终结年份 / year concluded',
      reply_issued_on: '出具答复意见书日期 / reply opinion issued on',
      archived_on: '立案归档日期 / archived on',
      terminated_on: '解除代理日期 / agreement dissolved on',
      handling_days: '受理至终结的天数 / days from acceptance to conclusion',
      reply_days: '终结至出具答复意见的天数 / days from conclusion to reply',
      is_open: '是否仍在办理（受理或代理中）/ still open',
      is_overdue: '今日仍在办理且已过办理期限 / open and past its deadline today',
      concluded_on_time: '是否在办理期限内终结；未终结为空 / concluded by the deadline; null while not concluded',
      reply_on_time:
        '是否在终结后7日内出具答复意见（附件2第五条）；7日未满且未出具为空 / reply within 7 days; null while the 7 days run',
    },
  },
  certificate_period: {
    about:
      '代理员证有效期段：发放或年审合格之日起一年（至次年同日，含当日），下次年审（不合格即暂停）或吊销之前一日止；与 src/domain/certificate-validity.ts 同一规则 / validity periods of certificates, to ask about any past day',
    columns: {
      certificate_id: '证书ID / certificate id',
      agent_id: '代理员ID / agent id',
      county_id: '发证县（市、区）ID / issuing county id',
      anchor_kind: '起算事件：issued 发放，passed 年审合格 / what opened the period',
      valid_from: '有效期起始日（含）/ valid from (inclusive)',
      valid_through:
        '有效期最后一日（含）；早于起始日表示该段为空 / last valid day (inclusive); before valid_from: empty',
      review_due_on: '本期年审截止日：起始日一年后的同日 / the yearly review falls due on',
      next_review_on: '其后第一次年审日期（不论结果）/ the next review, passed or failed',
      revoked_on: '证书吊销日期（当日起失效）/ certificate revoked on',
    },
  },
  certificate_facts: {
    about:
      '代理员证事实表，每证一行，今日效力取自 reporting.certificate_standing / one row per certificate, standing today',
    columns: {
      certificate_id: '证书ID / certificate id',
      number: '证书编号 / certificate number',
      agent_id: '代理员ID / agent id',
      county_id: '县（市、区）ID / county id',
      county_name: '县（市、区）名称 / county',
      township_id: '代理员所在乡（镇、街道）ID / township id',
      township_name: '代理员所在乡（镇、街道）/ township',
      status: '证书状态代码：produced, issued, suspended, revoked / status',
      status_label: '证书状态：已制作、已发放、暂停、已吊销 / status in Chinese',
      produced_on: '制作日期 / produced on',
      issued_on: '发放日期 / issued on',
      revoked_on: '吊销日期 / revoked on',
      review_count: '年审次数 / reviews recorded',
      last_reviewed_on: '最近一次年审日期 / last review',
      last_review_result: '最近一次年审结果：passed, failed / last review result',
      review_due_on: '下次年审截止日 / next review due',
      valid_until: '有效期至（含当日）/ valid until (inclusive)',
      valid_today: '今日是否有效 / valid today',
    },
  },
  agent_facts: {
    about: '代理员事实表，每人一行，不含身份证号和电话 / one row per agent, without ID number and phone',
    columns: {
      agent_id: '代理员ID / agent id',
      name: '姓名 / name',
      county_id: '县（市、区）ID / county id',
      county_name: '县（市、区）名称 / county',
      township_id: '乡（镇、街道）ID / township id',
      township_name: '乡（镇、街道）/ township',
      village_id: '村（社区）ID / village id',
      village_name: '村（社区）/ village or community',
      gender: '性别代码：female, male / gender',
      status: '在岗状态代码：active, inactive / status',
      status_label: '在岗状态：在岗、离岗 / status in Chinese',
      appointed_on: '选聘日期 / appointed on',
      has_valid_certificate: '今日是否持有效证书 / holds a valid certificate today',
      certificates: '证书数 / certificates held over time',
      cases_total: '承办案件总数 / cases handled',
      cases_open: '在办案件数 / open cases',
      trainings_attended: '参训次数 / trainings attended',
    },
  },
  county_year: {
    about:
      '县（市、区）× 年份，2014年至今年；统计日为当年12月31日或今日 / county × year from 2014, measured as of year end or today',
    columns: {
      county_id: '县（市、区）ID / county id',
      county_code: '行政区划代码 / division code',
      county_name: '名称 / county',
      year: '年份 / year',
      as_of: '统计日：当年12月31日，今年为今日 / the day measured',
    },
  },
  county_measures: {
    about:
      '县（市、区）年度考核数据（宽表），每县每年一行，含各指标分子分母 / every creation-standard figure with its parts, one row per county and year',
    columns: {
      county_id: '县（市、区）ID / county id',
      county_code: '行政区划代码 / division code',
      county_name: '名称 / county',
      year: '年份 / year',
      as_of: '统计日 / the day measured',
      work_systems_adopted: '统计日前已建立的工作制度项数（共6项）/ work systems adopted by then (of 6)',
      has_work_point: '统计日前是否已设立工作点 / work point established by then',
      wp_unified_name: '工作点名称统一为“×××妇女信访代理工作点” / unified name',
      wp_unified_process: '流程统一（受理-代理-终结-立案归档）/ unified process',
      wp_unified_standard: '标准统一（有健全制度、规范样表和文本）/ unified standard, standard forms',
      wp_plaque_hung: '已挂牌 / plaque hung',
      wp_rules_on_wall: '工作制度已上墙 / rules on the wall',
      wp_process_on_wall: '工作流程已上墙 / process on the wall',
      work_point_items:
        '以上六项做到的项数（工作点各项为当前状态）/ of those six, how many (current state of the work point)',
      townships_total: '所辖乡（镇、街道）数 / townships',
      townships_covered:
        '统计日有在册且持有效证书代理员的乡（镇、街道）数（含村、社区代理员）/ townships with at least one validly certified agent on the roster',
      township_coverage_pct: '乡镇持证代理员覆盖率（%）/ townships covered (%)',
      agents_on_roster: '统计日在册代理员数（已选聘；在岗，或离岗但吊销在统计日之后）/ agents on the roster',
      agents_certified: '其中持有效证书人数 / of whom validly certified',
      agents_certified_pct: '代理员持证率（%）/ agents holding a valid certificate (%)',
      reviews_due: '当年到期的证书年审数（到期30日内完成的，或已过30日的）/ yearly reviews falling due that year',
      reviews_done: '其中于到期后30日内完成的 / of which done within 30 days of falling due',
      reviews_done_pct: '证书按期年审率（%）/ reviews done when due (%)',
      cases_accepted: '当年受理案件数 / cases accepted that year',
      cases_closed: '其中当前已终结或已立案归档的 / of which now concluded or archived',
      closure_rate_pct: '办结率（%）= 已终结或归档 ÷ 当年受理 / closure rate (%)',
      cases_concluded: '当年终结案件数 / cases concluded that year',
      cases_archived: '其中已立案归档的 / of which archived',
      archived_pct: '立案归档率（%）/ archived ÷ concluded (%)',
      replies_due: '当年终结、应出具答复意见的案件数（已出具或7日已满）/ replies due',
      replies_on_time: '其中终结后7日内出具的 / replies issued within 7 days',
      reply_on_time_pct: '7日内出具答复意见率（%）/ replies on time (%)',
      overdue_cases: '统计日仍在办理且超过办理期限的案件数 / cases open past their deadline on the day measured',
      key_cases: '当年受理的重点案件数 / key cases accepted that year',
      key_cases_in_joint_meeting: '其中纳入信访联席会议的 / of which brought to the joint meeting',
      key_cases_joint_meeting_pct: '重点案件纳入联席会议率（%）/ key cases in the joint meeting (%)',
      statistics_submitted_at: '年终统计表（附件7）首次上报时间 / annual statistics first submitted at',
      statistics_on_time: '年终统计按时上报：1 于12月20日前上报，0 逾期或未报，空 尚未到期 / submitted by 20 December',
      trainings_held: '当年县级自行举办培训次数 / trainings the county held that year',
    },
  },
  county_scorecard: {
    about:
      '县（市、区）创建标准达标表（长表），每县每年每项标准一行 / one row per county, year and creation standard: measure, target, pass/fail',
    columns: {
      county_id: '县（市、区）ID / county id',
      county_code: '行政区划代码 / division code',
      county_name: '名称 / county',
      year: '年份 / year',
      as_of: '统计日 / the day measured',
      standard_code: '指标代码 / standard code',
      sort_order: '显示顺序 / display order',
      section: '所属创建标准条目 / section',
      standard_name: '指标名称 / standard',
      unit: '单位 / unit',
      comparison: '达标方式 >= 或 <= / comparison',
      target: '目标值 / target',
      measure: '实际值；无可考核对象时为空 / measured value; null when nothing to measure',
      passed: '是否达标；实际值为空时为空（不考核）/ passed; null when not assessed',
    },
  },
  county_ranking: {
    about: '县（市、区）年度达标排名，每县每年一行 / one row per county and year: standards met and rank',
    columns: {
      county_id: '县（市、区）ID / county id',
      county_code: '行政区划代码 / division code',
      county_name: '名称 / county',
      year: '年份 / year',
      standards_met: '达标项数 / standards met',
      standards_assessed: '参与考核项数（实际值不为空）/ standards assessed',
      standards_total: '指标总数 / standards in total',
      pass_rate_pct: '达标率（%）= 达标项数 ÷ 考核项数 / share of assessed standards met',
      closure_rate_pct: '办结率（%），排名并列时比较 / closure rate, the tie-breaker',
      rank: '名次：按达标率、达标项数、办结率从高到低 / rank by pass rate, then standards met, then closure rate',
    },
  },
  county_month_cases: {
    about: '县（市、区）月度受理与终结案件数 / cases accepted and concluded per county and month',
    columns: {
      county_id: '县（市、区）ID / county id',
      county_name: '名称 / county',
      month: '月份（当月1日）/ month (first day)',
      year: '年份 / year',
      cases_accepted: '当月受理案件数 / cases accepted that month',
      cases_concluded: '当月终结案件数 / cases concluded that month',
    },
  },
};

const TABLES = new Set(['creation_standard', 'enum_label']);

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

function commentsSql(): string {
  return Object.entries(COMMENTS)
    .map(([relation, { about, columns }]) =>
      [
        `COMMENT ON ${TABLES.has(relation) ? 'TABLE' : 'VIEW'} reporting.${relation} IS ${literal(about)};`,
        ...Object.entries(columns).map(
          ([col, text]) => `COMMENT ON COLUMN reporting.${relation}.${col} IS ${literal(text)};`,
        ),
      ].join('\n'),
    )
    .join('\n');
}

function seedSql(): string {
  const rows = STANDARDS.map(
    ([code, section, name, unit, cmp, target, description], i) =>
      `(${literal(code)}, ${i + 1}, ${literal(section)}, ${literal(name)}, ${literal(unit)}, ${literal(cmp)}, ${target}, ${literal(description)})`,
  );
  return `INSERT INTO reporting.creation_standard (code, sort_order, section, name, unit, comparison, target, description) VALUES\n${rows.join(',\n')};`;
}

// Metabase and analysts log in as wpa_reporting: USAGE on reporting and SELECT on its views only. Views
// read the base tables with their owner's rights, so the role needs (and has) no grant on public. The
// role is cluster-wide: created once, without login; the app gives it a password from
// REPORTING_DB_PASSWORD (src/reports/reporting-role.ts).
const ROLE_SQL = `
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wpa_reporting') THEN
    CREATE ROLE wpa_reporting NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION;
  END IF;
END $$;
ALTER ROLE wpa_reporting SET default_transaction_read_only = on;
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM wpa_reporting;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM wpa_reporting;
REVOKE CREATE ON SCHEMA public FROM wpa_reporting;
GRANT USAGE ON SCHEMA reporting TO wpa_reporting;
GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO wpa_reporting;
ALTER DEFAULT PRIVILEGES IN SCHEMA reporting GRANT SELECT ON TABLES TO wpa_reporting;
`;

export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(VIEWS_SQL);
  pgm.sql(seedSql());
  pgm.sql(commentsSql());
  pgm.sql(ROLE_SQL);
}

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(`
ALTER DEFAULT PRIVILEGES IN SCHEMA reporting REVOKE SELECT ON TABLES FROM wpa_reporting;
REVOKE ALL ON ALL TABLES IN SCHEMA reporting FROM wpa_reporting;
REVOKE USAGE ON SCHEMA reporting FROM wpa_reporting;
DROP VIEW reporting.county_month_cases, reporting.county_ranking, reporting.county_scorecard, reporting.county_measures,
  reporting.county_year, reporting.agent_facts, reporting.certificate_facts, reporting.certificate_period,
  reporting.case_facts, reporting.county;
DROP TABLE reporting.enum_label, reporting.creation_standard;
DROP FUNCTION reporting.percent(bigint, bigint), reporting.today();
-- other databases of the cluster may still grant to the role: then it stays
DO $$ BEGIN
  DROP ROLE wpa_reporting;
EXCEPTION WHEN dependent_objects_still_exist THEN
  RAISE NOTICE 'wpa_reporting still has privileges in another database; not dropped';
END $$;
`);
}
