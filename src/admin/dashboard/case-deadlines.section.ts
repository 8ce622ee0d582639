import { can, countyScope, maySeePersonalData } from '../../domain/access-policy.js';
import { describeDaysLeft } from '../../domain/case-deadlines.js';
import { CASE_POLICY } from '../../domain/case-policy.js';
import { localDate } from '../../domain/dates.js';
import { casesNeedingAction, type CaseWithDeadline } from '../../services/case-deadline-query.js';
import type { HomeListSection, HomeSectionProvider } from './home-sections.js';

const LIST = '/admin/resources/PetitionCase';
const SHOWN = 10;

/**
 * 案件期限提醒: the overdue and due-soon cases of the signed-in user's scope (county staff: her county;
 * city admins: all). Leaders see counts per county only, without any petitioner's data.
 */
export const caseDeadlinesSection: HomeSectionProvider = async ({ ds, actor, now }) => {
  if (!can(actor, 'read', 'PetitionCase')) return null;
  const cases = await casesNeedingAction(ds.manager, countyScope(actor), localDate(now));
  const overdue = cases.filter((c) => c.deadline.urgency === 'overdue').length;
  const section: HomeListSection = {
    id: 'case-deadlines',
    title: `案件期限提醒：已超期 ${overdue} 件，${CASE_POLICY.dueSoonDays}日内到期 ${cases.length - overdue} 件`,
    empty: '没有超期或即将到期的案件',
    rows: maySeePersonalData(actor) ? cases.slice(0, SHOWN).map(caseRow) : countyRows(cases),
    moreHref: `${LIST}?filters.deadline=${overdue ? 'overdue' : 'due_soon'}`,
    total: cases.length,
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

function countyRows(cases: CaseWithDeadline[]): HomeListSection['rows'] {
  const byCounty = new Map<number, { name: string; overdue: number; soon: number }>();
  for (const c of cases) {
    const entry = byCounty.get(c.countyId) ?? { name: c.countyName, overdue: 0, soon: 0 };
    if (c.deadline.urgency === 'overdue') entry.overdue += 1;
    else entry.soon += 1;
    byCounty.set(c.countyId, entry);
  }
  return [...byCounty.entries()]
    .sort(([, a], [, b]) => b.overdue - a.overdue || b.soon - a.soon)
    .map(([id, e]) => ({
      label: e.name,
      detail: `已超期 ${e.overdue} 件，即将到期 ${e.soon} 件`,
      href: `${LIST}?filters.countyId=${id}&filters.deadline=${e.overdue ? 'overdue' : 'due_soon'}`,
      tone: e.overdue ? 'danger' : 'warning',
    }));
}
