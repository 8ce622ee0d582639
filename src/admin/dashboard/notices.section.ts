import { countyScope } from '../../domain/access-policy.js';
import { cityNoticesNotFullyRead, unreadNotices } from '../../services/supervision-queries.js';
import type { HomeListSection, HomeSectionProvider } from './home-sections.js';

const SHOWN = 10;

/**
 * 通知公告: county staff see the notices addressed to their county that are still unread; city admins
 * see which of their notices some county has not read yet. Leaders receive none.
 */
export const noticesSection: HomeSectionProvider = async ({ ds, actor }) => {
  const county = countyScope(actor);
  if (actor.role === 'county_staff' && county !== null) {
    const { total, rows } = await unreadNotices(ds.manager, county, SHOWN);
    const section: HomeListSection = {
      id: 'unread-notices',
      title: `未读通知：${total} 份`,
      empty: '没有未读的通知',
      rows: rows.map((n) => ({
        label: n.title,
        detail: `${n.sender}，${n.publishedOn}发布`,
        href: `/admin/resources/NoticeRecipient/records/${n.recipientId}/show`,
        tone: 'info',
      })),
      moreHref: '/admin/resources/NoticeRecipient?filters.readState=unread',
      total,
    };
    return section;
  }
  if (actor.role !== 'city_admin') return null;
  const { total, rows } = await cityNoticesNotFullyRead(ds.manager, SHOWN);
  return {
    id: 'notice-readers',
    title: `通知阅读情况：${total} 份通知尚有县（市、区）未读`,
    empty: '已发布的通知各县（市、区）均已阅读',
    rows: rows.map((n) => ({
      label: n.title,
      detail: `未读 ${n.unread}/${n.addressed}：${n.unreadCounties}`,
      href: `/admin/resources/Notice/records/${n.noticeId}/show`,
      tone: 'info',
    })),
    moreHref: '/admin/resources/Notice?filters.status=published',
    total,
  };
};
