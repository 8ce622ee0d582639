import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { IMPORT_COLUMNS, type ImportRow } from '../domain/agent-import.js';

// The .xlsx files of the agent register: the import template, reading an uploaded sheet, the export.
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const TEXT_COLUMNS = new Set(['身份证号', '手机', '选聘日期']);

export function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center' };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  });
}

/** The template: the columns in order (ID number, phone and date as text so Excel keeps every digit), and how to fill them. */
export async function buildImportTemplate(townships: { name: string; villages: string[] }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('代理员名单');
  sheet.columns = IMPORT_COLUMNS.map((c) => ({
    header: c.header,
    key: c.field,
    width: c.header === '身份证号' ? 22 : c.header.includes('/') ? 18 : 14,
    style: TEXT_COLUMNS.has(c.header) ? { numFmt: '@' } : {},
  }));
  styleHeader(sheet.getRow(1));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const help = wb.addWorksheet('填写说明');
  help.columns = [{ width: 20 }, { width: 80 }];
  [
    ['姓名', '必填，2至20个汉字'],
    ['性别', '填“女”或“男”；不填时按身份证号码确定'],
    ['身份证号', '必填，18位，最后一位可为X；请以文本格式填写，避免末尾数字变成0'],
    ['手机', '必填，11位手机号码'],
    ['乡镇/街道', '必填，须与下列本县（市、区）乡镇（街道）名称完全一致'],
    ['村/社区', '选填，须属于所填乡镇（街道）'],
    ['选聘日期', '必填，格式如 2024-03-01，不能晚于今天'],
    ['', '从第2行起每行一名代理员；导入前系统先逐行检查，有任何一行错误则全部不导入。'],
  ].forEach((r) => help.addRow(r));
  help.addRow([]);
  help.addRow(['乡镇（街道）', '村（社区）']).font = { bold: true };
  for (const t of townships) help.addRow([t.name, t.villages.join('、')]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A cell as the clerk sees it: dates as YYYY-MM-DD, numbers without exponent, formulas by their result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date)
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value).trim();
}

/** The first sheet's header and rows; throws when the file is not a readable .xlsx. */
export async function readImportSheet(buffer: Buffer): Promise<{ headers: string[]; rows: ImportRow[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  if (!sheet) return { headers: [], rows: [] };
  const headerRow = sheet.getRow(1);
  const headers: string[] = [];
  const columnOf = new Map<string, number>();
  headerRow.eachCell((cell, col) => {
    const text = cellText(cell.value);
    headers.push(text);
    columnOf.set(text, col);
  });
  const rows: ImportRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const values = Object.fromEntries(
      IMPORT_COLUMNS.map((c) => [
        c.field,
        columnOf.has(c.header) ? cellText(row.getCell(columnOf.get(c.header)!).value) : '',
      ]),
    ) as Record<(typeof IMPORT_COLUMNS)[number]['field'], string>;
    rows.push({ row: r, ...values });
  }
  return { headers, rows };
}

export interface ExportColumn<T> {
  header: string;
  width: number;
  value: (row: T) => string | number | null;
}

/**
 * An export's columns in order, keyed by the field of the row each shows: its header and width. Kept as data,
 * in `<export>.columns.json` beside each export.
 */
export type ColumnTable = Record<string, { header: string; width: number }>;

/** A row of such an export: one value a column. */
export type RowOf<C extends ColumnTable> = { [K in keyof C]: string | number | null };

export function columnsOf<C extends ColumnTable>(table: C): ExportColumn<RowOf<C>>[] {
  return Object.entries(table).map(([field, { header, width }]) => ({ header, width, value: (row) => row[field] }));
}

/** One sheet with a bold header row, text cells as given. */
export async function buildSheet<T>(
  title: string,
  columns: ExportColumn<T>[],
  rows: Iterable<T> | AsyncIterable<T>,
): Promise<Buffer> {
  // written row by row into the zip as it goes (exceljs' streaming writer): a 20,000-row register costs
  // the server a few MB, not the 300 MB a workbook held whole in memory takes
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  const sheet = wb.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  styleHeader(sheet.getRow(1));
  for await (const row of rows) sheet.addRow(columns.map((c) => c.value(row))).commit();
  sheet.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}
