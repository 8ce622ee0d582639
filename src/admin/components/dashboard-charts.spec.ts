import { CREATION_STANDARDS } from '../../domain/creation-standards.js';
import type { DashboardData, StandardInfo } from '../../reports/dashboard-data.js';
import { chartOptions, monthlyDatasets, STANDARD_CHARTS, standardChart, targetLines } from './dashboard-charts.js';

const standards: StandardInfo[] = CREATION_STANDARDS.map(({ code, section, name, unit, comparison, target }) => ({
  code,
  section,
  name,
  unit,
  comparison,
  target,
  description: '',
}));
const data = (over: Partial<DashboardData> = {}) =>
  ({
    standards,
    counties: [
      { countyName: '新华区', measures: { closure_rate: 88.9, reply_on_time: 100, township_coverage: null } },
      { countyName: '卫东区', measures: { closure_rate: 95, reply_on_time: null, township_coverage: 50 } },
    ],
    city: { closure_rate: { measure: 91.3 } },
    monthly: [],
    ...over,
  }) as unknown as DashboardData;
type TargetLine = ReturnType<typeof targetLines>[number];
const isTarget = (d: object): d is TargetLine => 'type' in d && d.type === 'line';

describe('the dashboard charts', () => {
  it('draws the target of every standard a chart shows as a dashed line across all its bars', () => {
    for (const chart of STANDARD_CHARTS) {
      const { labels, datasets } = standardChart(data(), chart);
      const lines = datasets.filter(isTarget);
      const targets = new Set(chart.bars.map((b) => standards.find((s) => s.code === b.code)!.target));
      expect({ chart: chart.title, lines: lines.map((l) => l.data[0]) }).toEqual({
        chart: chart.title,
        lines: [...targets],
      });
      for (const l of lines) expect(l.data).toHaveLength(labels.length);
    }
    const [closure] = standardChart(data(), STANDARD_CHARTS[0]).datasets.filter(isTarget);
    expect(closure.label).toBe('目标 ≥90%');
    expect(standardChart(data(), STANDARD_CHARTS[0]).labels).toEqual(['新华区', '卫东区', '全市']);
  });

  it('gives standards of one chart with different targets a line each, named', () => {
    const changed = standards.map((s) => (s.code === 'certified_agents' ? { ...s, target: 95 } : s));
    const lines = targetLines(changed, ['township_coverage', 'certified_agents'], 3);
    expect(lines.map((l) => [l.label, l.data])).toEqual([
      ['目标 ≥100%（乡镇持证代理员覆盖率）', [100, 100, 100]],
      ['目标 ≥95%（代理员持证率）', [95, 95, 95]],
    ]);
    expect(targetLines(standards, ['township_coverage', 'certified_agents'], 1)[0].label).toBe(
      '目标 ≥100%（乡镇持证代理员覆盖率、代理员持证率）',
    );
  });

  it('leaves a month after the day measured empty, not 0', () => {
    const monthly = [
      { month: '2026-10', accepted: 5, concluded: 0 },
      { month: '2026-11', accepted: 2, concluded: 1 },
      { month: '2026-12', accepted: null, concluded: null },
    ];
    const { labels, datasets } = monthlyDatasets(monthly);
    expect(labels).toEqual(['10月', '11月', '12月']);
    expect(datasets.map((d) => [d.label, d.data, d.spanGaps])).toEqual([
      ['受理', [5, 2, null], false],
      ['终结', [0, 1, null], false],
    ]);
  });

  it('says % in a rate’s tooltip, and nothing after a missing value', () => {
    const label = (percent: boolean, y: number | null, name = '办结率') =>
      chartOptions(percent).plugins.tooltip.callbacks.label({ dataset: { label: name }, parsed: { y } });
    expect(label(true, 88.9)).toBe('办结率：88.9%');
    expect(label(true, 90, '目标 ≥90%')).toBe('目标 ≥90%：90%');
    expect(label(true, null)).toBe('办结率：—');
    expect(label(false, 12, '受理')).toBe('受理：12');
  });
});
