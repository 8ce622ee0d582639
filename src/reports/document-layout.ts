// The page every printed document is laid out on (the case forms 附件1–5, the analysis report 附件6, the
// year-end statistics 附件7, the commendation list), as a Chinese government office lays it out
// (GB/T 9704 proportions): A4, title in 宋体 二号 bold, body in 仿宋 三号 at a fixed 28-point line,
// tables in 仿宋 四号, signature and date lines at the foot, the "一式两份" note where the notice has one.
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeightRule,
  LineRuleType,
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
  type IRunOptions,
} from 'docx';

const MM = 56.7; // twips per millimetre
const PAGE = { width: 11906, height: 16838 }; // A4 in twips
const MARGIN = {
  top: Math.round(37 * MM),
  bottom: Math.round(35 * MM),
  left: Math.round(28 * MM),
  right: Math.round(26 * MM),
};
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** A4 turned for wide tables (附件7): the same margins, the long side across */
const LANDSCAPE_MARGIN = {
  top: MARGIN.left,
  bottom: MARGIN.right,
  left: Math.round(20 * MM),
  right: Math.round(20 * MM),
};
export const LANDSCAPE_TEXT_WIDTH = PAGE.height - LANDSCAPE_MARGIN.left - LANDSCAPE_MARGIN.right;

const SONG = { ascii: '宋体', eastAsia: '宋体', hAnsi: '宋体', cs: '宋体' };
const FANGSONG = { ascii: '仿宋', eastAsia: '仿宋', hAnsi: '仿宋', cs: '仿宋' };
const SIZE = { title: 44, body: 32, table: 28, note: 24 }; // half-points: 二号, 三号, 四号, 小四
const LINE = { line: 560, lineRule: LineRuleType.EXACT }; // 28 pt

/** A blank to be filled in by hand when the data is missing: underlined spaces. */
export function blank(value: string | null | undefined, width = 8): TextRun {
  return value ? run(value, { underline: {} }) : run('\u3000'.repeat(width), { underline: {} });
}

export function run(text: string, extra: Partial<IRunOptions> = {}, size = SIZE.body): TextRun {
  return new TextRun({ text, font: FANGSONG, size, ...extra });
}

/** '2026-11-20' → '2026年11月20日'; blank → '    年  月  日' to fill in by hand. */
export function chineseDate(date: string | null | undefined): string {
  if (!date) return '\u3000\u3000年\u3000\u3000月\u3000\u3000日';
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function title(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 400 },
    children: [new TextRun({ text, font: SONG, size: SIZE.title, bold: true })],
  });
}

/** A body paragraph with the customary two-character first-line indent. */
export function para(
  children: (TextRun | string)[],
  opts: { indent?: boolean; align?: 'left' | 'right' | 'center' } = {},
): Paragraph {
  const alignment = { left: AlignmentType.JUSTIFIED, right: AlignmentType.RIGHT, center: AlignmentType.CENTER }[
    opts.align ?? 'left'
  ];
  return new Paragraph({
    alignment,
    spacing: LINE,
    indent: opts.indent === false ? undefined : { firstLine: 2 * 320 },
    children: children.map((c) => (typeof c === 'string' ? run(c) : c)),
  });
}

export function emptyLine(): Paragraph {
  return new Paragraph({ spacing: LINE, children: [run('')] });
}

/** Signature lines at the foot: each "label：____" with its date line beneath, aligned right. */
export function signatures(
  parties: { label: string; name?: string | null }[],
  date: string | null | undefined,
): Paragraph[] {
  return [
    emptyLine(),
    ...parties.map((p) => para([run(`${p.label}：`), blank(p.name ?? null, 8)], { indent: false, align: 'right' })),
    para([run(chineseDate(date))], { indent: false, align: 'right' }),
  ];
}

/** 注：…一式两份… */
export function note(text: string): Paragraph {
  return new Paragraph({ spacing: { before: 400 }, children: [run(`注：${text}`, {}, SIZE.note)] });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function cell(text: string, opts: { width: number; span?: number; bold?: boolean; center?: boolean }): TableCell {
  const lines = text.split('\n');
  return new TableCell({
    width: { size: opts.width, type: WidthType.DXA },
    columnSpan: opts.span,
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
    children: lines.map(
      (line) =>
        new Paragraph({
          alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [run(line, { bold: opts.bold }, SIZE.table)],
        }),
    ),
  });
}

/**
 * A ruled table over the text width. `columns` are relative widths; each row gives its cells as text
 * (a cell may span several columns); `minHeight` (twips) gives room for handwriting.
 */
export function table(
  columns: number[],
  rows: { cells: (string | { text: string; span: number })[]; header?: boolean; minHeight?: number }[],
  width = TEXT_WIDTH,
): Table {
  const total = columns.reduce((a, b) => a + b, 0);
  const widths = columns.map((c) => Math.floor((c / total) * width));
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    rows: rows.map((r) => {
      let col = 0;
      const cells = r.cells.map((c) => {
        const { text, span } = typeof c === 'string' ? { text: c, span: 1 } : c;
        const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
        // label columns (even positions in a label/value table) and headers are centred
        const labelCell = r.header || (columns.length > 2 && col % 2 === 0 && span === 1);
        col += span;
        return cell(text, { width, span: span > 1 ? span : undefined, bold: r.header, center: labelCell });
      });
      return new TableRow({
        tableHeader: r.header,
        cantSplit: true,
        height: r.minHeight ? { value: r.minHeight, rule: HeightRule.ATLEAST } : undefined,
        children: cells,
      });
    }),
  });
}

export type Block = Paragraph | Table;

/** The .docx of one form: A4 portrait with the official margins (landscape for wide tables). */
export async function renderDocument(meta: { title: string; landscape?: boolean }, children: Block[]): Promise<Buffer> {
  const page = meta.landscape
    ? { size: { ...PAGE, orientation: PageOrientation.LANDSCAPE }, margin: LANDSCAPE_MARGIN }
    : { size: PAGE, margin: MARGIN };
  const doc = new Document({
    creator: '平顶山市妇女信访代理工作管理系统',
    title: meta.title,
    styles: { default: { document: { run: { font: FANGSONG, size: SIZE.body } } } },
    sections: [{ properties: { page }, children }],
  });
  return Packer.toBuffer(doc);
}
