import { can, countyScope } from '../../domain/access-policy.js';
import { localDate } from '../../domain/dates.js';
import { openRectifications } from '../../services/supervision-queries.js';
import type { HomeListSection, HomeSectionProvider } from './home-sections.js';

const LIST = '/admin/resources/Rectification';
const SHOWN = 10;

/** 督导整改 (动态管理): open rectifications, overdue first — the county's own, or all for the city and leaders. */
export const rectificationsSection: HomeSectionProvider = async ({ ds, actor, now }) => {
  if (!can(actor, 'read', 'Rectification')) return null;
  const { total, overdue, rows } = await openRectifications(ds.manager, countyScope(actor), localDate(now), SHOWN);
  const section: HomeListSection = {
    id: 'rectifications',
    title: `督导整改：未完成 ${total} 项，其中已逾期 ${overdue} 项`,
    empty: '没有未完成的整改事项',
    rows: rows.map((r) => ({
      label: `${r.countyName}：${r.item}`,
      detail: `整改期限 ${r.dueOn}，${r.daysLeft < 0 ? `已逾期 ${-r.daysLeft} 天` : r.daysLeft === 0 ? '今天到期' : `还有 ${r.daysLeft} 天`}`,
      href: `${LIST}/records/${r.id}/show`,
      tone: r.daysLeft < 0 ? 'danger' : 'warning',
    })),
    moreHref: `${LIST}?filters.progress=${overdue ? 'overdue' : 'open'}`,
    total,
  };
  return section;
};
