// The Word (.docx) renderer of a document described in document-layout.ts.
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeightRule,
  ImageRun,
  LineRuleType,
  NoBreakHyphen,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { CELL_PADDING, PORTRAIT, renderBlock, resolveKeeps, textWidth, TYPE_SCALES } from './document-layout.js';
import type {
  Align,
  Block,
  DocumentSpec,
  Face,
  ImageBlock,
  Para,
  Run,
  TableBlock,
  TypeScale,
} from './document-layout.js';

/**
 * The fonts as a Chinese office's Word names them. East Asian text in 仿宋_GB2312 (the GB/T 9704 body
 * face) or 宋体; the font table tells Word to fall back on 仿宋 / SimSun where 仿宋_GB2312 is not installed.
 */
const FONT_NAMES: Record<Face, { ascii: string; eastAsia: string; hAnsi: string; cs: string }> = {
  fangsong: { ascii: '仿宋_GB2312', eastAsia: '仿宋_GB2312', hAnsi: '仿宋_GB2312', cs: '仿宋_GB2312' },
  song: { ascii: '宋体', eastAsia: '宋体', hAnsi: '宋体', cs: '宋体' },
};
const FONT_TABLE = [
  { name: '仿宋_GB2312', altName: '仿宋', panose: '02010609030101010101' },
  { name: '仿宋', altName: 'FangSong', panose: '02010609060101010101' },
  { name: '宋体', altName: 'SimSun', panose: '02010600030101010101' },
];

const twips = (pt: number) => Math.round(pt * 20);
const halfPoints = (pt: number) => Math.round(pt * 2);
const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

function textRun(r: Run, size: number, face: Face): TextRun {
  // a kept run (case number 新华-2026-0007) never breaks at its hyphens
  const parts = r.keep ? r.text.split('-') : [r.text];
  return new TextRun({
    children: parts.flatMap((p, i) => (i ? [new NoBreakHyphen(), p] : [p])),
    font: FONT_NAMES[face],
    size: halfPoints(size),
    bold: r.bold,
    underline: r.underline ? {} : undefined,
  });
}

function paragraph(p: Para, s: TypeScale): Paragraph {
  const size = s[p.size];
  const exact = p.size === 'body' || p.size === 'title';
  return new Paragraph({
    alignment: ALIGN[p.align],
    keepNext: p.keepNext || undefined,
    keepLines: p.keepLines || undefined,
    spacing: {
      before: twips(p.before),
      after: twips(p.after),
      ...(exact ? { line: twips(p.size === 'title' ? s.title * 1.5 : s.line), lineRule: LineRuleType.EXACT } : {}),
    },
    indent: p.indent ? { firstLine: twips(2 * size) } : undefined,
    children: p.runs.map((r) => textRun(r, s[r.size ?? p.size], p.face)),
  });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function wordTable(t: TableBlock, s: TypeScale): Table {
  const widths = t.widths.map(twips);
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: t.rows.map((r, ri) => {
      let col = 0;
      const cells = r.cells.map((c) => {
        const width = widths.slice(col, col + c.span).reduce((a, b) => a + b, 0);
        col += c.span;
        return new TableCell({
          width: { size: width, type: WidthType.DXA },
          columnSpan: c.span > 1 ? c.span : undefined,
          verticalAlign: VerticalAlign.CENTER,
          margins: {
            top: twips(CELL_PADDING.y),
            bottom: twips(CELL_PADDING.y),
            left: twips(CELL_PADDING.x),
            right: twips(CELL_PADDING.x),
          },
          borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
          children: c.text.split('\n').map(
            (line) =>
              new Paragraph({
                alignment: ALIGN[c.align],
                // the same fixed line as the PDF renderer's cells
                spacing: { line: twips(s.table * s.tableLine), lineRule: LineRuleType.EXACT },
                children: [textRun({ text: line, bold: c.bold }, s.table, 'fangsong')],
              }),
          ),
        });
      });
      return new TableRow({
        tableHeader: r.header || undefined,
        cantSplit: true,
        keepNext: (t.keepNext && ri === t.rows.length - 1) || r.header || undefined,
        height: r.minHeight ? { value: twips(r.minHeight), rule: HeightRule.ATLEAST } : undefined,
        children: cells,
      });
    }),
  });
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const pixels = (pt: number) => Math.round((pt * 96) / 72);

/** The image and the text beside it: a borderless table of two cells, its one row never split. */
function wordImage(b: ImageBlock, s: TypeScale, width: number): Table {
  const left = twips(b.width + b.gap);
  const right = twips(width) - left;
  const none = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };
  const margins = { top: 0, bottom: 0, left: 0, right: 0 };
  const keepNext = b.keepNext || undefined;
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: left + right, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: { ...none, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER },
    rows: [
      new TableRow({
        cantSplit: true,
        keepNext,
        children: [
          new TableCell({
            width: { size: left, type: WidthType.DXA },
            margins,
            borders: none,
            children: [
              new Paragraph({
                keepNext,
                spacing: { before: twips(b.before), after: 0 },
                children: [
                  new ImageRun({
                    type: 'png',
                    data: b.png,
                    transformation: { width: pixels(b.width), height: pixels(b.height) },
                    altText: { name: b.alt, description: b.alt, title: b.alt },
                  }),
                ],
              }),
            ],
          }),
          new TableCell({
            width: { size: right, type: WidthType.DXA },
            margins,
            borders: none,
            children: b.beside.map((p, i) =>
              paragraph({ ...p, keepNext: b.keepNext || p.keepNext, before: p.before + (i === 0 ? b.before : 0) }, s),
            ),
          }),
        ],
      }),
    ],
  });
}

function wordBlock(b: Block, s: TypeScale, width: number): Paragraph | Table {
  return renderBlock<Paragraph | Table>(b, {
    para: (p) => paragraph(p, s),
    table: (t) => wordTable(t, s),
    image: (i) => wordImage(i, s, width),
  });
}

/** Word's font table with the fallbacks (w:altName) a machine without 仿宋_GB2312 uses. */
function withFontTable(docx: Uint8Array): Buffer {
  const files = unzipSync(docx);
  const fonts = FONT_TABLE.map(
    (f) =>
      `<w:font w:name="${f.name}"><w:altName w:val="${f.altName}"/><w:panose1 w:val="${f.panose}"/>` +
      `<w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>`,
  ).join('');
  const xml = strFromU8(files['word/fontTable.xml']);
  files['word/fontTable.xml'] = strToU8(
    /<w:fonts[^>]*\/>/.test(xml)
      ? xml.replace(/<w:fonts([^>]*)\/>/, `<w:fonts$1>${fonts}</w:fonts>`)
      : xml.replace('</w:fonts>', `${fonts}</w:fonts>`),
  );
  return Buffer.from(zipSync(files));
}

/** The .docx of one document: A4 with the official margins (landscape for wide tables). */
export async function renderDocument(spec: DocumentSpec): Promise<Buffer> {
  const page = spec.page ?? PORTRAIT;
  const s = TYPE_SCALES[spec.scale ?? 'official'];
  const doc = new Document({
    creator: '平顶山市妇女信访代理工作管理系统',
    title: spec.title,
    styles: { default: { document: { run: { font: FONT_NAMES.fangsong, size: halfPoints(s.body) } } } },
    sections: [
      {
        properties: {
          page: {
            size: {
              // docx turns the sheet itself for a landscape section: give it the portrait sheet
              width: twips(Math.min(page.width, page.height)),
              height: twips(Math.max(page.width, page.height)),
              orientation: page.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: {
              top: twips(page.margin.top),
              bottom: twips(page.margin.bottom),
              left: twips(page.margin.left),
              right: twips(page.margin.right),
            },
          },
        },
        children: resolveKeeps(spec.blocks).map((b) => wordBlock(b, s, textWidth(page))),
      },
    ],
  });
  return withFontTable(await Packer.toBuffer(doc));
}
