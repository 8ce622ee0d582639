import { can, countyScope, maySeePersonalData } from '../../domain/access-policy.js';
import { localDate } from '../../domain/dates.js';
import { PETITIONER_VIEW_POLICY } from '../../domain/petitioner-view.js';
import { dissatisfiedRatings } from '../../services/petitioner-query.js';
import type { HomeListSection, HomeSectionProvider } from './home-sections.js';

const LIST = '/admin/resources/PetitionCase';
const SHOWN = 10;
const DAY_MS = 86_400_000;

/**
 * 信访人不满意: the cases the petitioner rated 不满意 on the query page (条例第二十一条) in the last
 * `dissatisfiedOnHomeDays` days, for the county's 反馈回访. Leaders see counts per county only.
 */
export const dissatisfiedRatingsSection: HomeSectionProvider = async ({ ds, actor, now }) => {
  if (!can(actor, 'read', 'PetitionCase')) return null;
  const days = PETITIONER_VIEW_POLICY.dissatisfiedOnHomeDays;
  const { cases, perCounty } = await dissatisfiedRatings(
    ds.manager,
    countyScope(actor),
    new Date(now.getTime() - days * DAY_MS),
    SHOWN,
  );
  const total = perCounty.reduce((n, c) => n + c.count, 0);
  const rows: HomeListSection['rows'] = maySeePersonalData(actor)
    ? cases.map((c) => ({
        label: `${c.caseNo} ${c.subject}`,
        detail: `${localDate(c.ratedAt)} 评价不满意${c.comment ? `：${c.comment}` : ''}`,
        href: `${LIST}/records/${c.id}/show`,
        tone: 'danger',
      }))
    : perCounty.map((c) => ({
        label: c.countyName,
        detail: `信访人不满意 ${c.count} 件`,
        href: `${LIST}?filters.countyId=${c.countyId}`,
        tone: 'danger',
      }));
  return {
    id: 'dissatisfied-ratings',
    title: `信访人不满意 ${total} 件（近${days}日评价）`,
    empty: `近${days}日没有信访人评价不满意的案件`,
    rows,
    total,
  };
};
