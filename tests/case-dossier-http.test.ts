import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { PNG } from 'pngjs';
import { startTestApp, type TestApp } from './support/app.js';
import { count, countyId, ONE_PAGE_PDF, validIdNumber } from './support/fixtures.js';
import type { Session } from './support/http.js';
import { pdfPageTexts } from './support/office.js';

// 下载全卷（PDF） over real HTTP: the clerk's whole file with the scans, the leader's without them and masked,
// every download audited, a corrupt scan refused by name.
let app: TestApp;
let clerk: Session;
let caseId: number;
const idNumber = validIdNumber('410402', '19850312', '042');
const uploadDir = mkdtempSync(path.join(tmpdir(), 'dossier-uploads-'));

beforeAll(async () => {
  app = await startTestApp({ env: { UPLOAD_DIR: uploadDir } });
  clerk = app.session();
  expect(await clerk.login('xinhua@example.org')).toBe(true);
  const { rows } = await app.db.query(
    `INSERT INTO petition_case (case_no, county_id, subject, category, source, petitioner_name, petitioner_id_number,
                                petitioner_phone, accepted_on)
     VALUES ('新华-2026-0901', $1, '家庭暴力求助', 'domestic_violence', 'visit', '王红', $2, '13837512345', '2026-11-02')
     RETURNING id`,
    [await countyId(app.db, '新华区'), idNumber],
  );
  caseId = rows[0].id;
});
afterAll(() => app.close());

async function upload(kind: string, body: Uint8Array, name: string) {
  const form = new FormData();
  form.append('kind', kind);
  form.append('signedOn', '2026-11-03');
  form.append('file', new Blob([new Uint8Array(body)]), name);
  return (await clerk.request('POST', `/admin/files/cases/${caseId}/documents`, form)).status;
}

async function download(session: Session) {
  const res = await session.request('GET', `/admin/files/cases/${caseId}/dossier.pdf`);
  return { res, body: new Uint8Array(await res.arrayBuffer()) };
}

it('gives the clerk the whole file, scans merged, and audits it', async () => {
  const scan = await PDFDocument.create();
  const font = await scan.embedFont(StandardFonts.Helvetica);
  scan.addPage([595, 842]).drawText('SIGNED AGREEMENT', { x: 60, y: 700, font });
  expect(await upload('agreement', await scan.save(), 'agreement.pdf')).toBe(201);
  const png = new PNG({ width: 300, height: 400 });
  png.data.fill(180);
  expect(await upload('notification', PNG.sync.write(png), 'notification.png')).toBe(201);

  const { res, body } = await download(clerk);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('新华-2026-0901-案卷.pdf'));
  const pages = pdfPageTexts(body);
  // cover, 目录, 附件1–4 (附件5 follows the conclusion), 2 scans
  expect(pages).toHaveLength(8);
  expect(pages.join('')).toContain(idNumber);
  expect(pages[6]).toContain('SIGNED AGREEMENT');
  expect(
    await count(app.db, 'audit_log', `action = 'download' AND record_id = $1 AND changes ? 'dossier'`, [
      String(caseId),
    ]),
  ).toBe(1);
}, 120_000);

it('gives a leader the file without the scans and with the personal data masked', async () => {
  const leader = app.session();
  await leader.login('leader@example.org');
  const { res, body } = await download(leader);
  expect(res.status).toBe(200);
  const pages = pdfPageTexts(body);
  expect(pages).toHaveLength(6);
  const text = pages.join('');
  expect(text).not.toContain(idNumber);
  expect(text).not.toContain('13837512345');
  expect(text).not.toContain('SIGNED AGREEMENT');
  expect(pages[1].replace(/\s+/g, '')).toContain('另有签字扫描件2份');
  expect((await download(app.session())).res.status).toBe(401);
}, 120_000);

it('refuses with the document named when a scan is a corrupt PDF', async () => {
  const corrupt = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n');
  // refused at upload; a file damaged later on the disk (or kept from before the check) is named at download
  expect(await upload('other', corrupt, '证据.pdf')).toBe(400);
  expect(await upload('other', ONE_PAGE_PDF, '证据.pdf')).toBe(201);
  const { rows } = await app.db.query(
    `SELECT storage_key FROM case_document WHERE case_id = $1 AND file_name = '证据.pdf'`,
    [caseId],
  );
  writeFileSync(path.join(uploadDir, rows[0].storage_key), corrupt);
  const res = await clerk.request('GET', `/admin/files/cases/${caseId}/dossier.pdf`);
  expect(res.status).toBe(422);
  expect((await res.json()).error).toMatch(/扫描件“其他材料（签字扫描件）”（证据\.pdf）已损坏或无法读取/);
}, 120_000);
