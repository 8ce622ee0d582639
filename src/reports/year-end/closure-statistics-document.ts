import type { AnnualFigures } from '../../domain/year-end-carry-over.js';
import type { ClosureSummary } from '../../services/annual-report-summary.js';
import {
  chineseDate,
  heading,
  LANDSCAPE,
  LANDSCAPE_TEXT_WIDTH,
  para,
  run,
  table,
  title,
  type Align,
} from '../document-layout.js';
import { renderDocument } from '../word-document.js';
import { figureColumns, submissionText, summaryTitle } from './closure-statistics-table.js';
import type { FigureColumn, FigureLabels, Figures } from './closure-statistics-table.js';

const cellText = (v: number | null | undefined) => (v == null ? '' : String(v));

/**
 * One ruled table: 县（市、区） down the side, the columns across, 合计 at the foot. Every figure is centred,
 * the county names at the left; the header row repeats on a following page.
 */
function countyTable(
  summary: ClosureSummary,
  columns: FigureColumn[],
  extra?: { header: string; width: number; value: (i: number) => string },
  /** which figures of a county's accepted report, and their 合计: the year's own unless told */
  part: { of: (f: AnnualFigures) => Figures | null | undefined; total: Figures } = {
    of: (f) => f,
    total: summary.total,
  },
) {
  // a heading's parenthesis (来电（含12338妇女维权热线）) goes to the note beneath: the row stays low
  const header = [
    '县（市、区）',
    ...columns.map((c) => c.header.replace(/（.*）$/, '')),
    ...(extra ? [extra.header] : []),
  ];
  const rowOf = (name: string, f: Figures | null, more: string[]) => ({
    cells: [name, ...columns.map((c) => (f ? cellText(c.value(f)) : '')), ...more],
  });
  const align: Align[] = ['left', ...columns.map((): Align => 'center'), ...(extra ? ['left' as const] : [])];
  return table(
    [7, ...columns.map((c) => c.width), ...(extra ? [extra.width] : [])],
    [
      { cells: header, header: true },
      ...summary.lines.map((l, i) =>
        rowOf(l.countyName, (l.accepted && part.of(l.accepted.figures)) ?? null, extra ? [extra.value(i)] : []),
      ),
      rowOf('合计', part.total, extra ? [`${summary.acceptedCount}个已审核通过`] : []),
    ],
    { width: LANDSCAPE_TEXT_WIDTH, align },
  );
}

/** the first table: accepted, states and closure (办结) — the rest goes beside the categories and sources */
const handling = (c: FigureColumn) => ['受理', '办理状态', '办结'].includes(c.group);

/**
 * 附件7 汇总 as a Word file: landscape A4 in 小五, the figures in two tables (办理情况 with each county's
 * 上报情况; 类别 and 来源 side by side), so the ten counties of the city fit one page.
 */
export function buildClosureDocument(summary: ClosureSummary, labels: FigureLabels, today: string): Promise<Buffer> {
  const { core, categories, sources } = figureColumns(labels);
  return renderDocument({
    title: summaryTitle(summary),
    page: LANDSCAPE,
    scale: 'statistics',
    blocks: [
      title(summaryTitle(summary)),
      para(
        [
          run(
            `汇总单位：平顶山市妇联权益部\u3000\u3000统计截止：${chineseDate(`${summary.year}-12-31`)}\u3000\u3000制表日期：${chineseDate(today)}`,
          ),
        ],
        { indent: false },
      ),
      heading('一、案件受理与办结'),
      countyTable(
        summary,
        core.filter(handling).map((c) => ({ ...c, width: c.header.includes('率') ? 8 : 6 })),
        { header: '上报情况', width: 12, value: (i) => submissionText(summary.lines[i]) },
      ),
      heading('二、答复、复查与重点案件，案件类别与来源'),
      countyTable(
        summary,
        [...core.filter((c) => !handling(c)), ...categories, ...sources].map((c) => ({ ...c, width: 5 })),
      ),
      ...carriedOverBlocks(summary, core),
      para(
        [
          run(
            '注：各县（市、区）数据为其审核通过版本上报时的快照；合计为已审核通过各县之和，各率按合计数计算；应办结不含仍在办理期限内的案件；来电含12338妇女维权热线。',
            { size: 'note' },
          ),
        ],
        { indent: false, size: 'note' },
      ),
    ],
  });
}

/**
 * 上年结转 (src/domain/year-end-carry-over.ts): the previous year after its 附件7 was frozen, one line a
 * county, shown only when an accepted report carries anything.
 */
function carriedOverBlocks(summary: ClosureSummary, core: FigureColumn[]) {
  if (!summary.lines.some((l) => l.accepted?.figures.carriedOver)) return [];
  return [
    heading(`三、上年结转（${summary.year - 1}年度统计表上报后的案件，按本年度统计日计算）`),
    countyTable(
      summary,
      core.filter(handling).map((c) => ({ ...c, width: c.header.includes('率') ? 8 : 6 })),
      undefined,
      { of: (f) => f.carriedOver, total: summary.carriedOverTotal },
    ),
  ];
}
