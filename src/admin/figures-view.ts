import type { CaseFigures } from '../domain/case-statistics.js';
import type { EvaluationItem } from '../domain/evaluation-policy.js';
import { RATING_LABELS } from '../domain/vocabulary.js';
import { CARRY_OVER_DEFINITION, type AnnualFigures } from '../domain/year-end-carry-over.js';
import { figureColumns } from '../reports/year-end/closure-statistics-table.js';
import { ENUM_LABELS } from './locale/enums.js';

// Read-only tables on a record's page, as the HTML of a virtual `richtext` property (AdminJS shows it
// through its xss filter, which keeps plain tables).

export const FIGURE_LABELS = { category: ENUM_LABELS.case_category, source: ENUM_LABELS.case_source };

const esc = (v: unknown) => String(v ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const tableOf = (head: string[], rows: unknown[][]) =>
  `<table border="1"><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;

/**
 * The figures of 附件6/附件7 as one table: group, item, number; with `satisfaction` (附件6), the period's
 * ratings and 满意率 too (figures taken before ratings were counted show none).
 */
export function figuresHtml(
  f: CaseFigures | null | undefined,
  note: string,
  opts: { satisfaction?: boolean } = {},
): string {
  if (!f || typeof f.accepted !== 'number') return '';
  const { core, categories, sources } = figureColumns(FIGURE_LABELS);
  const rows = [...core, ...categories, ...sources].map((c) => [c.group, c.header, c.value(f) ?? '—']);
  if (opts.satisfaction && f.replies !== undefined)
    rows.push(
      ['信访人评价', '出具答复意见', f.replies],
      ['信访人评价', '已评价', f.rated ?? 0],
      ['信访人评价', RATING_LABELS.satisfied, f.satisfied ?? 0],
      ['信访人评价', RATING_LABELS.basically_satisfied, f.basicallySatisfied ?? 0],
      ['信访人评价', RATING_LABELS.dissatisfied, f.dissatisfied ?? 0],
      ['信访人评价', '满意率(%)', f.satisfactionRate ?? '—'],
    );
  const own = `<p>${esc(note)}（统计期间 ${esc(f.period.from)} 至 ${esc(f.period.to)}，统计日 ${esc(f.asOf)}）</p>${tableOf(['类别', '项目', '数值'], rows)}`;
  const carried = (f as AnnualFigures).carriedOver;
  if (!carried) return own;
  // 上年结转 (src/domain/year-end-carry-over.ts): the previous year after its 附件7 was frozen, apart
  const carriedRows = core.map((c) => [c.group, c.header, c.value(carried) ?? '—']);
  return `${own}<p>${esc(CARRY_OVER_DEFINITION.name)}（${esc(carried.period.from)} 至 ${esc(carried.period.to)}，统计日 ${esc(carried.asOf)}）：${esc(CARRY_OVER_DEFINITION.definition)}</p>${tableOf(['类别', '项目', '数值'], carriedRows)}`;
}

/** 考评 items: measured value, proposal, score, and every adjustment with its reason. */
export function evaluationHtml(items: EvaluationItem[]): string {
  if (!items.length) return '';
  const rows = items.map((i) => [
    i.name,
    i.measure == null ? '无考核对象' : `${i.measure}${i.unit === '是/否' ? '' : i.unit}`,
    i.target == null ? '' : `${i.target}`,
    `${i.min}～${i.max}`,
    i.prefilled,
    i.score,
    [
      i.note,
      ...i.adjustments.map((a) => `${a.at.slice(0, 10)} ${a.byEmail ?? ''} 由${a.from}分调整：${a.reason}`),
    ].join('；'),
  ]);
  return tableOf(['考评项目', '实际值', '目标', '分值范围', '系统预填', '得分', '说明 / 调整记录'], rows);
}
