// The page every printed document is laid out on (the case forms 附件1–5, the analysis report 附件6, the
// year-end statistics 附件7, the commendation list, the case file's cover and 卷内目录), as a Chinese
// government office lays it out: A4 with the GB/T 9704 margins, titles in 宋体, body in 仿宋_GB2312.
//
// A document is described once, as plain blocks (paragraphs of runs, ruled tables, an image with text
// beside it) in points; the Word
// renderer (word-document.ts) and the PDF renderer (pdf-document.ts) both draw the same description, so
// a form is never written twice.

export type SizeRole = 'title' | 'body' | 'table' | 'note';
export type Align = 'left' | 'center' | 'right' | 'justify';
export type Face = 'song' | 'fangsong';

export interface Run {
  text: string;
  underline?: boolean;
  bold?: boolean;
  size?: SizeRole;
  /** never broken over two lines (an ID number, a case number, a date) */
  keep?: boolean;
}

export interface Para {
  kind: 'para';
  runs: Run[];
  align: Align;
  /** the customary two-character first-line indent */
  indent: boolean;
  size: SizeRole;
  face: Face;
  /** space before and after, in points */
  before: number;
  after: number;
  /** on the same page as the block that follows (a heading, a signature block) */
  keepNext: boolean;
  /** never split over two pages */
  keepLines: boolean;
  /** on the same page as the block before (the first line of a closing) */
  withPrevious?: boolean;
}

export interface Cell {
  text: string;
  span: number;
  align: Align;
  bold: boolean;
}

export interface Row {
  cells: Cell[];
  /** repeated at the top of every page the table runs onto */
  header: boolean;
  /** room for handwriting, in points */
  minHeight?: number;
}

export interface TableBlock {
  kind: 'table';
  /** column widths in points */
  widths: number[];
  rows: Row[];
  keepNext: boolean;
}

/**
 * An image (PNG) at the left of the text width, with paragraphs printed to its right, top-aligned: a QR
 * code beside the address and code it carries. Never split over two pages.
 */
export interface ImageBlock {
  kind: 'image';
  png: Uint8Array;
  /** printed size, in points */
  width: number;
  height: number;
  /** what it shows, for a reader that cannot see it (Word's alt text) */
  alt: string;
  /** printed to the right of the image */
  beside: Para[];
  /** room between the image and the text beside it, in points */
  gap: number;
  before: number;
  keepNext: boolean;
  withPrevious?: boolean;
}

export type Block = Para | TableBlock | ImageBlock;

/** What a renderer makes of each kind of block: both renderers (PDF, Word) draw every kind. */
export interface BlockRenderers<T> {
  para: (b: Para) => T;
  table: (b: TableBlock) => T;
  image: (b: ImageBlock) => T;
}

/** The block rendered by its kind's renderer. */
export function renderBlock<T>(b: Block, by: BlockRenderers<T>): T {
  switch (b.kind) {
    case 'para':
      return by.para(b);
    case 'table':
      return by.table(b);
    case 'image':
      return by.image(b);
  }
}

/** the padding inside a table cell, in points */
export const CELL_PADDING = { x: 4, y: 2 };

/** Sizes in points. GB/T 9704: title 二号 (22 pt), body 三号 (16 pt) on a fixed 28-point line. */
export interface TypeScale {
  title: number;
  body: number;
  table: number;
  note: number;
  /** the fixed line of body paragraphs */
  line: number;
  /** line height inside table cells, as a multiple of the size */
  tableLine: number;
}

export const TYPE_SCALES = {
  /** official documents (表彰名单, 分析报告): GB/T 9704 三号 body */
  official: { title: 22, body: 16, table: 14, note: 12, line: 28, tableLine: 1.3 },
  /** a case's forms (附件1–5), each one sheet: 四号 body, 小四 in tables, 五号 notes */
  form: { title: 22, body: 14, table: 12, note: 10.5, line: 23, tableLine: 1.3 },
  /** wide statistics tables (附件7): 小五 in the cells so ten counties fit one landscape page */
  statistics: { title: 18, body: 12, table: 9, note: 9, line: 18, tableLine: 1.1 },
} satisfies Record<string, TypeScale>;
export type TypeScaleName = keyof typeof TYPE_SCALES;

export interface PageSpec {
  width: number;
  height: number;
  margin: { top: number; bottom: number; left: number; right: number };
  landscape: boolean;
}

const MM = 72 / 25.4; // points per millimetre
const A4 = { width: 595.28, height: 841.89 };
/** GB/T 9704 版心: 天头 37 mm, 订口 28 mm, 156 × 225 mm */
export const PORTRAIT: PageSpec = {
  ...A4,
  margin: { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM },
  landscape: false,
};
/** A4 turned for wide tables (附件7) */
export const LANDSCAPE: PageSpec = {
  width: A4.height,
  height: A4.width,
  margin: { top: 15 * MM, bottom: 15 * MM, left: 15 * MM, right: 15 * MM },
  landscape: true,
};
export const textWidth = (p: PageSpec) => p.width - p.margin.left - p.margin.right;
export const TEXT_WIDTH = textWidth(PORTRAIT);
export const LANDSCAPE_TEXT_WIDTH = textWidth(LANDSCAPE);

/** A document to render: its title (file properties), page, type scale and blocks. */
export interface DocumentSpec {
  title: string;
  page?: PageSpec;
  scale?: TypeScaleName;
  blocks: Block[];
}

export function run(text: string, extra: Omit<Run, 'text'> = {}): Run {
  return { text, ...extra };
}

/** A blank to be filled in by hand when the data is missing: underlined spaces. */
export function blank(value: string | null | undefined, width = 8): Run {
  return value ? { text: value, underline: true } : { text: '\u3000'.repeat(width), underline: true };
}

/** '2026-11-20' → '2026年11月20日'; blank → '    年  月  日' to fill in by hand. */
export function chineseDate(date: string | null | undefined): string {
  if (!date) return '\u3000\u3000年\u3000\u3000月\u3000\u3000日';
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** '2026-11-20' → '2026.11.20', for a narrow table column */
export function dottedDate(date: string): string {
  return date.replaceAll('-', '.');
}

export function title(text: string): Para {
  return {
    kind: 'para',
    runs: [{ text, bold: true, size: 'title' }],
    align: 'center',
    indent: false,
    size: 'title',
    face: 'song',
    before: 0,
    after: 14,
    keepNext: true,
    keepLines: true,
  };
}

/** A body paragraph with the customary two-character first-line indent. */
export function para(
  children: (Run | string)[],
  opts: { indent?: boolean; align?: Align; size?: SizeRole; keepNext?: boolean; before?: number } = {},
): Para {
  return {
    kind: 'para',
    runs: children.map((c) => (typeof c === 'string' ? { text: c } : c)),
    align: opts.align ?? 'justify',
    indent: opts.indent !== false,
    size: opts.size ?? 'body',
    face: 'fangsong',
    before: opts.before ?? 0,
    after: 0,
    keepNext: opts.keepNext ?? false,
    keepLines: false,
  };
}

/** A heading inside a document (一、二、…): bold, never the last line of a page. */
export function heading(text: string, size: SizeRole = 'body'): Para {
  return { ...para([run(text, { bold: true, size })], { indent: false, size }), keepNext: true, keepLines: true };
}

export function emptyLine(): Para {
  return { ...para([], { indent: false }), keepNext: true };
}

/**
 * The closing of a document: signature lines ("label：____", right-aligned), the date, and any note
 * beneath, kept together on one page and with the last line of the text above them.
 */
export function signatures(
  parties: { label: string; name?: string | null }[],
  date: string | null | undefined,
  after: Para[] = [],
): Para[] {
  return closing([
    emptyLine(),
    ...parties.map((p) => para([run(`${p.label}：`), blank(p.name ?? null, 8)], { indent: false, align: 'right' })),
    para([run(chineseDate(date), { keep: true })], { indent: false, align: 'right' }),
    ...after,
  ]);
}

/**
 * Lines that print together at the foot of a document (parties, seal, date, 一式两份 note), with the last
 * line of the text above them: never a lone signature, seal or date line on a new page. The left of a
 * right-aligned closing stays free (room for a query code printed beside it).
 */
export function closing(lines: Para[]): Para[] {
  return lines.map((l, i) => ({ ...l, keepLines: true, keepNext: i < lines.length - 1, withPrevious: i === 0 }));
}

/** The blocks as the renderers take them: a block followed by one bound to it keeps with its next. */
export function resolveKeeps(blocks: Block[]): Block[] {
  return blocks.map((b, i) => {
    const next = blocks[i + 1];
    return (next?.kind === 'para' || next?.kind === 'image') && next.withPrevious ? { ...b, keepNext: true } : b;
  });
}

/** An image with paragraphs to its right (see ImageBlock). */
export function imageBeside(
  image: { png: Uint8Array; width: number; height: number; alt: string },
  beside: Para[],
  opts: { gap?: number; before?: number; keepNext?: boolean } = {},
): ImageBlock {
  return {
    kind: 'image',
    ...image,
    beside,
    gap: opts.gap ?? 8,
    before: opts.before ?? 0,
    keepNext: opts.keepNext ?? false,
  };
}

/** 注：…一式两份… */
export function note(text: string): Para {
  return {
    ...para([run(`注：${text}`, { size: 'note' })], { indent: false, size: 'note', before: 8 }),
    keepLines: true,
  };
}

/**
 * A ruled table over the text width. `columns` are relative widths; each row gives its cells as text
 * (a cell may span several columns); `minHeight` (points) gives room for handwriting.
 * Without `align`, it is a form of label/value pairs: the labels (even columns) centred, values at the left.
 * With `align` (one per column), a data table: every cell of a column aligned alike; headers centred.
 */
export function table(
  columns: number[],
  rows: { cells: (string | { text: string; span: number })[]; header?: boolean; minHeight?: number }[],
  opts: { width?: number; align?: Align[]; keepNext?: boolean } = {},
): TableBlock {
  const width = opts.width ?? TEXT_WIDTH;
  const total = columns.reduce((a, b) => a + b, 0);
  const widths = columns.map((c) => (c / total) * width);
  return {
    kind: 'table',
    widths,
    keepNext: opts.keepNext ?? false,
    rows: rows.map((r) => {
      let col = 0;
      const cells = r.cells.map((c): Cell => {
        const { text, span } = typeof c === 'string' ? { text: c, span: 1 } : c;
        const align: Align = r.header
          ? 'center'
          : opts.align
            ? opts.align[col]
            : col % 2 === 0 && span === 1
              ? 'center'
              : 'left';
        col += span;
        return { text, span, align, bold: r.header ?? false };
      });
      return { cells, header: r.header ?? false, minHeight: r.minHeight };
    }),
  };
}
