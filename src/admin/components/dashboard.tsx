import { Box, H2, H4, Text } from '@adminjs/design-system';
import { ApiClient } from 'adminjs';
import {
  ArcElement,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import React, { useEffect, useState } from 'react';
import { Bar, Doughnut, Line } from 'react-chartjs-2';
import type { DashboardResponse } from '../dashboard/dashboard-handler.js';
import { FiguresPending } from './figures-pending.js';
import { chartOptions, monthlyDatasets, STANDARD_CHARTS, standardChart, targetText } from './dashboard-charts.js';
import type { CityFigure } from '../../domain/city-figures.js';
import { RATING_LABELS } from '../../domain/vocabulary.js';
import type {
  ClosureLine,
  CountyScore,
  DashboardData,
  SatisfactionLine,
  StandardInfo,
} from '../../reports/dashboard-data.js';

ChartJS.register(
  CategoryScale,
  LinearScale,
  BarElement,
  PointElement,
  LineController,
  LineElement,
  ArcElement,
  Tooltip,
  Legend,
);
ChartJS.defaults.font.family = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif';

const api = new ApiClient();

const TONE_COLOURS = { danger: '#c62828', warning: '#b26a00', info: '#1565c0' } as const;
const VERDICT_STYLE = {
  pass: { background: '#e6f4ea', color: '#1e6b34' },
  fail: { background: '#fdecea', color: '#b3261e' },
  none: { background: '#f2f2f2', color: '#777' },
};
const PALETTE = ['#3f6fd8', '#e07b39', '#3aa76d', '#c94c7c', '#8a63d2', '#d4a72c', '#4bb3c9', '#9e9e9e'];

const cardStyle: React.CSSProperties = {
  background: '#fff',
  borderRadius: 6,
  padding: 16,
  boxShadow: '0 1px 3px rgba(0,0,0,.08)',
};
const grid = (min: number): React.CSSProperties => ({
  display: 'grid',
  gridTemplateColumns: `repeat(auto-fill, minmax(${min}px, 1fr))`,
  gap: 16,
});

function formatMeasure(s: StandardInfo, v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  if (s.unit === '是/否') return v >= 1 ? '按时' : v > 0 ? `${Math.round(v * 100)}%按时` : '未按时';
  return s.unit === '%' ? `${v}%` : `${v}`;
}

function Verdict({
  standard,
  value,
  passed,
}: {
  standard: StandardInfo;
  value: number | null | undefined;
  passed: boolean | null | undefined;
}) {
  const style = passed === true ? VERDICT_STYLE.pass : passed === false ? VERDICT_STYLE.fail : VERDICT_STYLE.none;
  const title = passed === true ? '达标' : passed === false ? '未达标' : '不考核（无可考核对象或未到期）';
  return (
    <td
      title={title}
      style={{ ...style, padding: '6px 8px', textAlign: 'center', whiteSpace: 'nowrap', border: '1px solid #fff' }}
    >
      {formatMeasure(standard, value)}
    </td>
  );
}

function CityCell({ standard, figure }: { standard: StandardInfo; figure: CityFigure | undefined }) {
  const cell: React.CSSProperties = {
    padding: '6px 8px',
    textAlign: 'center',
    whiteSpace: 'nowrap',
    border: '1px solid #fff',
  };
  if (!figure) return <td style={{ ...cell, ...VERDICT_STYLE.none }}>—</td>;
  const met = `${figure.countiesMet} 县达标（共 ${figure.countiesAssessed} 县考核）`;
  if (figure.kind === 'rate') {
    const style =
      figure.passed === true ? VERDICT_STYLE.pass : figure.passed === false ? VERDICT_STYLE.fail : VERDICT_STYLE.none;
    return (
      <td style={{ ...cell, ...style }} title={`${figure.numerator ?? 0} ÷ ${figure.denominator ?? 0}；${met}`}>
        {formatMeasure(standard, figure.measure)}
      </td>
    );
  }
  if (figure.kind === 'count')
    return (
      <td style={{ ...cell, ...VERDICT_STYLE.none }} title={`全市合计；${met}`}>
        {figure.measure ?? '—'}
      </td>
    );
  return (
    <td style={{ ...cell, ...VERDICT_STYLE.none }} title={met}>
      {figure.countiesMet} 县达标
    </td>
  );
}

const RANK_HELP =
  '达标排名：按本表达标率（达标项数 ÷ 考核项数）从高到低排列，并列时比较达标项数与办结率；由数据自动计算，不是考评结果';
const EVALUATION_RANK_HELP = '考评名次：市妇联年度考评（考评菜单）确定的名次，含加减分与一票否决；尚未考评的为“—”';

function Scorecard({ data }: { data: DashboardData }) {
  const th: React.CSSProperties = {
    padding: '6px 8px',
    background: '#f5f6fa',
    fontWeight: 600,
    fontSize: 12,
    border: '1px solid #fff',
    verticalAlign: 'bottom',
  };
  const rows: (CountyScore | null)[] = [...data.counties, null];
  return (
    <div style={{ overflowX: 'auto' }}>
      <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: 13 }} data-testid="scorecard">
        <thead>
          <tr>
            <th style={th} title={RANK_HELP}>
              达标排名
            </th>
            <th style={th} title={EVALUATION_RANK_HELP}>
              考评名次
            </th>
            <th style={{ ...th, textAlign: 'left' }}>县（市、区）</th>
            <th style={th} title="达标项数 ÷ 考核项数（实际值为空的指标不考核）">
              达标项数
            </th>
            {data.standards.map((s) => (
              <th key={s.code} style={th} title={`${s.section}　${s.name}：${s.description}`}>
                {s.name}
                <div style={{ fontWeight: 400, color: '#666' }}>{targetText(s)}</div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((c) =>
            c ? (
              <tr key={c.countyId} data-testid={`scorecard-county-${c.countyId}`}>
                <td style={{ padding: '6px 8px', textAlign: 'center', fontWeight: 600 }}>{c.rank}</td>
                <td style={{ padding: '6px 8px', textAlign: 'center' }} data-testid="evaluation-rank">
                  {c.evaluationRank ?? '—'}
                </td>
                <td style={{ padding: '6px 8px', whiteSpace: 'nowrap' }}>{c.countyName}</td>
                <td style={{ padding: '6px 8px', textAlign: 'center' }}>
                  {c.standardsMet}/{c.standardsAssessed}
                </td>
                {data.standards.map((s) => (
                  <Verdict key={s.code} standard={s} value={c.measures[s.code]} passed={c.passed[s.code]} />
                ))}
              </tr>
            ) : (
              <tr key="city" style={{ borderTop: '2px solid #ccc' }} data-testid="scorecard-city">
                <td />
                <td />
                <td
                  style={{ padding: '6px 8px', fontWeight: 600 }}
                  title="各县（市、区）合并计算：比率为分子之和 ÷ 分母之和，与附件7 Excel 合计一致"
                >
                  全市
                </td>
                <td />
                {data.standards.map((s) => (
                  <CityCell key={s.code} standard={s} figure={data.city[s.code]} />
                ))}
              </tr>
            ),
          )}
        </tbody>
      </table>
      <Text mt="sm" style={{ fontSize: 12, color: '#666' }}>
        {measuringDay(data)}
        ：往年按当年12月31日、今年按今日，各案件按其自身日期计算。绿色达标，红色未达标，灰色不考核。达标排名按达标率（达标项数
        ÷
        考核项数）排列，并列时比较达标项数与办结率；考评名次取自市妇联年度考评。将鼠标停在列标题上可查看口径。案件指标按受理（或终结）年份计，代理员与证书指标按统计日计。
      </Text>
    </div>
  );
}

const CLOSURE_COLUMNS = [
  'accepted',
  'closureDue',
  'closed',
  'closureRate',
  'closedOnTime',
  'onTimeClosureRate',
  'terminated',
  'repeats',
] as const;

interface CountyColumn<L> {
  name: string;
  /** the header's hover text: what the figure counts */
  title?: string;
  value: (line: L) => React.ReactNode;
}

/** A figure table of the counties and, last and in bold, the city: a line each, a column a figure. */
function CountyTable<L extends { countyId: number | null; countyName: string }>({
  lines,
  columns,
  testId,
}: {
  lines: L[];
  columns: CountyColumn<L>[];
  testId: string;
}) {
  const cell: React.CSSProperties = { padding: '4px 8px', textAlign: 'center', borderBottom: '1px solid #f0f0f0' };
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: 13 }} data-testid={testId}>
      <thead>
        <tr>
          <th style={{ ...cell, textAlign: 'left' }}>县（市、区）</th>
          {columns.map((c) => (
            <th key={c.name} style={{ ...cell, cursor: c.title ? 'help' : undefined }} title={c.title}>
              {c.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.countyId ?? 'city'} style={line.countyId === null ? { fontWeight: 600 } : undefined}>
            <td style={{ ...cell, textAlign: 'left', whiteSpace: 'nowrap' }}>{line.countyName}</td>
            {columns.map((c) => (
              <td key={c.name} style={cell}>
                {c.value(line)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 办结情况: the closure figures of each county and the city, each header with its definition on hover. */
function ClosureTable({ data }: { data: DashboardData }) {
  const { counties, city, definitions } = data.closure;
  const show = (line: ClosureLine, key: (typeof CLOSURE_COLUMNS)[number]) => {
    const v = line[key];
    if (v === null) return '—';
    return key === 'closureRate' || key === 'onTimeClosureRate' ? `${v}%` : v;
  };
  return (
    <div style={{ ...cardStyle, marginBottom: 24, overflowX: 'auto' }}>
      <H4 mb="sm">办结情况（{measuringDay(data)}）</H4>
      <Text mb="sm" style={{ fontSize: 12, color: '#666' }} data-testid="not-in-annual-report">
        {data.year}年受理的案件中，尚未计入任何已上报结案统计表（附件7）的：{data.casesNotInAnnualReport}{' '}
        件（本年度统计表上报后受理或尚未上报；上报后受理的，计入{data.year + 1}年度统计表的「上年结转」栏）。
      </Text>
      <CountyTable
        testId="closure-table"
        lines={[...counties, city]}
        columns={CLOSURE_COLUMNS.map((k) => ({
          name: definitions[k].name,
          title: `${definitions[k].name}：${definitions[k].definition}`,
          value: (line: ClosureLine) => show(line, k),
        }))}
      />
    </div>
  );
}

/**
 * 信访人满意率 (条例第二十一条) by county and the city, by the year the reply was issued; each header with its
 * definition on hover. A 达标 column only once the city sets a target.
 */
function SatisfactionTable({ data }: { data: DashboardData }) {
  const { counties, city, targetPct, definitions } = data.satisfaction;
  const pct = (v: number | null) => (v === null ? '—' : `${v}%`);
  const columns: CountyColumn<SatisfactionLine>[] = [
    { name: definitions.replies.name, title: definitions.replies.definition, value: (l) => l.replies },
    { name: definitions.rated.name, title: definitions.rated.definition, value: (l) => l.rated },
    { name: RATING_LABELS.satisfied, value: (l) => l.satisfied },
    { name: RATING_LABELS.basically_satisfied, value: (l) => l.basicallySatisfied },
    { name: RATING_LABELS.dissatisfied, value: (l) => l.dissatisfied },
    {
      name: definitions.satisfactionRate.name,
      title: definitions.satisfactionRate.definition,
      value: (l) => pct(l.satisfactionRate),
    },
    { name: definitions.ratedRate.name, title: definitions.ratedRate.definition, value: (l) => pct(l.ratedRate) },
    ...(targetPct === null
      ? []
      : [
          {
            name: `达标（≥${targetPct}%）`,
            value: (l: SatisfactionLine) => (l.meetsTarget === null ? '—' : l.meetsTarget ? '达标' : '未达标'),
          },
        ]),
  ];
  return (
    <div style={{ ...cardStyle, marginBottom: 24, overflowX: 'auto' }}>
      <H4 mb="sm">信访人满意率（{data.year}年出具答复意见的案件）</H4>
      <Text mb="sm" style={{ fontSize: 12, color: '#666' }} data-testid="satisfaction-note">
        {targetPct === null
          ? '市妇联尚未设定满意率目标：仅作参考，不作达标判断，不计入创建标准。'
          : `市妇联设定的满意率目标为 ${targetPct}%。`}
      </Text>
      <CountyTable testId="satisfaction-table" lines={[...counties, city]} columns={columns} />
    </div>
  );
}

/** 统计截至 2025-12-31 for a past year, 截至今日 for this one. */
function measuringDay(data: DashboardData): string {
  return data.measuredToday ? `统计截至今日（${data.asOf}）` : `统计截至 ${data.asOf}`;
}

function ChartCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div style={cardStyle}>
      <H4 mb="md">{title}</H4>
      <div style={{ position: 'relative', height: 260 }}>{children}</div>
    </div>
  );
}

function Charts({ data }: { data: DashboardData }) {
  const doughnut = (rows: { label: string; count: number }[]) => ({
    labels: rows.map((r) => r.label),
    datasets: [{ data: rows.map((r) => r.count), backgroundColor: PALETTE }],
  });
  const pieOptions = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    plugins: { legend: { position: 'right' as const } },
  };
  const [closure, reply, coverage] = STANDARD_CHARTS.map((chart) => (
    <ChartCard key={chart.title} title={chart.title}>
      <Bar data={standardChart(data, chart) as never} options={chartOptions(true)} />
    </ChartCard>
  ));
  return (
    <div style={grid(420)}>
      {closure}
      {reply}
      <ChartCard title={`${data.year}年月度受理与终结案件`}>
        <Line data={monthlyDatasets(data.monthly)} options={chartOptions(false)} />
      </ChartCard>
      {coverage}
      <ChartCard title="事项类别（当年受理）">
        {data.categories.length ? (
          <Doughnut data={doughnut(data.categories)} options={pieOptions} />
        ) : (
          <Text>当年暂无案件</Text>
        )}
      </ChartCard>
      <ChartCard title="案件来源（当年受理）">
        {data.sources.length ? (
          <Doughnut data={doughnut(data.sources)} options={pieOptions} />
        ) : (
          <Text>当年暂无案件</Text>
        )}
      </ChartCard>
    </div>
  );
}

function Sections({ sections }: { sections: NonNullable<DashboardResponse['sections']> }) {
  if (!sections.length) return null;
  return (
    <div style={{ ...grid(360), marginBottom: 24 }}>
      {sections.map((s) => (
        <div key={s.id} style={cardStyle} data-testid={`home-section-${s.id}`}>
          <H4 mb="sm">
            {s.title}
            {s.total > 0 && <span style={{ fontWeight: 400, color: '#666' }}>（{s.total}）</span>}
          </H4>
          {s.rows.length === 0 ? (
            <Text style={{ color: '#777' }}>{s.empty}</Text>
          ) : (
            <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {s.rows.map((r, i) => (
                <li
                  key={i}
                  style={{
                    padding: '4px 0',
                    borderBottom: '1px solid #f0f0f0',
                    display: 'flex',
                    flexWrap: 'wrap',
                    justifyContent: 'space-between',
                    gap: '2px 12px',
                  }}
                >
                  <a href={r.href} style={{ flex: '1 1 12em' }}>
                    {r.label}
                  </a>
                  <span style={{ color: r.tone ? TONE_COLOURS[r.tone] : '#555', textAlign: 'right' }}>{r.detail}</span>
                </li>
              ))}
            </ul>
          )}
          {s.moreHref && (
            <div style={{ marginTop: 8, textAlign: 'right' }}>
              <a href={s.moreHref}>更多</a>
            </div>
          )}
        </div>
      ))}
    </div>
  );
}

/** The admin home: the user's to-do lists, then the county × creation-standard scorecard and charts (or Metabase). */
const Dashboard: React.FC = () => {
  const [year, setYear] = useState<number | null>(null);
  const [res, setRes] = useState<DashboardResponse | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    setFailed(false);
    api
      .getDashboard(year ? { params: { year } } : {})
      .then((r) => setRes(r.data as DashboardResponse))
      .catch(() => setFailed(true));
  }, [year]);

  if (failed) return <FiguresPending error="首页数据加载失败，请刷新重试。" />;
  if (!res || res.error) return <FiguresPending error={res?.error} />;
  const shownYear = res.data?.year ?? res.metabase?.year;
  const years = res.data?.years ?? res.metabase?.years ?? [];
  const single = res.data?.countyId != null;

  return (
    <Box variant="grey" data-testid="dashboard">
      <Sections sections={res.sections} />
      <Box style={{ ...cardStyle, marginBottom: 24 }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 16, flexWrap: 'wrap', marginBottom: 12 }}>
          <H2 mb="0">
            {single ? `${res.data?.counties[0]?.countyName ?? ''}创建标准达标情况` : '各县（市、区）创建标准达标情况'}
          </H2>
          <label>
            年度：
            <select value={shownYear} onChange={(e) => setYear(Number(e.target.value))} data-testid="year-select">
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}年
                </option>
              ))}
            </select>
          </label>
          {res.data && (
            <span data-testid="as-of" style={{ color: '#555' }}>
              {measuringDay(res.data)}
            </span>
          )}
        </div>
        {res.data && <Scorecard data={res.data} />}
      </Box>
      {res.data && <ClosureTable data={res.data} />}
      {res.data && <SatisfactionTable data={res.data} />}
      {res.data && <Charts data={res.data} />}
      {res.metabase?.urls.map((url) => (
        <iframe
          key={url}
          src={url}
          title="Metabase 仪表板"
          style={{ width: '100%', height: 900, border: 0, marginBottom: 16, background: '#fff' }}
        />
      ))}
    </Box>
  );
};

export default Dashboard;
