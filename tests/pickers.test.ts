import { startTestApp, type TestApp } from './support/app.js';
import type { Session } from './support/http.js';
import { eligibleAgents } from '../src/services/agent-eligibility.js';
import { chinaToday } from '../src/admin/clock.js';

// Place and agent pickers by level and county (组织层级, 持证上岗), and the server refusing the wrong level.
let app: TestApp;
let clerk: Session;
let city: Session;
let xinhua: number;
let weidong: number;

beforeAll(async () => {
  app = await startTestApp();
  clerk = app.session();
  city = app.session();
  expect(await clerk.login('xinhua@example.org')).toBe(true);
  expect(await city.login('city@example.org')).toBe(true);
  const ids = async (name: string) =>
    (await app.db.query(`SELECT id FROM organization WHERE name = $1 AND level = 'county'`, [name])).rows[0].id;
  xinhua = await ids('新华区');
  weidong = await ids('卫东区');
});
afterAll(() => app.close());

async function choices(
  s: Session,
  kind: string,
  parent?: number | string,
  on?: string,
): Promise<{ value: string; label: string }[]> {
  const query = new URLSearchParams({
    ...(parent === undefined ? {} : { parent: String(parent) }),
    ...(on === undefined ? {} : { on }),
  });
  const res = await s.request('GET', `/admin/files/choices/${kind}${query.size ? `?${query}` : ''}`);
  expect(res.status).toBe(200);
  return (await res.json()).choices;
}

const levelsOf = async (ids: string[]) =>
  (
    await app.db.query(`SELECT DISTINCT level::text AS level, parent_id FROM organization WHERE id = ANY($1::int[])`, [
      ids.map(Number),
    ])
  ).rows;

it('offers the city every county, and a county clerk her own', async () => {
  const all = await choices(city, 'county');
  expect(all.length).toBeGreaterThan(5);
  expect(new Set((await levelsOf(all.map((c) => c.value))).map((r) => r.level))).toEqual(new Set(['county']));
  expect((await choices(clerk, 'county')).map((c) => Number(c.value))).toEqual([xinhua]);
});

it('offers the townships of the chosen county only; a clerk gets hers whatever county she names', async () => {
  const ofWeidong = await choices(city, 'township', weidong);
  expect(ofWeidong.length).toBeGreaterThan(0);
  expect(await levelsOf(ofWeidong.map((c) => c.value))).toEqual([{ level: 'township', parent_id: weidong }]);
  const hers = await choices(clerk, 'township', weidong);
  expect(hers.length).toBeGreaterThan(0);
  expect(await levelsOf(hers.map((c) => c.value))).toEqual([{ level: 'township', parent_id: xinhua }]);
  expect(await choices(city, 'township')).toEqual([]);
});

it('offers the villages of a township, never another county’s to a clerk', async () => {
  const { rows } = await app.db.query(
    `SELECT t.id, t.parent_id FROM organization t WHERE t.level = 'township'
        AND EXISTS (SELECT 1 FROM organization v WHERE v.parent_id = t.id) AND t.parent_id IN ($1, $2) ORDER BY t.parent_id = $1 DESC`,
    [xinhua, weidong],
  );
  const own = rows.find((r) => r.parent_id === xinhua);
  const other = rows.find((r) => r.parent_id === weidong);
  const villages = await choices(clerk, 'village', own.id);
  expect(villages.length).toBeGreaterThan(0);
  expect(await levelsOf(villages.map((c) => c.value))).toEqual([{ level: 'village', parent_id: own.id }]);
  if (other) expect(await choices(clerk, 'village', other.id)).toEqual([]);
});

it('offers a case the agents eligible today: of its county, in post, certified — the same set as 开始代理', async () => {
  const offered = await choices(clerk, 'agent', weidong);
  const expected = await eligibleAgents(app.dataSource.manager, xinhua, chinaToday());
  expect(offered.map((c) => Number(c.value))).toEqual(expected.map((a) => a.id));
  const { rows: outside } = await app.db.query(
    `SELECT id FROM agent WHERE county_id = $1 AND (status <> 'active' OR voided_at IS NOT NULL)`,
    [xinhua],
  );
  expect(outside.length).toBeGreaterThan(0);
  for (const a of outside) expect(offered.some((c) => Number(c.value) === a.id)).toBe(false);
  expect(offered[0].label).toMatch(/（.+，证书有效期至\d{4}-\d{2}-\d{2}）$/);
});

it('offers the agents eligible on the day she takes the case, not today’s (开始代理 dated in the past)', async () => {
  // the day the demo's earliest certificates were a year old: some agents certified today were not yet
  const { rows } = await app.db.query(
    `SELECT to_char(min(issued_on) + 200, 'YYYY-MM-DD') AS day FROM certificate c JOIN agent a ON a.id = c.agent_id
      WHERE a.county_id = $1`,
    [xinhua],
  );
  const day: string = rows[0].day;
  const thatDay = await eligibleAgents(app.dataSource.manager, xinhua, day);
  const today = await eligibleAgents(app.dataSource.manager, xinhua, chinaToday());
  expect(thatDay.map((a) => a.id)).not.toEqual(today.map((a) => a.id));
  expect((await choices(clerk, 'agent', undefined, day)).map((c) => Number(c.value))).toEqual(thatDay.map((a) => a.id));
  const bad = await clerk.request('GET', '/admin/files/choices/agent?on=2026-02-30');
  expect(bad.status).toBe(400);
  expect((await bad.json()).error).toMatch(/日期无效/);
});

it('answers a bad kind or parent with a 4xx in Chinese, and nobody signed in with 401', async () => {
  expect((await city.request('GET', '/admin/files/choices/planet')).status).toBe(404);
  const bad = await city.request('GET', '/admin/files/choices/township?parent=abc');
  expect(bad.status).toBe(400);
  expect((await bad.json()).error).toBe('上级地点无效');
  expect((await app.session().request('GET', '/admin/files/choices/county')).status).toBe(401);
});

it('refuses a place of the wrong level on the field, on any resource that has one', async () => {
  const { rows } = await app.db.query(
    `SELECT id FROM organization WHERE level = 'township' AND parent_id = $1 LIMIT 1`,
    [weidong],
  );
  const township = rows[0].id;
  const count = async () => (await app.db.query('SELECT count(*)::int AS n FROM training')).rows[0].n;
  const before = await count();
  const training = { title: '代理员业务培训', heldOn: '2026-11-20', organizer: '卫东区妇联', hours: '4' };
  const res = await city.api('POST', '/resources/Training/actions/new', { ...training, countyId: township });
  expect(res.json.record.errors.countyId.message).toBe('请选择县（市、区），所选地点不是县（市、区）');
  expect(await count()).toBe(before);
  // the same form with the county saves
  const saved = await city.api('POST', '/resources/Training/actions/new', { ...training, countyId: weidong });
  expect(saved.json.notice.type).toBe('success');
  expect(await count()).toBe(before + 1);
});

it('finds a record titled by its county and period (考评, 结案统计表) by the county’s name in its title', async () => {
  const { rows } = await app.db.query(
    `SELECT count(*)::int AS n FROM evaluation WHERE county_id = $1 AND voided_at IS NULL`,
    [xinhua],
  );
  expect(rows[0].n).toBeGreaterThan(0);
  const search = async (s: Session, q: string) => {
    const res = await s.api('GET', `/resources/Evaluation/actions/search/${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    return (res.json.records as { title: string }[]).map((r) => r.title);
  };
  const found = await search(city, '新华');
  expect(found).toHaveLength(rows[0].n);
  expect(found.every((t) => t.startsWith('新华区 '))).toBe(true);
  // the whole title, as the picker shows it, finds its county's records too
  expect(await search(city, found[0])).toEqual(found);
  expect(await search(city, '没有这个县')).toEqual([]);
  // a clerk's picker stays in her county whatever she types
  expect((await search(clerk, '卫东')).length).toBe(0);
});
