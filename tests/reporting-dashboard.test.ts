import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDataSource } from '../ormconfig.js';
import { loadConfig } from '../src/config.js';
import { percent } from '../src/domain/rounding.js';
import { createApp } from '../src/server.js';
import { startTestApp, type TestApp } from './support/app.js';
import { createTestDatabase } from './support/database.js';
import { countyId } from './support/fixtures.js';
import { Session } from './support/http.js';

// The admin home (GET /admin/api/dashboard): scoped on the server, built in by default, Metabase when configured.
describe('the admin home dashboard', () => {
  let app: TestApp;
  let xinhua: number;

  beforeAll(async () => {
    app = await startTestApp();
    xinhua = await countyId(app.db, '新华区');
  });

  afterAll(async () => {
    await app?.close();
  });

  const dashboardAs = async (email: string, query = '') => {
    const s = app.session();
    expect(await s.login(email)).toBe(true);
    return s.api('GET', `/dashboard${query}`);
  };

  it('shows the leader all ten counties ranked against the creation standards', async () => {
    const { status, json } = await dashboardAs('leader@example.org', '?year=2025');
    expect(status).toBe(200);
    expect(json.metabase).toBeUndefined();
    const data = json.data;
    expect(data.year).toBe(2025);
    expect(data.years).toEqual(expect.arrayContaining([2022, 2023, 2024, 2025, 2026]));
    expect(data.countyId).toBeNull();
    expect(data.standards).toHaveLength(13);
    expect(data.counties).toHaveLength(10);
    expect(data.counties.map((c: any) => c.rank)).toEqual(
      [...data.counties.map((c: any) => c.rank)].sort((a, b) => a - b),
    );
    expect(data.counties[0].rank).toBe(1);
    for (const c of data.counties) expect(Object.keys(c.measures)).toHaveLength(13);
    expect(data.monthly).toHaveLength(12);
    expect(data.categories.length).toBeGreaterThan(3);
    expect(data.sources.length).toBeGreaterThan(3);
    expect(Array.isArray(json.sections)).toBe(true);
  });

  it('matches an independent SQL count', async () => {
    const { json } = await dashboardAs('leader@example.org', '?year=2025');
    const { rows } = await app.db.query(
      // 办结率 as of 31 December from the cases' own dates: concluded ÷ due (concluded, dissolved or past the limit)
      `SELECT county_id, count(*)::int AS accepted,
         round(100.0 * count(*) FILTER (WHERE concluded_on <= '2025-12-31' AND (terminated_on IS NULL OR terminated_on > '2025-12-31'))
           / NULLIF(count(*) FILTER (WHERE (concluded_on <= '2025-12-31' AND (terminated_on IS NULL OR terminated_on > '2025-12-31')) OR terminated_on <= '2025-12-31' OR due_on < '2025-12-31'), 0), 1)::float AS closure
       FROM reporting.case_facts WHERE accepted_on BETWEEN '2025-01-01' AND '2025-12-31' GROUP BY county_id`,
    );
    for (const r of rows) {
      const c = json.data.counties.find((x: any) => x.countyId === r.county_id);
      expect([r.county_id, c.measures.cases_accepted, c.measures.closure_rate]).toEqual([
        r.county_id,
        r.accepted,
        r.closure,
      ]);
    }
    const { rows: months } = await app.db.query(
      `SELECT to_char(accepted_on, 'YYYY-MM') AS month, count(*)::int AS n FROM petition_case
       WHERE accepted_on BETWEEN '2025-01-01' AND '2025-12-31' GROUP BY 1 ORDER BY 1`,
    );
    expect(json.data.monthly.map((m: any) => [m.month, m.accepted])).toEqual(months.map((m) => [m.month, m.n]));
  });

  it('pools the 全市 row from the counties: rates as sum ÷ sum, counts as totals, flags as counties met', async () => {
    const { json } = await dashboardAs('leader@example.org', '?year=2025');
    const { rows } = await app.db.query(
      `SELECT count(*)::int AS accepted, count(*) FILTER (WHERE concluded_on <= '2025-12-31' AND (terminated_on IS NULL OR terminated_on > '2025-12-31'))::int AS closed,
         count(*) FILTER (WHERE (concluded_on <= '2025-12-31' AND (terminated_on IS NULL OR terminated_on > '2025-12-31')) OR terminated_on <= '2025-12-31' OR due_on < '2025-12-31')::int AS due
       FROM reporting.case_facts WHERE accepted_year = 2025`,
    );
    const city = json.data.city;
    expect(city.cases_accepted).toMatchObject({ kind: 'count', measure: rows[0].accepted, passed: null });
    expect(city.closure_rate).toMatchObject({
      kind: 'rate',
      numerator: rows[0].closed,
      denominator: rows[0].due,
      measure: percent(rows[0].closed, rows[0].due),
    });
    const met = json.data.counties.filter((c: any) => c.passed.work_systems === true).length;
    expect(city.work_systems).toMatchObject({ kind: 'flag', measure: null, countiesMet: met });
  });

  it('says which day it measures, and shows 办结情况 as the 附件7 counts it on that day', async () => {
    const { json: past } = await dashboardAs('leader@example.org', '?year=2025');
    expect([past.data.asOf, past.data.measuredToday]).toEqual(['2025-12-31', false]);
    const { rows } = await app.db.query(`SELECT reporting.today()::text AS today`);
    const thisYear = Number(rows[0].today.slice(0, 4));
    const { json: now } = await dashboardAs('leader@example.org', `?year=${thisYear}`);
    expect([now.data.asOf, now.data.measuredToday]).toEqual([rows[0].today, true]);

    const { counties, city, definitions } = past.data.closure;
    expect(counties).toHaveLength(10);
    for (const line of counties) {
      const score = past.data.counties.find((c: any) => c.countyId === line.countyId);
      expect([line.countyName, line.closureRate]).toEqual([score.countyName, score.measures.closure_rate]);
      expect(line.closed + line.terminated).toBeLessThanOrEqual(line.closureDue);
    }
    const sum = (k: string) => counties.reduce((n: number, l: any) => n + l[k], 0);
    expect(city).toMatchObject({
      countyName: '全市',
      accepted: sum('accepted'),
      closureDue: sum('closureDue'),
      terminated: sum('terminated'),
      closureRate: percent(sum('closed'), sum('closureDue')),
      onTimeClosureRate: percent(sum('closedOnTime'), sum('closureDue')),
    });
    expect(city.closureRate).toBe(past.data.city.closure_rate.measure);
    expect(definitions.closureRate.definition).toContain('应办结');
  });

  it('counts the cases of a year that no submitted 附件7 holds (accepted after its figures were taken)', async () => {
    const { json } = await dashboardAs('leader@example.org', '?year=2025');
    const { rows } = await app.db.query(
      `SELECT count(*)::int AS n FROM petition_case pc
        WHERE pc.voided_at IS NULL AND pc.accepted_on BETWEEN '2025-01-01' AND '2025-12-31'
          AND pc.accepted_on > COALESCE((SELECT max((r.figures->>'asOf')::date) FROM annual_report r
                WHERE r.county_id = pc.county_id AND r.year = 2025 AND r.status = 'accepted'), '2024-12-31')`,
    );
    expect(rows[0].n).toBeGreaterThan(0);
    expect(json.data.casesNotInAnnualReport).toBe(rows[0].n);
    // 2024's tail was carried into the accepted 2025 tables as 上年结转: no case of 2024 is outside a report
    const { json: before } = await dashboardAs('leader@example.org', '?year=2024');
    expect(before.data.casesNotInAnnualReport).toBe(0);
  });

  it('names 达标排名 and 考评名次 apart, and gives each standard its definition for the header', async () => {
    // the demo closed last year: its 考评 ranks every county (src/seed/demo-year-end.ts)
    const { rows } = await app.db.query(
      `SELECT county_id, rank FROM evaluation WHERE year = 2025 AND voided_at IS NULL`,
    );
    expect(rows).toHaveLength(10);
    const { json } = await dashboardAs('leader@example.org', '?year=2025');
    for (const r of rows)
      expect({
        county: r.county_id,
        rank: json.data.counties.find((c: any) => c.countyId === r.county_id).evaluationRank,
      }).toEqual({
        county: r.county_id,
        rank: r.rank,
      });
    const overdue = json.data.standards.find((s: any) => s.code === 'overdue_cases');
    expect(overdue.name).toBe('办理超期');
    for (const s of json.data.standards) expect(s.description.length).toBeGreaterThan(5);
    // a year not yet evaluated has no 考评名次 beside its 达标排名
    const current = await dashboardAs('leader@example.org', '?year=2026');
    expect(current.json.data.counties.every((c: any) => c.evaluationRank === null)).toBe(true);
  });

  it('gives county staff her county beside the city average, and no other county', async () => {
    const { status, json } = await dashboardAs('xinhua@example.org', '?year=2025');
    expect(status).toBe(200);
    const data = json.data;
    expect(data.countyId).toBe(xinhua);
    expect(data.counties.map((c: any) => c.countyName)).toEqual(['新华区']);
    const { json: leader } = await dashboardAs('leader@example.org', '?year=2025');
    expect(data.city).toEqual(leader.data.city);
    expect(data.counties[0]).toEqual(leader.data.counties.find((c: any) => c.countyId === xinhua));
    const others = ['卫东区', '石龙区', '湛河区', '宝丰县', '叶县', '鲁山县', '郏县', '舞钢市', '汝州市'];
    const text = JSON.stringify(json);
    for (const name of others) expect([name, text.includes(name)]).toEqual([name, false]);
    const { rows } = await app.db.query(
      `SELECT count(*)::int AS n FROM petition_case WHERE county_id = $1 AND accepted_on BETWEEN '2025-01-01' AND '2025-12-31'`,
      [xinhua],
    );
    expect(data.categories.reduce((n: number, c: any) => n + c.count, 0)).toBe(rows[0].n);
  });

  it('falls back to this year for a year out of range, and refuses strangers', async () => {
    const { json } = await dashboardAs('city@example.org', '?year=1999');
    expect(json.data.year).toBe(json.data.years[0]);
    const res = await app.session().request('GET', '/admin/api/dashboard');
    expect([302, 401, 403]).toContain(res.status);
  });
});

describe('the admin home with Metabase configured', () => {
  let server: Server;
  let close: () => Promise<void>;
  let baseUrl: string;
  let xinhua: number;
  const SECRET = 'c'.repeat(64);

  beforeAll(async () => {
    const url = await createTestDatabase({ demo: true });
    const dataSource = await createDataSource(url).initialize();
    [{ id: xinhua }] = await dataSource.query(`SELECT id FROM organization WHERE name = '新华区' AND level = 'county'`);
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: url,
      SEED_DEMO: 'false',
      METABASE_SITE_URL: 'http://metabase.example:3000/',
      METABASE_SECRET_KEY: SECRET,
      METABASE_DASHBOARD_IDS: '5, 6',
    });
    const { app } = await createApp({ config, dataSource });
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await dataSource.destroy();
    };
  });

  afterAll(async () => {
    await close?.();
  });

  const payloadsFor = async (email: string) => {
    const s = new Session(baseUrl);
    expect(await s.login(email)).toBe(true);
    const { json } = await s.api('GET', '/dashboard?year=2025');
    expect(json.data).toBeUndefined();
    expect(json.metabase.year).toBe(2025);
    return (json.metabase.urls as string[]).map((u) => {
      expect(u).toMatch(
        /^http:\/\/metabase\.example:3000\/embed\/dashboard\/[^?]+\?year=2025#bordered=true&titled=true$/,
      );
      const token = /\/embed\/dashboard\/([^?]+)/.exec(u)![1];
      return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    });
  };

  it('embeds every configured dashboard; a county user is locked to her county', async () => {
    const payloads = await payloadsFor('xinhua@example.org');
    expect(payloads.map((p) => p.resource)).toEqual([{ dashboard: 5 }, { dashboard: 6 }]);
    for (const p of payloads) {
      expect(p.params).toEqual({ county: xinhua });
      expect(p.exp - Date.now() / 1000).toBeGreaterThan(590);
      expect(p.exp - Date.now() / 1000).toBeLessThanOrEqual(600);
    }
  });

  it('lets the admin pages frame Metabase and nothing else', async () => {
    const res = await new Session(baseUrl).request('GET', '/admin/login');
    expect(res.headers.get('content-security-policy')).toContain("frame-src 'self' http://metabase.example:3000;");
  });

  it('leaves the county open for leaders', async () => {
    for (const p of await payloadsFor('leader@example.org')) expect(p.params).toEqual({ county: [] });
  });
});
