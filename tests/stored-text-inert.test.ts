import { ACCESS, type ResourceId } from '../src/domain/access-policy.js';
import { PERSONAL_DATA } from '../src/domain/personal-data.js';
import { startTestApp, type TestApp } from './support/app.js';
import { countyId } from './support/fixtures.js';
import type { Session } from './support/http.js';
import { RESOURCES, TABLE } from './support/tables.js';

// Stored text never runs as script: hostile text is written straight into every text column a page shows
// (found from the entities' metadata and the resources' list and show properties, so a column added later is
// covered without editing this file), then every list and record page is read as the browser gets it and
// as the API answers it. The pages carry no record (only the session, escaped for an inline script that alone
// holds the CSP nonce); the API hands the text back exactly, as data; HTML the server builds (richtext:
// figures, file links, findings) escapes it.

const HOSTILE = '</script><script>alert(1)</script>\u2028\u2029&amp;<img src=x onerror=alert(2)>';
/** the shortest piece that still breaks out of an inline script */
const BREAKOUT = '</script><script>';

let app: TestApp;
let city: Session;

interface Planted {
  resource: ResourceId;
  id: number;
  /** property → the value stored */
  values: Record<string, string>;
}
const planted: Planted[] = [];
/** columns the database itself refuses such text for (a CHECK: codes, numbers, e-mail addresses) */
const refusedByTheDatabase: string[] = [];

const decorated = (r: ResourceId) => app.admin.findResource(r).decorate();
const paths = (r: ResourceId, where: 'list' | 'show') =>
  decorated(r)
    .getProperties({ where })
    .map((p) => p.propertyPath);

/** Every free-text column of `resource` that its list or its record page shows. */
function shownTextColumns(resource: ResourceId) {
  const meta = app.dataSource.entityMetadatas.find((m) => m.tableName === TABLE[resource])!;
  const shown = new Set([...paths(resource, 'list'), ...paths(resource, 'show')]);
  return meta.columns.filter(
    (c) =>
      ['varchar', 'character varying', 'text', String].includes(c.type as never) &&
      !c.enum &&
      !c.relationMetadata &&
      shown.has(c.propertyName),
  );
}

beforeAll(async () => {
  app = await startTestApp();
  city = app.session();
  expect(await city.login('city@example.org')).toBe(true);
  const xinhua = await countyId(app.db, '新华区');
  // the demo writes no 案件分析报告: one of its own
  await app.db.query(
    `INSERT INTO analysis_report (county_id, period_start, period_end, report_date, contact_person, contact_phone)
     VALUES ($1, '2025-01-01', '2025-12-31', '2026-01-05', '张红', '0375-2612306')`,
    [xinhua],
  );
  for (const resource of RESOURCES) {
    if (ACCESS[resource].city_admin === 'none') continue;
    const columns = shownTextColumns(resource);
    if (!columns.length) continue;
    const table = TABLE[resource];
    const hasCounty = app.dataSource.entityMetadatas
      .find((m) => m.tableName === table)!
      .columns.some((c) => c.databaseName === 'county_id');
    const voidable = app.dataSource.entityMetadatas
      .find((m) => m.tableName === table)!
      .columns.some((c) => c.databaseName === 'voided_at');
    const { rows } = await app.db.query(
      `SELECT id FROM ${table} WHERE ${hasCounty ? 'county_id = $1' : '$1::int IS NOT NULL'} ${voidable ? 'AND voided_at IS NULL' : ''} ORDER BY id DESC LIMIT 1`,
      [xinhua],
    );
    if (!rows.length) continue;
    const entry: Planted = { resource, id: rows[0].id, values: {} };
    for (const c of columns) {
      const length = Number(c.length) || Infinity;
      if (length < BREAKOUT.length) {
        refusedByTheDatabase.push(`${table}.${c.databaseName} (${length})`);
        continue;
      }
      const value = HOSTILE.slice(0, length);
      try {
        await app.db.query(`UPDATE ${table} SET ${c.databaseName} = $1 WHERE id = $2`, [value, entry.id]);
        entry.values[c.propertyName] = value;
      } catch {
        refusedByTheDatabase.push(`${table}.${c.databaseName}`);
      }
    }
    planted.push(entry);
  }
});
afterAll(() => app.close());

/** The page as the browser gets it: inline scripts only with the nonce, no script element from data. */
async function expectInertPage(path: string, session = city): Promise<string> {
  const res = await session.get(path);
  const html = await res.text();
  const nonce = /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1];
  const inline = html.match(/<script(?![^>]*\ssrc=)[^>]*>/g) ?? [];
  expect({
    path,
    status: res.status,
    foreignScripts: inline.filter((tag) => tag !== `<script nonce="${nonce}">`),
    breakout: html.includes('<script>alert(1)') || html.includes('<img src=x'),
    lineSeparators: /[\u2028\u2029]/.test(html),
  }).toEqual({ path, status: 200, foreignScripts: [], breakout: false, lineSeparators: false });
  return html;
}

it('plants the text in every shown text column of every resource', () => {
  const columns = planted.flatMap((p) => Object.keys(p.values).map((c) => `${p.resource}.${c}`));
  // names, titles, subjects, reasons, contents …: far more than a hand-kept list would hold
  expect(columns.length).toBeGreaterThan(30);
  for (const must of [
    'PetitionCase.subject',
    'Agent.name',
    'Notice.title',
    'Training.title',
    'Organization.name',
    'AdminUser.name',
    'AnalysisReport.contactPerson',
  ])
    expect(columns).toContain(must);
});

describe.each(RESOURCES)('%s', (resource) => {
  it('shows stored hostile text inert on its pages and hands it back exactly as data', async () => {
    const entry = planted.find((p) => p.resource === resource);
    if (!entry || !Object.keys(entry.values).length) return;
    await expectInertPage(`/admin/resources/${resource}`);
    await expectInertPage(`/admin/resources/${resource}/records/${entry.id}/show`);

    const richtext = new Set(
      decorated(resource)
        .getProperties({ where: 'show' })
        .filter((p) => p.type() === 'richtext')
        .map((p) => p.propertyPath),
    );
    const show = await city.api('GET', `/resources/${resource}/records/${entry.id}/show`);
    expect(show.status).toBe(200);
    const params = show.json.record.params as Record<string, unknown>;
    const shown = new Set(paths(resource, 'show'));
    for (const [column, value] of Object.entries(entry.values))
      if (shown.has(column)) expect({ column, value: params[column] }).toEqual({ column, value });
    // HTML the server writes for a page (figures, file links, findings) escapes what it quotes
    for (const path of richtext)
      expect({ path, html: String(params[path] ?? '') }).not.toEqual({
        path,
        html: expect.stringMatching(/<script|<img src=x/),
      });

    const personal = new Set(Object.values(PERSONAL_DATA).flatMap((fields) => Object.keys(fields)));
    const listed = await city.api('GET', `/resources/${resource}/actions/list?perPage=500&sortBy=id&direction=desc`);
    expect(listed.status).toBe(200);
    const row = (listed.json.records as { id: string; params: Record<string, unknown> }[]).find(
      (r) => Number(r.id) === entry.id,
    );
    if (row)
      for (const column of paths(resource, 'list'))
        if (column in entry.values && !personal.has(column))
          expect({ column, value: row.params[column] }).toEqual({ column, value: entry.values[column] });
  });
});

it('keeps the home page, its dashboard and the custom pages inert too, for a user whose own name is hostile', async () => {
  await expectInertPage('/admin');
  // the pages carry the session: the planted user (name and e-mail hostile) signs in with her address as typed
  const user = planted.find((p) => p.resource === 'AdminUser')!;
  await app.db.query(
    `UPDATE admin_user SET password_hash = (SELECT password_hash FROM admin_user WHERE email = 'city@example.org') WHERE id = $1`,
    [user.id],
  );
  const hostile = app.session();
  expect(await hostile.login(user.values.email)).toBe(true);
  for (const path of [
    '/admin',
    '/admin/resources/PetitionCase',
    `/admin/resources/AdminUser/records/${user.id}/show`,
  ]) {
    const html = await expectInertPage(path, hostile);
    const state = JSON.parse(/window\.REDUX_STATE = (.*);\n/.exec(html)![1]);
    expect(state.session.title).toBe(user.values.name);
    expect(state.session.email).toBe(user.values.email);
  }
  for (const page of Object.keys(app.admin.options.pages ?? {})) await expectInertPage(`/admin/pages/${page}`);
  const dashboard = await city.api('GET', '/dashboard');
  expect(dashboard.status).toBe(200);
  expect(JSON.stringify(dashboard.json)).not.toMatch(/<script|<img src=x/);
});
