import { PDFDocument, StandardFonts } from 'pdf-lib';
import { PNG } from 'pngjs';
import { DomainError } from '../src/domain/errors.js';
import { buildCaseDossier, type DossierScan } from '../src/reports/case-dossier.js';
import { FORM_TITLES } from '../src/reports/case-forms/index.js';
import { CASE_FORMS } from '../src/domain/vocabulary.js';
import { FORM_SAMPLES } from './support/form-samples.js';
import { pdfPageTexts } from './support/office.js';

// 一案一卷 as one PDF, read back page by page with poppler: the cover, the 卷内目录 whose page numbers point at
// the right pages, the five forms, the scans merged, a number on every page.

async function scanPdf(pages: number, label: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]).drawText(`${label} p${i + 1}`, { x: 60, y: 700, font });
  return doc.save();
}

function scanPng(): Uint8Array {
  const png = new PNG({ width: 400, height: 560 });
  png.data.fill(200);
  return PNG.sync.write(png);
}

const scan = (title: string, mimeType: string, bytes: Uint8Array, signedOn = '2026-11-03'): DossierScan => ({
  title,
  fileName: `${title}.${mimeType === 'application/pdf' ? 'pdf' : 'png'}`,
  signedOn,
  mimeType,
  bytes,
});

const input = (scans: DossierScan[], scansWithheld = 0) => ({
  data: FORM_SAMPLES.typical,
  forms: [...CASE_FORMS],
  scans,
  scansWithheld,
  archivedOn: '2026-12-01',
  retention: '永久',
});

// How fast it is made is measured by `npm run bench` (下载全卷), not here.
it('puts the cover, the 卷内目录, the forms and the scans in one numbered PDF, small', async () => {
  const scans = [
    scan('代理协议书（签字扫描件）', 'application/pdf', await scanPdf(2, 'AGREEMENT')),
    scan('代理告知书（签字扫描件）', 'image/png', scanPng()),
    scan('答复意见书（签字扫描件）', 'application/pdf', await scanPdf(1, 'REPLY')),
    scan('证据材料', 'image/png', scanPng(), '2026-11-10'),
    scan('派出所告诫书', 'application/pdf', await scanPdf(1, 'WARNING')),
  ];
  const { pdf, entries } = await buildCaseDossier(input(scans));
  expect(pdf.length).toBeLessThan(10 * 1024 * 1024);

  const pages = pdfPageTexts(pdf);
  expect((await PDFDocument.load(pdf)).getPageCount()).toBe(13); // cover, 目录, 5 forms, 2+1+1+1+1 scan pages
  expect(pages).toHaveLength(13);
  pages.forEach((text, i) => expect(text).toMatch(new RegExp(`—\\s*${i + 1}\\s*—`)));

  const cover = pages[0].replace(/\s+/g, '');
  expect(cover).toMatch(/新华区妇女信访代理案件档案/);
  for (const field of ['案件编号新华-2026-0012', '档案号新华档-2026-0003', '保管期限永久', '归档日期2026年12月1日'])
    expect(cover).toContain(field);

  const toc = pages[1];
  expect(toc).toContain('卷内目录');
  expect(entries.map((e) => [e.no, e.pages])).toEqual([
    [1, '3'],
    [2, '4'],
    [3, '5'],
    [4, '6'],
    [5, '7'],
    [6, '8–9'],
    [7, '10'],
    [8, '11'],
    [9, '12'],
    [10, '13'],
  ]);
  for (const e of entries) {
    const line = toc.split('\n').find((l) => l.includes(e.name));
    expect(line).toBeDefined();
    expect(line).toMatch(new RegExp(`^\\s*${e.no}\\s.*${e.date.replace(/\./g, '\\.')}\\s+${e.pages}\\s*$`));
  }
  // each 页号 points at its document
  CASE_FORMS.forEach((kind, i) => expect(pages[2 + i].replace(/\s+/g, '')).toContain(FORM_TITLES[kind]));
  expect(pages[7]).toContain('AGREEMENT p1');
  expect(pages[8]).toContain('AGREEMENT p2');
  expect(pages[10]).toContain('REPLY p1');
  expect(pages[12]).toContain('WARNING p1');
}, 60_000);

it('names the document when a scan is a corrupt PDF, instead of a broken file', async () => {
  const broken = scan('代理协议书（签字扫描件）', 'application/pdf', new TextEncoder().encode('%PDF-1.4\n garbage'));
  const attempt = buildCaseDossier(input([broken]));
  await expect(attempt).rejects.toBeInstanceOf(DomainError);
  await expect(attempt).rejects.toThrow(
    /扫描件“代理协议书（签字扫描件）”（代理协议书（签字扫描件）\.pdf）已损坏或无法读取/,
  );
}, 60_000);

it('states the scans held back from a reader who may not see them', async () => {
  const { pdf, entries } = await buildCaseDossier(input([], 3));
  const pages = pdfPageTexts(pdf);
  expect(pages).toHaveLength(7);
  expect(entries).toHaveLength(5);
  expect(pages[1].replace(/\s+/g, '')).toContain('另有签字扫描件3份');
}, 60_000);
