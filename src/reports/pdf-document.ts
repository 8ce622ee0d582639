// The PDF renderer of a document described in document-layout.ts: the same blocks the Word renderer draws,
// laid out here with the embedded font's own metrics (lines broken between characters, never inside a word,
// a number or a kept run, no line beginning with a closing mark), paginated on A4 with the same keeps as
// Word (keepNext, keepLines, rows never split, the header row repeated).
import { rgb, setCharacterSpacing, type PDFDocument, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import { CELL_PADDING, PORTRAIT, renderBlock, resolveKeeps, textWidth, TYPE_SCALES } from './document-layout.js';
import type {
  Align,
  Block,
  DocumentSpec,
  ImageBlock,
  PageSpec,
  Para,
  Run,
  TableBlock,
  TypeScale,
} from './document-layout.js';
import type { PdfFonts } from './pdf-fonts.js';

const BLACK = rgb(0, 0, 0);
/** where the baseline sits in a line of text, as a share of the size below the top of the glyphs */
const ASCENT = 0.88;
/** marks that never begin a line, and those that never end one (GB/T 15834 标点符号用法) */
const NO_START = new Set('，。、；：？！）》」』”’％%…—·,.;:?!)]}');
const NO_END = new Set('（《「『“‘([{');

interface Piece {
  text: string;
  font: PDFFont;
  size: number;
  underline: boolean;
  width: number;
}
/** the smallest thing a line is broken around: a character, a word or number, a kept run, with its marks */
type Unit = Piece[];
interface Line {
  units: Unit[];
  width: number;
}

const unitWidth = (u: Unit) => u.reduce((a, p) => a + p.width, 0);

/** advance widths per font and character, at 1 pt (pdf-lib shapes the text on every call: slow) */
const advances = new WeakMap<PDFFont, Map<string, number>>();
function measure(font: PDFFont, text: string, size: number): number {
  let known = advances.get(font);
  if (!known) advances.set(font, (known = new Map()));
  let width = 0;
  for (const ch of text) {
    let w = known.get(ch);
    if (w === undefined) known.set(ch, (w = font.widthOfTextAtSize(ch, 1)));
    width += w;
  }
  return width * size;
}

function units(runs: { run: Run; font: PDFFont; size: number }[]): Unit[] {
  const out: Unit[] = [];
  for (const { run, font, size } of runs) {
    const piece = (text: string): Piece => ({
      text,
      font,
      size,
      underline: run.underline ?? false,
      width: measure(font, text, size),
    });
    const parts = run.keep ? [run.text] : (run.text.match(/[A-Za-z0-9]+(?:[.\-/:][A-Za-z0-9]+)*|[\s\S]/gu) ?? []);
    for (const part of parts) out.push([piece(part)]);
  }
  // marks cling to their neighbours
  const merged: Unit[] = [];
  for (const u of out) {
    const first = u[0].text[0];
    const prev = merged[merged.length - 1];
    const prevLast = prev?.[prev.length - 1].text.slice(-1);
    if (prev && (NO_START.has(first) || (prevLast !== undefined && NO_END.has(prevLast)))) prev.push(...u);
    else merged.push(u);
  }
  return merged;
}

/** Greedy line filling; a unit wider than a whole line is split between its characters. */
function breakLines(all: Unit[], first: number, rest: number): Line[] {
  const lines: Line[] = [];
  let line: Line = { units: [], width: 0 };
  const avail = () => (lines.length ? rest : first);
  const push = (u: Unit) => {
    const w = unitWidth(u);
    if (line.units.length && line.width + w > avail() + 0.01) {
      lines.push(line);
      line = { units: [], width: 0 };
    }
    line.units.push(u);
    line.width += w;
  };
  for (const u of all) {
    if (unitWidth(u) > rest && u.length === 1 && u[0].text.length > 1) {
      for (const ch of u[0].text) push([{ ...u[0], text: ch, width: measure(u[0].font, ch, u[0].size) }]);
    } else push(u);
  }
  if (line.units.length || !lines.length) lines.push(line);
  return lines;
}

/**
 * Draws one line at (x, baseline). A justified line is spread over the width by character spacing (as Word
 * spreads a CJK line); the pieces of one font and size go out in one text operation (pdf-lib shapes the
 * text of every call, so fewer calls are much faster).
 */
function drawLine(page: PDFPage, line: Line, x: number, baseline: number, width: number, align: Align, last: boolean) {
  const pieces = line.units.flat();
  const chars = pieces.reduce((a, p) => a + [...p.text].length, 0);
  let spacing = 0;
  let cx = x;
  if (align === 'center') cx += (width - line.width) / 2;
  else if (align === 'right') cx += width - line.width;
  else if (align === 'justify' && !last && chars > 1) {
    const g = (width - line.width) / (chars - 1);
    if (g > 0 && g < 6) spacing = g;
  }
  if (spacing) page.pushOperators(setCharacterSpacing(spacing));
  for (let i = 0; i < pieces.length;) {
    let j = i + 1;
    while (j < pieces.length && pieces[j].font === pieces[i].font && pieces[j].size === pieces[i].size) j++;
    const group = pieces.slice(i, j);
    const text = group.map((p) => p.text).join('');
    if (text.trim())
      page.drawText(text, { x: cx, y: baseline, size: group[0].size, font: group[0].font, color: BLACK });
    for (const p of group) {
      const w = p.width + spacing * [...p.text].length;
      if (p.underline) {
        const y = baseline - p.size * 0.15;
        page.drawLine({ start: { x: cx, y }, end: { x: cx + w, y }, thickness: 0.5, color: BLACK });
      }
      cx += w;
    }
    i = j;
  }
  if (spacing) page.pushOperators(setCharacterSpacing(0));
}

/** Something placed on a page: its height and how it draws itself with its top at `top`. */
interface Item {
  height: number;
  draw: (page: PDFPage, left: number, top: number) => void;
  /** on the same page as the next item */
  glue: boolean;
  /** the table header rows to repeat when this row starts a page */
  repeat?: Item[];
}

interface Context {
  fonts: PdfFonts;
  scale: TypeScale;
  width: number;
  /** the document's images, embedded before the layout */
  images: Map<Uint8Array, PDFImage>;
}

function paraItems(p: Para, c: Context): Item[] {
  const size = c.scale[p.size];
  const lineHeight = p.size === 'title' ? size * 1.5 : p.size === 'body' ? c.scale.line : size * 1.4;
  const fontOf = (r: Run) => (r.bold || p.face === 'song' ? c.fonts.bold : c.fonts.regular);
  const indent = p.indent ? 2 * size : 0;
  const us = units(p.runs.map((run) => ({ run, font: fontOf(run), size: c.scale[run.size ?? p.size] })));
  const lines = breakLines(us, c.width - indent, c.width);
  const lineItem = (line: Line, i: number): Item => ({
    height: lineHeight + (i === 0 ? p.before : 0) + (i === lines.length - 1 ? p.after : 0),
    glue: false,
    draw: (page, left, top) => {
      const y = top - (i === 0 ? p.before : 0);
      const baseline = y - (lineHeight - size) / 2 - size * ASCENT;
      const x = left + (i === 0 ? indent : 0);
      drawLine(page, line, x, baseline, c.width - (i === 0 ? indent : 0), p.align, i === lines.length - 1);
    },
  });
  const items = lines.map(lineItem);
  // a paragraph kept whole, or widow and orphan control: never one line of it alone on a page
  items.forEach((item, i) => {
    item.glue = p.keepLines || lines.length <= 3 || i === 0 || i === lines.length - 2;
    if (i === lines.length - 1) item.glue = p.keepNext;
  });
  return items;
}

function tableItems(t: TableBlock, c: Context): Item[] {
  const size = c.scale.table;
  const lineHeight = size * c.scale.tableLine;
  const rows = t.rows.map((r): Item => {
    let col = 0;
    const cells = r.cells.map((cell) => {
      const x = t.widths.slice(0, col).reduce((a, b) => a + b, 0);
      const w = t.widths.slice(col, col + cell.span).reduce((a, b) => a + b, 0);
      col += cell.span;
      const inner = w - 2 * CELL_PADDING.x;
      const font = cell.bold ? c.fonts.bold : c.fonts.regular;
      const layout = (s: number) =>
        cell.text.split('\n').map((text) => breakLines(units([{ run: { text }, font, size: s }]), inner, inner));
      // a number (an ID number, a date) is never broken in a cell: the size shrinks until it fits
      let s = size;
      const widest = () => Math.max(0, ...units([{ run: { text: cell.text }, font, size: s }]).map(unitWidth));
      while (s > 6 && widest() > inner) s -= 0.5;
      const lines = layout(s).flat();
      return { x, w, lines, size: s, align: cell.align };
    });
    const textHeight = Math.max(...cells.map((cell) => cell.lines.length * cell.size * c.scale.tableLine));
    const height = Math.max(textHeight + 2 * CELL_PADDING.y + 2, r.minHeight ?? 0, lineHeight + 2 * CELL_PADDING.y);
    return {
      height,
      glue: r.header,
      draw: (page, left, top) => {
        for (const cell of cells) {
          page.drawRectangle({
            x: left + cell.x,
            y: top - height,
            width: cell.w,
            height,
            borderColor: BLACK,
            borderWidth: 0.5,
          });
          const lh = cell.size * c.scale.tableLine;
          let y = top - (height - cell.lines.length * lh) / 2;
          cell.lines.forEach((line) => {
            const baseline = y - (lh - cell.size) / 2 - cell.size * ASCENT;
            drawLine(
              page,
              line,
              left + cell.x + CELL_PADDING.x,
              baseline,
              cell.w - 2 * CELL_PADDING.x,
              cell.align,
              true,
            );
            y -= lh;
          });
        }
      },
    };
  });
  const headers = rows.filter((_, i) => t.rows[i].header);
  rows.forEach((r, i) => {
    if (!t.rows[i].header) r.repeat = headers;
  });
  if (rows.length) rows[rows.length - 1].glue = t.keepNext;
  return rows;
}

/** The image and the paragraphs to its right, top-aligned, as one item (never split). */
function imageItems(b: ImageBlock, c: Context): Item[] {
  const image = c.images.get(b.png)!;
  const offset = b.width + b.gap;
  const beside = b.beside.flatMap((p) => paraItems(p, { ...c, width: c.width - offset }));
  const height =
    b.before +
    Math.max(
      b.height,
      beside.reduce((a, it) => a + it.height, 0),
    );
  return [
    {
      height,
      glue: b.keepNext,
      draw: (page, left, top) => {
        const y = top - b.before;
        page.drawImage(image, { x: left, y: y - b.height, width: b.width, height: b.height });
        let used = 0;
        for (const it of beside) {
          it.draw(page, left + offset, y - used);
          used += it.height;
        }
      },
    },
  ];
}

function blockItems(b: Block, c: Context): Item[] {
  return renderBlock(b, {
    para: (p) => paraItems(p, c),
    table: (t) => tableItems(t, c),
    image: (i) => imageItems(i, c),
  });
}

/** Lays a document out and draws it onto new pages of `doc`; returns the pages it added. */
export async function drawDocument(doc: PDFDocument, fonts: PdfFonts, spec: DocumentSpec): Promise<PDFPage[]> {
  const pageSpec: PageSpec = spec.page ?? PORTRAIT;
  const images = new Map<Uint8Array, PDFImage>();
  for (const b of spec.blocks)
    if (b.kind === 'image' && !images.has(b.png)) images.set(b.png, await doc.embedPng(b.png));
  const c: Context = { fonts, scale: TYPE_SCALES[spec.scale ?? 'official'], width: textWidth(pageSpec), images };
  const items = resolveKeeps(spec.blocks).flatMap((b) => blockItems(b, c));
  const avail = pageSpec.height - pageSpec.margin.top - pageSpec.margin.bottom;
  const pages: PDFPage[] = [];
  let page: PDFPage | null = null;
  let used = 0;
  const newPage = () => {
    page = doc.addPage([pageSpec.width, pageSpec.height]);
    pages.push(page);
    used = 0;
    return page;
  };
  const place = (item: Item) => {
    const p = page ?? newPage();
    item.draw(p, pageSpec.margin.left, pageSpec.height - pageSpec.margin.top - used);
    used += item.height;
  };
  for (let i = 0; i < items.length;) {
    // the chain of items glued together from here
    let end = i;
    while (items[end].glue && end + 1 < items.length) end++;
    const chain = items.slice(i, end + 1);
    const height = chain.reduce((a, it) => a + it.height, 0);
    if (page && used > 0 && used + height > avail && height <= avail) newPage();
    for (const item of chain) {
      if (page && used > 0 && used + item.height > avail) {
        newPage();
        for (const h of item.repeat ?? []) place(h);
      }
      place(item);
    }
    i = end + 1;
  }
  if (!pages.length) newPage();
  return pages;
}
