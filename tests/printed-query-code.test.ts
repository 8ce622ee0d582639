import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { errorResponder } from '../src/admin/api-status.js';
import { formatQueryCode } from '../src/domain/petitioner-view.js';
import { startTestApp, type TestApp } from './support/app.js';
import type { Session } from './support/http.js';
import { documentXml, pdfPageTexts, visibleText } from './support/office.js';
import { docxImages, readQr as qrOf } from './support/qr.js';

// 《信访工作条例》第二十一条: the 告知书 (附件3) and 答复意见书 (附件5) print the query page's address, her case
// number and code, and a QR code that opens the page with both filled in — in Word and in the case file's
// PDF; a leader's copy carries no code at all. Through the real HTTP app on a clone of the demo database.

const PUBLIC = 'https://fnxf.example.gov.cn';
let app: TestApp;
let clerk: Session;
let leader: Session;
let c: { id: number; case_no: string; code: string };

beforeAll(async () => {
  app = await startTestApp({ env: { PUBLIC_BASE_URL: PUBLIC } });
  clerk = app.session();
  leader = app.session();
  expect(await clerk.login('xinhua@example.org')).toBe(true);
  expect(await leader.login('leader@example.org')).toBe(true);
  const { rows } = await app.db.query(
    `SELECT c.id, c.case_no, q.code FROM petition_case c JOIN case_query_code q ON q.case_id = c.id
      WHERE c.voided_at IS NULL AND c.reply_issued_on IS NOT NULL
        AND c.county_id = (SELECT id FROM organization WHERE name = '新华区')
        AND NOT EXISTS (SELECT 1 FROM case_document d WHERE d.case_id = c.id AND d.storage_key IS NOT NULL)
      ORDER BY c.id LIMIT 1`,
  );
  expect(rows).toHaveLength(1);
  c = rows[0];
}, 120_000);
afterAll(() => app?.close());

const queryUrl = () => `${PUBLIC}/query?no=${encodeURIComponent(c.case_no)}&code=${formatQueryCode(c.code)}`;

/** each page of a PDF rendered as a printer would (poppler's pdftoppm, 150 dpi), as PNGs */
function renderPages(pdf: Uint8Array): Uint8Array[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'qr-'));
  try {
    writeFileSync(path.join(dir, 'in.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '150', '-png', path.join(dir, 'in.pdf'), path.join(dir, 'page')]);
    return readdirSync(dir)
      .filter((f) => f.startsWith('page'))
      .sort()
      .map((f) => readFileSync(path.join(dir, f)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function download(session: Session, file: string) {
  const get = () => session.request('GET', `/admin/files/cases/${c.id}/${file}`);
  // a kept-alive connection the server closed while a page was being rendered here: ask again once
  const res = await get().catch(get);
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

/** the page the QR code opens, asked of this app (PUBLIC_BASE_URL stands in front of it) */
async function opens(url: string) {
  expect(url.startsWith(`${PUBLIC}/query?`)).toBe(true);
  const get = () => fetch(app.baseUrl + url.slice(PUBLIC.length), { redirect: 'manual' });
  // as in download(): a kept-alive connection closed while the PDF was being rendered here
  return get().catch(get);
}

describe.each(['notification', 'reply_opinion'])('%s (Word)', (kind) => {
  it('prints a QR code of the query page with her number and code, and the address and code in words', async () => {
    const docx = await download(clerk, `forms/${kind}.docx`);
    const media = docxImages(docx);
    expect(media).toHaveLength(1);
    const url = qrOf(media[0][1]);
    expect(url).toBe(queryUrl());
    const page = await opens(url!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(c.case_no);

    const text = visibleText(documentXml(docx)).replace(/\s+/g, '');
    expect(text).toContain(`${PUBLIC}/query`);
    expect(text).toContain(c.case_no);
    expect(text).toContain(formatQueryCode(c.code));
  });

  it('has no code and no QR code on a leader’s copy', async () => {
    const docx = await download(leader, `forms/${kind}.docx`);
    const files = unzipSync(docx);
    expect(Object.keys(files).filter((n) => n.startsWith('word/media/'))).toEqual([]);
    const all = Object.values(files)
      .map((f) => Buffer.from(f).toString('latin1'))
      .join('');
    expect(all).not.toContain(c.code);
    expect(all).not.toContain(formatQueryCode(c.code));
  });
});

describe('the case file (下载全卷, PDF)', () => {
  it('prints the QR code on the 告知书 and the 答复意见书 pages, readable once printed', async () => {
    const pdf = await download(clerk, 'dossier.pdf');
    const texts = pdfPageTexts(pdf).map((t) => t.replace(/\s+/g, ''));
    const codes = renderPages(pdf).map(qrOf);
    const withCode = texts.flatMap((t, i) => (t.includes(formatQueryCode(c.code)) ? [i] : []));
    // the 告知书 and the 答复意见书, each with the address and the code in words beside its QR code
    expect(withCode).toHaveLength(2);
    expect(texts[withCode[0]]).toContain('平顶山市妇女信访代理告知书');
    expect(texts[withCode[1]]).toContain('平顶山市妇女信访代理案件答复意见书');
    for (const i of withCode) {
      expect(texts[i]).toContain(`${PUBLIC}/query`);
      expect(codes[i]).toBe(queryUrl());
    }
    expect(codes.filter(Boolean)).toHaveLength(2);
    expect((await opens(codes[withCode[0]]!)).status).toBe(200);
  });

  it('gives a leader the file without any code', async () => {
    const pdf = await download(leader, 'dossier.pdf');
    expect(pdfPageTexts(pdf).join('')).not.toContain(formatQueryCode(c.code));
    expect(renderPages(pdf).map(qrOf).filter(Boolean)).toEqual([]);
  });
});

it('after 重新生成查询码 the forms print the new code; the old QR code opens nothing', async () => {
  const before = qrOf(docxImages(await download(clerk, 'forms/notification.docx'))[0][1])!;
  const pathOf = `/resources/PetitionCase/records/${c.id}/reissueQueryCode`;
  const { rowVersion } = (await clerk.api('GET', pathOf)).json.record.params;
  expect((await clerk.api('POST', pathOf, { reason: '信访人遗失告知书', rowVersion })).status).toBe(200);
  const { rows } = await app.db.query('SELECT code FROM case_query_code WHERE case_id = $1', [c.id]);
  c = { ...c, code: rows[0].code };
  const after = qrOf(docxImages(await download(clerk, 'forms/notification.docx'))[0][1])!;
  expect(after).toBe(queryUrl());
  expect(after).not.toBe(before);
  expect((await opens(before)).status).toBe(404);
  expect((await opens(after)).status).toBe(200);
});

it('never writes the code of a query link to the error log', () => {
  const lines: string[] = [];
  const req = {
    method: 'GET',
    originalUrl: `/query?no=${encodeURIComponent('新华-2026-0007')}&code=7K3QM-X9D2F`,
    accepts: () => 'html',
  };
  const res = { headersSent: true };
  errorResponder((m) => lines.push(m))(new Error('boom'), req as never, res as never, () => undefined);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain('/query?no=');
  expect(lines[0]).not.toContain('7K3QM');
});
