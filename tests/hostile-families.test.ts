import { strFromU8, unzipSync } from 'fflate';
import { ACCESS, type ResourceId, type Role } from '../src/domain/access-policy.js';
import { CASE_FORMS } from '../src/domain/vocabulary.js';
import { startTestApp, type TestApp } from './support/app.js';
import { countyId, ID_NUMBER, MOBILE } from './support/fixtures.js';
import type { Session } from './support/http.js';
import { pdfPageTexts, visibleText } from './support/office.js';
import { RESOURCES, TABLE } from './support/tables.js';

// 《个人信息保护法》第六条 and the program's rule that nothing is half-written: every family of requests
// (lists, searches, record pages, new and edit forms, bulk and custom actions, file routes, exports), sent
// by each role with hostile parameters and bodies, is tallied as a whole: server errors (none), the rows
// and the audit lines of writes before and after (unchanged: every hostile write is refused whole), and,
// for the leader, every answer read as its reader would (page, JSON, Word, Excel, PDF) for a full ID number
// or mobile (none). Resources, actions and fields are found on the live admin: later ones are covered too.
// The per-request detail of the city's and the clerk's forms is in hostile-input.test.ts.

const EMAIL: Record<Role, string> = {
  city_admin: 'city@example.org',
  county_staff: 'xinhua@example.org',
  leader: 'leader@example.org',
};
const ROLES = Object.keys(EMAIL) as Role[];

/** audit lines that reading writes (a full view, a download, an export): every other line is a write */
const READING = ['view_personal', 'download', 'export', 'login', 'login_failed'];
const NUL = 'a\u0000b';
const SQL = "'; DROP TABLE agent; --";

let app: TestApp;
let xinhua: number;
let yexian: number;
const sessions = {} as Record<Role, Session>;
const own = {} as Record<ResourceId, number | undefined>;
const other = {} as Record<ResourceId, number | undefined>;

interface Call {
  method: 'GET' | 'POST';
  path: string;
  body?: Record<string, unknown> | FormData | Blob;
}
type Family = 'list' | 'search' | 'show' | 'new' | 'edit' | 'bulk' | 'custom' | 'files' | 'exports';

/** What a reader of the answer sees: the text of a page or JSON answer, of a Word, Excel or PDF file. */
async function readable(res: Response): Promise<string> {
  const type = res.headers.get('content-type') ?? '';
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (type.includes('pdf')) return pdfPageTexts(bytes).join('\n');
  if (type.includes('officedocument')) {
    return Object.entries(unzipSync(bytes))
      .filter(([name]) => name.endsWith('.xml'))
      .map(([name, b]) =>
        name.startsWith('word/') ? visibleText(strFromU8(b)) : strFromU8(b).replace(/<[^>]+>/g, ' '),
      )
      .join('\n');
  }
  return new TextDecoder().decode(bytes);
}

/** Rows of every table (count and last writer), and the audit lines of writes. */
async function state(): Promise<{ rows: string; writes: number }> {
  const parts = Object.values(TABLE)
    .filter((t) => t !== 'audit_log')
    .map((t) => `(SELECT count(*) || ':' || coalesce(sum(x.xmin::text::bigint), 0) FROM ${t} x)`);
  const { rows } = await app.db.query(
    `SELECT ${parts.join(" || '|' || ")} AS rows,
            (SELECT count(*)::int FROM audit_log WHERE action <> ALL($1)) AS writes`,
    [READING],
  );
  return rows[0];
}

const api = (path: string) => `/admin/api/resources${path}`;
const decorated = (r: ResourceId) => app.admin.findResource(r).decorate();
const STANDARD = ['show', 'edit', 'delete', 'list', 'search', 'new', 'bulkDelete'];

/** Every field of the resource's form holding `value`. */
function everyField(r: ResourceId, value: unknown): Record<string, unknown> {
  return Object.fromEntries(
    decorated(r)
      .getProperties({ where: 'edit' })
      .map((p) => [p.propertyPath, value]),
  );
}

function multipart(fields: Record<string, string | Blob>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === 'string') form.append(k, v);
    else form.append(k, v, 'scan.pdf');
  }
  return form;
}

/** The requests of one family, as `role` sends them. */
async function familyCalls(family: Family, role: Role): Promise<Call[]> {
  const calls: Call[] = [];
  const readable = RESOURCES.filter((r) => ACCESS[r][role] !== 'none');
  const ids = (r: ResourceId) => [own[r], other[r], 'abc', '99999999999'].filter((id) => id !== undefined);
  switch (family) {
    case 'list':
      for (const r of RESOURCES) {
        const filter = decorated(r).getProperties({ where: 'filter' })[0]?.propertyPath ?? 'id';
        calls.push(
          { method: 'GET', path: api(`/${r}/actions/list?perPage=500`) },
          { method: 'GET', path: api(`/${r}/actions/list?sortBy=__proto__&perPage=-1&page=abc`) },
          { method: 'GET', path: api(`/${r}/actions/list?filters.${filter}=${encodeURIComponent(NUL)}`) },
          { method: 'GET', path: api(`/${r}/actions/list?filters.${filter}=1&filters.${filter}=2`) },
          { method: 'GET', path: `/admin/resources/${r}` },
        );
      }
      break;
    case 'search':
      for (const r of RESOURCES)
        for (const q of [
          '',
          encodeURIComponent(NUL),
          encodeURIComponent(SQL),
          '1',
          // a picker may name the property it searches: none, a forged one, one the reader may not query
          '1?searchProperty=zzz',
          '1?searchProperty=__proto__',
          '4104?searchProperty=idNumber',
          '新华?searchProperty=heading',
        ])
          calls.push({ method: 'GET', path: api(`/${r}/actions/search/${q}`) });
      break;
    case 'show':
      for (const r of RESOURCES)
        for (const id of ids(r))
          calls.push(
            { method: 'GET', path: api(`/${r}/records/${id}/show`) },
            { method: 'GET', path: `/admin/resources/${r}/records/${id}/show` },
          );
      calls.push({ method: 'GET', path: '/admin' }, { method: 'GET', path: '/admin/api/dashboard' });
      for (const page of Object.keys(app.admin.options.pages ?? {}))
        calls.push(
          { method: 'GET', path: `/admin/pages/${page}` },
          { method: 'GET', path: `/admin/api/pages/${page}` },
        );
      break;
    case 'new':
      for (const r of RESOURCES) {
        calls.push(
          { method: 'GET', path: api(`/${r}/actions/new`) },
          { method: 'POST', path: api(`/${r}/actions/new`), body: everyField(r, NUL) },
          { method: 'POST', path: api(`/${r}/actions/new`), body: new Blob(['{"a":'], { type: 'application/json' }) },
        );
      }
      break;
    case 'edit':
      for (const r of RESOURCES)
        for (const id of ids(r)) {
          calls.push(
            { method: 'GET', path: api(`/${r}/records/${id}/edit`) },
            { method: 'POST', path: api(`/${r}/records/${id}/edit`), body: { ...everyField(r, NUL), rowVersion: '1' } },
            { method: 'POST', path: api(`/${r}/records/${id}/edit`), body: { ...everyField(r, SQL), rowVersion: '' } },
          );
        }
      break;
    case 'bulk':
      for (const r of RESOURCES)
        for (const action of Object.values(decorated(r).actions).filter((a) => a.isBulkType()))
          for (const recordIds of [
            'abc,99999999999',
            String(other[r] ?? 1),
            ...(role === 'leader' ? [String(own[r])] : []),
          ])
            calls.push(
              { method: 'GET', path: api(`/${r}/bulk/${action.name}?recordIds=${recordIds}`) },
              ...(role === 'city_admin' && recordIds !== 'abc,99999999999'
                ? [] // the city may act on any county's rows: only forged ids are hostile for her
                : [
                    {
                      method: 'POST' as const,
                      path: api(`/${r}/bulk/${action.name}?recordIds=${recordIds}`),
                      body: {},
                    },
                  ]),
            );
      break;
    case 'custom':
      for (const r of RESOURCES)
        for (const action of Object.values(decorated(r).actions)) {
          if (!action.isRecordType() || STANDARD.includes(action.name)) continue;
          const fields =
            (action as unknown as { action: { custom?: { fields?: { name: string }[] } } }).action.custom?.fields ?? [];
          for (const id of ids(r))
            calls.push(
              { method: 'GET', path: api(`/${r}/records/${id}/${action.name}`) },
              {
                method: 'POST',
                path: api(`/${r}/records/${id}/${action.name}`),
                // a version from no page, and every field unreadable: refused whole
                body: { rowVersion: '999999', ...Object.fromEntries(fields.map((f) => [f.name, NUL])) },
              },
            );
        }
      break;
    case 'files': {
      const cases = [own.PetitionCase, other.PetitionCase, 'abc', '99999999999'];
      for (const c of cases) {
        calls.push(
          { method: 'GET', path: `/admin/files/cases/${c}/file.json` },
          { method: 'GET', path: `/admin/files/cases/${c}/timeline.json` },
          { method: 'GET', path: `/admin/files/cases/${c}/dossier.pdf` },
          ...CASE_FORMS.map((k) => ({ method: 'GET' as const, path: `/admin/files/cases/${c}/forms/${k}.docx` })),
          {
            method: 'POST',
            path: `/admin/files/cases/${c}/documents`,
            body: multipart({ kind: 'registration', file: new Blob(['%PDF-1.4 broken']) }),
          },
          {
            method: 'POST',
            path: `/admin/files/cases/${c}/documents`,
            body: new Blob(['--z\r\ngarbage'], { type: 'multipart/form-data; boundary=z' }),
          },
        );
      }
      for (const id of [...ids('AnalysisReport'), '-1'])
        calls.push({ method: 'GET', path: `/admin/files/analysis-reports/${id}.docx` });
      for (const id of [...ids('Certificate'), '-1'])
        calls.push({ method: 'GET', path: `/admin/files/certificates/${id}.docx` });
      const { rows: docs } = await app.db.query(`SELECT id FROM case_document ORDER BY id LIMIT 2`);
      for (const id of [...docs.map((d) => d.id), 'abc', '99999999999'])
        calls.push({ method: 'GET', path: `/admin/files/documents/${id}` });
      for (const owner of ['notice', 'inspection', 'rectification', 'agent'])
        calls.push(
          { method: 'GET', path: `/admin/files/attachments/${owner}/1/2026/..%2F..%2Fetc%2Fpasswd` },
          {
            method: 'POST',
            path: `/admin/files/attachments/${owner}/${other.Notice ?? 1}`,
            body: multipart({ file: new Blob(['%PDF-1.4 broken']) }),
          },
        );
      for (const kind of ['county', 'township', 'village', 'agent', '__proto__'])
        calls.push({ method: 'GET', path: `/admin/files/choices/${kind}?parent=${encodeURIComponent(NUL)}` });
      calls.push({
        method: 'POST',
        path: '/admin/files/agents/import?dryRun=0',
        body: new Blob(['PK\x03\x04 broken']),
      });
      break;
    }
    case 'exports':
      for (const q of [
        '',
        `?sortBy=${encodeURIComponent(SQL)}&direction=sideways`,
        `?filters.name=${encodeURIComponent(NUL)}`,
        '?countyId=abc',
      ])
        calls.push(
          { method: 'GET', path: `/admin/files/agents/export.xlsx${q}` },
          { method: 'GET', path: `/admin/files/cases/register.xlsx${q}` },
        );
      for (const year of ['', '2025', 'abc', '99999', '-1'])
        calls.push(
          { method: 'GET', path: `/admin/files/annual-reports/summary.xlsx?year=${year}` },
          { method: 'GET', path: `/admin/files/annual-reports/summary.docx?year=${year}` },
          { method: 'GET', path: `/admin/files/commendations/list.docx?year=${year}` },
        );
      calls.push(
        { method: 'GET', path: '/admin/files/agents/template.xlsx' },
        { method: 'GET', path: `/admin/files/cases/repeats.json?name=${encodeURIComponent('王')}` },
        { method: 'GET', path: `/admin/files/cases/repeats.json?idNumber=${encodeURIComponent(NUL)}&exclude=abc` },
      );
      break;
  }
  // a reader's own families are those she may use at all: the rest must be refused too, so all are sent
  void readable;
  return calls;
}

beforeAll(async () => {
  app = await startTestApp();
  xinhua = await countyId(app.db, '新华区');
  yexian = await countyId(app.db, '叶县');
  // the contacts' numbers a clerk might give as mobiles: what a leader must not read in full
  for (const c of [xinhua, yexian]) {
    await app.db.query(
      `INSERT INTO analysis_report (county_id, period_start, period_end, report_date, contact_person, contact_phone)
       VALUES ($1, '2025-01-01', '2025-12-31', '2026-01-05', '张红', '13937512345')`,
      [c],
    );
    await app.db.query(`UPDATE organization SET contact_phone = '13937512346' WHERE id = $1`, [c]);
    await app.db.query(`UPDATE work_point SET phone = '13937512347' WHERE county_id = $1`, [c]);
  }
  for (const r of RESOURCES) {
    const first = async (county: number) =>
      (await app.db.query(`SELECT id FROM ${TABLE[r]} WHERE county_id = $1 ORDER BY id LIMIT 1`, [county])).rows[0]
        ?.id as number | undefined;
    own[r] = await first(xinhua);
    other[r] = await first(yexian);
  }
  for (const role of ROLES) {
    sessions[role] = app.session();
    expect(await sessions[role].login(EMAIL[role])).toBe(true);
  }
});
afterAll(() => app.close());

describe.each(['list', 'search', 'show', 'new', 'edit', 'bulk', 'custom', 'files', 'exports'] as Family[])(
  'the %s family',
  (family) => {
    it('answers every role without a server error, writes nothing, and shows a leader no ID number or mobile', async () => {
      const tally: Record<Role, { requests: number; serverErrors: string[]; leaks: string[] }> = {} as never;
      const before = await state();
      for (const role of ROLES) {
        const t = (tally[role] = { requests: 0, serverErrors: [] as string[], leaks: [] as string[] });
        for (const call of await familyCalls(family, role)) {
          const res = await sessions[role].request(call.method, call.path, call.body as never);
          t.requests++;
          if (res.status >= 500) t.serverErrors.push(`${call.method} ${call.path} → ${res.status}`);
          const text = await readable(res);
          if (role !== 'leader') continue;
          for (const found of [...(text.match(ID_NUMBER) ?? []), ...(text.match(MOBILE) ?? [])])
            t.leaks.push(`${call.path}: ${found}`);
        }
      }
      const after = await state();
      expect(tally.leader.requests).toBeGreaterThan(0);
      const summary = Object.fromEntries(
        ROLES.map((r) => [r, { serverErrors: tally[r].serverErrors, leaks: tally[r].leaks.slice(0, 10) }]),
      );
      expect({ family, ...summary }).toEqual({
        family,
        ...Object.fromEntries(ROLES.map((r) => [r, { serverErrors: [], leaks: [] }])),
      });
      expect({ family, rows: after.rows === before.rows, auditedWrites: after.writes - before.writes }).toEqual({
        family,
        rows: true,
        auditedWrites: 0,
      });
    }, 600_000);
  },
);
