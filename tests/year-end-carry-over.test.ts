import { CREATION_STANDARDS } from '../src/domain/creation-standards.js';
import { ENUM_LABELS } from '../src/admin/locale/enums.js';
import { loadDashboardData, type RowSource } from '../src/reports/dashboard-data.js';
import { syncReportingLookups } from '../src/reports/reporting-lookups.js';
import { annualFigures } from '../src/services/annual-report-service.js';
import { closureSummary } from '../src/services/annual-report-summary.js';
import { countyFigures, yearPeriod } from '../src/services/case-statistics-query.js';
import { connectedTestDatabase } from './support/database.js';
import { insertRow } from './support/fixtures.js';

// The edges of the year-end figures on a hand-built world: a voided (作废) case is in no figure; a case
// concluded on 31 December is concluded in that year, one concluded on 1 January is not; 3 of 16 (18.75 %)
// is shown as 18.8 % and fails 90 %; and 上年结转 — the cases accepted after a county's 附件7 was frozen on
// 15 December, and one typed in after it though accepted before, are carried into the next year's 附件7, so
// that every case of the year is in one report.

describe('year-end figures on a hand-built world', () => {
  const db = connectedTestDatabase();
  let rows: RowSource;
  let A: number;
  let B: number;
  const leader = { id: 1, role: 'leader', countyId: null } as const;
  // the services take an EntityManager's query: the same rows
  const em = () => rows as unknown as Parameters<typeof annualFigures>[0];

  beforeAll(async () => {
    rows = { query: async <T>(sql: string, params?: unknown[]) => (await db().query(sql, params)).rows as T[] };
    await db().query(`SET reporting.today = '2026-03-01'`);
    await syncReportingLookups(db(), { standards: CREATION_STANDARDS, enumLabels: ENUM_LABELS });
    const id = async (sql: string, params: unknown[] = []) => (await db().query(sql, params)).rows[0].id as number;
    const city = await id(
      `INSERT INTO organization (code, name, level) VALUES ('410400', '平顶山市', 'city') RETURNING id`,
    );
    const county = (code: string, name: string) =>
      id(`INSERT INTO organization (code, name, level, parent_id) VALUES ($1, $2, 'county', $3) RETURNING id`, [
        code,
        name,
        city,
      ]);
    A = await county('410402', '新华区');
    B = await county('410403', '卫东区');
    let seq = 0;
    const kase = (values: Record<string, unknown>) => {
      const row = {
        county_id: A,
        case_no: `k${++seq}`,
        subject: '事项',
        category: 'marriage_family',
        source: 'visit',
        petitioner_name: '信访人',
        state: 'representing',
        // typed in on the day it was accepted, as a clerk does
        created_at: `${String(values.accepted_on)}T09:00:00+08:00`,
        ...values,
      };
      return insertRow(db(), 'petition_case', row);
    };
    // 新华区 2025
    await kase({ accepted_on: '2025-03-01', state: 'concluded', concluded_on: '2025-12-31' }); // concluded 31 Dec
    await kase({ accepted_on: '2025-03-02', state: 'concluded', concluded_on: '2026-01-01' }); // concluded 1 Jan
    await kase({
      accepted_on: '2025-06-01',
      state: 'concluded',
      concluded_on: '2025-07-01',
      is_key: true,
      voided_at: '2025-08-01',
      void_reason: '重复登记',
    });
    await kase({ accepted_on: '2025-12-20' }); // after the 附件7 was frozen on 15 December
    await kase({ accepted_on: '2026-01-01' }); // the new year's own
    // 卫东区 2024: 16 cases past their limit, 3 concluded → 18.75 %
    for (let i = 0; i < 16; i++)
      await kase({
        county_id: B,
        accepted_on: '2024-01-10',
        ...(i < 3 ? { state: 'concluded', concluded_on: '2024-02-01' } : {}),
      });
  });

  const measures = async (county: number, year: number) =>
    (
      await db().query(
        `SELECT cases_accepted::int AS accepted, cases_due::int AS due, cases_closed::int AS closed,
                cases_concluded::int AS concluded, key_cases::int AS key, closure_rate_pct::float AS rate
           FROM reporting.county_measures WHERE county_id = $1 AND year = $2`,
        [county, year],
      )
    ).rows[0];

  it('leaves a voided case out of every figure: warehouse, 附件7 and dashboard', async () => {
    const { rows: facts } = await db().query(
      `SELECT count(*)::int AS n FROM reporting.case_facts WHERE county_id = $1`,
      [A],
    );
    expect(facts[0].n).toBe(4);
    const f = await countyFigures(rows, A, yearPeriod(2025), '2025-12-31');
    expect({ accepted: f.accepted, concluded: f.concluded, keyCases: f.keyCases }).toEqual({
      accepted: 3,
      concluded: 1,
      keyCases: 0,
    });
    expect(await measures(A, 2025)).toMatchObject({ accepted: 3, concluded: 1, key: 0 });
    const dashboard = await loadDashboardData(rows, leader, 2025);
    expect(dashboard.closure.counties.find((c) => c.countyId === A)).toMatchObject({ accepted: 3 });
  });

  it('counts a case concluded on 31 December in its year, one concluded on 1 January as not concluded', async () => {
    // 应办结: both March cases (the 1 January one is past its limit, not concluded by 31 December); the
    // 20 December case is still inside its limit
    expect(await measures(A, 2025)).toMatchObject({ due: 2, closed: 1, rate: 50 });
    const f = await countyFigures(rows, A, yearPeriod(2025), '2025-12-31');
    expect({ due: f.closureDue, closed: f.closed, rate: f.closureRate }).toEqual({ due: 2, closed: 1, rate: 50 });
    const next = await countyFigures(rows, A, yearPeriod(2026), '2026-03-01');
    expect(next.concluded).toBe(1);
  });

  it('shows 3 of 16 as 18.8 % (x.x5 half up) and fails 90 % on the exact fraction, in SQL and TypeScript', async () => {
    expect(await measures(B, 2024)).toMatchObject({ due: 16, closed: 3, rate: 18.8 });
    const f = await countyFigures(rows, B, yearPeriod(2024), '2024-12-31');
    expect(f.closureRate).toBe(18.8);
    const { rows: score } = await db().query(
      `SELECT measure::float AS measure, passed FROM reporting.county_scorecard
        WHERE county_id = $1 AND year = 2024 AND standard_code = 'closure_rate'`,
      [B],
    );
    expect(score[0]).toEqual({ measure: 18.8, passed: false });
  });

  describe('上年结转', () => {
    const insertReport = async (county: number, year: number, status: string, figures: unknown, at: string) =>
      (
        await db().query(
          `INSERT INTO annual_report (county_id, year, status, figures, submitted_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [county, year, status, JSON.stringify(figures), at],
        )
      ).rows[0].id as number;

    it('freezes 2025 on 15 December without the case accepted on the 20th, which the dashboard counts as outside', async () => {
      const frozen = await annualFigures(em(), A, 2025, '2025-12-15');
      expect(frozen).toMatchObject({ accepted: 2, carriedOver: null });
      await insertReport(A, 2025, 'accepted', frozen, '2025-12-15T10:00:00+08:00');
      expect((await loadDashboardData(rows, leader, 2025)).casesNotInAnnualReport).toBe(1);
    });

    it('carries the rest of 2025 into the 2026 附件7 as its own line, and then no case is outside a report', async () => {
      // accepted on 10 December, typed into the register on the 22nd: the version frozen on the 15th never saw it
      await insertRow(db(), 'petition_case', {
        county_id: A,
        case_no: 'late',
        subject: '事项',
        category: 'marriage_family',
        source: 'visit',
        petitioner_name: '信访人',
        state: 'concluded',
        representing_since: '2025-12-11',
        concluded_on: '2025-12-12',
        accepted_on: '2025-12-10',
        created_at: '2025-12-22T09:00:00+08:00',
      });
      // until 2026's table carries it, the dashboard counts it outside every report with the 20 December case
      expect((await loadDashboardData(rows, leader, 2025)).casesNotInAnnualReport).toBe(2);
      await db().query(`SET reporting.today = '2026-12-15'`);
      const f = await annualFigures(em(), A, 2026, '2026-12-15');
      expect(f.accepted).toBe(1); // 2026's own: the 1 January case only
      expect(f.carriedOver).toMatchObject({
        period: { from: '2025-12-16', to: '2025-12-31' },
        asOf: '2026-12-15',
        accepted: 2, // the 20 December case, and the one entered after the freeze
        concluded: 2, // the case concluded on 31 December, and the late one's conclusion on the 12th
        closureDue: 2, // the 20 December case past its limit by now; the late one concluded
        closed: 1,
      });
      await insertReport(A, 2026, 'submitted', f, '2026-12-15T10:00:00+08:00');
      expect((await loadDashboardData(rows, leader, 2025)).casesNotInAnnualReport).toBe(0);
      expect((await loadDashboardData(rows, leader, 2026)).casesNotInAnnualReport).toBe(0);
      // 卫东区 never submitted 2024: its cases are outside every report, and nothing is carried into 2025
      expect((await loadDashboardData(rows, leader, 2024)).casesNotInAnnualReport).toBe(16);
      expect((await annualFigures(em(), B, 2025, '2025-12-15')).carriedOver).toBeNull();
      await db().query(`SET reporting.today = '2026-03-01'`);
    });

    it('sums the carried lines of the accepted reports apart from the year’s own 合计', async () => {
      await db().query(`UPDATE annual_report SET status = 'accepted' WHERE county_id = $1 AND year = 2026`, [A]);
      const summary = await closureSummary(em(), 2026);
      expect(summary.total.accepted).toBe(1);
      expect(summary.carriedOverTotal).toMatchObject({ accepted: 2, concluded: 2 });
    });
  });
});
