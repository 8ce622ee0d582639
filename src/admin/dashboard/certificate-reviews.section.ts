import { localDate } from '../../domain/dates.js';
import { certificatesDueForReview, type DueCertificate } from '../../services/certificate-reminders.js';
import type { HomeListSection, HomeSectionProvider } from './home-sections.js';

const LIST = '/admin/resources/Certificate';
const SHOWN = 10;

/**
 * 证书年审提醒 (一年一审核): certificates whose yearly review is overdue or due within 30 days, for the
 * people who act on them — county staff (her county) and city admins (all). Leaders: none.
 */
export const certificateReviewsSection: HomeSectionProvider = async ({ ds, actor, now }) => {
  if (actor.role === 'leader') return null;
  const { total, rows } = await certificatesDueForReview(ds.manager, actor, localDate(now), SHOWN);
  const overdue = rows.filter((r) => r.daysToReview < 0).length;
  const section: HomeListSection = {
    id: 'certificate-reviews',
    title: `代理员证年审提醒：已逾期或30天内到期 ${total} 本`,
    empty: '没有逾期或30天内到期的代理员证年审',
    rows: rows.map(row),
    moreHref: `${LIST}?filters.reviewDue=${overdue === rows.length && rows.length ? 'overdue' : 'due_or_overdue'}`,
    total,
  };
  return section;
};

function row(c: DueCertificate): HomeListSection['rows'][number] {
  const when =
    c.daysToReview < 0
      ? `已逾期 ${-c.daysToReview} 天`
      : c.daysToReview === 0
        ? '今天到期'
        : `还有 ${c.daysToReview} 天`;
  return {
    label: `${c.agentName}（${c.countyName}${c.townshipName}）${c.number}`,
    detail: `年审截止 ${c.reviewDueOn}，${when}`,
    href: `${LIST}/records/${c.certificateId}/show`,
    tone: c.daysToReview < 0 ? 'danger' : 'warning',
  };
}
