import type { CaseFigures } from '../../domain/case-statistics.js';
import { CASE_STATE_STANDING_LABELS, CASE_STATES, REPORT_STATUS_STANDING_LABELS } from '../../domain/vocabulary.js';
import type { ClosureSummary, CountyReportLine } from '../../services/annual-report-summary.js';

// 附件7 案件结案统计表 as a table: one row a county, a 合计 row; the same columns in the Excel and Word files.

export type Figures = Omit<CaseFigures, 'period' | 'asOf'>;

/** Chinese names of the stored category and source values (src/domain/vocabulary.ts), passed in by the caller. */
export interface FigureLabels {
  category: Record<string, string>;
  source: Record<string, string>;
}

export interface FigureColumn {
  group: string;
  header: string;
  value: (f: Figures) => number | null;
  width: number;
}

export function figureColumns(labels: FigureLabels): {
  core: FigureColumn[];
  categories: FigureColumn[];
  sources: FigureColumn[];
} {
  const core: FigureColumn[] = [
    { group: '受理', header: '受理案件', value: (f) => f.accepted, width: 8 },
    // absent from versions frozen before repeats were counted: blank, not 0
    { group: '受理', header: '其中重复信访', value: (f) => f.repeats ?? null, width: 8 },
    ...CASE_STATES.map((s) => ({
      group: '办理状态',
      header: CASE_STATE_STANDING_LABELS[s],
      value: (f: Figures) => f.byState?.[s] ?? 0,
      width: 8,
    })),
    // 应办结 and 按期办结 are absent from versions frozen before they were defined: shown blank, not 0
    { group: '办结', header: '应办结', value: (f) => f.closureDue ?? null, width: 8 },
    { group: '办结', header: '已办结', value: (f) => f.closed, width: 8 },
    { group: '办结', header: '办结率(%)', value: (f) => f.closureRate, width: 9 },
    { group: '办结', header: '按期办结', value: (f) => f.closedOnTime ?? null, width: 8 },
    { group: '办结', header: '按期办结率(%)', value: (f) => f.onTimeClosureRate ?? null, width: 10 },
    { group: '答复', header: '当年终结', value: (f) => f.concluded, width: 8 },
    { group: '答复', header: '应出具答复', value: (f) => f.repliesDue, width: 9 },
    { group: '答复', header: '7日内答复', value: (f) => f.repliesOnTime, width: 9 },
    { group: '答复', header: '按时答复率(%)', value: (f) => f.replyOnTimeRate, width: 10 },
    { group: '复查与重点', header: '申请复查', value: (f) => f.reviewRequests, width: 8 },
    { group: '复查与重点', header: '重点案件', value: (f) => f.keyCases, width: 8 },
    { group: '复查与重点', header: '纳入联席会议', value: (f) => f.keyInJointMeeting, width: 10 },
    { group: '复查与重点', header: '群体案件', value: (f) => f.groupCases, width: 8 },
  ];
  const counts = (group: string, names: Record<string, string>, pick: (f: Figures) => Record<string, number>) =>
    Object.entries(names).map(([value, header]) => ({
      group,
      header,
      value: (f: Figures) => pick(f)?.[value] ?? 0,
      width: 10,
    }));
  return {
    core,
    categories: counts('案件类别', labels.category, (f) => f.byCategory),
    sources: counts('案件来源', labels.source, (f) => f.bySource),
  };
}

/** 上报情况 of a county line: its status, and whether the first submission was on time. */
export function submissionText(line: CountyReportLine): string {
  const status = line.status ? REPORT_STATUS_STANDING_LABELS[line.status] : '未上报';
  if (!line.submittedAt) return status;
  return `${status}（${line.isLate ? '逾期' : '按时'}）`;
}

export function summaryTitle(summary: Pick<ClosureSummary, 'year' | 'county'>): string {
  return `${summary.year}年度${summary.county ?? '平顶山市'}妇女信访代理案件结案统计表`;
}
