import type { ResourceId } from '../src/domain/access-policy.js';
import { startTestApp, type TestApp } from './support/app.js';
import { PDF_UNREADABLE_MESSAGE } from '../src/services/readable-pdf.js';
import { count, countyId, ONE_PAGE_PDF, validIdNumber } from './support/fixtures.js';
import type { Session } from './support/http.js';
import { RESOURCES, TABLE } from './support/tables.js';

// Hostile input: every create and edit form and every custom record action, found on the live admin
// (so forms added later are covered too), receives malformed and hostile payloads as the municipal admin
// and as county staff. Whatever arrives: no 5xx, a clear refusal, and not a byte of any table changed.

const HUGE = '长'.repeat(100_000);
const SQL = "'; DROP TABLE petition_case; --";
const HTML = '<script>alert(1)</script><img src=x onerror=alert(2)>';
const PDF = ONE_PAGE_PDF;
/** begins like a PDF, opens as nothing */
const CORRUPT_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

let app: TestApp;
let xinhua: number;
let yexian: number;
const sessions: Record<'city' | 'county', Session> = {} as never;

/**
 * One checksum over every table: a refused request must leave it as it was. A row's xmin is the
 * transaction that last wrote it, so any insert, update or delete changes a table's count or sum.
 */
async function checksum(): Promise<string> {
  const parts = Object.values(TABLE).map(
    (t) => `(SELECT count(*) || ':' || coalesce(sum(x.xmin::text::bigint), 0) FROM ${t} x)`,
  );
  const { rows } = await app.db.query(`SELECT ${parts.join(" || '|' || ")} AS sum`);
  return rows[0].sum;
}

const refused = (res: { status: number; json: any }) =>
  (res.status >= 400 && res.status < 500) ||
  res.json?.notice?.type === 'error' ||
  Object.keys(res.json?.record?.errors ?? {}).length > 0;

interface Prop {
  path: string;
  type: string;
  reference: string | null;
}

function editProps(resource: ResourceId): Prop[] {
  const decorated = app.admin.findResource(resource).decorate();
  return decorated.getProperties({ where: 'edit' }).map((p) => ({
    path: p.propertyPath,
    type: p.type(),
    reference: (p.property.reference() as string | null) ?? null,
  }));
}

/** A row of `resource` in a county (null: any), not voided. */
async function rowOf(resource: ResourceId, county: number | null): Promise<number | null> {
  const table = TABLE[resource];
  // an open case file, so that its forms reach the rules rather than the archive lock
  const open: Record<string, string> = {
    petition_case: `AND t.state <> 'archived'`,
    case_document: `AND t.case_id IN (SELECT id FROM petition_case WHERE state <> 'archived')`,
    case_log: `AND t.case_id IN (SELECT id FROM petition_case WHERE state <> 'archived')`,
  };
  const { rows } = await app.db.query(
    `SELECT id FROM ${table} t WHERE ($1::int IS NULL OR t.county_id = $1) ${['admin_user', 'audit_log', 'notice_recipient'].includes(table) ? '' : 'AND t.voided_at IS NULL'} ${open[table] ?? ''} ORDER BY id LIMIT 1`,
    [county],
  );
  return rows[0]?.id ?? null;
}

/**
 * Values no form may accept. Another county's record is a fair choice for the city, so it is refused
 * to county staff only.
 */
function hostileValues(p: Prop, otherCounty: Record<string, number | null>): Record<string, Record<string, unknown>> {
  const forgedRef = p.reference ? otherCounty[p.reference] : null;
  return {
    object: { [`${p.path}.a`]: '1', [`${p.path}.b`]: '2' },
    array: { [`${p.path}.0`]: 'a', [`${p.path}.1`]: 'b' },
    text: { [p.path]: 'abc' },
    huge: { [p.path]: HUGE },
    feb30: { [p.path]: '2026-02-30' },
    month99: { [p.path]: '9999-99-99' },
    yesterday: { [p.path]: 'yesterday' },
    nonexistent: { [p.path]: '999999999' },
    negative: { [p.path]: '-1' },
    overflow: { [p.path]: '99999999999' },
    nul: { [p.path]: 'a\u0000b' },
    ...(forgedRef ? { otherCounty: { [p.path]: String(forgedRef) } } : {}),
  };
}

/** Every field given the same kind of hostile value. */
function allFields(props: Prop[], otherCounty: Record<string, number | null>): Record<string, Record<string, unknown>> {
  const payloads: Record<string, Record<string, unknown>> = {};
  for (const p of props) {
    for (const [kind, value] of Object.entries(hostileValues(p, otherCounty)))
      payloads[kind] = { ...payloads[kind], ...value };
  }
  return payloads;
}

/** Payloads that may be legitimate text somewhere: they may be saved, but must never break anything. */
function odd(props: Prop[]): Record<string, Record<string, unknown>> {
  const each = (v: unknown) => Object.fromEntries(props.map((p) => [p.path, v]));
  return {
    sql: each(SQL),
    html: each(HTML),
    numbers: each(12345),
    unknown: { zzz: 'x', '__proto__.polluted': 'yes', 'constructor.prototype.polluted': 'yes', 'a.b.c.d.e': 'f' },
  };
}

/** After a clerk's accepted save: the record she touched is still (or was created) in her county. */
async function stillOwnCounty(
  resource: ResourceId,
  role: string,
  action: string,
  res: { json: any },
): Promise<boolean> {
  if (role !== 'county') return false;
  const id = res.json?.record?.params?.id;
  if (!id) return false;
  const { rows } = await app.db.query(`SELECT county_id FROM ${TABLE[resource]} WHERE id = $1`, [id]);
  return rows[0]?.county_id === xinhua;
}

beforeAll(async () => {
  app = await startTestApp();
  xinhua = await countyId(app.db, '新华区');
  yexian = await countyId(app.db, '叶县');
  sessions.city = app.session();
  expect(await sessions.city.login('city@example.org')).toBe(true);
  sessions.county = app.session();
  expect(await sessions.county.login('xinhua@example.org')).toBe(true);
});
afterAll(() => app.close());

describe.each(RESOURCES)('%s', (resource) => {
  const who = ['city', 'county'] as const;

  it('refuses hostile values in every field of its new and edit forms, changing nothing', async () => {
    const props = editProps(resource);
    const otherCounty: Record<string, number | null> = {};
    for (const p of props) if (p.reference) otherCounty[p.reference] = await rowOf(p.reference as ResourceId, yexian);
    for (const role of who) {
      const s = sessions[role];
      const target = await rowOf(resource, role === 'county' ? xinhua : null);
      const forged = role === 'county' ? otherCounty : {};
      for (const action of ['new', 'edit'] as const) {
        if (action === 'edit' && !target) continue;
        const path =
          action === 'new' ? `/resources/${resource}/actions/new` : `/resources/${resource}/records/${target}/edit`;
        const page = await s.api('GET', action === 'new' ? path : path);
        if (page.status >= 400) continue; // not hers to create or edit (the access matrix checks that)
        const base = action === 'edit' ? { rowVersion: page.json.record.params.rowVersion } : {};
        for (const [kind, payload] of Object.entries(allFields(props, forged))) {
          const before = await checksum();
          const res = await s.api('POST', path, { ...base, ...payload });
          expect({ resource, role, action, kind, status: res.status }).toEqual({
            resource,
            role,
            action,
            kind,
            status: res.status < 500 ? res.status : 'no 5xx',
          });
          // a county clerk's forged county is overwritten with her own (the access policy), not refused
          const overwritten =
            kind === 'otherCounty' && !refused(res) && (await stillOwnCounty(resource, role, action, res));
          expect({ resource, role, action, kind, refused: refused(res) || overwritten }).toEqual({
            resource,
            role,
            action,
            kind,
            refused: true,
          });
          if (overwritten) continue;
          // a clear message: Chinese, on the form or as the refusal
          const messages = [
            res.json?.notice?.message,
            res.json?.error,
            ...Object.values(res.json?.record?.errors ?? {}).map((e: any) => e.message),
          ];
          const clear =
            messages.some((m) => /[\u4e00-\u9fff]/.test(m ?? '')) || res.status === 403 || res.status === 404;
          expect({ resource, role, action, kind, clear }).toEqual({ resource, role, action, kind, clear: true });
          expect({ resource, role, action, kind, same: (await checksum()) === before }).toEqual({
            resource,
            role,
            action,
            kind,
            same: true,
          });
        }
        for (const [kind, payload] of Object.entries(odd(props))) {
          const before = await checksum();
          const current =
            action === 'edit' ? { rowVersion: (await s.api('GET', path)).json.record.params.rowVersion } : {};
          const res = await s.api('POST', path, { ...current, ...payload });
          expect({ resource, role, action, kind, status: res.status < 500 }).toEqual({
            resource,
            role,
            action,
            kind,
            status: true,
          });
          if (refused(res))
            expect({ resource, role, action, kind, same: (await checksum()) === before }).toEqual({
              resource,
              role,
              action,
              kind,
              same: true,
            });
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }
    }
  });

  it('refuses a bad value in any single field of the edit form, or saves it harmlessly', async () => {
    const props = editProps(resource);
    const otherCounty: Record<string, number | null> = {};
    for (const p of props) if (p.reference) otherCounty[p.reference] = await rowOf(p.reference as ResourceId, yexian);
    for (const role of who) {
      const s = sessions[role];
      const target = await rowOf(resource, role === 'county' ? xinhua : null);
      if (!target) continue;
      const forged = role === 'county' ? otherCounty : {};
      const path = `/resources/${resource}/records/${target}/edit`;
      if ((await s.api('GET', path)).status >= 400) continue;
      for (const p of props) {
        const values = hostileValues(p, forged);
        for (const kind of ['object', 'text', 'huge', 'feb30', 'negative', 'otherCounty'] as const) {
          if (!values[kind]) continue;
          const page = await s.api('GET', path);
          if (page.status >= 400) break;
          const before = await checksum();
          // the field's own value is left out, so that only the hostile one is posted for it
          const params = Object.fromEntries(
            Object.entries(page.json.record.params).filter(([k]) => k !== p.path && !k.startsWith(`${p.path}.`)),
          );
          const res = await s.api('POST', path, { ...params, ...values[kind] });
          expect({ resource, role, field: p.path, kind, status: res.status < 500 }).toEqual({
            resource,
            role,
            field: p.path,
            kind,
            status: true,
          });
          const same = (await checksum()) === before;
          if (refused(res))
            expect({ resource, role, field: p.path, kind, same }).toEqual({
              resource,
              role,
              field: p.path,
              kind,
              same: true,
            });
          else if (!same) {
            // accepted and saved: plain text in a text field, or (for a clerk) another county's record
            // where that is no harm — never a wrong type, and never a row moved out of her county
            const harmless =
              (/^(string|textarea|richtext|password)$/.test(p.type) && /^(text|negative|feb30)$/.test(kind)) ||
              kind === 'otherCounty';
            expect({ resource, field: p.path, kind, type: p.type, harmless }).toEqual({
              resource,
              field: p.path,
              kind,
              type: p.type,
              harmless: true,
            });
            if (role === 'county' && TABLE[resource] !== 'admin_user') {
              const { rows } = await app.db.query(`SELECT county_id FROM ${TABLE[resource]} WHERE id = $1`, [target]);
              expect({ resource, field: p.path, county: rows[0].county_id }).toEqual({
                resource,
                field: p.path,
                county: xinhua,
              });
            }
          }
        }
      }
    }
  });

  it('keeps its protected fields (county, state, version, void state, id) whatever the form says', async () => {
    const s = sessions.county;
    const target = await rowOf(resource, xinhua);
    if (!target) return;
    const path = `/resources/${resource}/records/${target}/edit`;
    const page = await s.api('GET', path);
    if (page.status >= 400) return;
    const table = TABLE[resource];
    const protectedRow = async () => {
      const { rows } = await app.db.query(
        `SELECT to_jsonb(t) - 'updated_at' - 'row_version' AS r FROM ${table} t WHERE id = $1`,
        [target],
      );
      const r = rows[0].r;
      return JSON.stringify({
        id: r.id,
        county: r.county_id,
        state: r.state ?? null,
        voided: r.voided_at ?? null,
        reason: r.void_reason ?? null,
        created: r.created_at,
      });
    };
    const before = await protectedRow();
    const forged = {
      countyId: yexian,
      state: 'archived',
      id: '1',
      voidedAt: new Date().toISOString(),
      voidReason: '伪造',
      voidedById: '1',
      createdAt: '2000-01-01T00:00:00Z',
    };
    const stale = await s.api('POST', path, { ...page.json.record.params, ...forged, rowVersion: '999' });
    expect(refused(stale)).toBe(true);
    await s.api('POST', path, { ...page.json.record.params, ...forged });
    expect(await protectedRow()).toBe(before);
  });

  it('answers its custom record actions with a refusal, never a 5xx, when their fields are garbage', async () => {
    const decorated = app.admin.findResource(resource).decorate();
    for (const role of who) {
      const s = sessions[role];
      const target = await rowOf(resource, role === 'county' ? xinhua : null);
      if (!target) continue;
      for (const action of Object.values(decorated.actions)) {
        if (!action.isRecordType() || ['show', 'edit', 'delete', 'list', 'search', 'new'].includes(action.name))
          continue;
        const fields =
          (action as unknown as { action: { custom?: { fields?: { name: string }[] } } }).action.custom?.fields ?? [];
        const path = `/resources/${resource}/records/${target}/${action.name}`;
        for (const [kind, value] of Object.entries({
          object: null,
          huge: HUGE,
          date: '2026-02-30',
          text: 'yesterday',
          sql: SQL,
          html: HTML,
        })) {
          const payload: Record<string, unknown> = { rowVersion: kind === 'text' ? 'abc' : '999999' };
          for (const f of fields)
            Object.assign(payload, value === null ? { [`${f.name}.a`]: '1' } : { [f.name]: value });
          const before = await checksum();
          const res = await s.api('POST', path, payload);
          expect({ resource, role, action: action.name, kind, status: res.status < 500 }).toEqual({
            resource,
            role,
            action: action.name,
            kind,
            status: true,
          });
          // the version is forged in every payload: nothing may change
          expect({ resource, role, action: action.name, kind, refused: refused(res) || !fields.length }).toEqual({
            resource,
            role,
            action: action.name,
            kind,
            refused: true,
          });
          if (refused(res))
            expect({ resource, role, action: action.name, kind, same: (await checksum()) === before }).toEqual({
              resource,
              role,
              action: action.name,
              kind,
              same: true,
            });
        }
      }
    }
  });

  it('answers forged record ids and list filters without a 5xx', async () => {
    for (const id of ['abc', '-1', '0', '99999999999', '1.5', '%27%3B%20DROP%20TABLE%20agent%3B--']) {
      for (const action of ['show', 'edit', 'voidRecord', 'noSuchAction']) {
        const res = await sessions.city.api('GET', `/resources/${resource}/records/${id}/${action}`);
        expect({ resource, id, action, status: res.status < 500 }).toEqual({ resource, id, action, status: true });
      }
      const bulk = await sessions.city.api('POST', `/resources/${resource}/bulk/bulkDelete?recordIds=${id}`, {});
      expect({ resource, id, status: bulk.status < 500 }).toEqual({ resource, id, status: true });
    }
    const decorated = app.admin.findResource(resource).decorate();
    for (const { propertyPath: path } of decorated.getProperties({ where: 'filter' })) {
      for (const v of ['abc', '2026-02-30', SQL, '-1', '99999999999']) {
        const q = new URLSearchParams({
          [`filters.${path}`]: v,
          [`filters.${path}~~from`]: v,
          [`filters.${path}~~to`]: v,
        });
        const res = await sessions.city.api('GET', `/resources/${resource}/actions/list?${q}`);
        expect({ resource, filter: path, v, status: res.status < 500 }).toEqual({
          resource,
          filter: path,
          v,
          status: true,
        });
      }
    }
  });
});

describe('text that looks like code', () => {
  it('is stored as typed, inert, and handed back as data (AdminJS renders text, never HTML)', async () => {
    const { rows: open } = await app.db.query(
      `SELECT l.id FROM case_log l JOIN petition_case c ON c.id = l.case_id WHERE l.county_id = $1 AND c.state <> 'archived' AND l.voided_at IS NULL ORDER BY l.id LIMIT 1`,
      [xinhua],
    );
    const target = open[0].id;
    const path = `/resources/CaseLog/records/${target}/edit`;
    const page = await sessions.county.api('GET', path);
    const saved = await sessions.county.api('POST', path, {
      rowVersion: page.json.record.params.rowVersion,
      action: HTML,
      result: SQL,
    });
    expect(saved.json.notice.type).toBe('success');
    const { rows } = await app.db.query('SELECT action, result FROM case_log WHERE id = $1', [target]);
    expect(rows[0]).toEqual({ action: HTML, result: SQL });
    expect((await app.db.query(`SELECT to_regclass('petition_case') AS t`)).rows[0].t).toBe('petition_case');
    const shown = await sessions.county.api('GET', `/resources/CaseLog/records/${target}/show`);
    expect(shown.json.record.params.action).toBe(HTML);
  });
});

describe('stored text in the page’s inline state', () => {
  const BREAKOUT = '</script><script>alert(1)</script><!--\u2028\u2029&amp;';

  it('comes back inert: the state is escaped for an inline script, which alone carries the CSP nonce', async () => {
    const name = `张${BREAKOUT}`;
    const { rows } = await app.db.query(`SELECT name FROM organization WHERE id = $1`, [xinhua]);
    // a user of her own (the signed-in user is re-read every few seconds; a fresh one has no cached copy)
    await app.db.query(
      `INSERT INTO admin_user (email, name, role, county_id, password_hash)
       SELECT 'inline-state@example.org', $1, role, county_id, password_hash FROM admin_user WHERE email = 'xinhua@example.org'`,
      [name],
    );
    await app.db.query(`UPDATE organization SET name = $1 WHERE id = $2`, [`新华区${BREAKOUT}`, xinhua]);
    try {
      const s = app.session();
      expect(await s.login('inline-state@example.org')).toBe(true);
      for (const path of [
        '/admin',
        '/admin/resources/PetitionCase',
        '/admin/resources/Agent/actions/new',
        '/admin/login',
      ]) {
        const res = await s.get(path);
        const html = await res.text();
        expect({ path, status: res.status }).toEqual({ path, status: 200 });
        const csp = res.headers.get('content-security-policy') ?? '';
        const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
        expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
        // every inline script carries the nonce; no other script element begins anywhere in the page
        const scripts = html.match(/<script(?![^>]*\ssrc=)[^>]*>/g) ?? [];
        expect(scripts.length).toBeGreaterThan(0);
        expect(scripts.every((tag) => tag === `<script nonce="${nonce}">`)).toBe(true);
        expect(html).not.toContain('<script>alert(1)');
        expect(html).not.toMatch(/[\u2028\u2029]/);
        if (path === '/admin/login') continue;
        // and the state still reads back as the name that was saved
        const state = /window\.REDUX_STATE = (.*);\n/.exec(html)![1];
        expect(JSON.parse(state).session.title).toBe(name);
      }
    } finally {
      await app.db.query(`UPDATE admin_user SET is_active = false WHERE email = 'inline-state@example.org'`);
      await app.db.query(`UPDATE organization SET name = $1 WHERE id = $2`, [rows[0].name, xinhua]);
    }
  });
});

describe('bad requests, stale and duplicate writes (4xx in Chinese, never 5xx, nothing written)', () => {
  const CJK = /[\u4e00-\u9fff]/;

  it('refuses malformed list parameters with a 400 that says why', async () => {
    const before = await checksum();
    for (const q of [
      'sortBy=;drop',
      'sortBy=__proto__',
      'sortBy=constructor',
      'direction=sideways',
      'perPage=-1',
      'perPage=abc',
      'perPage=100000',
      'page=-5',
      'page=abc',
      'filters.name=a&filters.name=b',
      'filters.name=%00x',
      'sortBy=name&sortBy=id',
    ]) {
      const res = await sessions.city.api('GET', `/resources/Agent/actions/list?${q}`);
      expect({ q, status: res.status }).toEqual({ q, status: 400 });
      expect(res.json.error).toMatch(CJK);
    }
    const fine = await sessions.city.api(
      'GET',
      '/resources/Agent/actions/list?sortBy=name&direction=asc&perPage=20&page=2',
    );
    expect(fine.status).toBe(200);
    expect(await checksum()).toBe(before);
  });

  it('answers bodies that do not parse and ids beyond 32 bits with a 4xx', async () => {
    const before = await checksum();
    const { rows } = await app.db.query(
      `SELECT id FROM work_system WHERE county_id = $1 AND voided_at IS NULL LIMIT 1`,
      [xinhua],
    );
    const edit = `/admin/api/resources/WorkSystem/records/${rows[0].id}/edit`;
    const bodies: [string, string][] = [
      ['application/json', '{"remarks": "x",'],
      ['multipart/form-data; boundary=XYZ', '--XYZ\r\nContent-Disposition: form-data; name="remarks"\r\n\r\nabc'],
      ['multipart/form-data', '--nope'],
    ];
    for (const [type, body] of bodies) {
      const res = await sessions.county.request('POST', edit, new Blob([body], { type }));
      expect({ type, status: res.status < 500 }).toEqual({ type, status: true });
    }
    for (const path of ['/admin/files/analysis-reports/99999999999.docx', '/admin/files/documents/99999999999']) {
      const res = await sessions.city.request('GET', path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
    expect(await checksum()).toBe(before);
  });

  it('refuses an edit that names no version, and a step on an evaluation from an older page', async () => {
    const { rows } = await app.db.query(
      `SELECT id FROM work_system WHERE county_id = $1 AND voided_at IS NULL ORDER BY id LIMIT 1`,
      [xinhua],
    );
    const before = await checksum();
    const res = await sessions.county.api('POST', `/resources/WorkSystem/records/${rows[0].id}/edit`, {
      rowVersion: undefined,
      remarks: '没有版本号的修改',
    });
    expect(refused(res)).toBe(true);
    expect(JSON.stringify(res.json)).toContain('版本号');
    expect(await checksum()).toBe(before);

    await app.db.query(`INSERT INTO evaluation (county_id, year) VALUES ($1, 2025) ON CONFLICT DO NOTHING`, [xinhua]);
    await sessions.city.api('POST', '/resources/Evaluation/actions/generateEvaluations', { year: '2025' });
    const [e] = (
      await app.db.query(`SELECT id, row_version FROM evaluation WHERE county_id = $1 AND year = 2025`, [xinhua])
    ).rows;
    const first = await sessions.city.api('POST', `/resources/Evaluation/records/${e.id}/adjustEvaluationScore`, {
      rowVersion: e.row_version,
      code: 'work_systems',
      score: '1',
      reason: '第一位管理员的调整',
    });
    const second = await sessions.city.api('POST', `/resources/Evaluation/records/${e.id}/adjustEvaluationScore`, {
      rowVersion: e.row_version,
      code: 'work_systems',
      score: '2',
      reason: '旧页面上的调整',
    });
    expect(first.json.notice.type).toBe('success');
    expect(refused(second)).toBe(true);
    expect(JSON.stringify(second.json)).toMatch(/已被他人修改|第\d+版/);
  });

  it('lets ten concurrent 新建 of one county’s 附件7 for a year make one table', async () => {
    const year = 2024;
    await app.db.query(`DELETE FROM annual_report WHERE county_id = $1 AND year = $2`, [xinhua, year]);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        sessions.county.api('POST', '/resources/AnnualReport/actions/new', { year: String(year) }),
      ),
    );
    expect(answers.every((a) => a.status < 500)).toBe(true);
    const { rows } = await app.db.query(
      `SELECT count(*)::int AS n FROM annual_report WHERE county_id = $1 AND year = $2 AND voided_at IS NULL`,
      [xinhua, year],
    );
    expect(rows[0].n).toBe(1);
  });

  it('lets the city create an agent through the form, ids posted as text', async () => {
    const township = (
      await app.db.query(
        `SELECT id FROM organization WHERE county_id = $1 AND level = 'township' ORDER BY id LIMIT 1`,
        [yexian],
      )
    ).rows[0].id;
    const res = await sessions.city.api('POST', '/resources/Agent/actions/new', {
      name: '王秀兰',
      gender: 'female',
      idNumber: validIdNumber('410422', '19800101', '024'),
      phone: '13937500001',
      countyId: String(yexian),
      townshipId: String(township),
      appointedOn: '2025-03-01',
      status: 'active',
    });
    expect(res.json.notice?.type).toBe('success');
  });
});

describe('uploads', () => {
  async function caseOf(): Promise<number> {
    const { rows } = await app.db.query(
      `SELECT id FROM petition_case WHERE county_id = $1 AND state <> 'archived' AND voided_at IS NULL ORDER BY id LIMIT 1`,
      [xinhua],
    );
    return rows[0].id;
  }
  const scan = (id: number, body: Uint8Array | string, name: string, kind = 'registration') => {
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', new Blob([typeof body === 'string' ? body : new Uint8Array(body)]), name);
    return sessions.county.request('POST', `/admin/files/cases/${id}/documents`, form);
  };
  const attach = (owner: string, id: number, body: Uint8Array | string, name: string) => {
    const form = new FormData();
    form.append('file', new Blob([typeof body === 'string' ? body : new Uint8Array(body)]), name);
    return sessions.city.request('POST', `/admin/files/attachments/${owner}/${id}`, form);
  };

  it('refuses wrong content, empty and oversize files and broken multipart bodies with a 4xx and a Chinese message, writing nothing', async () => {
    const id = await caseOf();
    const { rows } = await app.db.query(
      `SELECT id FROM notice WHERE status = 'draft' AND voided_at IS NULL ORDER BY id LIMIT 1`,
    );
    const notice =
      rows[0]?.id ??
      Number(
        (await sessions.city.api('POST', '/resources/Notice/actions/new', { title: '附件测试', body: '正文' })).json
          .record.params.id,
      );
    const cases: [string, () => Promise<Response>][] = [
      ['html named .pdf', () => scan(id, '<html><script>alert(1)</script></html>', 'evil.pdf')],
      ['exe', () => scan(id, Buffer.from('MZ\x90\x00\x03'), 'setup.exe')],
      ['empty', () => scan(id, '', 'empty.pdf')],
      ['oversize', () => scan(id, Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]), 'big.pdf')],
      ['bad kind', () => scan(id, PDF, 'a.pdf', "'; DROP TABLE case_document; --")],
      ['no file', () => sessions.county.request('POST', `/admin/files/cases/${id}/documents`, new FormData())],
      [
        'broken multipart',
        () =>
          sessions.county.request(
            'POST',
            `/admin/files/cases/${id}/documents`,
            new Blob(['--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-'], {
              type: 'multipart/form-data; boundary=zzz',
            }),
          ),
      ],
      [
        'not multipart',
        () =>
          sessions.county.request(
            'POST',
            `/admin/files/cases/${id}/documents`,
            new Blob(['%PDF-1.4'], { type: 'application/pdf' }),
          ),
      ],
      ['forged case id', () => scan(99999999, PDF, 'a.pdf')],
      ['pdf that does not open', () => scan(id, CORRUPT_PDF, 'a.pdf')],
      ['pdf cut short', () => scan(id, PDF.subarray(0, 60), 'a.pdf')],
      ['attachment: pdf that does not open', () => attach('notice', notice, CORRUPT_PDF, 'a.pdf')],
      [
        'non-numeric case id',
        () => sessions.county.request('POST', `/admin/files/cases/abc/documents`, new FormData()),
      ],
      ['attachment: html', () => attach('notice', notice, '<svg onload=alert(1)>', 'x.png')],
      ['attachment: empty', () => attach('notice', notice, '', 'x.pdf')],
      [
        'attachment: oversize',
        () => attach('notice', notice, Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]), 'big.pdf'),
      ],
      ['attachment: unknown owner', () => attach('agent', 1, PDF, 'a.pdf')],
      [
        'attachment: broken multipart',
        () =>
          sessions.city.request(
            'POST',
            `/admin/files/attachments/notice/${notice}`,
            new Blob(['--zzz\r\ngarbage'], { type: 'multipart/form-data; boundary=zzz' }),
          ),
      ],
      ['import: empty', () => sessions.county.request('POST', '/admin/files/agents/import?dryRun=0', new Blob([]))],
      [
        'import: not a workbook',
        () =>
          sessions.county.request('POST', '/admin/files/agents/import?dryRun=0', new Blob(['PK\x03\x04 broken zip'])),
      ],
      [
        'import: oversize',
        () =>
          sessions.county.request(
            'POST',
            '/admin/files/agents/import?dryRun=0',
            new Blob([Buffer.alloc(6 * 1024 * 1024)]),
          ),
      ],
    ];
    for (const [name, send] of cases) {
      const before = await checksum();
      const res = await send();
      const body = await res.text();
      expect({ name, status: res.status < 500 }).toEqual({ name, status: true });
      const json = JSON.parse(body);
      const clear =
        res.status >= 400
          ? /[\u4e00-\u9fff]/.test(json.error ?? '')
          : json.imported === false && json.problems?.length > 0;
      expect({ name, clear }).toEqual({ name, clear: true });
      expect({ name, same: (await checksum()) === before }).toEqual({ name, same: true });
    }
  });

  it('refuses a file that begins like a PDF but does not open, on the file field, storing nothing', async () => {
    const id = await caseOf();
    const { rows } = await app.db.query(
      `SELECT id FROM notice WHERE status = 'draft' AND voided_at IS NULL ORDER BY id LIMIT 1`,
    );
    const stored = () => count(app.db, 'case_document', 'case_id = $1', [id]);
    const before = await stored();
    for (const res of [
      await scan(id, CORRUPT_PDF, '登记表.pdf'),
      await attach('notice', rows[0].id, CORRUPT_PDF, 'a.pdf'),
    ])
      expect({ status: res.status, json: await res.json() }).toEqual({
        status: 400,
        json: { error: PDF_UNREADABLE_MESSAGE, field: 'file' },
      });
    expect(await stored()).toBe(before);
    // the same page, whole, is taken
    expect((await scan(id, PDF, '登记表.pdf')).status).toBe(201);
    expect(await stored()).toBe(before + 1);
  });

  it('stores a good file under a generated name whatever it was called, and serves it with safe headers', async () => {
    const id = await caseOf();
    for (const name of [
      '../../etc/passwd',
      '..\\..\\windows\\win.ini',
      'a\nb\r\nc.pdf',
      '"><script>alert(1)</script>.pdf',
      '扫描件 %00.pdf',
    ]) {
      const res = await scan(id, PDF, name);
      expect({ name, status: res.status }).toEqual({ name, status: 201 });
      const { id: docId } = await res.json();
      const { rows } = await app.db.query('SELECT storage_key, file_name, mime_type FROM case_document WHERE id = $1', [
        docId,
      ]);
      expect(rows[0].storage_key).toMatch(/^\d{4}\/[0-9a-f-]{36}\.pdf$/);
      // eslint-disable-next-line no-control-regex -- no control character may reach the stored name
      expect(rows[0].file_name).not.toMatch(/[\u0000-\u001f/\\"<>]/);
      expect(rows[0].mime_type).toBe('application/pdf');
      const got = await sessions.county.request('GET', `/admin/files/documents/${docId}`);
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe('application/pdf');
      expect(got.headers.get('x-content-type-options')).toBe('nosniff');
      const disposition = got.headers.get('content-disposition') ?? '';
      expect(disposition).toMatch(
        // RFC 6266: the plain name, and the RFC 5987 one where the name is not plain ASCII
        /^attachment; filename="[\x20-\x7e]*"(; filename\*=UTF-8''[A-Za-z0-9%._~!$&'()*+,;=:@-]+)?$/,
      );
      expect(disposition).not.toMatch(/[\r\n]/);
    }
    // an attachment too
    const created = await sessions.city.api('POST', '/resources/Notice/actions/new', {
      title: '附件命名测试',
      body: '正文',
    });
    const notice = Number(created.json.record.params.id);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)]), '../../etc/passwd');
    const up = await sessions.city.request('POST', `/admin/files/attachments/notice/${notice}`, form);
    expect(up.status).toBe(201);
    const { key } = await up.json();
    expect(key).toMatch(/^\d{4}\/[0-9a-f-]{36}\.pdf$/);
    const got = await sessions.city.request('GET', `/admin/files/attachments/notice/${notice}/${key}`);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-disposition')).toMatch(
      /^attachment; filename="[\x20-\x7e]*"(; filename\*=UTF-8''|$)/,
    );
  });

  it('refuses an over-long or NUL-bearing scan title on its field, instead of cutting it', async () => {
    const { rows } = await app.db.query(
      `SELECT id FROM petition_case WHERE county_id = $1 AND state <> 'archived' AND voided_at IS NULL ORDER BY id LIMIT 1`,
      [xinhua],
    );
    for (const title of [HUGE, '登记表\u0000副本']) {
      const before = await checksum();
      const form = new FormData();
      form.append('kind', 'registration');
      form.append('title', title);
      form.append('file', new Blob([new Uint8Array(PDF)]), 'scan.pdf');
      const res = await sessions.county.request('POST', `/admin/files/cases/${rows[0].id}/documents`, form);
      expect({ title: title.slice(0, 8), status: res.status }).toEqual({ title: title.slice(0, 8), status: 400 });
      expect(JSON.stringify(await res.json())).toMatch(/标题/);
      expect(await checksum()).toBe(before);
    }
  });

  it('takes a JSON number in a text field as the text a form would send, and refuses objects and NUL', async () => {
    const { rows } = await app.db.query(`SELECT id, row_version FROM evaluation WHERE voided_at IS NULL LIMIT 1`);
    const path = `/admin/api/resources/Evaluation/records/${rows[0].id}/liftVeto`;
    const before = await checksum();
    for (const body of [
      { reason: 12345, rowVersion: rows[0].row_version },
      { reason: { a: 1 }, rowVersion: rows[0].row_version },
      { reason: '理由\u0000', rowVersion: rows[0].row_version },
      { vetoReason: ['a', 'b'], rowVersion: rows[0].row_version },
    ]) {
      const res = await sessions.city.request(
        'POST',
        path,
        new Blob([JSON.stringify(body)], { type: 'application/json' }),
      );
      expect({ body, status: res.status < 500 }).toEqual({ body, status: true });
    }
    expect(await checksum()).toBe(before);
  });
});
