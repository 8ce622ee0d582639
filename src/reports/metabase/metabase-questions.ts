import { CASE_FIGURE_DEFINITIONS } from '../../domain/case-statistics.js';
import { CREATION_STANDARDS, type StandardCode } from '../../domain/creation-standards.js';
import { COUNTY_PARAMETER, YEAR_PARAMETER } from './metabase-embed.js';

// The Metabase collection, native-SQL questions and dashboards that `npm run metabase:provision`
// creates or updates. Every question reads the reporting views only (docs/reporting.md).
// {{county}} is locked by the embedding token; {{year}} defaults to this year:
// COALESCE(NULL [[, {{year}}]], …) drops the optional part when no year is chosen.

export const COLLECTION_NAME = '妇女信访代理工作考评';
export const DATABASE_NAME = '妇女信访代理 报表库（只读）';

const YEAR = `COALESCE(NULL [[, {{${YEAR_PARAMETER}}}]], extract(year FROM reporting.today())::int)`;
const COUNTY = `[[AND county_id = {{${COUNTY_PARAMETER}}}]]`;

export type Display = 'table' | 'bar' | 'line' | 'pie';

export interface QuestionSpec {
  name: string;
  description: string;
  display: Display;
  sql: string;
  /** template tags the SQL uses, wired to the dashboard parameters of the same name */
  tags: (typeof COUNTY_PARAMETER | typeof YEAR_PARAMETER)[];
  visualization: Record<string, unknown>;
}

export interface DashboardSpec {
  name: string;
  description: string;
  questions: QuestionSpec[];
}

const bar = (dimension: string, ...metrics: string[]) => ({
  'graph.dimensions': [dimension],
  'graph.metrics': metrics,
});

/**
 * A bar chart of creation standards with the standards' pass mark as its goal line (Metabase draws one
 * goal a chart: the standards drawn together share their target).
 */
const standardBar = (dimension: string, bars: Partial<Record<StandardCode, string>>) => {
  const codes = Object.keys(bars) as StandardCode[];
  const targets = new Set(codes.map((code) => CREATION_STANDARDS.find((s) => s.code === code)!.target));
  if (targets.size !== 1) throw new Error(`一个图表只能画一条目标线：${codes.join('、')}`);
  const [target] = targets;
  const { comparison } = CREATION_STANDARDS.find((s) => s.code === codes[0])!;
  return {
    ...bar(dimension, ...Object.values(bars)),
    'graph.show_goal': true,
    'graph.goal_value': target,
    'graph.goal_label': `目标 ${comparison === '>=' ? '≥' : '≤'}${target}%`,
  };
};

/** Each county's rate of one creation standard (reporting.county_measures' `<standard>_pct`), against its pass mark. */
const countyRateBar = (name: string, description: string, standard: StandardCode, label: string): QuestionSpec => ({
  name,
  description,
  display: 'bar',
  tags: ['county', 'year'],
  sql: `SELECT county_name AS "县（市、区）", ${standard}_pct AS "${label}"
FROM reporting.county_measures
WHERE year = ${YEAR} ${COUNTY}
ORDER BY county_code`,
  visualization: standardBar('县（市、区）', { [standard]: label }),
});

/** A pie of this year's accepted cases by one labelled column of reporting.case_facts, largest first. */
const casesByLabel = (name: string, description: string, column: string, label: string): QuestionSpec => ({
  name,
  description,
  display: 'pie',
  tags: ['county', 'year'],
  sql: `SELECT ${column} AS "${label}", count(*) AS "案件数"
FROM reporting.case_facts
WHERE accepted_year = ${YEAR} ${COUNTY}
GROUP BY ${column}
ORDER BY 2 DESC`,
  visualization: { 'pie.dimension': label, 'pie.metric': '案件数' },
});

export const DASHBOARDS: DashboardSpec[] = [
  {
    name: '创建标准达标情况',
    description: '各县（市、区）对照创建标准（平妇字〔2014〕17号）的达标情况与排名',
    questions: [
      {
        name: '县（市、区）达标排名',
        description: '按达标率、达标项数、办结率排名',
        display: 'table',
        tags: ['county', 'year'],
        sql: `SELECT rank AS "达标排名", county_name AS "县（市、区）", standards_met AS "达标项数", standards_assessed AS "考核项数",
  pass_rate_pct AS "达标率（%）", closure_rate_pct AS "办结率（%）"
FROM reporting.county_ranking
WHERE year = ${YEAR} ${COUNTY}
ORDER BY rank, county_code`,
        visualization: {},
      },
      {
        name: '创建标准达标明细',
        description: '每县每项标准的实际值、目标值与是否达标',
        display: 'table',
        tags: ['county', 'year'],
        sql: `SELECT county_name AS "县（市、区）", section AS "创建标准", standard_name AS "指标", measure AS "实际值",
  comparison || ' ' || target AS "目标", unit AS "单位",
  CASE passed WHEN true THEN '达标' WHEN false THEN '未达标' ELSE '不考核' END AS "是否达标"
FROM reporting.county_scorecard
WHERE year = ${YEAR} ${COUNTY}
ORDER BY county_code, sort_order`,
        visualization: {},
      },
      {
        name: '全市',
        description:
          '全市合并计算（不受县（市、区）筛选影响）：比率为各县分子之和 ÷ 分母之和（与附件7 Excel 合计一致），件数为合计，其余为达标县数',
        display: 'table',
        tags: ['year'],
        sql: `SELECT standard_name AS "指标",
  CASE WHEN unit = '%' THEN reporting.percent((sum(numerator) FILTER (WHERE denominator > 0))::bigint, sum(denominator)::bigint)
       WHEN unit IN ('件', '次') THEN sum(measure) END AS "全市",
  count(*) FILTER (WHERE passed) AS "达标县数", comparison || ' ' || target AS "目标", unit AS "单位"
FROM reporting.county_scorecard
WHERE year = ${YEAR}
GROUP BY sort_order, standard_name, comparison, target, unit
ORDER BY sort_order`,
        visualization: {},
      },
      countyRateBar(
        '各县（市、区）办结率',
        `办结率 = ${CASE_FIGURE_DEFINITIONS.closureRate.definition}（统计日：往年为12月31日，今年为今日）`,
        'closure_rate',
        '办结率（%）',
      ),
      countyRateBar(
        '各县（市、区）7日内答复率',
        '当年终结案件中，应出具答复意见的（已出具或7日已满，法定节假日顺延）于终结后7日内出具的百分比（附件2第五条）',
        'reply_on_time',
        '7日内答复率（%）',
      ),
    ],
  },
  {
    name: '案件与代理员',
    description: '月度受理与终结、事项类别、来源与代理员持证覆盖',
    questions: [
      {
        name: '月度受理与终结案件',
        description: '当年每月受理与终结的案件数',
        display: 'line',
        tags: ['county', 'year'],
        sql: `SELECT to_char(month, 'YYYY-MM') AS "月份", sum(cases_accepted) AS "受理", sum(cases_concluded) AS "终结"
FROM reporting.county_month_cases
WHERE year = ${YEAR} ${COUNTY}
GROUP BY month
ORDER BY month`,
        visualization: bar('月份', '受理', '终结'),
      },
      casesByLabel('事项类别', '当年受理案件按事项类别', 'category_label', '事项类别'),
      casesByLabel('案件来源', '当年受理案件按来源', 'source_label', '来源'),
      {
        name: '代理员持证覆盖',
        description: '乡镇持证代理员覆盖率与代理员持证率',
        display: 'bar',
        tags: ['county', 'year'],
        sql: `SELECT county_name AS "县（市、区）", township_coverage_pct AS "乡镇覆盖率（%）", agents_certified_pct AS "代理员持证率（%）"
FROM reporting.county_measures
WHERE year = ${YEAR} ${COUNTY}
ORDER BY county_code`,
        visualization: standardBar('县（市、区）', {
          township_coverage: '乡镇覆盖率（%）',
          certified_agents: '代理员持证率（%）',
        }),
      },
    ],
  },
];
