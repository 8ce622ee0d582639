import type { DataSource, EntityManager } from 'typeorm';
import { can, type Actor } from '../domain/access-policy.js';
import { DomainError, throwIfAny } from '../domain/errors.js';
import { assertNoticeDraft, noticeRecipients, validateNotice } from '../domain/notice-rules.js';
import { mayMarkNoticeRead } from '../domain/supervision-permissions.js';
import { NoticeRecipient } from '../entities/notice-recipient.js';
import { Notice } from '../entities/notice.js';

import { saveStep, takeStep } from './record-step.js';

type Author = Actor & { email?: string };

export async function countyIds(em: EntityManager): Promise<number[]> {
  const rows: { id: number }[] = await em.query(`SELECT id FROM organization WHERE level = 'county' ORDER BY code`);
  return rows.map((r) => r.id);
}

/** Both steps on a notice (发布, 标记已读) name in their audit the row version they moved the record from and to. */
function saveVersioned<E extends { id: number; countyId: number | null; rowVersion: number }>(
  em: EntityManager,
  row: E,
  actor: Author,
  action: string,
  resource: string,
  changes: Record<string, unknown>,
): Promise<E> {
  const version = row.rowVersion;
  return saveStep(em, row, {
    actor,
    action,
    resource,
    changes: (saved) => ({ ...changes, rowVersion: { before: version, after: saved.rowVersion } }),
  });
}

/** 发布: the draft goes out to its counties, one recipient row each, all at once or not at all. */
export async function publishNotice(
  ds: DataSource,
  actor: Author,
  noticeId: number,
  now: Date,
  expectedVersion?: unknown,
): Promise<Notice> {
  const refuse = (notice: Notice) =>
    can(actor, 'write', 'Notice', notice) ? null : new DomainError('FORBIDDEN', '无权发布该通知');
  return takeStep(ds, { entity: Notice, id: noticeId, refuse, expectedVersion }, async (em, notice) => {
    assertNoticeDraft(notice);
    const all = await countyIds(em);
    throwIfAny(validateNotice(notice, { countyIds: all }));
    const recipients = noticeRecipients(notice, all);
    await em.insert(
      NoticeRecipient,
      recipients.map((countyId) => ({ noticeId, countyId })),
    );
    notice.status = 'published';
    notice.publishedAt = now;
    notice.publishedById = actor.id;
    return saveVersioned(em, notice, actor, 'publish', 'Notice', {
      status: { before: 'draft', after: 'published' },
      recipients,
    });
  });
}

/** 标记已读: the county acknowledges the notice; the sender sees who read it and when. */
export async function markNoticeRead(
  ds: DataSource,
  actor: Author,
  recipientId: number,
  now: Date,
  expectedVersion?: unknown,
): Promise<NoticeRecipient> {
  const refuse = (row: NoticeRecipient) =>
    !mayMarkNoticeRead(actor, row.countyId)
      ? new DomainError('FORBIDDEN', '只能由收文的县（市、区）标记已读')
      : row.readAt
        ? new DomainError('ALREADY_READ', '该通知已标记为已读')
        : null;
  return takeStep(ds, { entity: NoticeRecipient, id: recipientId, refuse, expectedVersion }, async (em, row) => {
    row.readAt = now;
    row.readById = actor.id;
    return saveVersioned(em, row, actor, 'markRead', 'NoticeRecipient', { noticeId: row.noticeId });
  });
}

export interface RecipientStatus {
  countyId: number;
  countyName: string;
  readAt: Date | null;
  readBy: string | null;
}

/** Every addressed county with whether, when and by whom it has read the notice, in code order. */
export async function noticeReadStatus(em: EntityManager, noticeId: number): Promise<RecipientStatus[]> {
  const rows: { county_id: number; county_name: string; read_at: Date | null; read_by: string | null }[] =
    await em.query(
      `SELECT r.county_id, o.name AS county_name, r.read_at, u.name AS read_by
       FROM notice_recipient r JOIN organization o ON o.id = r.county_id LEFT JOIN admin_user u ON u.id = r.read_by
      WHERE r.notice_id = $1 ORDER BY o.code`,
      [noticeId],
    );
  return rows.map((r) => ({ countyId: r.county_id, countyName: r.county_name, readAt: r.read_at, readBy: r.read_by }));
}
