// The certificate's life (创建标准 三): produced by the city (制作) → reviewed and issued by the county (审核发放)
// → reviewed every year (一年一审核: a pass keeps it in force, a fail suspends it) → revoked by the city.
// Expiry is not a state: it is computed (certificate-validity.ts).
import { compareDates } from './dates.js';
import { DomainError } from './errors.js';
import { pastDateCheck, isBlank, maxLength } from './field-checks.js';
import { CERTIFICATE_STATUS_LABELS, type CertificateStatus, type ReviewResult } from './vocabulary.js';

export interface CertificateState {
  status: CertificateStatus;
  producedOn: string;
  issuedOn: string | null;
  revokedOn: string | null;
}

function checkDate(
  field: string,
  value: string | null | undefined,
  today: string,
  earliest: string,
  earliestMessage: string,
): string {
  if (isBlank(value)) throw new DomainError('REQUIRED', '请填写日期', field);
  const found = pastDateCheck(value, today);
  if (found) throw new DomainError(found.code, found.message, field);
  if (compareDates(value.trim(), earliest) < 0) throw new DomainError('DATE_ORDER', earliestMessage, field);
  return value.trim();
}

function refuse(step: string, status: CertificateStatus): never {
  throw new DomainError('CERTIFICATE_STATE', `证书当前状态为“${CERTIFICATE_STATUS_LABELS[status]}”，不能${step}`);
}

/** 审核发放: the county issues a certificate the city produced. */
export function issue(
  cert: CertificateState,
  input: { issuedOn?: string | null },
  today: string,
): Partial<CertificateState> {
  if (cert.status !== 'produced') refuse('审核发放', cert.status);
  const issuedOn = checkDate('issuedOn', input.issuedOn, today, cert.producedOn, '发放日期不能早于制作日期');
  return { status: 'issued', issuedOn };
}

export interface ReviewInput {
  reviewedOn?: string | null;
  result?: string | null;
  reviewer?: string | null;
  remarks?: string | null;
}

/** 一年一审核: a passed review keeps (or puts back) the certificate in force, a failed one suspends it. */
export function review(
  cert: CertificateState,
  input: ReviewInput,
  today: string,
): {
  status: CertificateStatus;
  review: { reviewedOn: string; result: ReviewResult; reviewer: string | null; remarks: string | null };
} {
  if (cert.status !== 'issued' && cert.status !== 'suspended') refuse('年度审核', cert.status);
  const reviewedOn = checkDate('reviewedOn', input.reviewedOn, today, cert.issuedOn!, '审核日期不能早于发放日期');
  if (input.result !== 'passed' && input.result !== 'failed')
    throw new DomainError('REQUIRED', '请选择审核结果', 'result');
  const tooLong = maxLength(input.reviewer, 50);
  if (tooLong) throw new DomainError(tooLong.code, tooLong.message, 'reviewer');
  if (input.result === 'failed' && isBlank(input.remarks)) {
    throw new DomainError('REQUIRED', '审核不合格须在备注中写明原因', 'remarks');
  }
  return {
    status: input.result === 'passed' ? 'issued' : 'suspended',
    review: {
      reviewedOn,
      result: input.result,
      reviewer: isBlank(input.reviewer) ? null : input.reviewer.trim(),
      remarks: isBlank(input.remarks) ? null : input.remarks.trim(),
    },
  };
}

/** 吊销: the city withdraws a certificate for good, with a reason. */
export function revoke(
  cert: CertificateState,
  input: { revokedOn?: string | null; reason?: string | null },
  today: string,
): Partial<CertificateState> & { revokeReason: string } {
  if (cert.status === 'revoked') refuse('吊销', cert.status);
  const revokedOn = checkDate(
    'revokedOn',
    input.revokedOn,
    today,
    cert.issuedOn ?? cert.producedOn,
    '吊销日期不能早于发放（制作）日期',
  );
  if (isBlank(input.reason)) throw new DomainError('REQUIRED', '请填写吊销原因', 'reason');
  return { status: 'revoked', revokedOn, revokeReason: input.reason.trim() };
}

/** The program began in 2014 (平妇字〔2014〕17号): no certificate is older. */
export const PROGRAM_FIRST_DAY = '2014-01-01';

/** 制作 date of a batch: a real day, not in the future. */
export function productionDate(value: string | null | undefined, today: string): string {
  return checkDate('producedOn', value, today, PROGRAM_FIRST_DAY, '制作日期不能早于2014年');
}

/** 制作: why the city cannot produce a certificate for this agent now; null when it can. */
export function produceRefusal(
  agent: { status: 'active' | 'inactive' },
  heldStatuses: readonly CertificateStatus[],
): string | null {
  if (agent.status !== 'active') return '该代理员已离岗，不再制作证书';
  if (heldStatuses.includes('produced')) return '已有制作完成、尚未发放的证书';
  if (heldStatuses.includes('issued')) return '已持有代理员证（一人一证）';
  if (heldStatuses.includes('suspended')) return '证书暂停使用中，年审合格即可恢复，无须重新制作';
  return null;
}
