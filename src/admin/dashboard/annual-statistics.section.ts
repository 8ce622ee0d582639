import {
  cityReminderYear,
  countyReminderYear,
  describeDeadline,
  daysToDeadline,
  statisticsDueOn,
} from '../../domain/annual-report-rules.js';
import { localDate } from '../../domain/dates.js';
import { countyReportLines, type CountyReportLine } from '../../services/annual-report-summary.js';
import type { HomeListSection, HomeSectionProvider } from './home-sections.js';

const LIST = '/admin/resources/AnnualReport';
const STATUS_TEXT = {
  draft: '草稿，尚未上报',
  submitted: '已上报，待市妇联审核',
  returned: '已退回，请修改后重新上报',
  accepted: '已审核通过',
} as const;

const submitted = (l: CountyReportLine) => l.submittedAt != null;
const hrefOf = (l: CountyReportLine, year: number) =>
  l.latestReportId ? `${LIST}/records/${l.latestReportId}/show` : `${LIST}/actions/new?year=${year}`;

/**
 * 年终结案统计（附件7，12月20日前上报）: for county staff from 1 December, the deadline and her report's
 * status; for the city, from December through January, the counties that have not submitted (with the
 * days left) and the reports waiting for its review. Leaders: none.
 */
export const annualStatisticsSection: HomeSectionProvider = async ({ ds, actor, now }) => {
  const today = localDate(now);
  if (actor.role === 'county_staff' && actor.countyId !== null) {
    const year = countyReminderYear(today);
    if (!year) return null;
    const [line] = await countyReportLines(ds.manager, year, actor.countyId);
    const done = line.status === 'submitted' || line.status === 'accepted';
    const status = line.status ? STATUS_TEXT[line.status] : '尚未起草';
    return {
      id: 'annual-statistics',
      title: `${year}年度结案统计表（附件7）：${statisticsDueOn(year)}前上报`,
      empty: '',
      rows: [
        {
          label: `${line.countyName} ${year}年度结案统计表：${status}${line.submittedAt ? (line.isLate ? '（逾期上报）' : '（按时上报）') : ''}`,
          detail: done
            ? `截止 ${statisticsDueOn(year)}`
            : `截止 ${statisticsDueOn(year)}，${describeDeadline(year, today)}`,
          href: hrefOf(line, year),
          tone: done ? 'info' : daysToDeadline(year, today) < 0 ? 'danger' : 'warning',
        },
      ],
      moreHref: `${LIST}?filters.year=${year}`,
      total: 1,
    } satisfies HomeListSection;
  }
  if (actor.role !== 'city_admin') return null;
  const year = cityReminderYear(today);
  if (!year) return null;
  const lines = await countyReportLines(ds.manager, year);
  const missing = lines.filter((l) => !submitted(l));
  const waiting = lines.filter((l) => l.status === 'submitted');
  const late = daysToDeadline(year, today) < 0;
  return {
    id: 'annual-statistics',
    title: `${year}年度结案统计表：${missing.length} 个县（市、区）未上报，${waiting.length} 份待审核（${statisticsDueOn(year)}截止，${describeDeadline(year, today)}）`,
    empty: '各县（市、区）均已上报，且没有待审核的统计表',
    rows: [
      ...missing.map((l) => ({
        label: `${l.countyName}：${l.status ? STATUS_TEXT[l.status] : '尚未起草'}`,
        detail: describeDeadline(year, today),
        href: l.latestReportId ? hrefOf(l, year) : `${LIST}?filters.year=${year}`,
        tone: late ? ('danger' as const) : ('warning' as const),
      })),
      ...waiting.map((l) => ({
        label: `${l.countyName}：已上报，待审核`,
        detail: l.isLate ? '逾期上报' : '按时上报',
        href: hrefOf(l, year),
        tone: 'info' as const,
      })),
    ],
    moreHref: `${LIST}?filters.year=${year}`,
    total: missing.length + waiting.length,
  } satisfies HomeListSection;
};
