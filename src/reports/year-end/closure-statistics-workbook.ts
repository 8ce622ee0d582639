import ExcelJS from 'exceljs';
import { localDate } from '../../domain/dates.js';
import type { ClosureSummary } from '../../services/annual-report-summary.js';
import { styleHeader } from '../../services/agent-workbook.js';
import { figureColumns, submissionText, summaryTitle } from './closure-statistics-table.js';
import type { FigureColumn, FigureLabels, Figures } from './closure-statistics-table.js';
import type { AnnualFigures } from '../../domain/year-end-carry-over.js';

/** The sheet of the 上年结转 lines, laid out as the main one. */
export const CARRY_OVER_SHEET = '上年结转';

/** Where the rows begin: title, note, group headings, column headings. */
export const CLOSURE_SHEET = { name: '结案统计表', headerRow: 4, firstDataRow: 5, totalLabel: '合计' } as const;

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };

/**
 * 附件7 案件结案统计表 for the whole city: one row a county (its accepted report's frozen figures; blank
 * while none is accepted), then 合计 over the accepted reports, with rates computed from the sums.
 */
export async function buildClosureWorkbook(
  summary: ClosureSummary,
  labels: FigureLabels,
  today: string,
): Promise<Buffer> {
  const { core, categories, sources } = figureColumns(labels);
  const figures: FigureColumn[] = [...core, ...categories, ...sources];
  const wb = new ExcelJS.Workbook();
  wb.creator = '平顶山市妇女信访代理工作管理系统';
  countySheet(wb, CLOSURE_SHEET.name, summary, figures, {
    title: summaryTitle(summary),
    note:
      `报送单位：各县（市、区）妇联　汇总：平顶山市妇联权益部　已审核通过 ${summary.acceptedCount}/${summary.lines.length} 个县（市、区）　导出日期：${today}` +
      '　口径：受理、状态、类别、来源按当年受理的案件；答复按当年终结的案件；各县数据为其审核通过版本上报时的快照；上年度统计表上报后的案件见「上年结转」表',
    pick: (f) => f,
    total: summary.total,
  });
  // 上年结转 (src/domain/year-end-carry-over.ts): the previous year after its 附件7 was frozen, on its own sheet
  countySheet(wb, CARRY_OVER_SHEET, summary, figures, {
    title: `${summaryTitle(summary)}——上年结转`,
    note:
      `${summary.year - 1}年度结案统计表上报冻结之后至${summary.year - 1}年12月31日受理（及终结、答复、申请复查）的案件，` +
      `未计入${summary.year - 1}年度任何已上报的统计表，按本年度统计日计算；不计入本年度自身数字　导出日期：${today}`,
    pick: (f) => f.carriedOver ?? null,
    total: summary.carriedOverTotal,
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function countySheet(
  wb: ExcelJS.Workbook,
  name: string,
  summary: ClosureSummary,
  figures: FigureColumn[],
  content: { title: string; note: string; pick: (f: AnnualFigures) => Figures | null; total: Figures },
) {
  const sheet = wb.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const width = figures.length + 4;
  sheet.columns = [
    { width: 12 },
    ...figures.map((c) => ({ width: c.width })),
    { width: 16 },
    { width: 18 },
    { width: 30 },
  ];

  sheet.mergeCells(1, 1, 1, width);
  sheet.getCell(1, 1).value = content.title;
  sheet.getCell(1, 1).font = { bold: true, size: 16 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.mergeCells(2, 1, 2, width);
  sheet.getCell(2, 1).value = content.note;

  const headings = ['县（市、区）', ...figures.map((c) => c.header), '上报情况', '上报时间', '备注'];
  const groups = ['', ...figures.map((c) => c.group), '上报', '上报', '上报'];
  sheet.getRow(3).values = groups;
  sheet.getRow(CLOSURE_SHEET.headerRow).values = headings;
  sheet.mergeCells(3, 1, CLOSURE_SHEET.headerRow, 1);
  sheet.getCell(3, 1).value = headings[0];
  for (let start = 2; start <= width;) {
    let end = start;
    while (end + 1 <= width && groups[end] === groups[start - 1]) end++;
    if (end > start) sheet.mergeCells(3, start, 3, end);
    start = end + 1;
  }
  styleHeader(sheet.getRow(3));
  styleHeader(sheet.getRow(CLOSURE_SHEET.headerRow));
  sheet.getRow(CLOSURE_SHEET.headerRow).alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };

  for (const line of summary.lines) {
    const f = line.accepted ? content.pick(line.accepted.figures) : null;
    sheet.addRow([
      line.countyName,
      ...figures.map((c) => (f ? c.value(f) : null)),
      submissionText(line),
      line.submittedAt ? localDate(new Date(line.submittedAt)) : null,
      line.accepted?.remarks ?? null,
    ]);
  }
  const total = sheet.addRow([
    CLOSURE_SHEET.totalLabel,
    ...figures.map((c) => c.value(content.total)),
    `${summary.acceptedCount}个已审核通过`,
    null,
    null,
  ]);
  total.font = { bold: true };
  for (let r = 3; r <= sheet.rowCount; r++) {
    sheet
      .getRow(r)
      .eachCell({ includeEmpty: true }, (cell) => (cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN }));
  }
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: CLOSURE_SHEET.headerRow }];
}
