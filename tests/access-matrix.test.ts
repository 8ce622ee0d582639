import { ACCESS, type ResourceId, type Role } from '../src/domain/access-policy.js';
import { SESSION_TOUCH_MS, USER_RECHECK_MS } from '../src/web/session/session-store.js';
import { startTestApp, type TestApp } from './support/app.js';
import { count, countyId, ID_NUMBER, MOBILE } from './support/fixtures.js';
import type { Session } from './support/http.js';
import { RESOURCES, TABLE } from './support/tables.js';

// A county clerk never sees or changes another county's data: every resource × every action × every role,
// called on the AdminJS API directly with another county's ids, forged filters and forged payloads. Custom
// actions are found on the live admin, so actions added later are covered without editing this file.

const EMAIL: Record<Role, string> = {
  city_admin: 'city@example.org',
  county_staff: 'xinhua@example.org',
  leader: 'leader@example.org',
};

let app: TestApp;
// the server's clock, moved on by the tests that wait out a window (USER_RECHECK_MS, SESSION_TOUCH_MS)
let clockOffsetMs = 0;
const waitOut = (ms: number) => (clockOffsetMs += ms + 1);
let xinhua: number;
let yexian: number;
const sessions = {} as Record<Role, Session>;
/** per resource: a row of 叶县 (another county) and of 新华区 */
const other = {} as Record<ResourceId, number>;
const own = {} as Record<ResourceId, number>;

async function rowOf(table: string, county: number): Promise<number> {
  const { rows } = await app.db.query(`SELECT id FROM ${table} WHERE county_id = $1 ORDER BY id LIMIT 1`, [county]);
  return rows[0]?.id;
}

async function snapshot(table: string, id: number): Promise<string> {
  const { rows } = await app.db.query(`SELECT to_jsonb(t) AS row FROM ${table} t WHERE id = $1`, [id]);
  return JSON.stringify(rows[0]?.row ?? null);
}

beforeAll(async () => {
  app = await startTestApp({ now: () => new Date(Date.now() + clockOffsetMs) });
  xinhua = await countyId(app.db, '新华区');
  yexian = await countyId(app.db, '叶县');
  // the tables the demo may leave empty get one row per county (notices, reports, inspections and their
  // findings and rectifications have demo rows for both counties: src/seed/demo-data/supervision.ts)
  for (const c of [xinhua, yexian]) {
    await app.db.query(
      `INSERT INTO analysis_report (county_id, period_start, period_end, report_date, contact_person, contact_phone) VALUES ($1, '2025-01-01', '2025-12-31', '2026-01-05', '张红', '13937512345')`,
      [c],
    );
    await app.db.query(`INSERT INTO annual_report (county_id, year) VALUES ($1, 2026)`, [c]);
    // the demo's own 考评 of last year, or one made here
    await app.db.query(`INSERT INTO evaluation (county_id, year) VALUES ($1, 2025) ON CONFLICT DO NOTHING`, [c]);
    const wp = (await app.db.query('SELECT id FROM work_point WHERE county_id = $1', [c])).rows[0].id;
    await app.db.query(
      `INSERT INTO commendation (year, kind, county_id, work_point_id, reason) VALUES (2025, 'work_point', $1, $2, '成效突出')`,
      [c, wp],
    );
    await app.db.query(`INSERT INTO audit_log (action, resource, county_id) VALUES ('update', 'Agent', $1)`, [c]);
  }
  for (const r of RESOURCES) {
    other[r] = await rowOf(TABLE[r], yexian);
    own[r] = await rowOf(TABLE[r], xinhua);
  }
  for (const role of Object.keys(EMAIL) as Role[]) {
    sessions[role] = app.session();
    expect(await sessions[role].login(EMAIL[role])).toBe(true);
  }
});
afterAll(() => app.close());

const expectRefused = (status: number) => expect([403, 404]).toContain(status);

describe.each(RESOURCES)('%s', (resource) => {
  const read = (role: Role) => ACCESS[resource][role] !== 'none';
  const write = (role: Role) => ACCESS[resource][role] === 'write';

  it('lists and searches only what each role may see, whatever the forged filters', async () => {
    for (const role of Object.keys(EMAIL) as Role[]) {
      const s = sessions[role];
      const list = await s.api('GET', `/resources/${resource}/actions/list?filters.countyId=${yexian}&perPage=500`);
      const search = await s.api('GET', `/resources/${resource}/actions/search/?filters.countyId=${yexian}`);
      if (!read(role)) {
        expect({ role, list: list.status, search: search.status }).toEqual({ role, list: 403, search: 403 });
        expect(list.json.records ?? []).toEqual([]);
        continue;
      }
      expect({ role, list: list.status, search: search.status }).toEqual({ role, list: 200, search: 200 });
      // a picker's answer carries id and title only: its rows' counties are read back from the table
      const found = search.json.records.map((r: any) => Number(r.id));
      expect(search.json.records.every((r: any) => Object.keys(r.params).length <= 2)).toBe(true);
      const { rows: searched } = await app.db.query(
        `SELECT county_id FROM ${TABLE[resource]} WHERE id = ANY($1::int[])`,
        [found],
      );
      const counties = new Set([
        ...list.json.records.map((r: any) => r.params.countyId),
        ...searched.map((r: { county_id: number | null }) => r.county_id),
      ]);
      if (role === 'county_staff') {
        counties.delete(null);
        expect([...counties].every((c) => c === xinhua)).toBe(true);
        const { rows } = await app.db.query(`SELECT count(*)::int AS n FROM ${TABLE[resource]} WHERE county_id = $1`, [
          xinhua,
        ]);
        expect(list.json.meta.total).toBe(rows[0].n);
      } else if (other[resource]) {
        expect(counties.has(yexian)).toBe(true);
      }
    }
  });

  it('refuses every record action on another county’s row to county staff, and changes nothing', async () => {
    const id = other[resource];
    if (!id) return;
    const before = await snapshot(TABLE[resource], id);
    const decorated = app.admin.findResource(resource).decorate();
    for (const action of Object.values(decorated.actions)) {
      if (!action.isRecordType()) continue;
      const path = `/resources/${resource}/records/${id}/${action.name}`;
      const got = await sessions.county_staff.api('GET', path);
      expectRefused(got.status);
      expect(JSON.stringify(got.json?.record?.params ?? {})).toBe('{}');
      const posted = await sessions.county_staff.api('POST', path, { countyId: xinhua, remarks: 'forged' });
      expectRefused(posted.status);
    }
    const bulk = await sessions.county_staff.api('POST', `/resources/${resource}/bulk/bulkDelete?recordIds=${id}`, {});
    expectRefused(bulk.status);
    expect(await snapshot(TABLE[resource], id)).toBe(before);
  });

  it('lets each role show as the policy says, and refuses edit and delete to read-only roles', async () => {
    for (const role of Object.keys(EMAIL) as Role[]) {
      const id = role === 'county_staff' ? own[resource] : other[resource];
      if (!id) continue;
      const s = sessions[role];
      const show = await s.api('GET', `/resources/${resource}/records/${id}/show`);
      if (read(role)) expect({ role, show: show.status }).toEqual({ role, show: 200 });
      else expectRefused(show.status);
      if (!write(role)) {
        const before = await snapshot(TABLE[resource], id);
        const del = await s.api('POST', `/resources/${resource}/records/${id}/delete`, {});
        // a record she may read but not change: 403; one she may not even know of: 404
        const refused = read(role) ? 403 : 404;
        expect({ role, del: del.status }).toEqual({ role, del: refused });
        expect(await snapshot(TABLE[resource], id)).toBe(before);
        const edit = await s.api('POST', `/resources/${resource}/records/${id}/edit`, {});
        expect({ role, edit: edit.status }).toEqual({ role, edit: refused });
        expect(await snapshot(TABLE[resource], id)).toBe(before);
      }
    }
  });

  it('deletes nothing for anyone: records of the program are voided (作废), the rest is never deleted', async () => {
    const id = other[resource] ?? own[resource];
    if (!id) return;
    const before = await snapshot(TABLE[resource], id);
    const decorated = app.admin.findResource(resource).decorate();
    const voidable = !['AdminUser', 'AuditLog', 'NoticeRecipient'].includes(resource);
    expect({
      resource,
      voidRecord: 'voidRecord' in decorated.actions,
      restoreRecord: 'restoreRecord' in decorated.actions,
    }).toEqual({
      resource,
      voidRecord: voidable,
      restoreRecord: voidable,
    });
    for (const role of Object.keys(EMAIL) as Role[]) {
      const s = sessions[role];
      const del = await s.api('POST', `/resources/${resource}/records/${id}/delete`, {});
      expect({ role, del: [403, 404].includes(del.status) }).toEqual({ role, del: true });
      const bulk = await s.api('POST', `/resources/${resource}/bulk/bulkDelete?recordIds=${id}`, {});
      expect({ role, bulk: [403, 404].includes(bulk.status) }).toEqual({ role, bulk: true });
      // restoring is the city's, and only of a voided record
      const restore = await s.api('POST', `/resources/${resource}/records/${id}/restoreRecord`, {});
      if (voidable)
        expect({
          role,
          restore: restore.status < 500 && (restore.status >= 400 || restore.json.notice.type === 'error'),
        }).toEqual({ role, restore: true });
    }
    expect(await snapshot(TABLE[resource], id)).toBe(before);
  });

  it('never lets county staff write into another county through a forged payload', async () => {
    if (!write('county_staff') || !own[resource]) return;
    const id = own[resource];
    await sessions.county_staff.api('POST', `/resources/${resource}/records/${id}/edit`, { countyId: yexian });
    const { rows } = await app.db.query(`SELECT county_id FROM ${TABLE[resource]} WHERE id = $1`, [id]);
    if (rows.length) expect(rows[0].county_id).toBe(xinhua);
  });
});

describe('petitioners’ personal data', () => {
  it('is not in the case list nor its searches, full on the record page for staff (audited), never for leaders', async () => {
    const id = own.PetitionCase;
    const { rows } = await app.db.query(
      'SELECT petitioner_id_number AS idn, petitioner_phone AS phone FROM petition_case WHERE id = $1',
      [id],
    );
    const list = await sessions.county_staff.api('GET', '/resources/PetitionCase/actions/list');
    const listed = JSON.stringify(list.json);
    expect(listed).not.toContain(rows[0].idn);
    // a listed case whose petitioner gave both (some give neither: nothing to mask)
    const { rows: full } = await app.db.query(
      `SELECT id FROM petition_case WHERE id = ANY($1::int[])
          AND petitioner_id_number IS NOT NULL AND petitioner_phone ~ '^1[0-9]{10}$' LIMIT 1`,
      [list.json.records.map((r: { id: string }) => Number(r.id))],
    );
    // the case list shows neither: its rows do not carry them, not even masked
    const shown = list.json.records.find((r: { id: string }) => Number(r.id) === full[0].id);
    expect(shown.params).not.toHaveProperty('petitionerIdNumber');
    expect(shown.params).not.toHaveProperty('petitionerPhone');

    const audits = (await app.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'view_personal'`))
      .rows[0].n;
    const show = await sessions.county_staff.api('GET', `/resources/PetitionCase/records/${id}/show`);
    expect(show.json.record.params.petitionerIdNumber).toBe(rows[0].idn);
    expect(
      (await app.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'view_personal'`)).rows[0].n,
    ).toBe(audits + 1);

    for (const path of [
      `/resources/PetitionCase/records/${id}/show`,
      '/resources/PetitionCase/actions/list?perPage=500',
      '/resources/PetitionCase/actions/search/',
    ]) {
      const res = await sessions.leader.api('GET', path);
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.json)).not.toContain(rows[0].idn);
      expect(JSON.stringify(res.json)).not.toContain(rows[0].phone);
    }
  });

  it('does not let a leader order a list by a field she sees masked (the order would tell it)', async () => {
    const order = async (s: Session, query: string) =>
      (
        (await s.api('GET', `/resources/PetitionCase/actions/list?perPage=50&${query}`)).json.records as {
          id: string;
        }[]
      ).map((r) => r.id);
    const plain = await order(sessions.leader, '');
    for (const field of ['petitionerIdNumber', 'petitionerPhone', 'petitionerAddress'])
      for (const direction of ['asc', 'desc'])
        expect({
          field,
          direction,
          ids: await order(sessions.leader, `sortBy=${field}&direction=${direction}`),
        }).toEqual({
          field,
          direction,
          ids: plain,
        });
    // her county's staff, who read them in full, may
    const staff = await order(sessions.county_staff, 'sortBy=petitionerIdNumber&direction=asc');
    // compared by the ID numbers in order: a woman who came back shares hers with her earlier case, and
    // such ties may fall either way
    const { rows } = await app.db.query(
      `SELECT petitioner_id_number AS idn FROM petition_case WHERE county_id = $1 AND voided_at IS NULL
        ORDER BY petitioner_id_number ASC LIMIT 5`,
      [xinhua],
    );
    const firstFive = await app.db.query(
      `SELECT id, petitioner_id_number AS idn FROM petition_case WHERE id = ANY($1::int[])`,
      [staff.slice(0, 5).map(Number)],
    );
    const inListOrder = staff.slice(0, 5).map((id) => firstFive.rows.find((r) => String(r.id) === String(id))!.idn);
    expect(inListOrder).toEqual(rows.map((r) => r.idn));
  });
});

describe('personal data by role (PERSONAL_DATA)', () => {
  it('never gives a leader an agent’s ID number or phone, on lists, pages or through a reference', async () => {
    const agent = own.Agent;
    const certificate = own.Certificate;
    const attendance = own.TrainingAttendance;
    const paths = [
      '/resources/Agent/actions/list?perPage=500',
      `/resources/Agent/records/${agent}/show`,
      '/resources/Agent/actions/search/',
      '/resources/Certificate/actions/list?perPage=500',
      `/resources/Certificate/records/${certificate}/show`,
      '/resources/TrainingAttendance/actions/list?perPage=500',
      `/resources/TrainingAttendance/records/${attendance}/show`,
      '/resources/PetitionCase/actions/list?perPage=500',
      `/resources/PetitionCase/records/${own.PetitionCase}/show`,
      // a filter on a field the leader may not read would answer it one guess at a time
      `/resources/Agent/actions/list?filters.idNumber=4104`,
    ];
    for (const path of paths) {
      const res = await sessions.leader.api('GET', path);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      const text = JSON.stringify(res.json);
      expect({ path, ids: text.match(ID_NUMBER) ?? [], mobiles: text.match(MOBILE) ?? [] }).toEqual({
        path,
        ids: [],
        mobiles: [],
      });
    }
    // staff of the county call their agents: the phone in the list, the ID number on the agent's page
    const { rows } = await app.db.query('SELECT id_number, phone FROM agent WHERE id = $1', [agent]);
    const list = await sessions.county_staff.api('GET', '/resources/Agent/actions/list?perPage=500');
    const row = list.json.records.find((r: any) => Number(r.id) === agent);
    expect(row.params.phone).toBe(rows[0].phone);
    expect(row.params.idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    const show = await sessions.county_staff.api('GET', `/resources/Agent/records/${agent}/show`);
    expect(show.json.record.params.idNumber).toBe(rows[0].id_number);
  });

  it('lets a referenced record travel with its id and title only', async () => {
    const list = await sessions.city_admin.api('GET', '/resources/Certificate/actions/list?perPage=5');
    const populated = list.json.records.flatMap((r: any) => Object.values(r.populated ?? {})) as any[];
    expect(populated.length).toBeGreaterThan(0);
    for (const p of populated) expect(Object.keys(p.params).length).toBeLessThanOrEqual(2);
  });

  it('never sends a password hash, to any role, on any path', async () => {
    const { rows } = await app.db.query(`SELECT id FROM admin_user WHERE email = 'xinhua@example.org'`);
    for (const path of [
      '/resources/AdminUser/actions/list?perPage=500',
      `/resources/AdminUser/records/${rows[0].id}/show`,
      `/resources/AdminUser/records/${rows[0].id}/edit`,
      '/resources/AdminUser/actions/search/',
      '/resources/AuditLog/actions/list?perPage=500',
    ]) {
      const res = await sessions.city_admin.api('GET', path);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      expect(JSON.stringify(res.json)).not.toMatch(/passwordHash|\$2[aby]\$/);
    }
    const page = await (await sessions.city_admin.get('/admin/resources/AdminUser')).text();
    expect(page).not.toMatch(/\$2[aby]\$\d\d\$/);
  });

  it('lists a case’s signed scans for a leader but does not let her download them', async () => {
    const [doc] = (
      await app.db.query(
        `UPDATE case_document SET storage_key = 'held-by-the-clerk.pdf', file_size = 1, mime_type = 'application/pdf'
          WHERE id = (SELECT min(id) FROM case_document WHERE voided_at IS NULL AND storage_key IS NULL) RETURNING id`,
      )
    ).rows;
    try {
      const res = await sessions.leader.request('GET', `/admin/files/documents/${doc.id}`);
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('不能下载');
    } finally {
      await app.db.query(`UPDATE case_document SET storage_key = NULL, file_size = NULL WHERE id = $1`, [doc.id]);
    }
  });
});

describe('audit log', () => {
  it('records create, update and void with author and changed fields, in the same transaction', async () => {
    const s = sessions.city_admin;
    const created = await s.api('POST', '/resources/WorkSystem/actions/new', {
      countyId: xinhua,
      kind: 'training',
      adoptedOn: '2020-01-01',
    });
    // 新华区 may already have this system: then the refusal must name the field and log nothing
    if (created.json.notice.type === 'error') {
      expect(created.json.record.errors.kind.message).toMatch(/已登记/);
      return;
    }
    const id = created.json.record.params.id;
    await s.api('POST', `/resources/WorkSystem/records/${id}/edit`, { documentNo: '新妇字〔2026〕9号', rowVersion: 1 });
    expect((await s.api('POST', `/resources/WorkSystem/records/${id}/delete`, {})).status).toBe(403);
    await s.api('POST', `/resources/WorkSystem/records/${id}/voidRecord`, { reason: '登记有误', rowVersion: 2 });
    const { rows } = await app.db.query(
      `SELECT action, user_email, changes FROM audit_log WHERE resource = 'WorkSystem' AND record_id = $1 ORDER BY id`,
      [String(id)],
    );
    expect(rows.map((r) => r.action)).toEqual(['create', 'update', 'voidRecord']);
    expect(rows.every((r) => r.user_email === 'city@example.org')).toBe(true);
    expect(rows[1].changes).toEqual({
      documentNo: { before: null, after: '新妇字〔2026〕9号' },
      rowVersion: { before: 1, after: 2 },
    });
    expect(rows[2].changes.voidReason).toEqual({ before: null, after: '登记有误' });
    expect(await count(app.db, 'work_system', 'id = $1', [id])).toBe(1);
  });

  it('records logins and failed logins, and locks an account after five failures', async () => {
    const s = app.session();
    for (let i = 0; i < 5; i++) expect(await s.login('leader@example.org', 'not-the-password')).toBe(false);
    expect(await s.login('leader@example.org')).toBe(false);
    const { rows } = await app.db.query(
      `SELECT action, changes->>'reason' AS reason FROM audit_log WHERE user_email = 'leader@example.org' ORDER BY id DESC LIMIT 6`,
    );
    expect(rows.map((r) => r.reason)).toEqual([
      'locked',
      'wrong_password',
      'wrong_password',
      'wrong_password',
      'wrong_password',
      'wrong_password',
    ]);
    await app.db.query(
      `UPDATE admin_user SET locked_until = NULL, failed_logins = 0 WHERE email = 'leader@example.org'`,
    );
    expect(await s.login('leader@example.org')).toBe(true);
  });

  it('is read-only even for the municipal admin', async () => {
    const { rows } = await app.db.query('SELECT id FROM audit_log ORDER BY id LIMIT 1');
    const res = await sessions.city_admin.api('POST', `/resources/AuditLog/records/${rows[0].id}/delete`, {});
    expect(res.status).toBe(403);
    const created = await sessions.city_admin.api('POST', '/resources/AuditLog/actions/new', {
      action: 'forged',
      resource: 'Agent',
    });
    expect(created.status).toBe(403);
  });
});

describe('sessions follow the user table', () => {
  it('drops a deactivated user and applies a role change within USER_RECHECK_MS', async () => {
    const s = app.session();
    expect(await s.login('weidong@example.org')).toBe(true);
    expect((await s.api('GET', '/resources/PetitionCase/actions/list')).status).toBe(200);
    await app.db.query(`UPDATE admin_user SET role = 'leader', county_id = NULL WHERE email = 'weidong@example.org'`);
    waitOut(USER_RECHECK_MS);
    expect((await s.api('POST', `/resources/PetitionCase/records/${own.PetitionCase}/delete`, {})).status).toBe(403);
    await app.db.query(`UPDATE admin_user SET is_active = false WHERE email = 'weidong@example.org'`);
    waitOut(USER_RECHECK_MS);
    const after = await s.request('GET', '/admin/api/resources/PetitionCase/actions/list');
    expect(after.status).toBe(302);
    expect(await app.session().login('weidong@example.org')).toBe(false);
  });
});

describe('what a signed-in request costs the database', () => {
  const expiry = async (s: Session) => {
    // a signed cookie: s:<session id>.<signature>
    const sid = /^s:([^.]+)\./.exec(decodeURIComponent(s.cookie('wpa.sid')!))![1];
    const { rows } = await app.db.query('SELECT expire FROM user_session WHERE sid = $1', [sid]);
    return (rows[0].expire as Date).getTime();
  };

  it('moves the session expiry at most once per SESSION_TOUCH_MS', async () => {
    const s = app.session();
    expect(await s.login('xinhua@example.org')).toBe(true);
    await s.api('GET', '/resources/PetitionCase/actions/list');
    const touched = await expiry(s);
    // the store keeps whole seconds: a second later an unthrottled touch would move it
    const aSecond = () => new Promise((r) => setTimeout(r, 1_100));
    await aSecond();
    await s.api('GET', '/resources/PetitionCase/actions/list');
    expect(await expiry(s)).toBe(touched);
    waitOut(SESSION_TOUCH_MS);
    await aSecond();
    await s.api('GET', '/resources/PetitionCase/actions/list');
    expect(await expiry(s)).toBeGreaterThan(touched);
  });

  it('reads a session from the database at most every USER_RECHECK_MS, and forgets at once one it ends', async () => {
    const s = app.session();
    expect(await s.login('xinhua@example.org')).toBe(true);
    expect((await s.api('GET', '/resources/PetitionCase/actions/list')).status).toBe(200);
    const sid = /^s:([^.]+)\./.exec(decodeURIComponent(s.cookie('wpa.sid')!))![1];
    // ended by another server process: this one acts on it once its window has passed
    await app.db.query('DELETE FROM user_session WHERE sid = $1', [sid]);
    expect((await s.api('GET', '/resources/PetitionCase/actions/list')).status).toBe(200);
    waitOut(USER_RECHECK_MS);
    expect((await s.request('GET', '/admin/api/resources/PetitionCase/actions/list')).status).toBe(302);
    // ended here (退出登录): at once
    const t = app.session();
    expect(await t.login('xinhua@example.org')).toBe(true);
    expect((await t.api('GET', '/resources/PetitionCase/actions/list')).status).toBe(200);
    await t.request('GET', '/admin/logout');
    expect((await t.request('GET', '/admin/api/resources/PetitionCase/actions/list')).status).toBe(302);
  });

  it('keeps what it read of the user for at most USER_RECHECK_MS', async () => {
    const s = app.session();
    expect(await s.login('lushan@example.org')).toBe(true);
    expect((await s.api('GET', '/resources/PetitionCase/actions/list')).status).toBe(200);
    await app.db.query(`UPDATE admin_user SET is_active = false WHERE email = 'lushan@example.org'`);
    try {
      // inside the window the row is not read again; past it, the deactivation acts
      expect((await s.api('GET', '/resources/PetitionCase/actions/list')).status).toBe(200);
      waitOut(USER_RECHECK_MS);
      expect((await s.request('GET', '/admin/api/resources/PetitionCase/actions/list')).status).toBe(302);
    } finally {
      await app.db.query(`UPDATE admin_user SET is_active = true WHERE email = 'lushan@example.org'`);
    }
  });
});

describe('web hardening', () => {
  it('sends security headers and an httpOnly, sameSite session cookie', async () => {
    const res = await fetch(`${app.baseUrl}/admin/login`, {
      method: 'POST',
      body: new URLSearchParams({ email: 'city@example.org', password: 'demo12345' }),
      redirect: 'manual',
    });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('wpa.sid='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it('gives a new session id at login, and the id known before it signs nobody in', async () => {
    // a session someone else holds (here: signed in as another user) handed to this browser
    const s = app.session();
    expect(await s.login('leader@example.org')).toBe(true);
    const before = s.cookie('wpa.sid');
    expect(before).toBeTruthy();
    expect(await s.login('xinhua@example.org')).toBe(true);
    expect(s.cookie('wpa.sid')).not.toBe(before);
    expect((await s.api('GET', '/resources/Agent/actions/list')).status).toBe(200);
    const planted = await fetch(`${app.baseUrl}/admin/api/resources/Agent/actions/list`, {
      headers: { cookie: `wpa.sid=${before}` },
      redirect: 'manual',
    });
    expect(planted.status).not.toBe(200);
  });

  it('refuses a state-changing request sent from another origin, even a sibling host, writing nothing', async () => {
    const s = app.session();
    expect(await s.login('xinhua@example.org')).toBe(true);
    const { rows } = await app.db.query(
      `SELECT id, row_version FROM work_system WHERE county_id = $1 AND voided_at IS NULL ORDER BY id LIMIT 1`,
      [xinhua],
    );
    const before = await snapshot('work_system', rows[0].id);
    const audits = (await app.db.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n;
    const cookie = `wpa.sid=${s.cookie('wpa.sid')}`;
    const form = new URLSearchParams({ rowVersion: String(rows[0].row_version), remarks: '跨站改写' });
    for (const headers of [
      { origin: 'https://evil.example' } as Record<string, string>,
      { origin: 'http://files.localhost:1' },
      { origin: 'null' },
      { 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'cross-site' },
    ]) {
      const res = await fetch(`${app.baseUrl}/admin/api/resources/WorkSystem/records/${rows[0].id}/edit`, {
        method: 'POST',
        headers: { cookie, ...headers },
        body: form,
      });
      expect({ headers, status: res.status }).toEqual({ headers, status: 403 });
      expect((await res.json()).error).toContain('跨站');
    }
    const login = await fetch(`${app.baseUrl}/admin/login`, {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
      body: new URLSearchParams({ email: 'city@example.org', password: 'demo12345' }),
      redirect: 'manual',
    });
    expect(login.status).toBe(403);
    expect(await snapshot('work_system', rows[0].id)).toBe(before);
    expect((await app.db.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n).toBe(audits);
    // the site's own page may
    const own = await fetch(`${app.baseUrl}/admin/api/resources/WorkSystem/records/${rows[0].id}/show`, {
      headers: { cookie, origin: app.baseUrl },
    });
    expect(own.status).toBe(200);
  });

  it('answers unknown API paths without a stack trace', async () => {
    const res = await sessions.city_admin.api('POST', '/resources/PetitionCase/bulk/bulkDelete', {});
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.json)).not.toMatch(/at .*\.js:\d+/);
  });
});
