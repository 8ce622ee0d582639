// Never lose a file (these are official records of petitions). Every editable record carries a version
// (row_version) that each save raises by one; a form or action posts the version its page was loaded with, and
// a save based on an older one is refused instead of silently overwriting what someone else saved in between.
// Records of the program are never deleted: they are voided (作废) with a reason, and the city can restore them.
import { DomainError, problem, type FieldProblem } from './errors.js';

/** The save was based on an old page: `current` is the record's version now, `submitted` the page's. */
export class StaleVersion extends DomainError {
  constructor(
    readonly current: number,
    readonly submitted: number,
  ) {
    super(
      'STALE_VERSION',
      `该记录已被他人修改（您打开的是第${submitted}版，现在是第${current}版），请刷新页面后再操作`,
    );
  }
}

/** Refused because the record is voided (作废). */
export class VoidedRecord extends DomainError {
  constructor() {
    super('VOIDED', '该记录已作废，不能再办理或修改；如需恢复，请联系市妇联管理员');
  }
}

/**
 * The version a form posted: absent (null), a positive integer, or `NaN` when it was posted but is no
 * version at all (a forged or broken value, refused like an old one).
 */
export function readVersion(submitted: unknown): number | null {
  if (submitted === undefined || submitted === null || submitted === '') return null;
  const text = String(submitted).trim();
  return /^\d{1,9}$/.test(text) && Number(text) >= 1 ? Number(text) : Number.NaN;
}

/**
 * Refuses a change based on an old version. A request that names no version is not checked: the forms
 * and actions of the admin always send the one they were loaded with.
 */
export function assertVersion(current: number, submitted: unknown): void {
  const version = readVersion(submitted);
  if (version === null) return;
  if (Number.isNaN(version)) throw new DomainError('VERSION_INVALID', '版本号无效，请刷新页面后再操作');
  if (version !== current) throw new StaleVersion(current, version);
}

/**
 * A change posted over HTTP names the version its page showed: without it, nothing tells a save based on
 * an old page from a current one, so it is refused (a service called by the program itself may omit it).
 */
export function assertVersionGiven(submitted: unknown): void {
  if (readVersion(submitted) === null)
    throw new DomainError('VERSION_REQUIRED', '请求缺少记录版本号，请刷新页面后再保存（以免覆盖他人刚保存的修改）');
}

/** The record as its services lock it: refused when voided, or when the page was based on an older version. */
export function assertCurrent(row: { rowVersion: number; voidedAt?: Date | null }, submitted: unknown): void {
  if (row.voidedAt) throw new VoidedRecord();
  assertVersion(row.rowVersion, submitted);
}

export const MAX_VOID_REASON = 500;

/** 作废原因: required, and of a sensible length. */
export function voidReasonProblem(reason: unknown): FieldProblem | null {
  if (typeof reason !== 'string' || reason.trim() === '') return problem('VOID_REASON_REQUIRED', '请填写作废原因');
  if (reason.trim().length > MAX_VOID_REASON)
    return problem('VOID_REASON_TOO_LONG', `作废原因不能超过${MAX_VOID_REASON}个字`);
  return null;
}
