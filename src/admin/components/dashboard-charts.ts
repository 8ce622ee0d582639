import type { DashboardData, StandardInfo } from '../../reports/dashboard-data.js';

// What the dashboard's charts draw, apart from React so that a spec can read it: every chart of a
// creation standard with a target carries the target as a dashed line; months after the day measured
// stay empty (null: no point, no line to 0); a rate's tooltip says %.

/** The target as the scorecard's header writes it: ≥90%, ≤0件, 按时上报. */
export function targetText(s: StandardInfo): string {
  if (s.unit === '是/否') return '按时上报';
  return `${s.comparison === '>=' ? '≥' : '≤'}${s.target}${s.unit === '%' ? '%' : s.unit}`;
}

/** One tooltip line: the series, its value, % for a rate; no value, no % (— only). */
export function tooltipText(label: string | undefined, value: number | null | undefined, percent: boolean): string {
  if (value === null || value === undefined) return `${label ?? ''}：—`;
  return `${label ?? ''}：${value}${percent ? '%' : ''}`;
}

export const chartOptions = (percent: boolean) => ({
  responsive: true,
  maintainAspectRatio: false,
  animation: false as const,
  plugins: {
    legend: { position: 'bottom' as const },
    tooltip: {
      callbacks: {
        label: (ctx: { dataset: { label?: string }; parsed: { y: number | null } }) =>
          tooltipText(ctx.dataset.label, ctx.parsed.y, percent),
      },
    },
  },
  scales: percent
    ? { y: { min: 0, max: 100, ticks: { callback: (v: string | number) => `${v}%` } } }
    : { y: { beginAtZero: true } },
});

/**
 * The pass marks of the standards a chart shows, as dashed lines across its bars: one line a distinct
 * target (two standards with the same target share it).
 */
export function targetLines(standards: readonly StandardInfo[], codes: readonly string[], points: number) {
  const shown = codes.flatMap((code) => standards.filter((s) => s.code === code));
  const byTarget = new Map<number, StandardInfo[]>();
  for (const s of shown) byTarget.set(s.target, [...(byTarget.get(s.target) ?? []), s]);
  return [...byTarget.values()].map((group) => ({
    type: 'line' as const,
    label: `目标 ${targetText(group[0])}${shown.length > 1 ? `（${group.map((s) => s.name).join('、')}）` : ''}`,
    data: Array.from({ length: points }, () => group[0].target),
    borderColor: '#c62828',
    borderDash: [6, 4],
    borderWidth: 1.5,
    pointRadius: 0,
    fill: false,
  }));
}

/** The monthly trend: a month after the day measured has no value (null), so the line stops there. */
export function monthlyDatasets(monthly: DashboardData['monthly']) {
  return {
    labels: monthly.map((m) => `${Number(m.month.slice(5))}月`),
    datasets: [
      { label: '受理', data: monthly.map((m) => m.accepted), borderColor: '#3f6fd8', backgroundColor: '#3f6fd8' },
      { label: '终结', data: monthly.map((m) => m.concluded), borderColor: '#e07b39', backgroundColor: '#e07b39' },
    ].map((d) => ({ ...d, spanGaps: false })),
  };
}

/** The charts of creation standards: title, the standards drawn as bars (each with its target line). */
export const STANDARD_CHARTS = [
  { title: '办结率（%）', bars: [{ code: 'closure_rate', label: '办结率', colour: '#3f6fd8' }] },
  { title: '7日内出具答复意见率（%）', bars: [{ code: 'reply_on_time', label: '7日内答复率', colour: '#3aa76d' }] },
  {
    title: '代理员持证覆盖（%）',
    bars: [
      { code: 'township_coverage', label: '乡镇覆盖率', colour: '#8a63d2' },
      { code: 'certified_agents', label: '代理员持证率', colour: '#4bb3c9' },
    ],
  },
] as const;

/** A standard chart's bars (the counties, then 全市 in grey when it is one series) and its target lines. */
export function standardChart(data: DashboardData, chart: (typeof STANDARD_CHARTS)[number]) {
  const labels = [...data.counties.map((c) => c.countyName), '全市'];
  const single = chart.bars.length === 1;
  const bars = chart.bars.map((b) => ({
    label: b.label,
    data: [...data.counties.map((c) => c.measures[b.code] ?? null), data.city[b.code]?.measure ?? null],
    backgroundColor: single ? [...data.counties.map(() => b.colour), '#9e9e9e'] : b.colour,
  }));
  return {
    labels,
    datasets: [
      ...bars,
      ...targetLines(
        data.standards,
        chart.bars.map((b) => b.code),
        labels.length,
      ),
    ],
  };
}
