import type { MigrationBuilder } from 'node-pg-migrate';

// 《信访工作条例》第二十一条: the petitioner can query how her matter is handled and rate it.
//
// - case_query_code: one query code per case, issued by a trigger the moment the case is registered
//   (whatever path registers it: the admin form, the demo or scale seeding, a restore), re-issued by the
//   clerk (services/query-code.ts). Kept as the code itself, not a hash: the clerk prints it on the 告知书
//   (附件3) and, weeks later, on the 答复意见书 (附件5) — with only a hash, the second print would need a new
//   code and kill the one on her first paper. The table is outside AdminJS, the reporting schema and the
//   audit trail; only the case's own county staff and the city see it.
//   Crockford base32 (no I, L, O, U), 10 characters = 50 random bits from gen_random_uuid()'s strong random.
// - case_rating: her rating after the reply opinion, replaceable for 15 days, then locked.
// - public_rate_limit: the shared counters of express-rate-limit for /query (per address and per case), so
//   that several instances behind a load balancer throttle together.
// - reporting.county_satisfaction: 满意率 per county and year.
const TABLES_SQL = `
CREATE FUNCTION new_query_code() RETURNS varchar LANGUAGE sql VOLATILE AS $$
  SELECT string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (get_byte(r.b, i) & 31) + 1, 1), '' ORDER BY i)
    FROM (SELECT decode(replace(gen_random_uuid()::text, '-', ''), 'hex') AS b) r,
         unnest(ARRAY[0, 1, 2, 3, 4, 5, 9, 10, 11, 12]) AS i
$$;
COMMENT ON FUNCTION new_query_code() IS '信访人查询码：10位 Crockford base32（50位随机数）';

CREATE TABLE case_query_code (
  case_id integer PRIMARY KEY CONSTRAINT fk_case_query_code_case REFERENCES petition_case (id),
  code varchar(10) NOT NULL CONSTRAINT ck_case_query_code_code CHECK (code ~ '^[0-9A-HJKMNP-TV-Z]{10}$'),
  issued_at timestamptz NOT NULL DEFAULT now(),
  issued_by integer CONSTRAINT fk_case_query_code_issued_by REFERENCES admin_user (id),
  reissues integer NOT NULL DEFAULT 0
);
COMMENT ON TABLE case_query_code IS '信访人查询码（条例第二十一条），每案一个，重新生成后旧码失效';

CREATE FUNCTION issue_query_code() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO case_query_code (case_id, code) VALUES (NEW.id, new_query_code());
  RETURN NULL;
END $$;
CREATE TRIGGER tr_petition_case_query_code AFTER INSERT ON petition_case
  FOR EACH ROW EXECUTE FUNCTION issue_query_code();
INSERT INTO case_query_code (case_id, code) SELECT id, new_query_code() FROM petition_case;

CREATE TYPE case_rating_value AS ENUM ('satisfied', 'basically_satisfied', 'dissatisfied');
CREATE TABLE case_rating (
  case_id integer PRIMARY KEY CONSTRAINT fk_case_rating_case REFERENCES petition_case (id),
  rating case_rating_value NOT NULL,
  comment varchar(200),
  first_rated_at timestamptz NOT NULL,
  rated_at timestamptz NOT NULL,
  times integer NOT NULL DEFAULT 1,
  CONSTRAINT ck_case_rating_dates CHECK (rated_at >= first_rated_at)
);
CREATE INDEX ix_case_rating_dissatisfied ON case_rating (case_id) WHERE rating = 'dissatisfied';
COMMENT ON TABLE case_rating IS '信访人对办理情况的评价（条例第二十一条），答复意见出具后可评，15日内可改，之后锁定';

CREATE TABLE public_rate_limit (
  key varchar(200) PRIMARY KEY,
  hits integer NOT NULL,
  reset_at timestamptz NOT NULL
);
COMMENT ON TABLE public_rate_limit IS '公开查询页的限流计数（按地址、按案件编号），各实例共用';
`;

const VIEW_SQL = `
CREATE VIEW reporting.county_satisfaction AS
WITH replied AS (
  SELECT c.county_id, extract(year FROM c.reply_issued_on)::int AS year, r.rating
    FROM petition_case c
    LEFT JOIN case_rating r ON r.case_id = c.id
   WHERE c.voided_at IS NULL AND c.reply_issued_on IS NOT NULL
)
SELECT y.county_id, y.county_code, y.county_name, y.year,
  count(replied.county_id)::int AS replies,
  count(replied.rating)::int AS ratings,
  (count(*) FILTER (WHERE replied.rating = 'satisfied'))::int AS satisfied,
  (count(*) FILTER (WHERE replied.rating = 'basically_satisfied'))::int AS basically_satisfied,
  (count(*) FILTER (WHERE replied.rating = 'dissatisfied'))::int AS dissatisfied,
  reporting.percent(count(*) FILTER (WHERE replied.rating IN ('satisfied', 'basically_satisfied')), count(replied.rating))
    AS satisfaction_rate_pct,
  reporting.percent(count(replied.rating), count(replied.county_id)) AS rated_pct
FROM reporting.county_year y
LEFT JOIN replied ON replied.county_id = y.county_id AND replied.year = y.year
GROUP BY y.county_id, y.county_code, y.county_name, y.year;

COMMENT ON VIEW reporting.county_satisfaction IS '信访人满意率（条例第二十一条），每县每年一行，按答复意见出具年份 / petitioners'' satisfaction per county and year of the reply';
COMMENT ON COLUMN reporting.county_satisfaction.county_id IS '县（市、区）ID / county id';
COMMENT ON COLUMN reporting.county_satisfaction.county_code IS '行政区划代码 / division code';
COMMENT ON COLUMN reporting.county_satisfaction.county_name IS '名称 / county';
COMMENT ON COLUMN reporting.county_satisfaction.year IS '答复意见出具年份 / year the reply opinion was issued';
COMMENT ON COLUMN reporting.county_satisfaction.replies IS '当年出具答复意见的案件数 / cases whose reply was issued that year';
COMMENT ON COLUMN reporting.county_satisfaction.ratings IS '其中信访人已评价的 / of which rated by the petitioner';
COMMENT ON COLUMN reporting.county_satisfaction.satisfied IS '评价为满意的 / rated 满意';
COMMENT ON COLUMN reporting.county_satisfaction.basically_satisfied IS '评价为基本满意的 / rated 基本满意';
COMMENT ON COLUMN reporting.county_satisfaction.dissatisfied IS '评价为不满意的 / rated 不满意';
COMMENT ON COLUMN reporting.county_satisfaction.satisfaction_rate_pct IS '满意率（%）：（满意＋基本满意）÷ 已评价；无评价时为空 / (satisfied + basically satisfied) ÷ rated (%)';
COMMENT ON COLUMN reporting.county_satisfaction.rated_pct IS '参评率（%）：已评价 ÷ 出具答复意见 / rated ÷ replies (%)';
`;

export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(TABLES_SQL);
  pgm.sql(VIEW_SQL);
}

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(`
DROP VIEW reporting.county_satisfaction;
DROP TRIGGER tr_petition_case_query_code ON petition_case;
DROP TABLE public_rate_limit, case_rating, case_query_code;
DROP TYPE case_rating_value;
DROP FUNCTION issue_query_code(), new_query_code();
`);
}
