// Who may take the steps of 通知公告, 信息上报 and 督导检查 beyond the ACCESS table (access-policy.ts), as pure functions
// of the signed-in user and the record's county.
import { can, type Actor } from './access-policy.js';

/** A county marks the notices addressed to it as read; nobody reads on another's behalf. */
export function mayMarkNoticeRead(actor: Actor | null | undefined, recipientCountyId: number | null): boolean {
  return actor?.role === 'county_staff' && actor.countyId === recipientCountyId;
}

/**
 * The Notice resource is the senders' side: county staff open their own county's notices there; the
 * city's notices reach them through their NoticeRecipient rows (their inbox).
 */
export function mayOpenNotice(actor: Actor | null | undefined, noticeCountyId: number | null): boolean {
  if (!can(actor, 'read', 'Notice')) return false;
  return actor!.role !== 'county_staff' || noticeCountyId === actor!.countyId;
}

/** The files of a notice: for those who may open it and for the counties it was sent to. */
export function mayReadNoticeFiles(
  actor: Actor | null | undefined,
  noticeCountyId: number | null,
  addressedTo: readonly number[],
): boolean {
  if (mayOpenNotice(actor, noticeCountyId)) return true;
  return actor?.role === 'county_staff' && actor.countyId !== null && addressedTo.includes(actor.countyId);
}

/** Comments and adoption are the city's judgement of what the counties report. */
export function mayJudgeInfoReport(actor: Actor | null | undefined): boolean {
  return actor?.role === 'city_admin';
}

/** The county does its own rectifications; the city may record one it has seen done. */
export function mayCompleteRectification(actor: Actor | null | undefined, countyId: number | null): boolean {
  if (actor?.role === 'city_admin') return true;
  return actor?.role === 'county_staff' && actor.countyId === countyId;
}
