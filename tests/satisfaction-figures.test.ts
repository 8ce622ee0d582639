import { refreshReportingSnapshots } from '../src/reports/reporting-snapshots.js';
import { startTestApp, type TestApp } from './support/app.js';
import type { Session } from './support/http.js';
import { documentXml, visibleText } from './support/office.js';

// 满意率 per county (《信访工作条例》第二十一条): ratings posted on the public page count, once per case, in
// reporting.county_satisfaction, the dashboard (live and from its snapshot) and the 附件6 analysis report's
// figures — one definition (src/domain/case-statistics.ts, docs/reporting.md). Not a creation standard:
// the city has set no target, so nothing is judged.

let app: TestApp;
let clerk: Session;
let leader: Session;
let county: { id: number; name: string };
let year: number;

interface Replied {
  id: number;
  case_no: string;
  code: string;
}

beforeAll(async () => {
  app = await startTestApp();
  clerk = app.session();
  leader = app.session();
  expect(await clerk.login('xinhua@example.org')).toBe(true);
  expect(await leader.login('leader@example.org')).toBe(true);
  const { rows } = await app.db.query(`SELECT id, name FROM organization WHERE name = '新华区'`);
  county = rows[0];
  const { rows: y } = await app.db.query(
    `SELECT extract(year FROM reply_issued_on)::int AS year FROM petition_case
      WHERE county_id = $1 AND reply_issued_on IS NOT NULL AND voided_at IS NULL
      GROUP BY 1 HAVING count(*) >= 5 ORDER BY 1 DESC LIMIT 1`,
    [county.id],
  );
  year = y[0].year;
  await app.db.query('DELETE FROM public_rate_limit');
}, 120_000);
afterAll(() => app?.close());

async function unrated(n: number): Promise<Replied[]> {
  const { rows } = await app.db.query(
    `SELECT c.id, c.case_no, q.code FROM petition_case c JOIN case_query_code q ON q.case_id = c.id
      WHERE c.county_id = $1 AND c.voided_at IS NULL AND extract(year FROM c.reply_issued_on) = $2
        AND NOT EXISTS (SELECT 1 FROM case_rating r WHERE r.case_id = c.id)
      ORDER BY c.id LIMIT $3`,
    [county.id, year, n],
  );
  expect(rows).toHaveLength(n);
  return rows;
}

/** her rating, as she posts it from the query page */
async function rate(c: Replied, rating: string) {
  const res = await fetch(`${app.baseUrl}/query/rating`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: app.baseUrl },
    body: new URLSearchParams({ no: c.case_no, code: c.code, rating }).toString(),
    redirect: 'manual',
  });
  expect(res.status).toBe(200);
}

async function viewRow() {
  const { rows } = await app.db.query(
    `SELECT replies, ratings, satisfied, basically_satisfied, dissatisfied, satisfaction_rate_pct::float8 AS rate
       FROM reporting.county_satisfaction WHERE county_id = $1 AND year = $2`,
    [county.id, year],
  );
  return rows[0];
}

const dashboard = async (s: Session) => (await s.api('GET', `/dashboard?year=${year}`)).json.data;

it('counts her ratings once per case — the latest — in the view, the dashboard and the 附件6 figures', async () => {
  const before = await viewRow();
  const [a, b, c, d] = await unrated(4);
  await rate(a, 'satisfied');
  await rate(b, 'basically_satisfied');
  await rate(c, 'dissatisfied');
  await rate(d, 'dissatisfied');
  await rate(d, 'satisfied'); // replaced within her 15 days: counted once, as 满意
  const after = await viewRow();
  expect(after.replies).toBe(before.replies);
  expect(after.ratings).toBe(before.ratings + 4);
  expect(after.satisfied).toBe(before.satisfied + 2);
  expect(after.basically_satisfied).toBe(before.basically_satisfied + 1);
  expect(after.dissatisfied).toBe(before.dissatisfied + 1);
  // (满意 + 基本满意) ÷ 已评价, half up to one decimal
  const good = after.satisfied + after.basically_satisfied;
  expect(after.rate).toBe(Math.floor((1000 * good) / after.ratings + 0.5) / 10);

  // the dashboard, live: the county's line as the view, the city pooled from the counties' counts
  const data = await dashboard(leader);
  const line = data.satisfaction.counties.find((l: { countyId: number }) => l.countyId === county.id);
  // the view's counts as the dashboard and the 附件6 name them
  const counted = {
    replies: after.replies,
    rated: after.ratings,
    satisfied: after.satisfied,
    basicallySatisfied: after.basically_satisfied,
    dissatisfied: after.dissatisfied,
    satisfactionRate: after.rate,
  };
  expect(line).toMatchObject({ ...counted, meetsTarget: null });
  const { rows: all } = await app.db.query(
    `SELECT sum(ratings)::int AS rated, sum(satisfied + basically_satisfied)::int AS good
       FROM reporting.county_satisfaction WHERE year = $1`,
    [year],
  );
  expect(data.satisfaction.city.rated).toBe(all[0].rated);
  expect(data.satisfaction.city.satisfactionRate).toBe(Math.floor((1000 * all[0].good) / all[0].rated + 0.5) / 10);
  expect(data.satisfaction.targetPct).toBeNull();
  // not a creation standard while the city sets no target
  expect(data.standards.map((s: { name: string }) => s.name).join()).not.toContain('满意');

  // county staff: her county beside the city, no other county
  const own = await dashboard(clerk);
  expect(own.satisfaction.counties.map((l: { countyId: number }) => l.countyId)).toEqual([county.id]);
  expect(own.satisfaction.city.rated).toBe(all[0].rated);

  // 附件6 for the year: the same counts, in its figures and on paper
  const created = await clerk.api('POST', '/resources/AnalysisReport/actions/new', {
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    analysis: '信访人评价情况分析。',
  });
  expect(created.json.notice.type).toBe('success');
  const id = created.json.record.params.id;
  const { rows: report } = await app.db.query(`SELECT figures FROM analysis_report WHERE id = $1`, [id]);
  expect(report[0].figures).toMatchObject(counted);
  const docx = await clerk.request('GET', `/admin/files/analysis-reports/${id}.docx`);
  expect(docx.status).toBe(200);
  const text = visibleText(documentXml(new Uint8Array(await docx.arrayBuffer())));
  expect(text).toContain(`信访人评价${after.ratings}件`);
  expect(text).toContain(`满意率${after.rate}%`);
  const page = await clerk.api('GET', `/resources/AnalysisReport/records/${id}/show`);
  expect(page.json.record.params.statistics).toContain('满意率(%)');
});

it('reads the same from the dashboard’s snapshot as live', async () => {
  await refreshReportingSnapshots(app.dataSource);
  const { rows: live } = await app.db.query(
    `SELECT county_id, year, replies, ratings, satisfied, basically_satisfied, dissatisfied, satisfaction_rate_pct, rated_pct
       FROM reporting.county_satisfaction ORDER BY year, county_id`,
  );
  const { rows: snap } = await app.db.query(
    `SELECT * FROM reporting.county_satisfaction_snapshot ORDER BY year, county_id`,
  );
  expect(snap).toEqual(live);
});
