import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from './support/app.js';
import type { Session } from './support/http.js';
import { actionableDueSql } from '../src/services/case-deadline-query.js';

// The clerk's case list: one search box, sort by days left, the register exported to Excel as the list
// shows it (scope, filters, order), and her county's own 附件7.
let app: TestApp;
let clerk: Session;
let leader: Session;
let xinhua: number;

beforeAll(async () => {
  app = await startTestApp();
  clerk = app.session();
  leader = app.session();
  expect(await clerk.login('xinhua@example.org')).toBe(true);
  expect(await leader.login('leader@example.org')).toBe(true);
  xinhua = (await app.db.query(`SELECT id FROM organization WHERE name = '新华区'`)).rows[0].id;
});
afterAll(() => app.close());

async function listed(s: Session, query: string): Promise<any[]> {
  const { status, json } = await s.api('GET', `/resources/PetitionCase/actions/list?perPage=500&${query}`);
  expect(status).toBe(200);
  return json.records;
}

async function sheetRows(s: Session, path: string): Promise<string[][]> {
  const res = await s.request('GET', path);
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
  const rows: string[][] = [];
  wb.worksheets[0].eachRow((row) =>
    rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))),
  );
  return rows;
}

describe('搜索: one box for the case number, the petitioner and the matter', () => {
  it('finds a case by part of its number, by the petitioner and by a word of its subject, in her county only', async () => {
    const {
      rows: [c],
    } = await app.db.query(
      `SELECT id, case_no, petitioner_name, subject FROM petition_case
        WHERE county_id = $1 AND voided_at IS NULL AND length(subject) > 4 ORDER BY id LIMIT 1`,
      [xinhua],
    );
    for (const q of [c.case_no.slice(-7), c.petitioner_name, c.subject.slice(1, 4)]) {
      const records = await listed(clerk, `filters.keyword=${encodeURIComponent(q)}`);
      expect({ q, found: records.some((r) => Number(r.id) === c.id) }).toEqual({ q, found: true });
      for (const r of records) {
        expect(r.params.countyId).toBe(xinhua);
        const hit = [r.params.caseNo, r.params.petitionerName, r.params.subject].some((t: string) => t.includes(q));
        expect({ q, caseNo: r.params.caseNo, hit }).toEqual({ q, caseNo: r.params.caseNo, hit: true });
      }
    }
  });

  it('searches within the other filters: 已超期 and a name together give the overdue cases of that name', async () => {
    const overdue = await listed(clerk, 'filters.deadline=overdue');
    expect(overdue.length).toBeGreaterThan(1);
    const name = overdue[0].params.petitionerName as string;
    const both = await listed(clerk, `filters.deadline=overdue&filters.keyword=${encodeURIComponent(name)}`);
    const byName = await listed(clerk, `filters.keyword=${encodeURIComponent(name)}`);
    expect(both.map((r) => r.id).sort()).toEqual(
      byName
        .filter((r) => overdue.some((o) => o.id === r.id))
        .map((r) => r.id)
        .sort(),
    );
    expect(both.length).toBeGreaterThan(0);
  });

  it('lets a case picker (办案记录, 案卷材料) find a case by the petitioner or the matter, giving id and number only', async () => {
    const {
      rows: [c],
    } = await app.db.query(
      `SELECT id, case_no, petitioner_name, subject FROM petition_case WHERE county_id = $1 AND voided_at IS NULL ORDER BY id DESC LIMIT 1`,
      [xinhua],
    );
    for (const q of [c.petitioner_name, c.subject]) {
      const { status, json } = await clerk.api('GET', `/resources/PetitionCase/search/${encodeURIComponent(q)}`);
      expect(status).toBe(200);
      const found = json.records.find((r: any) => Number(r.id) === c.id);
      expect({ q, title: found?.title }).toEqual({ q, title: c.case_no });
      expect(Object.keys(found.params).sort()).toEqual(['caseNo', 'id']);
    }
  });

  it('takes % and _ as characters and finds nothing for a word no case holds', async () => {
    expect(await listed(clerk, `filters.keyword=${encodeURIComponent('%')}`)).toEqual([]);
    expect(await listed(clerk, `filters.keyword=${encodeURIComponent('查无此人此事')}`)).toEqual([]);
  });
});

describe('剩余天数 sorts by the due day', () => {
  it('lists the most overdue first, cases without a deadline last, in both directions', async () => {
    const dueOf = async (ids: number[]) => {
      const { rows } = await app.db.query(
        `SELECT c.id, ${actionableDueSql('c')}::text AS due FROM petition_case c WHERE c.id = ANY($1::int[])`,
        [ids],
      );
      const byId = new Map(rows.map((r) => [r.id, r.due as string | null]));
      return ids.map((id) => byId.get(id) ?? null);
    };
    for (const direction of ['asc', 'desc'] as const) {
      const records = await listed(clerk, `sortBy=daysLeft&direction=${direction}`);
      const dues = await dueOf(records.map((r) => Number(r.id)));
      const dated = dues.filter((d): d is string => d !== null);
      expect(dated.length).toBeGreaterThan(3);
      // every case with a deadline before every case without one
      expect(dues.slice(0, dated.length)).toEqual(dated);
      const sorted = [...dated].sort();
      expect(dated).toEqual(direction === 'asc' ? sorted : sorted.reverse());
    }
    const overdue = await listed(clerk, 'filters.deadline=overdue&sortBy=daysLeft&direction=asc');
    expect(overdue.length).toBeGreaterThan(1);
    expect(overdue[0].params.daysLeft).toMatch(/^已超期/);
    expect(overdue[0].params.deadlineUrgency).toBe('overdue');
    const most = Math.max(...overdue.map((r) => Number(/已超期 (\d+) 天/.exec(r.params.daysLeft)![1])));
    expect(overdue[0].params.daysLeft).toBe(`已超期 ${most} 天`);
  });
});

describe('导出Excel: the register as the list shows it', () => {
  it('holds the cases of her list with its filter, in its order, and no ID number, phone or address', async () => {
    const records = await listed(clerk, 'filters.state=concluded&sortBy=caseNo&direction=asc');
    expect(records.length).toBeGreaterThan(0);
    const rows = await sheetRows(
      clerk,
      '/admin/files/cases/register.xlsx?filters.state=concluded&sortBy=caseNo&direction=asc',
    );
    const [header, ...body] = rows;
    expect(header.slice(0, 3)).toEqual(['案件编号', '信访人', '信访事项']);
    expect(header.join()).not.toMatch(/身份证|电话|住址/);
    expect(body.map((r) => r[0])).toEqual(records.map((r) => r.params.caseNo));
    expect(new Set(body.map((r) => r[header.indexOf('办理状态')]))).toEqual(new Set(['终结']));
    expect(new Set(body.map((r) => r[header.indexOf('所属县（市、区）')]))).toEqual(new Set(['新华区']));
    const { rows: secrets } = await app.db.query(
      `SELECT petitioner_id_number, petitioner_phone, petitioner_address FROM petition_case WHERE county_id = $1 AND state = 'concluded'`,
      [xinhua],
    );
    const text = body.flat().join('\n');
    for (const s of secrets)
      for (const v of Object.values(s) as (string | null)[]) if (v) expect(text.includes(v)).toBe(false);
  });

  it('gives a county clerk her county only, whatever county the address asks for', async () => {
    const other = (await app.db.query(`SELECT id FROM organization WHERE name = '卫东区'`)).rows[0].id;
    const rows = await sheetRows(clerk, `/admin/files/cases/register.xlsx?filters.countyId=${other}`);
    const county = rows[0].indexOf('所属县（市、区）');
    const total = (
      await app.db.query(`SELECT count(*)::int AS n FROM petition_case WHERE county_id = $1 AND voided_at IS NULL`, [
        xinhua,
      ])
    ).rows[0].n;
    expect(rows.length - 1).toBe(total);
    expect(new Set(rows.slice(1).map((r) => r[county]))).toEqual(new Set(['新华区']));
  });

  it('is refused to nobody signed in, and written to the audit log with its filters', async () => {
    expect((await app.session().request('GET', '/admin/files/cases/register.xlsx')).status).toBe(401);
    await sheetRows(leader, '/admin/files/cases/register.xlsx?filters.keyword=' + encodeURIComponent('纠纷'));
    const { rows } = await app.db.query(
      `SELECT changes FROM audit_log WHERE action = 'export' AND resource = 'PetitionCase' ORDER BY id DESC LIMIT 1`,
    );
    expect(rows[0].changes.filters).toEqual({ keyword: '纠纷' });
    expect(rows[0].changes.rows).toBeGreaterThan(0);
  });
});

describe('附件7: a county downloads her own accepted table', () => {
  it('gives the clerk her county alone, and the leader every county', async () => {
    const { rows: accepted } = await app.db.query(
      `SELECT year FROM annual_report WHERE county_id = $1 AND status = 'accepted' AND voided_at IS NULL ORDER BY year DESC LIMIT 1`,
      [xinhua],
    );
    expect(accepted.length).toBe(1);
    const year = accepted[0].year;
    const own = await sheetRows(clerk, `/admin/files/annual-reports/summary.xlsx?year=${year}`);
    expect(own[0][0]).toBe(`${year}年度新华区妇女信访代理案件结案统计表`);
    const names = (await app.db.query(`SELECT name FROM organization WHERE level = 'county'`)).rows.map((r) => r.name);
    const cells = own.flat();
    expect(names.filter((n) => cells.includes(n))).toEqual(['新华区']);
    const city = await sheetRows(leader, `/admin/files/annual-reports/summary.xlsx?year=${year}`);
    expect(city[0][0]).toBe(`${year}年度平顶山市妇女信访代理案件结案统计表`);
    expect(names.filter((n) => city.flat().includes(n)).length).toBe(names.length);
  });
});

describe('重复信访: her earlier cases before saving, and the list filter', () => {
  it('lists her earlier cases of the county by ID number, or by name and phone together, never another county’s', async () => {
    const {
      rows: [earlier],
    } = await app.db.query(
      `SELECT id, case_no, petitioner_id_number, petitioner_name, petitioner_phone FROM petition_case
        WHERE county_id = $1 AND voided_at IS NULL AND petitioner_id_number IS NOT NULL AND petitioner_phone IS NOT NULL
        ORDER BY id LIMIT 1`,
      [xinhua],
    );
    const ask = async (s: Session, q: Record<string, string>) => {
      const res = await s.request('GET', `/admin/files/cases/repeats.json?${new URLSearchParams(q)}`);
      return { status: res.status, body: await res.json() };
    };
    const byId = await ask(clerk, { idNumber: earlier.petitioner_id_number.toLowerCase() });
    expect(byId.body.cases.map((c: any) => c.caseNo)).toContain(earlier.case_no);
    const byNamePhone = await ask(clerk, { name: earlier.petitioner_name, phone: earlier.petitioner_phone });
    expect(byNamePhone.body.cases.map((c: any) => c.caseNo)).toContain(earlier.case_no);
    // a name alone is shared by too many women to say she came before
    expect((await ask(clerk, { name: earlier.petitioner_name })).body.cases).toEqual([]);
    // the case itself is not its own repeat when edited
    const self = await ask(clerk, { idNumber: earlier.petitioner_id_number, exclude: String(earlier.id) });
    expect(self.body.cases.map((c: any) => c.id)).not.toContain(earlier.id);
    // another county's clerk learns nothing of her
    const other = app.session();
    expect(await other.login('weidong@example.org')).toBe(true);
    expect((await ask(other, { idNumber: earlier.petitioner_id_number })).body.cases).toEqual([]);
    expect((await ask(leader, { idNumber: earlier.petitioner_id_number })).status).toBe(403);
  });

  it('marks a new case of the same woman as 重复信访 in the list, and not her first one', async () => {
    const {
      rows: [first],
    } = await app.db.query(
      `SELECT c.* FROM petition_case c WHERE county_id = $1 AND voided_at IS NULL AND petitioner_id_number IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM petition_case e WHERE e.petitioner_id_number = c.petitioner_id_number AND e.id <> c.id)
        ORDER BY id LIMIT 1`,
      [xinhua],
    );
    const repeats = async () => (await listed(clerk, 'filters.repeat=true')).map((r) => Number(r.id));
    expect(await repeats()).not.toContain(first.id);
    const created = await clerk.api('POST', '/resources/PetitionCase/actions/new', {
      petitionerName: first.petitioner_name,
      petitionerIdNumber: first.petitioner_id_number,
      subject: '再次反映赡养费未按期给付',
      category: 'marriage_family',
      source: 'visit',
      acceptedOn: chinaDay(),
    });
    expect(created.json.notice?.type).toBe('success');
    const id = Number(created.json.record.params.id);
    const now = await repeats();
    expect(now).toContain(id);
    expect(now).not.toContain(first.id);
  });

  it('takes a case marked by hand as repeating an earlier one of her county, and refuses any other on the field', async () => {
    const pick = async (sql: string, params: unknown[]) => (await app.db.query(sql, params)).rows[0];
    const earlier = await pick(
      `SELECT id, case_no, to_char(accepted_on, 'YYYY-MM-DD') AS accepted_on FROM petition_case
        WHERE county_id = $1 AND voided_at IS NULL ORDER BY accepted_on LIMIT 1`,
      [xinhua],
    );
    const otherCounty = await pick(`SELECT id FROM petition_case WHERE county_id <> $1 AND voided_at IS NULL LIMIT 1`, [
      xinhua,
    ]);
    const newest = await pick(
      `SELECT id FROM petition_case WHERE county_id = $1 AND voided_at IS NULL ORDER BY accepted_on DESC LIMIT 1`,
      [xinhua],
    );
    const count = async () => Number((await app.db.query(`SELECT count(*) FROM petition_case`)).rows[0].count);
    const form = (repeatOfId: unknown, acceptedOn: string) => ({
      petitionerName: '孙玉梅',
      subject: '其子再次代为反映抚养费纠纷',
      category: 'marriage_family',
      source: 'letter',
      acceptedOn,
      repeatOfId,
    });
    const before = await count();
    const refusals: [unknown, string, RegExp][] = [
      [String(otherCounty.id), chinaDay(), /不属于本案所在县/],
      [String(newest.id), earlier.accepted_on, /前案应是本案之前的案件/],
      ['999999999', chinaDay(), /不属于本案所在县|不存在/],
    ];
    for (const [repeatOfId, acceptedOn, message] of refusals) {
      const refused = await clerk.api('POST', '/resources/PetitionCase/actions/new', form(repeatOfId, acceptedOn));
      expect(refused.status).toBeLessThan(500);
      expect(refused.json.record?.errors?.repeatOfId?.message).toMatch(message);
    }
    expect(await count()).toBe(before);
    // marked by hand, with no ID number to find her by: still 重复信访, and the page names the earlier case
    const saved = await clerk.api('POST', '/resources/PetitionCase/actions/new', form(String(earlier.id), chinaDay()));
    expect(saved.json.notice?.type).toBe('success');
    const id = Number(saved.json.record.params.id);
    expect((await listed(clerk, 'filters.repeat=true')).map((r) => Number(r.id))).toContain(id);
    const shown = await clerk.api('GET', `/resources/PetitionCase/records/${id}/show`);
    const named = shown.json.record.populated.repeatOfId;
    expect([String(named.id), named.title]).toEqual([String(earlier.id), earlier.case_no]);
    // a case cannot repeat itself
    const self = await clerk.api('POST', `/resources/PetitionCase/records/${id}/edit`, {
      repeatOfId: String(id),
      rowVersion: String(shown.json.record.params.rowVersion),
    });
    expect(self.json.record?.errors?.repeatOfId?.message).toBe('不能把本案标为自己的前案');
  });
});

function chinaDay(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}
