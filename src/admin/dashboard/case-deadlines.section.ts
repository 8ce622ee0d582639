import { can, countyScope, maySeePersonalData } from '../../domain/access-policy.js';
import { describeDaysLeft } from '../../domain/case-deadlines.js';
import { CASE_POLICY } from '../../domain/case-policy.js';
import { localDate } from '../../domain/dates.js';
import {
  casesNeedingAction,
  deadlineCounts,
  type CaseWithDeadline,
  type DeadlineCounts,
} from '../../services/case-deadline-query.js';
import type { HomeListSection, HomeSectionProvider } from './home-sections.js';

const LIST = '/admin/resources/PetitionCase';
const SHOWN = 10;

/**
 * 案件期限提醒: the overdue and due-soon cases of the signed-in user's scope (county staff: her county;
 * city admins: all). Leaders see counts per county only, without any petitioner's data.
 */
export const caseDeadlinesSection: HomeSectionProvider = async ({ ds, actor, now }) => {
  if (!can(actor, 'read', 'PetitionCase')) return null;
  const today = localDate(now);
  // counted in SQL and only the first rows fetched: a province has thousands of such cases
  const counts = await deadlineCounts(ds.manager, countyScope(actor), today);
  const overdue = counts.reduce((n, c) => n + c.overdue, 0);
  const total = overdue + counts.reduce((n, c) => n + c.dueSoon, 0);
  const rows = maySeePersonalData(actor)
    ? (await casesNeedingAction(ds.manager, countyScope(actor), today, SHOWN)).map(caseRow)
    : countyRows(counts);
  const section: HomeListSection = {
    id: 'case-deadlines',
    // 期限提醒·已超期 is any deadline the office missed (受理告知、办理、答复、复查…); the scorecard's 办理超期
    // counts only the handling limit (条例第三十四条): two words for two figures
    title: `期限提醒·已超期 ${overdue} 件，${CASE_POLICY.dueSoonDays}日内到期 ${total - overdue} 件`,
    empty: '没有超期或即将到期的案件',
    rows,
    moreHref: `${LIST}?filters.deadline=${overdue ? 'overdue' : 'due_soon'}`,
    total,
  };
  return section;
};

function caseRow(c: CaseWithDeadline): HomeListSection['rows'][number] {
  return {
    label: `${c.caseNo} ${c.subject}`,
    detail: `${c.deadline.label}：${c.deadline.due}，${describeDaysLeft(c.deadline.daysLeft)}`,
    href: `${LIST}/records/${c.id}/show`,
    tone: c.deadline.urgency === 'overdue' ? 'danger' : 'warning',
  };
}

function countyRows(counts: DeadlineCounts[]): HomeListSection['rows'] {
  return [...counts]
    .sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon || a.countyId - b.countyId)
    .map((e) => ({
      label: e.countyName,
      detail: `期限提醒·已超期 ${e.overdue} 件，即将到期 ${e.dueSoon} 件`,
      href: `${LIST}?filters.countyId=${e.countyId}&filters.deadline=${e.overdue ? 'overdue' : 'due_soon'}`,
      tone: e.overdue ? 'danger' : 'warning',
    }));
}
