import type { EntityManager } from 'typeorm';

// Read-only lists for the home page (通知公告, 督导整改): unread notices, notices not yet read everywhere, open
// rectifications. Each returns the first `limit` rows and the total.

export interface UnreadNotice {
  recipientId: number;
  title: string;
  sender: string;
  publishedOn: string;
}

/** The notices addressed to `countyId` that nobody there has marked read, newest first. */
export async function unreadNotices(
  em: EntityManager,
  countyId: number,
  limit: number,
): Promise<{ total: number; rows: UnreadNotice[] }> {
  const rows: (UnreadNotice & { total: number })[] = await em.query(
    `SELECT r.id AS "recipientId", n.title, coalesce(o.name || '妇联', '平顶山市妇联') AS sender,
            to_char(n.published_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "publishedOn", count(*) OVER ()::int AS total
       FROM notice_recipient r JOIN notice n ON n.id = r.notice_id LEFT JOIN organization o ON o.id = n.county_id
      WHERE r.county_id = $1 AND r.read_at IS NULL
      ORDER BY n.published_at DESC, r.id DESC LIMIT $2`,
    [countyId, limit],
  );
  return { total: rows[0]?.total ?? 0, rows: rows.map(({ total: _, ...r }) => r) };
}

export interface PartlyReadNotice {
  noticeId: number;
  title: string;
  unread: number;
  addressed: number;
  unreadCounties: string;
}

/** The city's published notices some addressed county has not read yet, newest first. */
export async function cityNoticesNotFullyRead(
  em: EntityManager,
  limit: number,
): Promise<{ total: number; rows: PartlyReadNotice[] }> {
  const rows: (PartlyReadNotice & { total: number })[] = await em.query(
    `SELECT n.id AS "noticeId", n.title,
            (count(*) FILTER (WHERE r.read_at IS NULL))::int AS unread, count(*)::int AS addressed,
            string_agg(o.name, '、' ORDER BY o.code) FILTER (WHERE r.read_at IS NULL) AS "unreadCounties",
            count(*) OVER ()::int AS total
       FROM notice n JOIN notice_recipient r ON r.notice_id = n.id JOIN organization o ON o.id = r.county_id
      WHERE n.county_id IS NULL AND n.status = 'published' AND n.voided_at IS NULL
      GROUP BY n.id HAVING count(*) FILTER (WHERE r.read_at IS NULL) > 0
      ORDER BY n.published_at DESC LIMIT $1`,
    [limit],
  );
  return { total: rows[0]?.total ?? 0, rows: rows.map(({ total: _, ...r }) => r) };
}

export interface OpenRectification {
  id: number;
  item: string;
  countyName: string;
  dueOn: string;
  daysLeft: number;
}

/** Open rectifications of one county (or all, county null), overdue ones first, by due date. */
export async function openRectifications(
  em: EntityManager,
  countyId: number | null,
  today: string,
  limit: number,
): Promise<{ total: number; overdue: number; rows: OpenRectification[] }> {
  const rows: (OpenRectification & { total: number; overdue: number })[] = await em.query(
    `SELECT r.id, r.item, o.name AS "countyName", to_char(r.due_on, 'YYYY-MM-DD') AS "dueOn", (r.due_on - $2::date)::int AS "daysLeft",
            count(*) OVER ()::int AS total, (count(*) FILTER (WHERE r.due_on < $2::date) OVER ())::int AS overdue
       FROM rectification r JOIN organization o ON o.id = r.county_id
      WHERE r.status = 'open' AND r.voided_at IS NULL AND ($1::int IS NULL OR r.county_id = $1)
      ORDER BY r.due_on, r.id LIMIT $3`,
    [countyId, today, limit],
  );
  return {
    total: rows[0]?.total ?? 0,
    overdue: rows[0]?.overdue ?? 0,
    rows: rows.map(({ total: _t, overdue: _o, ...r }) => r),
  };
}
