import { ACCESS, type ResourceId } from '../src/domain/access-policy.js';
import { startTestApp, type TestApp } from './support/app.js';
import { count, countyId, firstTownship, validIdNumber } from './support/fixtures.js';
import { TABLE } from './support/tables.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('login', () => {
  it.each(['city@example.org', 'xinhua@example.org', 'leader@example.org'])(
    '%s logs in with the demo password',
    async (email) => {
      const s = app.session();
      expect(await s.login(email)).toBe(true);
      const page = await s.get('/admin');
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('平顶山市妇女信访代理工作管理系统');
      expect(html).toContain('"language":"zh-CN"');
    },
  );

  it('refuses a wrong password and an unknown e-mail, and keeps the admin closed', async () => {
    const s = app.session();
    expect(await s.login('city@example.org', 'wrong-password')).toBe(false);
    expect(await s.login('nobody@example.org')).toBe(false);
    const page = await s.get('/admin/api/resources/PetitionCase/actions/list');
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/admin/login');
  });
});

describe('every resource', () => {
  it('lists its demo rows for the municipal admin, with the exact total', async () => {
    const s = app.session();
    await s.login('city@example.org');
    for (const resource of Object.keys(ACCESS) as ResourceId[]) {
      const { status, json } = await s.api('GET', `/resources/${resource}/actions/list`);
      expect({ resource, status }).toEqual({ resource, status: 200 });
      const total = await count(app.db, TABLE[resource]);
      expect({ resource, total: json.meta.total }).toEqual({ resource, total });
      expect(json.records.length).toBe(Math.min(total, 20));
    }
  });

  it('shows references by name, not by id', async () => {
    const s = app.session();
    await s.login('city@example.org');
    const { json } = await s.api('GET', '/resources/Agent/actions/list');
    const agent = json.records[0];
    expect(agent.populated.countyId.title).toMatch(/[区县市]$/);
    expect(agent.populated.townshipId.title).toMatch(/[乡镇道]|办事处/);
  });

  it('answers a list and a search with what their rows show: no step forms, references as id, title and 查看', async () => {
    const s = app.session();
    await s.login('xinhua@example.org');
    const agents = (await s.api('GET', '/resources/Agent/actions/list')).json;
    const search = (await s.api('GET', `/resources/PetitionCase/search/${encodeURIComponent('新华')}`)).json;
    for (const records of [agents.records, search.records]) {
      expect(records.length).toBeGreaterThan(0);
      for (const r of records) {
        expect(r.recordActions.length).toBeGreaterThan(0);
        expect(r.recordActions.every((a: { custom: object }) => Object.keys(a.custom).length === 0)).toBe(true);
        for (const ref of Object.values(r.populated) as { title: string; recordActions: { name: string }[] }[]) {
          if (!ref) continue;
          expect(ref.title).toBeTruthy();
          expect(ref.recordActions.map((a) => a.name)).toEqual(['show']);
        }
      }
    }
    // the case list draws its rows itself and opens the case to act on it: each row carries the columns it
    // shows (and the deadline's colour), its references by title, and no actions
    const cases = (await s.api('GET', '/resources/PetitionCase/actions/list')).json;
    expect(cases.records.length).toBeGreaterThan(0);
    for (const r of cases.records) {
      expect(Object.keys(r.params).sort()).toEqual(
        expect.arrayContaining(['caseNo', 'petitionerName', 'subject', 'state', 'acceptedOn', 'deadlineUrgency']),
      );
      expect(Object.keys(r.params)).not.toContain('description');
      expect(Object.keys(r.params)).not.toContain('petitionerIdNumber');
      expect(r.recordActions).toEqual([]);
      expect(r.populated.countyId.title).toBe('新华区');
      expect(r.populated.countyId.params).toEqual({});
    }
    // the step's page reads the record again, with its form
    const id = cases.records.find((r: { params: { state: string } }) => r.params.state === 'representing').id;
    const step = (await s.api('GET', `/resources/PetitionCase/records/${id}/conclude`)).json;
    const conclude = step.record.recordActions.find((a: { name: string }) => a.name === 'conclude');
    expect(conclude.custom.fields.map((f: { name: string }) => f.name)).toEqual(['concludedOn', 'outcome']);
  });
});

describe('page layouts', () => {
  // AdminJS drops a name it does not know from a list without a word: a misspelt column in a
  // resources/layouts/*.json would vanish from the page unnoticed
  it('name only properties their resource has, in the menu group the resource belongs to', () => {
    const unknown: string[] = [];
    for (const resource of app.admin.resources) {
      const decorated = resource.decorate();
      const o = decorated.options;
      const named = [
        o.titleProperty,
        o.sort?.sortBy,
        ...(o.listProperties ?? []),
        ...(o.filterProperties ?? []),
        ...(o.showProperties ?? []),
        ...(o.editProperties ?? []),
      ].filter((name): name is string => typeof name === 'string');
      for (const name of named) if (!decorated.getPropertyByKey(name)) unknown.push(`${decorated.id()}.${name}`);
      expect(typeof o.navigation === 'object' && o.navigation?.name).toMatch(/^[\u4e00-\u9fa5]+$/);
    }
    expect(unknown).toEqual([]);
  });

  it('lead a county paper (附件7, 考评, 分析报告) with its county and period, newest first', () => {
    for (const [id, period] of [
      ['AnnualReport', 'year'],
      ['Evaluation', 'year'],
      ['AnalysisReport', 'periodStart'],
    ]) {
      const o = app.admin.findResource(id).decorate().options;
      expect({ id, title: o.titleProperty, sort: o.sort }).toEqual({
        id,
        title: 'heading',
        sort: { sortBy: period, direction: 'desc' },
      });
      for (const list of [o.listProperties, o.filterProperties, o.showProperties]) {
        expect(list?.slice(0, 2)).toEqual(['countyId', period]);
      }
    }
  });
});

describe('create and edit', () => {
  it('lets county staff create an agent in her county and edit it, whatever county the form names', async () => {
    const xinhua = await countyId(app.db, '新华区');
    const other = await countyId(app.db, '叶县');
    const s = app.session();
    await s.login('xinhua@example.org');
    const idNumber = validIdNumber('410402', '19850312', '042');
    const created = await s.api('POST', '/resources/Agent/actions/new', {
      name: '王秀兰',
      gender: 'female',
      idNumber,
      phone: '13937512345',
      countyId: other,
      townshipId: await firstTownship(app.db, xinhua),
      appointedOn: '2024-03-01',
      status: 'active',
    });
    expect(created.json.notice.type).toBe('success');
    const id = created.json.record.params.id;
    const { rows } = await app.db.query('SELECT county_id, id_number FROM agent WHERE id = $1', [id]);
    expect(rows[0]).toEqual({ county_id: xinhua, id_number: idNumber });

    const edited = await s.api('POST', `/resources/Agent/records/${id}/edit`, { phone: '13937500000' });
    expect(edited.json.notice.type).toBe('success');
    expect((await app.db.query('SELECT phone FROM agent WHERE id = $1', [id])).rows[0].phone).toBe('13937500000');
  });

  it('refuses a corrupted ID number with a Chinese message on the field and writes nothing', async () => {
    const xinhua = await countyId(app.db, '新华区');
    const s = app.session();
    await s.login('xinhua@example.org');
    const good = validIdNumber('410402', '19790521', '066');
    const corrupted = good.slice(0, 16) + String((Number(good[16]) + 1) % 10) + good[17];
    const before = await count(app.db, 'agent');
    const audits = await count(app.db, 'audit_log');
    const res = await s.api('POST', '/resources/Agent/actions/new', {
      name: '李桂芳',
      gender: 'female',
      idNumber: corrupted,
      phone: '1393751234',
      countyId: xinhua,
      townshipId: await firstTownship(app.db, xinhua),
      appointedOn: '2099-01-01',
      status: 'active',
    });
    expect(res.json.notice.type).toBe('error');
    expect(res.json.record.errors.idNumber.message).toBe('身份证号码校验位错误，请核对');
    expect(res.json.record.errors.phone.message).toBe('手机号码应为以1开头的11位数字');
    expect(res.json.record.errors.appointedOn.message).toMatch(/今天/);
    expect(await count(app.db, 'agent')).toBe(before);
    expect(await count(app.db, 'audit_log')).toBe(audits);
  });

  it('refuses a petition case whose conclusion would precede its acceptance, naming the field', async () => {
    const s = app.session();
    await s.login('city@example.org');
    const { rows } = await app.db.query(`SELECT id FROM petition_case WHERE state = 'accepted' ORDER BY id LIMIT 1`);
    const res = await s.api('POST', `/resources/PetitionCase/records/${rows[0].id}/edit`, { acceptedOn: '2099-01-01' });
    expect(res.json.notice.type).toBe('error');
    expect(res.json.record.errors.acceptedOn.message).toMatch(/今天/);
  });
});

describe('date filters', () => {
  it('keep both end days of a from–to range of calendar days', async () => {
    const s = app.session();
    await s.login('city@example.org');
    const { rows } = await app.db.query(
      `SELECT count(*)::int AS n FROM petition_case WHERE accepted_on BETWEEN '2026-03-01' AND '2026-03-31' AND voided_at IS NULL`,
    );
    const { json } = await s.api(
      'GET',
      '/resources/PetitionCase/actions/list?filters.acceptedOn~~from=2026-03-01&filters.acceptedOn~~to=2026-03-31&perPage=500',
    );
    expect(json.meta.total).toBe(rows[0].n);
    const days = json.records.map((r: any) => String(r.params.acceptedOn).slice(0, 10));
    expect(days.every((d: string) => d >= '2026-03-01' && d <= '2026-03-31')).toBe(true);
  });
});
