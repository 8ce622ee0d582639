import { dissatisfiedRatingsSection } from '../src/admin/dashboard/dissatisfied-ratings.section.js';
import { formatQueryCode } from '../src/domain/petitioner-view.js';
import { reissueQueryCode } from '../src/services/petitioner-query.js';
import { startTestApp, type TestApp } from './support/app.js';

// 《信访工作条例》第二十一条: the petitioner queries her case with its number and query code, and rates it
// after the reply opinion. Through the real HTTP app on a clone of the demo database.

let app: TestApp;

interface DemoCase {
  id: number;
  case_no: string;
  code: string;
  county_id: number;
  petitioner_name: string;
  petitioner_id_number: string | null;
  petitioner_phone: string | null;
  petitioner_address: string | null;
  description: string | null;
  subject: string;
  agent_name: string | null;
}

async function demoCase(where: string): Promise<DemoCase> {
  const { rows } = await app.db.query(
    `SELECT c.id, c.case_no, q.code, c.county_id, c.petitioner_name, c.petitioner_id_number, c.petitioner_phone,
            c.petitioner_address, c.description, c.subject, a.name AS agent_name
       FROM petition_case c JOIN case_query_code q ON q.case_id = c.id LEFT JOIN agent a ON a.id = c.agent_id
      WHERE c.voided_at IS NULL AND c.petitioner_id_number IS NOT NULL AND c.petitioner_phone IS NOT NULL
        AND c.petitioner_address IS NOT NULL AND c.description IS NOT NULL AND ${where}
        AND NOT EXISTS (SELECT 1 FROM case_rating r WHERE r.case_id = c.id)
      ORDER BY c.id LIMIT 1`,
  );
  expect(rows).toHaveLength(1);
  return rows[0];
}

const replied = () => demoCase(`c.reply_issued_on IS NOT NULL AND c.state = 'concluded'`);
const open = () => demoCase(`c.state = 'representing' AND c.agent_id IS NOT NULL`);

function get(path: string, headers: Record<string, string> = {}) {
  return fetch(app.baseUrl + path, { headers, redirect: 'manual' });
}

function post(path: string, body: string | Record<string, string>, headers: Record<string, string> = {}) {
  const form = typeof body === 'string' ? body : new URLSearchParams(body).toString();
  return fetch(app.baseUrl + path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: form,
    redirect: 'manual',
  });
}

const url = (c: { case_no: string; code: string }) =>
  `/query?no=${encodeURIComponent(c.case_no)}&code=${formatQueryCode(c.code)}`;

/** a code of the right form that is not this case's */
const wrongCode = (code: string) => (code[0] === '2' ? '3' : '2') + code.slice(1);

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app?.close();
});

beforeEach(async () => {
  await app.db.query('DELETE FROM public_rate_limit');
});

describe('the query code', () => {
  it('is issued to every case at registration, random and unique', async () => {
    const { rows } = await app.db.query(
      `SELECT count(*)::int AS cases, count(q.code)::int AS codes, count(DISTINCT q.code)::int AS distinct_codes
         FROM petition_case c LEFT JOIN case_query_code q ON q.case_id = c.id`,
    );
    expect(rows[0].cases).toBeGreaterThan(100);
    expect(rows[0].codes).toBe(rows[0].cases);
    expect(rows[0].distinct_codes).toBe(rows[0].cases);
    const { rows: ids } = await app.db.query(
      `SELECT count(*)::int AS n FROM petition_case c JOIN case_query_code q ON q.case_id = c.id
        WHERE c.petitioner_id_number IS NOT NULL AND position(right(c.petitioner_id_number, 4) IN q.code) > 0`,
    );
    // not derived from her ID number: a 4-digit tail turns up by chance in well under 1 % of codes
    expect(ids[0].n).toBeLessThan(rows[0].cases / 100);
  });

  it('re-issued by the clerk, the old code stops working and the audit says who, without either code', async () => {
    const c = await open();
    expect((await get(url(c))).status).toBe(200);
    const { rows: users } = await app.db.query(
      `SELECT id, role, county_id AS "countyId", email FROM admin_user WHERE role = 'county_staff' AND county_id = $1 LIMIT 1`,
      [c.county_id],
    );
    const fresh = await reissueQueryCode(app.dataSource.manager, {
      caseId: c.id,
      actor: users[0],
      reason: '信访人遗失告知书',
    });
    expect(fresh).not.toBe(c.code);
    expect((await get(url(c))).status).toBe(404);
    expect((await get(url({ case_no: c.case_no, code: fresh }))).status).toBe(200);
    const { rows } = await app.db.query(
      `SELECT user_id, changes::text AS changes FROM audit_log WHERE action = 'reissue_query_code' AND record_id = $1`,
      [String(c.id)],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].user_id).toBe(users[0].id);
    expect(rows[0].changes).not.toContain(fresh);
    expect(rows[0].changes).not.toContain(c.code);
  });
});

describe('on the case page (admin)', () => {
  const xinhuaCase = () =>
    demoCase(`c.state = 'representing' AND c.county_id = (SELECT id FROM organization WHERE name = '新华区')`);

  it('the clerk sees the code and the rating; the leader sees the rating but never the code', async () => {
    const c = await xinhuaCase();
    await post('/query/rating', { no: c.case_no, code: c.code, rating: 'satisfied' }); // refused: no reply yet
    await app.db.query(
      `INSERT INTO case_rating (case_id, rating, comment, first_rated_at, rated_at) VALUES ($1, 'dissatisfied', '<b>太慢</b>', now(), now())`,
      [c.id],
    );
    const clerk = app.session();
    expect(await clerk.login('xinhua@example.org')).toBe(true);
    const page = await clerk.api('GET', `/resources/PetitionCase/records/${c.id}/show`);
    expect(page.json.record.params.queryCode).toContain(formatQueryCode(c.code));
    expect(page.json.record.params.petitionerRating).toContain('不满意');
    expect(page.json.record.params.petitionerRating).toContain('<b>太慢</b>');
    const leader = app.session();
    expect(await leader.login('leader@example.org')).toBe(true);
    const seen = await leader.api('GET', `/resources/PetitionCase/records/${c.id}/show`);
    expect(seen.status).toBe(200);
    expect(seen.json.record.params.petitionerRating).toContain('不满意');
    expect(JSON.stringify(seen.json)).not.toContain(c.code);
    expect(JSON.stringify(seen.json)).not.toContain(formatQueryCode(c.code));
    const denied = await leader.api('POST', `/resources/PetitionCase/records/${c.id}/reissueQueryCode`, {
      reason: '试图重置',
    });
    expect(denied.status).toBeGreaterThanOrEqual(400);
    await app.db.query('DELETE FROM case_rating WHERE case_id = $1', [c.id]);
  });

  it('重新生成查询码 asks for a reason, then the old code stops working', async () => {
    const c = await xinhuaCase();
    const clerk = app.session();
    expect(await clerk.login('xinhua@example.org')).toBe(true);
    const path = `/resources/PetitionCase/records/${c.id}/reissueQueryCode`;
    const { rowVersion } = (await clerk.api('GET', path)).json.record.params;
    const blank = await clerk.api('POST', path, { reason: '  ', rowVersion });
    expect(blank.json.record.errors.reason.message).toContain('原因');
    expect((await get(url(c))).status).toBe(200);
    const done = await clerk.api('POST', path, { reason: '信访人遗失告知书', rowVersion });
    expect(done.json.notice).toEqual({ message: '查询码已重新生成，原查询码已失效', type: 'success' });
    expect((await get(url(c))).status).toBe(404);
    const { rows } = await app.db.query('SELECT code FROM case_query_code WHERE case_id = $1', [c.id]);
    expect((await get(url({ case_no: c.case_no, code: rows[0].code }))).status).toBe(200);
  });
});

describe('the public page /query', () => {
  it('shows the state, steps, next deadline, agent and work point phone — and no personal data', async () => {
    const c = await open();
    const res = await get(url(c));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(c.case_no);
    expect(html).toContain('代理中');
    expect(html).toContain('开始代理');
    expect(html).toContain('办结期限');
    expect(html).toContain(c.agent_name!);
    const { rows } = await app.db.query(
      `SELECT phone FROM work_point WHERE county_id = $1 AND voided_at IS NULL AND phone IS NOT NULL`,
      [c.county_id],
    );
    if (rows[0]) expect(html).toContain(rows[0].phone);
    for (const secret of [
      c.petitioner_id_number!,
      c.petitioner_phone!,
      c.petitioner_address!,
      c.description!.slice(0, 12),
      c.petitioner_name,
      c.subject,
    ])
      expect(html).not.toContain(secret);
    expect(html).not.toMatch(/\/admin|frontend\/assets|<script/i);
  });

  it('has its own strict CSP: no script from anywhere, nothing framed, no referrer elsewhere, not cached', async () => {
    for (const path of ['/query', url(await open())]) {
      const res = await get(path);
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'none'");
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      // her code never leaves in a Referer to another site; her own page's posts keep their Origin
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    const css = await get('/query/query.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
  });

  it('answers a wrong number and a wrong code alike, and audits every query without the code', async () => {
    const c = await open();
    const other = await replied();
    const wrongNumber = await post('/query', { no: c.case_no.replace(/\d{4}$/, '9999'), code: c.code });
    const wrongCodeRes = await post('/query', { no: c.case_no, code: wrongCode(c.code) });
    const crossed = await post('/query', { no: c.case_no, code: other.code });
    expect([wrongNumber.status, wrongCodeRes.status, crossed.status]).toEqual([404, 404, 404]);
    const strip = async (r: Response) => (await r.text()).replace(/value="[^"]*"/g, '');
    const bodies = [await strip(wrongNumber), await strip(wrongCodeRes), await strip(crossed)];
    expect(bodies[1]).toBe(bodies[0]);
    expect(bodies[2]).toBe(bodies[0]);
    expect((await post('/query', { no: c.case_no, code: c.code.toLowerCase() })).status).toBe(200);
    const { rows } = await app.db.query(
      `SELECT action, record_id, ip, changes::text AS changes FROM audit_log
        WHERE action IN ('public_query', 'public_query_failed') ORDER BY id DESC LIMIT 4`,
    );
    expect(rows.map((r) => r.action)).toEqual([
      'public_query',
      'public_query_failed',
      'public_query_failed',
      'public_query_failed',
    ]);
    expect(rows[0].record_id).toBe(String(c.id));
    expect(rows.every((r) => r.ip)).toBe(true);
    for (const r of rows) expect(r.changes ?? '').not.toContain(c.code);
  });

  it('throttles guessing per case number — existing or not, the refusal is the same — and per address', async () => {
    const c = await open();
    const missing = c.case_no.replace(/\d{4}$/, '9998');
    for (let i = 0; i < 10; i++) {
      expect((await post('/query', { no: c.case_no, code: wrongCode(c.code) })).status).toBe(404);
      expect((await post('/query', { no: missing, code: c.code })).status).toBe(404);
    }
    const a = await post('/query', { no: c.case_no, code: wrongCode(c.code) });
    const b = await post('/query', { no: missing, code: c.code });
    expect([a.status, b.status]).toEqual([429, 429]);
    expect(await a.text()).toBe(await b.text());
    // even the right code waits: the refusal must not tell a guesser she found it
    expect((await get(url(c))).status).toBe(429);
    // another case from the same address: the address has failed 22 times of 30
    const other = await replied();
    expect((await get(url(other))).status).toBe(200);
    for (let i = 0; i < 8; i++)
      await post('/query', { no: other.case_no.replace(/\d{4}$/, String(9000 + i)), code: other.code });
    expect((await get(url(other))).status).toBe(429);
  });
});

describe('rating', () => {
  it('is refused before the reply opinion', async () => {
    const c = await open();
    const page = await (await get(url(c))).text();
    expect(page).toContain('答复意见书出具后才能评价');
    expect(page).not.toContain('name="rating"');
    const res = await post('/query/rating', { no: c.case_no, code: c.code, rating: 'satisfied' });
    expect(res.status).toBe(409);
    expect((await app.db.query('SELECT 1 FROM case_rating WHERE case_id = $1', [c.id])).rowCount).toBe(0);
  });

  it('after the reply: rated, replaced within 15 days, locked after; the comment stays text', async () => {
    const c = await replied();
    const first = await post('/query/rating', {
      no: c.case_no,
      code: formatQueryCode(c.code),
      rating: 'dissatisfied',
      comment: '<script>alert(1)</script>办理太慢',
    });
    expect(first.status).toBe(200);
    const html = await first.text();
    expect(html).toContain('评价已提交');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;办理太慢');
    expect(html).not.toContain('<script>');
    const second = await post('/query/rating', { no: c.case_no, code: c.code, rating: 'basically_satisfied' });
    expect(second.status).toBe(200);
    let { rows } = await app.db.query('SELECT rating::text, comment, times FROM case_rating WHERE case_id = $1', [
      c.id,
    ]);
    expect(rows[0]).toEqual({ rating: 'basically_satisfied', comment: null, times: 2 });
    // 16 days after the first rating
    await app.db.query(
      `UPDATE case_rating SET first_rated_at = now() - interval '16 days', rated_at = now() - interval '16 days' WHERE case_id = $1`,
      [c.id],
    );
    const late = await post('/query/rating', { no: c.case_no, code: c.code, rating: 'satisfied' });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain('已锁定');
    ({ rows } = await app.db.query('SELECT rating::text FROM case_rating WHERE case_id = $1', [c.id]));
    expect(rows[0].rating).toBe('basically_satisfied');
    const { rows: audit } = await app.db.query(
      `SELECT action FROM audit_log WHERE record_id = $1 AND action LIKE 'public_r%' ORDER BY id`,
      [String(c.id)],
    );
    expect(audit.map((r) => r.action)).toEqual(['public_rate', 'public_rerate']);
  });

  it('不满意 puts the case on its county’s home page; leaders see counts per county only', async () => {
    const c = await replied();
    expect((await post('/query/rating', { no: c.case_no, code: c.code, rating: 'dissatisfied' })).status).toBe(200);
    const { rows: staff } = await app.db.query(
      `SELECT id FROM admin_user WHERE role = 'county_staff' AND county_id = $1 LIMIT 1`,
      [c.county_id],
    );
    const now = new Date();
    const hers = await dissatisfiedRatingsSection({
      ds: app.dataSource,
      actor: { id: staff[0]?.id ?? 1, role: 'county_staff', countyId: c.county_id },
      now,
    });
    expect(hers!.rows.map((r) => r.href)).toContain(`/admin/resources/PetitionCase/records/${c.id}/show`);
    const { rows: other } = await app.db.query(
      `SELECT id FROM organization WHERE level = 'county' AND id <> $1 LIMIT 1`,
      [c.county_id],
    );
    const elsewhere = await dissatisfiedRatingsSection({
      ds: app.dataSource,
      actor: { id: 1, role: 'county_staff', countyId: other[0].id },
      now,
    });
    expect(elsewhere!.rows.map((r) => r.href)).not.toContain(`/admin/resources/PetitionCase/records/${c.id}/show`);
    const leader = await dissatisfiedRatingsSection({
      ds: app.dataSource,
      actor: { id: 1, role: 'leader', countyId: null },
      now,
    });
    expect(leader!.total).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(leader!.rows)).not.toContain(c.case_no);
    expect(JSON.stringify(leader!.rows)).not.toContain(c.subject);
    // out of the window: off the home page
    await app.db.query(
      `UPDATE case_rating SET rated_at = now() - interval '61 days', first_rated_at = now() - interval '61 days' WHERE case_id = $1`,
      [c.id],
    );
    const later = await dissatisfiedRatingsSection({
      ds: app.dataSource,
      actor: { id: 1, role: 'county_staff', countyId: c.county_id },
      now,
    });
    expect(later!.rows.map((r) => r.href)).not.toContain(`/admin/resources/PetitionCase/records/${c.id}/show`);
  });

  it('counts in the county 满意率 (reporting.county_satisfaction)', async () => {
    const c = await replied();
    const before = await app.db.query(
      `SELECT s.* FROM reporting.county_satisfaction s, petition_case c
        WHERE c.id = $1 AND s.county_id = c.county_id AND s.year = extract(year FROM c.reply_issued_on)`,
      [c.id],
    );
    expect((await post('/query/rating', { no: c.case_no, code: c.code, rating: 'satisfied' })).status).toBe(200);
    const after = await app.db.query(
      `SELECT s.* FROM reporting.county_satisfaction s, petition_case c
        WHERE c.id = $1 AND s.county_id = c.county_id AND s.year = extract(year FROM c.reply_issued_on)`,
      [c.id],
    );
    expect(after.rows[0].ratings).toBe(before.rows[0].ratings + 1);
    expect(after.rows[0].satisfied).toBe(before.rows[0].satisfied + 1);
    const r = after.rows[0];
    expect(Number(r.satisfaction_rate_pct)).toBeCloseTo(
      Math.round((1000 * (r.satisfied + r.basically_satisfied)) / r.ratings) / 10,
      5,
    );
  });
});

describe('hostile input on the public page: 4xx, never 5xx, nothing written', () => {
  it('refuses NUL bytes, wrong types, huge and malformed bodies, JSON and unknown charsets', async () => {
    const c = await replied();
    const ratingsBefore = (await app.db.query('SELECT count(*)::int AS n FROM case_rating')).rows[0].n;
    const attempts: Promise<Response>[] = [
      post('/query', { no: `${c.case_no}\u0000`, code: c.code }),
      post('/query', { no: c.case_no, code: `${c.code}\u0000` }),
      post('/query', `no[]=${encodeURIComponent(c.case_no)}&code=${c.code}`),
      post('/query', `no=${encodeURIComponent(c.case_no)}&no=x&code=${c.code}`),
      post('/query', `no=%E0%A4%A&code=%%%`),
      post('/query', `no=${'长'.repeat(100_000)}&code=${c.code}`),
      post('/query', JSON.stringify({ no: c.case_no, code: c.code }), { 'content-type': 'application/json' }),
      post('/query', '{"no": ', { 'content-type': 'application/json' }),
      post('/query', `no=${encodeURIComponent(c.case_no)}&code=${c.code}`, {
        'content-type': 'application/x-www-form-urlencoded; charset=utf-16',
      }),
      post('/query/rating', { no: c.case_no, code: c.code, rating: 'excellent' }),
      post('/query/rating', `no=${encodeURIComponent(c.case_no)}&code=${c.code}&rating=satisfied&rating=dissatisfied`),
      post('/query/rating', { no: c.case_no, code: c.code, rating: 'satisfied', comment: '长'.repeat(201) }),
      post('/query/rating', `no=${encodeURIComponent(c.case_no)}&code=${c.code}&rating=satisfied&comment=a&comment=b`),
      post('/query/rating', { no: c.case_no, code: c.code, rating: 'satisfied\u0000' }),
      get(`/query?no[a]=1&code=${c.code}`),
      get(`/query?no=${encodeURIComponent(c.case_no)}&code[]=${c.code}`),
      get(`/query?no=%00&code=%00`),
    ];
    const statuses = [];
    for (const a of attempts) statuses.push((await a).status);
    for (const s of statuses) {
      expect(s).toBeGreaterThanOrEqual(400);
      expect(s).toBeLessThan(500);
    }
    expect((await app.db.query('SELECT count(*)::int AS n FROM case_rating')).rows[0].n).toBe(ratingsBefore);
  });

  it('refuses a rating posted from another site (CSRF), accepts its own page', async () => {
    const c = await replied();
    const body = { no: c.case_no, code: c.code, rating: 'satisfied' };
    expect((await post('/query/rating', body, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await post('/query/rating', body, { origin: 'null' })).status).toBe(403);
    expect((await post('/query/rating', body, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await app.db.query('SELECT 1 FROM case_rating WHERE case_id = $1', [c.id])).rowCount).toBe(0);
    const own = await post('/query/rating', body, { origin: app.baseUrl, 'sec-fetch-site': 'same-origin' });
    expect(own.status).toBe(200);
  });
});
