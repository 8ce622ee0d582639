// 一案一卷 (平妇字〔2014〕17号 工作要求): the whole case file as one PDF, as an archive keeps it — the cover
// (卷皮), the 卷内目录, forms 附件1–5 drawn from the same layout as the Word files, then every uploaded scan
// in order (PDF pages merged, images one to a sheet scaled to A4), every page numbered.
import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import { DomainError } from '../domain/errors.js';
import type { CaseForm } from '../domain/vocabulary.js';
import { caseFormSpec, FORM_TITLES, type CaseFormData } from './case-forms/index.js';
import { chineseDate, dottedDate, heading, para, PORTRAIT, run, table, title, type Block } from './document-layout.js';
import { drawDocument } from './pdf-document.js';
import { embedFonts, type PdfFonts } from './pdf-fonts.js';

export interface DossierScan {
  title: string;
  fileName: string;
  signedOn: string | null;
  mimeType: string;
  bytes: Uint8Array;
}

export interface DossierInput {
  data: CaseFormData;
  /** the forms in the file, in 附件 order (附件5 only once the case is concluded) */
  forms: CaseForm[];
  /** the scans in order; none for a reader who may not see them */
  scans: DossierScan[];
  /** scans held back from this reader (their number is stated in the 卷内目录) */
  scansWithheld: number;
  archivedOn: string | null;
  /** 保管期限 */
  retention: string;
}

export interface DossierEntry {
  no: number;
  name: string;
  date: string;
  pages: string;
}

/** The date a form carries (its signature or issue date). */
function formDate(kind: CaseForm, d: CaseFormData): string | null {
  switch (kind) {
    case 'registration':
      return d.acceptedOn;
    case 'agreement':
      return d.agreementSignedOn;
    case 'notification':
      return d.notifiedOn;
    case 'handling_record':
      return d.concludedOn ?? d.logs[d.logs.length - 1]?.loggedOn ?? null;
    case 'reply_opinion':
      return d.replyIssuedOn;
  }
}

function coverBlocks(input: DossierInput): Block[] {
  const d = input.data;
  return [
    para([], { indent: false }),
    title(`${d.countyName}妇女信访代理案件档案`),
    para([run('（一案一卷）')], { indent: false, align: 'center' }),
    para([], { indent: false }),
    table(
      [3, 8],
      [
        { cells: ['立卷单位', d.workPointName] },
        { cells: ['案件编号', d.caseNo] },
        { cells: ['档 案 号', d.archiveNo ?? ''] },
        { cells: ['信 访 人', d.petitioner.name] },
        { cells: ['信访事项', d.subject] },
        { cells: ['受理日期', chineseDate(d.acceptedOn)] },
        { cells: ['归档日期', input.archivedOn ? chineseDate(input.archivedOn) : ''] },
        { cells: ['保管期限', input.retention] },
      ].map((r) => ({ ...r, minHeight: 34 })),
      { align: ['center', 'left'] },
    ),
  ];
}

function tocBlocks(entries: DossierEntry[], withheld: number): Block[] {
  return [
    title('卷内目录'),
    table(
      [2, 11, 4, 3],
      [
        { cells: ['序号', '文件名称', '日期', '页号'], header: true },
        ...entries.map((e) => ({ cells: [String(e.no), e.name, e.date, e.pages] })),
      ],
      { align: ['center', 'left', 'center', 'center'] },
    ),
    ...(withheld ? [heading(`另有签字扫描件${withheld}份，含个人信息，按本账户权限未编入本卷。`, 'note')] : []),
  ];
}

const pageRange = (first: number, count: number) => (count > 1 ? `${first}–${first + count - 1}` : String(first));

/**
 * GB/T 9704 page numbers: 4号 Arabic figures between dashes, 7 mm below the text block, odd pages at the
 * right and even pages at the left, one character in. On a merged scan, the same place on a white ground.
 */
function stampPageNumber(page: PDFPage, n: number, fonts: PdfFonts): void {
  const size = 14;
  const text = `— ${n} —`;
  const width = fonts.regular.widthOfTextAtSize(text, size);
  const { width: w } = page.getSize();
  const inset = Math.min(PORTRAIT.margin.left, w * 0.1) + size;
  const x = n % 2 ? w - inset - width : inset;
  const y = Math.max(12, PORTRAIT.margin.bottom - 20 - size);
  page.drawRectangle({ x: x - 3, y: y - 4, width: width + 6, height: size + 6, color: rgb(1, 1, 1) });
  page.drawText(text, { x, y, size, font: fonts.regular, color: rgb(0, 0, 0) });
}

const unreadable = (scan: DossierScan) =>
  new DomainError(
    'SCAN_UNREADABLE',
    `扫描件“${scan.title}”（${scan.fileName}）已损坏或无法读取，全卷无法生成。请在“下载文书”中重新上传该文件后再下载。`,
  );

async function loadScan(scan: DossierScan): Promise<{ pdf?: PDFDocument; pages: number }> {
  if (scan.mimeType !== 'application/pdf') return { pages: 1 };
  try {
    const pdf = await PDFDocument.load(scan.bytes, { updateMetadata: false });
    const pages = pdf.getPageCount();
    if (!pages) throw new Error('no pages');
    return { pdf, pages };
  } catch {
    throw unreadable(scan);
  }
}

/** The case file as one PDF, and its 卷内目录 entries. */
export async function buildCaseDossier(input: DossierInput): Promise<{ pdf: Uint8Array; entries: DossierEntry[] }> {
  const doc = await PDFDocument.create();
  doc.setTitle(`${input.data.caseNo} 案卷`);
  doc.setCreator('平顶山市妇女信访代理工作管理系统');
  const fonts = await embedFonts(doc);
  const scans = await Promise.all(input.scans.map(loadScan));

  // the forms are laid out in a scratch document first: their page counts number the 卷内目录
  const scratch = await PDFDocument.create();
  const scratchFonts = await embedFonts(scratch);
  const formPages: number[] = [];
  for (const k of input.forms)
    formPages.push((await drawDocument(scratch, scratchFonts, caseFormSpec(k, input.data))).length);
  const items = [
    ...input.forms.map((k, i) => ({ name: FORM_TITLES[k], date: formDate(k, input.data), pages: formPages[i] })),
    ...input.scans.map((s, i) => ({ name: `${s.title}（扫描件）`, date: s.signedOn, pages: scans[i].pages })),
  ];
  const entriesFrom = (first: number) => {
    let next = first;
    return items.map((it, i): DossierEntry => {
      const e = {
        no: i + 1,
        name: it.name,
        date: it.date ? dottedDate(it.date) : '',
        pages: pageRange(next, it.pages),
      };
      next += it.pages;
      return e;
    });
  };
  const tocPageCount = (
    await drawDocument(scratch, scratchFonts, {
      title: '卷内目录',
      scale: 'form',
      blocks: tocBlocks(entriesFrom(100), input.scansWithheld),
    })
  ).length;
  const entries = entriesFrom(2 + tocPageCount);

  await drawDocument(doc, fonts, { title: '卷皮', scale: 'form', blocks: coverBlocks(input) });
  await drawDocument(doc, fonts, { title: '卷内目录', scale: 'form', blocks: tocBlocks(entries, input.scansWithheld) });
  for (const kind of input.forms) await drawDocument(doc, fonts, caseFormSpec(kind, input.data));
  for (const [i, scan] of input.scans.entries()) {
    const loaded = scans[i];
    if (loaded.pdf) {
      try {
        for (const page of await doc.copyPages(loaded.pdf, loaded.pdf.getPageIndices())) doc.addPage(page);
      } catch {
        throw unreadable(scan);
      }
      continue;
    }
    let image;
    try {
      image = scan.mimeType === 'image/png' ? await doc.embedPng(scan.bytes) : await doc.embedJpg(scan.bytes);
    } catch {
      throw unreadable(scan);
    }
    const page = doc.addPage([PORTRAIT.width, PORTRAIT.height]);
    const box = { width: PORTRAIT.width - 2 * 40, height: PORTRAIT.height - 40 - 60 };
    const k = Math.min(box.width / image.width, box.height / image.height);
    const [w, h] = [image.width * k, image.height * k];
    page.drawImage(image, { x: (PORTRAIT.width - w) / 2, y: 60 + (box.height - h) / 2, width: w, height: h });
  }
  doc.getPages().forEach((page, i) => stampPageNumber(page, i + 1, fonts));
  return { pdf: await doc.save(), entries };
}
