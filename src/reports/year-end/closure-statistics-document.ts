import { localDate } from '../../domain/dates.js';
import type { ClosureSummary } from '../../services/annual-report-summary.js';
import { chineseDate, LANDSCAPE_TEXT_WIDTH, para, renderDocument, run, table, title } from '../document-layout.js';
import {
  figureColumns,
  submissionText,
  summaryTitle,
  type FigureColumn,
  type FigureLabels,
  type Figures,
} from './closure-statistics-table.js';

const cellText = (v: number | null | undefined) => (v == null ? '' : String(v));

/** One ruled table: 县（市、区） down the side, the columns across, 合计 at the foot. */
function countyTable(
  summary: ClosureSummary,
  columns: FigureColumn[],
  extra?: { header: string; value: (i: number) => string },
) {
  const header = ['县（市、区）', ...columns.map((c) => c.header), ...(extra ? [extra.header] : [])];
  const rowOf = (name: string, f: Figures | null, more: string[]) => ({
    cells: [name, ...columns.map((c) => (f ? cellText(c.value(f)) : '')), ...more],
  });
  return table(
    [3, ...columns.map(() => 2), ...(extra ? [4] : [])],
    [
      { cells: header, header: true },
      ...summary.lines.map((l, i) => rowOf(l.countyName, l.accepted?.figures ?? null, extra ? [extra.value(i)] : [])),
      rowOf('合计', summary.total, extra ? [`${summary.acceptedCount}个已审核通过`] : []),
    ],
    LANDSCAPE_TEXT_WIDTH,
  );
}

/** 附件7 汇总 as a Word file: landscape A4, the figures in three tables (办理情况, 类别, 来源). */
export function buildClosureDocument(summary: ClosureSummary, labels: FigureLabels, today: string): Promise<Buffer> {
  const { core, categories, sources } = figureColumns(labels);
  const submitted = (i: number) => {
    const line = summary.lines[i];
    const when = line.submittedAt ? ` ${localDate(new Date(line.submittedAt))}` : '';
    return `${submissionText(line)}${when}`;
  };
  return renderDocument({ title: summaryTitle(summary), landscape: true }, [
    title(summaryTitle(summary)),
    para(
      [
        run(
          `汇总单位：平顶山市妇联权益部\u3000\u3000统计截止：${chineseDate(`${summary.year}-12-31`)}\u3000\u3000制表日期：${chineseDate(today)}`,
          {},
          24,
        ),
      ],
      { indent: false },
    ),
    para([run('一、案件办理情况', { bold: true }, 28)], { indent: false }),
    countyTable(summary, core, { header: '上报情况', value: submitted }),
    para([run('二、案件类别', { bold: true }, 28)], { indent: false }),
    countyTable(summary, categories),
    para([run('三、案件来源', { bold: true }, 28)], { indent: false }),
    countyTable(summary, sources),
    para(
      [
        run(
          '注：各县（市、区）数据为其审核通过版本上报时的快照；合计为已审核通过各县之和，办结率、按时答复率按合计数重新计算。',
          {},
          24,
        ),
      ],
      { indent: false },
    ),
  ]);
}
