import type { MigrationBuilder } from 'node-pg-migrate';

// 持证上岗 and 一年一审核 (创建标准 三): where certificates stand today, which townships have certified agents, agents'
// training hours. The validity rule is the SQL twin of src/domain/certificate-validity.ts (a test compares
// them): valid from the issue for one year, a passed yearly review starts a new year, a failed one suspends,
// revocation ends it; a year ends on the same date a year on (《民法典》第二百零二条: month end if none). `reporting` may
// also be created by the warehouse migration, hence IF NOT EXISTS.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(`
CREATE SCHEMA IF NOT EXISTS reporting;

CREATE VIEW reporting.certificate_standing AS
WITH today AS (SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date AS d),
last_review AS (
  SELECT DISTINCT ON (r.certificate_id) r.certificate_id, r.reviewed_on, r.result
    FROM certificate_review r
    JOIN certificate c ON c.id = r.certificate_id
   WHERE r.reviewed_on >= c.issued_on AND r.reviewed_on <= (SELECT d FROM today)
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

COMMENT ON VIEW reporting.certificate_standing IS '代理员证当前效力（持证上岗、一年一审核），按中国时区的今天计算';
COMMENT ON COLUMN reporting.certificate_standing.certificate_id IS '证书ID（certificate.id）';
COMMENT ON COLUMN reporting.certificate_standing.number IS '证书编号，如 平妇代证-2024-00017';
COMMENT ON COLUMN reporting.certificate_standing.agent_id IS '持证代理员ID（agent.id）';
COMMENT ON COLUMN reporting.certificate_standing.county_id IS '所属县（市、区）ID（organization.id）';
COMMENT ON COLUMN reporting.certificate_standing.township_id IS '代理员所属乡（镇、街道）ID';
COMMENT ON COLUMN reporting.certificate_standing.village_id IS '代理员所属村（社区）ID，可为空';
COMMENT ON COLUMN reporting.certificate_standing.agent_status IS '代理员在岗状态：active 在岗，inactive 离岗';
COMMENT ON COLUMN reporting.certificate_standing.status IS '证书状态：produced 已制作待发放，issued 已发放，suspended 暂停使用，revoked 已吊销';
COMMENT ON COLUMN reporting.certificate_standing.produced_on IS '市里制作日期';
COMMENT ON COLUMN reporting.certificate_standing.issued_on IS '县里审核发放日期';
COMMENT ON COLUMN reporting.certificate_standing.revoked_on IS '吊销日期（当日起失效）';
COMMENT ON COLUMN reporting.certificate_standing.last_reviewed_on IS '最近一次年度审核日期（不晚于今天、不早于发放）';
COMMENT ON COLUMN reporting.certificate_standing.last_review_result IS '最近一次年度审核结果：passed 合格，failed 不合格';
COMMENT ON COLUMN reporting.certificate_standing.term_start IS '本期有效期起算日：发放日或最近一次审核合格日；最近审核不合格或未发放时为空';
COMMENT ON COLUMN reporting.certificate_standing.review_due_on IS '下次年度审核截止日（本期有效期最后一日）；未发放、已吊销或审核不合格暂停时为空';
COMMENT ON COLUMN reporting.certificate_standing.valid_until IS '有效期至（含当日）；无有效期时为空';
COMMENT ON COLUMN reporting.certificate_standing.valid_today IS '今天是否有效（持证上岗的依据）';
COMMENT ON COLUMN reporting.certificate_standing.days_to_review IS '距年度审核截止日的天数，负数为已逾期天数';

CREATE VIEW reporting.township_agent_coverage AS
WITH certified AS (
  SELECT DISTINCT agent_id FROM reporting.certificate_standing WHERE valid_today
),
counts AS (
  SELECT t.id AS township_id,
         count(a.id) FILTER (WHERE a.status = 'active') AS active_agents,
         count(a.id) FILTER (WHERE a.status = 'active' AND ce.agent_id IS NOT NULL) AS certified_agents
    FROM organization t
    LEFT JOIN agent a ON a.township_id = t.id
    LEFT JOIN certified ce ON ce.agent_id = a.id
   WHERE t.level = 'township'
   GROUP BY t.id
)
SELECT co.id AS county_id, co.name AS county_name, co.code AS county_code,
       t.id AS township_id, t.name AS township_name, t.code AS township_code,
       c.active_agents::int AS active_agents, c.certified_agents::int AS certified_agents,
       CASE WHEN c.certified_agents = 0 THEN 'none' WHEN c.certified_agents = 1 THEN 'one' ELSE 'two_or_more' END AS coverage
  FROM counts c
  JOIN organization t ON t.id = c.township_id
  JOIN organization co ON co.id = t.county_id;

COMMENT ON VIEW reporting.township_agent_coverage IS '各乡（镇、街道）持证代理员配备情况（创建标准三：每个乡镇1至2名持证代理员）';
COMMENT ON COLUMN reporting.township_agent_coverage.county_id IS '县（市、区）ID';
COMMENT ON COLUMN reporting.township_agent_coverage.county_name IS '县（市、区）名称';
COMMENT ON COLUMN reporting.township_agent_coverage.county_code IS '县（市、区）行政区划代码';
COMMENT ON COLUMN reporting.township_agent_coverage.township_id IS '乡（镇、街道）ID';
COMMENT ON COLUMN reporting.township_agent_coverage.township_name IS '乡（镇、街道）名称';
COMMENT ON COLUMN reporting.township_agent_coverage.township_code IS '乡（镇、街道）行政区划代码';
COMMENT ON COLUMN reporting.township_agent_coverage.active_agents IS '在岗代理员人数（含村、社区代理员）';
COMMENT ON COLUMN reporting.township_agent_coverage.certified_agents IS '今天持有效代理员证的在岗代理员人数';
COMMENT ON COLUMN reporting.township_agent_coverage.coverage IS '配备档次：none 无持证代理员，one 1名，two_or_more 2名及以上';

CREATE VIEW reporting.village_agent_coverage AS
SELECT v.county_id, v.parent_id AS township_id, v.id AS village_id, v.name AS village_name, v.code AS village_code,
       count(a.id) FILTER (WHERE a.status = 'active')::int AS active_agents,
       count(a.id) FILTER (WHERE a.status = 'active' AND EXISTS (
         SELECT 1 FROM reporting.certificate_standing s WHERE s.agent_id = a.id AND s.valid_today))::int AS certified_agents
  FROM organization v
  JOIN agent a ON a.village_id = v.id
 WHERE v.level = 'village'
 GROUP BY v.id;

COMMENT ON VIEW reporting.village_agent_coverage IS '有代理员的村（社区）及其代理员人数';
COMMENT ON COLUMN reporting.village_agent_coverage.county_id IS '县（市、区）ID';
COMMENT ON COLUMN reporting.village_agent_coverage.township_id IS '所属乡（镇、街道）ID';
COMMENT ON COLUMN reporting.village_agent_coverage.village_id IS '村（社区）ID';
COMMENT ON COLUMN reporting.village_agent_coverage.village_name IS '村（社区）名称';
COMMENT ON COLUMN reporting.village_agent_coverage.village_code IS '村（社区）行政区划代码';
COMMENT ON COLUMN reporting.village_agent_coverage.active_agents IS '在岗代理员人数';
COMMENT ON COLUMN reporting.village_agent_coverage.certified_agents IS '今天持有效代理员证的在岗代理员人数';

CREATE VIEW reporting.agent_training_hours AS
SELECT ta.agent_id, a.county_id, EXTRACT(YEAR FROM t.held_on)::int AS year,
       count(*)::int AS sessions, sum(t.hours)::numeric(6,1) AS hours
  FROM training_attendance ta
  JOIN training t ON t.id = ta.training_id
  JOIN agent a ON a.id = ta.agent_id
 GROUP BY ta.agent_id, a.county_id, EXTRACT(YEAR FROM t.held_on);

COMMENT ON VIEW reporting.agent_training_hours IS '代理员每年参加学习培训的次数和学时（学习培训制度）';
COMMENT ON COLUMN reporting.agent_training_hours.agent_id IS '代理员ID（agent.id）';
COMMENT ON COLUMN reporting.agent_training_hours.county_id IS '代理员所属县（市、区）ID';
COMMENT ON COLUMN reporting.agent_training_hours.year IS '培训年度（按培训日期）';
COMMENT ON COLUMN reporting.agent_training_hours.sessions IS '参加培训次数';
COMMENT ON COLUMN reporting.agent_training_hours.hours IS '累计学时';
`);
}

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(`
DROP VIEW reporting.agent_training_hours;
DROP VIEW reporting.village_agent_coverage;
DROP VIEW reporting.township_agent_coverage;
DROP VIEW reporting.certificate_standing;
`);
}
