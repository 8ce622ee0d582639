import { certificateValidOn } from '../src/domain/certificate-validity.js';
import { sumFigures } from '../src/domain/case-statistics.js';
import { cityFigure, countyVerdict } from '../src/domain/city-figures.js';
import { CREATION_STANDARDS } from '../src/domain/creation-standards.js';
import { percent, rateMeets } from '../src/domain/rounding.js';
import { ENUM_LABELS } from '../src/admin/locale/enums.js';
import { syncReportingLookups } from '../src/reports/reporting-lookups.js';
import { countyFigures, yearPeriod } from '../src/services/case-statistics-query.js';
import { connectedTestDatabase } from './support/database.js';
import { insertRow, validIdNumber } from './support/fixtures.js';

// Every figure of reporting.county_scorecard on a small hand-built world, against values worked out
// by hand below. The reporting day is fixed at 2024-03-01 (session setting reporting.today), so 2023
// is measured as of 2023-12-31 and every grace period of 2023 has run out.

const TODAY = '2024-03-01';

describe('reporting.county_scorecard on a hand-built fixture', () => {
  const db = connectedTestDatabase();
  let A: number;
  let B: number;

  beforeAll(async () => {
    await db().query(`SET reporting.today = '${TODAY}'`);
    await syncReportingLookups(db(), { standards: CREATION_STANDARDS, enumLabels: ENUM_LABELS });
    const one = async (sql: string, params: unknown[] = []) => (await db().query(sql, params)).rows[0].id as number;
    const city = await one(
      `INSERT INTO organization (code, name, level) VALUES ('410400', '平顶山市', 'city') RETURNING id`,
    );
    const org = (code: string, name: string, level: string, parent: number) =>
      one(`INSERT INTO organization (code, name, level, parent_id) VALUES ($1, $2, $3, $4) RETURNING id`, [
        code,
        name,
        level,
        parent,
      ]);
    A = await org('410402', '新华区', 'county', city);
    B = await org('410403', '卫东区', 'county', city);
    const [t1, t2, t3, t4] = [
      await org('410402001', '一街道', 'township', A),
      await org('410402002', '二街道', 'township', A),
      await org('410402003', '三街道', 'township', A),
      await org('410402004', '四街道', 'township', A),
    ];
    const u1 = await org('410403001', '东街道', 'township', B);

    // 六项制度: A five by 2023 (the sixth in 2024), B all six
    const kinds = [
      'training',
      'info_reporting',
      'feedback_visit',
      'filing_archiving',
      'evaluation_reward',
      'accountability',
    ];
    for (const [i, kind] of kinds.entries()) {
      await db().query(`INSERT INTO work_system (county_id, kind, adopted_on) VALUES ($1, $2, $3)`, [
        A,
        kind,
        i === 5 ? '2024-01-10' : '2020-01-01',
      ]);
      await db().query(`INSERT INTO work_system (county_id, kind, adopted_on) VALUES ($1, $2, '2022-01-01')`, [
        B,
        kind,
      ]);
    }
    // 工作点: A five of six (rules not on the wall); B not yet established in 2023
    await db().query(
      `INSERT INTO work_point (county_id, name, established_on, unified_process, unified_standard, plaque_hung, rules_on_wall, process_on_wall)
       VALUES ($1, '新华区妇女信访代理工作点', '2015-01-01', true, true, true, false, true),
              ($2, '卫东区信访工作点', '2024-02-01', true, true, true, true, true)`,
      [A, B],
    );

    let seq = 100;
    const agent = (county: number, township: number, appointed: string, status = 'active') =>
      one(
        `INSERT INTO agent (county_id, township_id, name, id_number, phone, appointed_on, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          county,
          township,
          `代理员${seq}`,
          validIdNumber('410402', '19800101', String(seq++)),
          `1380000${seq}`.padEnd(11, '0'),
          appointed,
          status,
        ],
      );
    const certificate = (agentId: number, county: number, issued: string, revoked: string | null = null) =>
      one(
        `INSERT INTO certificate (agent_id, county_id, number, status, produced_on, issued_on, revoked_on)
         VALUES ($1, $2, $3, $4, $5, $5, $6) RETURNING id`,
        [agentId, county, `证-${seq++}`, revoked ? 'revoked' : 'issued', issued, revoked],
      );
    const review = (cert: number, county: number, on: string, result: 'passed' | 'failed') =>
      db().query(
        `INSERT INTO certificate_review (certificate_id, county_id, reviewed_on, result) VALUES ($1, $2, $3, $4)`,
        [cert, county, on, result],
      );

    // a1 T1: issued 2023-03-01, valid to 2024-03-01
    await certificate(await agent(A, t1, '2019-01-01'), A, '2023-03-01');
    // a2 T1: issued 2022-06-01, passed 2023-05-20 before its due day 2023-06-01
    const c2 = await certificate(await agent(A, t1, '2019-01-01'), A, '2022-06-01');
    await review(c2, A, '2023-05-20', 'passed');
    // a3 T2: issued 2022-01-10, reviewed 2023-03-01: more than 30 days after due (late), valid again from then
    const c3 = await certificate(await agent(A, t2, '2019-01-01'), A, '2022-01-10');
    await review(c3, A, '2023-03-01', 'passed');
    // a4 T3: issued 2022-02-01, failed 2023-01-15: reviewed in time, suspended since
    const c4 = await certificate(await agent(A, t3, '2019-01-01'), A, '2022-02-01');
    await review(c4, A, '2023-01-15', 'failed');
    // a5 T3: left (revoked 2023-09-01); her review due 2023-04-01 was never done
    const c5 = await certificate(await agent(A, t3, '2019-01-01', 'inactive'), A, '2021-04-01', '2023-09-01');
    await review(c5, A, '2022-04-01', 'passed');
    // a6 T4: appointed only in 2024; a7 T4: on the roster without a certificate
    await agent(A, t4, '2024-01-05');
    await agent(A, t4, '2020-01-01');
    // b1 U1: issued 2023-06-01, first review due 2024
    await certificate(await agent(B, u1, '2020-01-01'), B, '2023-06-01');

    const kase = (values: Record<string, unknown>) => {
      const row = {
        county_id: A,
        subject: '事项',
        category: 'marriage_family',
        source: 'visit',
        petitioner_name: '信访人',
        ...values,
      };
      return insertRow(db(), 'petition_case', row);
    };
    await kase({
      case_no: 'c1',
      state: 'archived',
      accepted_on: '2023-01-10',
      concluded_on: '2023-02-10',
      reply_issued_on: '2023-02-15',
      archived_on: '2023-03-01',
      archive_no: 'G1',
      is_key: true,
      in_joint_meeting: true,
    });
    await kase({
      case_no: 'c2',
      state: 'concluded',
      accepted_on: '2023-03-01',
      concluded_on: '2023-06-01',
      reply_issued_on: '2023-06-12',
      is_key: true,
      category: 'domestic_violence',
      source: 'phone',
    });
    await kase({ case_no: 'c3', state: 'representing', accepted_on: '2023-11-20' });
    await kase({ case_no: 'c4', state: 'accepted', accepted_on: '2023-09-01' });
    await kase({ case_no: 'c5', state: 'terminated', accepted_on: '2023-08-01', terminated_on: '2023-09-15' });
    await kase({ case_no: 'c6', state: 'concluded', accepted_on: '2022-12-01', concluded_on: '2023-01-05' });
    await kase({ case_no: 'c7', state: 'representing', accepted_on: '2023-10-05', extension_days: 30 });
    await kase({ case_no: 'c8', state: 'representing', accepted_on: '2022-05-01' });

    // 年终统计: A on 20 December Beijing time; B half an hour into 21 December Beijing time (still the 20th in UTC)
    await db().query(
      `INSERT INTO annual_report (county_id, year, status, submitted_at) VALUES
         ($1, 2023, 'submitted', '2023-12-20 23:30:00+08'), ($2, 2023, 'accepted', '2023-12-21 00:30:00+08')`,
      [A, B],
    );
    await db().query(
      `INSERT INTO training (county_id, title, held_on, organizer, hours) VALUES
         ($1, '培训一', '2023-04-01', '新华区妇联', 2), ($1, '培训二', '2023-10-01', '新华区妇联', 2),
         (NULL, '全市培训', '2023-05-01', '市妇联', 4), ($1, '培训三', '2022-05-01', '新华区妇联', 2)`,
      [A],
    );
  });

  const scorecard = async (county: number, year: number) => {
    const { rows } = await db().query(
      `SELECT standard_code, measure, target, passed FROM reporting.county_scorecard WHERE county_id = $1 AND year = $2`,
      [county, year],
    );
    return Object.fromEntries(
      rows.map((r) => [r.standard_code, { measure: r.measure === null ? null : Number(r.measure), passed: r.passed }]),
    );
  };

  it('measures 新华区 in 2023 as worked out by hand', async () => {
    expect(await scorecard(A, 2023)).toEqual({
      work_systems: { measure: 5, passed: false }, // the sixth system came in 2024
      work_point: { measure: 5, passed: false }, // rules not on the wall
      township_coverage: { measure: 50, passed: false }, // T1 (a1, a2), T2 (a3) of T1–T4
      certified_agents: { measure: 60, passed: false }, // a1, a2, a3 of a1, a2, a3, a4, a7
      certificate_reviews: { measure: 50, passed: false }, // due: a2, a3, a4, a5; done in time: a2, a4
      cases_accepted: { measure: 6, passed: true }, // c1 c2 c3 c4 c5 c7
      closure_rate: { measure: 50, passed: false }, // c1, c2 of 4 due (c1 c2, c4 past its limit, c5 解除代理; c3 c7 inside)
      reply_on_time: { measure: 33.3, passed: false }, // concluded 2023: c1 on time, c2 after 11 days, c6 none
      archived_share: { measure: 33.3, passed: false }, // c1 of c1, c2, c6
      overdue_cases: { measure: 2, passed: false }, // open on 2023-12-31 past due: c4, c8 (c7 extended, c3 in time)
      key_cases_joint_meeting: { measure: 50, passed: false }, // c1 of c1, c2
      annual_statistics_on_time: { measure: 1, passed: true },
      trainings_held: { measure: 2, passed: true }, // the city's own training does not count
    });
  });

  it('measures 卫东区 in 2023, leaving unmeasurable standards unassessed', async () => {
    expect(await scorecard(B, 2023)).toEqual({
      work_systems: { measure: 6, passed: true },
      work_point: { measure: 0, passed: false }, // established only in 2024
      township_coverage: { measure: 100, passed: true },
      certified_agents: { measure: 100, passed: true },
      certificate_reviews: { measure: null, passed: null }, // nothing due before 2024
      cases_accepted: { measure: 0, passed: false },
      closure_rate: { measure: null, passed: null },
      reply_on_time: { measure: null, passed: null },
      archived_share: { measure: null, passed: null },
      overdue_cases: { measure: 0, passed: true },
      key_cases_joint_meeting: { measure: null, passed: null },
      annual_statistics_on_time: { measure: 0, passed: false }, // 00:30 on 21 December in Beijing is late
      trainings_held: { measure: 0, passed: false },
    });
  });

  it('ranks by the share of assessed standards met', async () => {
    const { rows } = await db().query(
      `SELECT county_id, standards_met, standards_assessed, pass_rate_pct, rank FROM reporting.county_ranking WHERE year = 2023 ORDER BY rank`,
    );
    expect(rows).toEqual([
      { county_id: B, standards_met: '4', standards_assessed: '8', pass_rate_pct: '50.0', rank: 1 },
      { county_id: A, standards_met: '3', standards_assessed: '13', pass_rate_pct: '23.1', rank: 2 },
    ]);
  });

  it('measures other years as of their own last day, and this year as of today', async () => {
    const { rows } = await db().query(
      `SELECT year, as_of::text, work_systems_adopted, overdue_cases, statistics_on_time, trainings_held
       FROM reporting.county_measures WHERE county_id = $1 AND year IN (2022, 2024) ORDER BY year`,
      [A],
    );
    expect(rows).toEqual([
      // on 2022-12-31 only c8 was open past due (c6 was due 2023-01-30); no report for 2022 at all
      {
        year: 2022,
        as_of: '2022-12-31',
        work_systems_adopted: '5',
        overdue_cases: '1',
        statistics_on_time: 0,
        trainings_held: '1',
      },
      // 2024 is measured today: the sixth system is in, c3 c4 c7 c8 are past due, the report is not yet due
      {
        year: 2024,
        as_of: TODAY,
        work_systems_adopted: '6',
        overdue_cases: '4',
        statistics_on_time: null,
        trainings_held: '0',
      },
    ]);
  });

  it('judges pass and fail exactly as the domain policy does', async () => {
    const { rows } = await db().query(
      `SELECT standard_code, measure, passed, numerator, denominator FROM reporting.county_scorecard`,
    );
    const num = (v: string | null) => (v === null ? null : Number(v));
    for (const r of rows) {
      const standard = CREATION_STANDARDS.find((s) => s.code === r.standard_code)!;
      expect([r.standard_code, r.passed]).toEqual([
        r.standard_code,
        countyVerdict(standard, {
          measure: num(r.measure),
          numerator: num(r.numerator),
          denominator: num(r.denominator),
        }),
      ]);
      if (r.denominator !== null) expect(num(r.measure)).toBe(percent(Number(r.numerator), Number(r.denominator)));
    }
    const { rows: stored } = await db().query(
      `SELECT code, comparison, target FROM reporting.creation_standard ORDER BY sort_order`,
    );
    expect(stored.map((s) => [s.code, s.comparison, Number(s.target)])).toEqual(
      CREATION_STANDARDS.map((s) => [s.code, s.comparison, s.target]),
    );
  });

  it('rounds and judges rates in SQL exactly as src/domain/rounding.ts does', async () => {
    const pairs: [number, number][] = [
      [1673, 2000],
      [1, 16],
      [3, 16],
      [13, 80],
      [2, 3],
      [1, 3],
      [8996, 10000],
      [17, 19],
      [9, 10],
      [0, 7],
      [7, 7],
    ];
    for (const [part, whole] of pairs) {
      const { rows } = await db().query(
        `SELECT reporting.percent($1, $2) AS pct, reporting.rate_meets($1, $2, '>=', 90) AS meets`,
        [part, whole],
      );
      expect([part, whole, Number(rows[0].pct), rows[0].meets]).toEqual([
        part,
        whole,
        percent(part, whole),
        rateMeets(part, whole, '>=', 90),
      ]);
    }
    const { rows } = await db().query(
      `SELECT reporting.percent(0, 0) AS pct, reporting.rate_meets(0, 0, '>=', 90) AS meets`,
    );
    expect(rows[0]).toEqual({ pct: null, meets: null });
  });

  it('shows case facts without personal data, with Chinese labels and deadlines', async () => {
    const { rows } = await db().query(
      `SELECT case_no, state_label, category_label, source_label, due_on::text, is_overdue, reply_on_time FROM reporting.case_facts ORDER BY case_no`,
    );
    expect(rows.find((r) => r.case_no === 'c2')).toEqual({
      case_no: 'c2',
      state_label: '终结',
      category_label: '家庭暴力',
      source_label: '来电（含12338妇女维权热线）',
      // 60 days counted to 30 April 2023, inside 劳动节 (29 April – 3 May): due on 4 May (民法典第二百零三条)
      due_on: '2023-05-04',
      is_overdue: false,
      reply_on_time: false,
    });
    expect(rows.find((r) => r.case_no === 'c7')).toMatchObject({ due_on: '2024-01-03', is_overdue: true });
    const { rows: columns } = await db().query(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'reporting' AND table_name = 'case_facts'`,
    );
    expect(columns.map((c) => c.column_name)).not.toEqual(expect.arrayContaining(['petitioner_name']));
    expect(columns.map((c) => c.column_name).filter((c) => c.startsWith('petitioner'))).toEqual([]);
  });
});

describe('reporting on the demo data', () => {
  const db = connectedTestDatabase({ demo: true });

  it('judges certificate validity on any day as src/domain/certificate-validity.ts does', async () => {
    const { rows: certs } = await db().query(`SELECT id, status, issued_on::text, revoked_on::text FROM certificate`);
    const { rows: reviews } = await db().query(
      `SELECT certificate_id, reviewed_on::text, result FROM certificate_review`,
    );
    const days = ['2016-06-30', '2020-12-31', '2023-12-31', '2025-03-15', '2026-11-20'];
    const { rows: valid } = await db().query(
      `SELECT d::text AS day, p.certificate_id FROM unnest($1::date[]) AS d
       JOIN reporting.certificate_period p ON d BETWEEN p.valid_from AND p.valid_through`,
      [days],
    );
    const sqlValid = new Set(valid.map((v) => `${v.day}/${v.certificate_id}`));
    let compared = 0;
    for (const c of certs) {
      const mine = reviews
        .filter((r) => r.certificate_id === c.id)
        .map((r) => ({ reviewedOn: r.reviewed_on, result: r.result }));
      for (const day of days) {
        const ts = certificateValidOn({ status: c.status, issuedOn: c.issued_on, revokedOn: c.revoked_on }, mine, day);
        expect([c.id, day, sqlValid.has(`${day}/${c.id}`)]).toEqual([c.id, day, ts]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('matches an independent count of the program tables for every county', async () => {
    const { rows: independent } = await db().query(
      `SELECT county_id,
         count(*)::int AS accepted,
         count(*) FILTER (WHERE concluded_on <= '2025-12-31' AND (terminated_on IS NULL OR terminated_on > '2025-12-31'))::int AS closed,
         count(*) FILTER (WHERE terminated_on <= '2025-12-31')::int AS terminated,
         (SELECT count(*)::int FROM training t WHERE t.county_id = pc.county_id AND t.held_on BETWEEN '2025-01-01' AND '2025-12-31') AS trainings
       FROM petition_case pc WHERE accepted_on BETWEEN '2025-01-01' AND '2025-12-31' AND voided_at IS NULL GROUP BY county_id`,
    );
    const { rows: warehouse } = await db().query(
      `SELECT county_id, cases_accepted::int AS accepted, cases_closed::int AS closed, cases_terminated::int AS terminated,
         trainings_held::int AS trainings
       FROM reporting.county_measures WHERE year = 2025`,
    );
    expect(warehouse).toHaveLength(10);
    for (const w of warehouse) expect(w).toEqual(independent.find((r) => r.county_id === w.county_id));
  });

  it('measures a past year as the 附件7 computed on 31 December of that year counts it', async () => {
    const em = { query: async (sql: string, params?: unknown[]) => (await db().query(sql, params)).rows };
    for (const year of [2023, 2025]) {
      const { rows: measures } = await db().query(
        `SELECT county_id, as_of::text, cases_accepted::int, cases_due::int, cases_closed::int, cases_closed_on_time::int,
           cases_terminated::int, closure_rate_pct::float, on_time_closure_pct::float, replies_due::int,
           replies_on_time::int, reply_on_time_pct::float, key_cases::int, key_cases_in_joint_meeting::int
         FROM reporting.county_measures WHERE year = $1 ORDER BY county_id`,
        [year],
      );
      const paper = [];
      for (const m of measures) {
        expect(m.as_of).toBe(`${year}-12-31`);
        const f = await countyFigures(em, m.county_id, yearPeriod(year), `${year}-12-31`);
        paper.push(f);
        expect([year, m]).toEqual([
          year,
          {
            county_id: m.county_id,
            as_of: `${year}-12-31`,
            cases_accepted: f.accepted,
            cases_due: f.closureDue,
            cases_closed: f.closed,
            cases_closed_on_time: f.closedOnTime,
            cases_terminated: f.terminated,
            closure_rate_pct: f.closureRate,
            on_time_closure_pct: f.onTimeClosureRate,
            replies_due: f.repliesDue,
            replies_on_time: f.repliesOnTime,
            reply_on_time_pct: f.replyOnTimeRate,
            key_cases: f.keyCases,
            key_cases_in_joint_meeting: f.keyInJointMeeting,
          },
        ]);
      }
      // the city row is the 合计 of those papers
      const total = sumFigures(paper);
      const { rows: scorecard } = await db().query(
        `SELECT standard_code, measure, passed, numerator::int, denominator::int FROM reporting.county_scorecard
          WHERE year = $1 AND standard_code IN ('closure_rate', 'reply_on_time')`,
        [year],
      );
      const city = (code: string) =>
        cityFigure(
          CREATION_STANDARDS.find((s) => s.code === code)!,
          scorecard
            .filter((r) => r.standard_code === code)
            .map((r) => ({ ...r, measure: r.measure === null ? null : Number(r.measure) })),
        );
      expect([year, city('closure_rate').measure, city('closure_rate').denominator]).toEqual([
        year,
        total.closureRate,
        total.closureDue,
      ]);
      expect([year, city('reply_on_time').measure]).toEqual([year, total.replyOnTimeRate]);
    }
  });

  it('answers the dashboard queries within 3 s at demo size', async () => {
    const started = Date.now();
    await db().query(`SELECT * FROM reporting.county_ranking`);
    await db().query(`SELECT * FROM reporting.county_scorecard`);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
