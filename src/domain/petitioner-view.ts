// 《信访工作条例》第二十一条: the petitioner may query how her matter is being handled and rate it.
// Pure rules of the public query page and the rating; time is passed in.
import { can, type Actor } from './access-policy.js';
import type { CaseFacts } from './case-workflow.js';
import { problem, type FieldProblem } from './errors.js';
import { isOneOf, RATINGS, type Rating } from './vocabulary.js';

export const PETITIONER_VIEW_POLICY = {
  /** a second rating replaces the first within this many days of the first, then it is locked */
  ratingChangeDays: 15,
  /** the optional comment, in characters */
  commentMaxLength: 200,
  /**
   * 满意率 target (%), making it a creation standard; null: shown for information, not assessed (the city
   * has set no target)
   */
  satisfactionTargetPct: null as number | null,
  /** a 不满意 rating stays on the county's home page this many days (time for 反馈回访) */
  dissatisfiedOnHomeDays: 60,
  /** lookups per address in `windowMinutes` (wrong or right), and wrong codes per case number */
  attemptsPerAddress: 30,
  failuresPerCase: 10,
  windowMinutes: 60,
};

/** Crockford base32 without I, L, O, U: what the database issues (migration new_query_code()). */
const QUERY_CODE = /^[0-9A-HJKMNP-TV-Z]{10}$/;

/**
 * The code as typed (any case, spaces or hyphens, I/L for 1 and O for 0 as Crockford reads them), or
 * null when it cannot be one.
 */
export function normalizeQueryCode(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 40) return null;
  const code = input
    .toUpperCase()
    .replace(/[\s\-－—_]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  return QUERY_CODE.test(code) ? code : null;
}

/**
 * The query code is a credential to her case: those who print it for her and re-issue it — her county's
 * clerks and the city — hold it; a leader (read-only) never does, on a page, a printed form or a case file.
 */
export function mayHoldQueryCode(actor: Actor | null | undefined, countyId: number | null): boolean {
  return can(actor, 'write', 'PetitionCase', { countyId });
}

/** the public query page, under PUBLIC_BASE_URL */
export const QUERY_PAGE_PATH = '/query';

/**
 * What the QR code on her 告知书 and 答复意见书 opens: the query page with her case number and code filled
 * in (the page answers a GET of ?no=&code= as it answers the form). The page sends no referrer and loads
 * nothing from elsewhere, and the audit log records the number, never the code.
 */
export function queryPageUrl(publicBaseUrl: string, caseNo: string, code: string): string {
  const base = publicBaseUrl.replace(/\/+$/, '');
  return `${base}${QUERY_PAGE_PATH}?no=${encodeURIComponent(caseNo)}&code=${formatQueryCode(code)}`;
}

/** As printed and shown: two groups of five, "7K3QM-X9D2F". */
export function formatQueryCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** A case number as typed (full-width hyphen, spaces around), or null when it cannot be one. */
export function normalizeCaseNo(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 60) return null;
  const caseNo = input
    .trim()
    .replace(/[－—–]/g, '-')
    .replace(/\s+/g, '');
  // 新华-2026-0007: a county's short name, the year, a sequence
  return /^[\p{Script=Han}A-Za-z0-9]{1,12}-\d{4}-\d{1,8}$/u.test(caseNo) && caseNo.length <= 30 ? caseNo : null;
}

export { RATING_LABELS, RATINGS, type Rating } from './vocabulary.js';

export function isRating(value: unknown): value is Rating {
  return isOneOf(RATINGS, value);
}

export interface ExistingRating {
  firstRatedAt: Date;
}

export type RatingRefusal = 'NO_REPLY' | 'LOCKED';

/** The last moment a rating given first at `firstRatedAt` may still be replaced. */
export function ratingLockedAt(firstRatedAt: Date, policy = PETITIONER_VIEW_POLICY): Date {
  return new Date(firstRatedAt.getTime() + policy.ratingChangeDays * 86_400_000);
}

/** Why she may not rate now, or null: only after the reply opinion (附件5), and not after the lock. */
export function ratingRefusal(
  c: Pick<CaseFacts, 'replyIssuedOn'>,
  existing: ExistingRating | null,
  now: Date,
  policy = PETITIONER_VIEW_POLICY,
): RatingRefusal | null {
  if (!c.replyIssuedOn) return 'NO_REPLY';
  if (existing && now.getTime() > ratingLockedAt(existing.firstRatedAt, policy).getTime()) return 'LOCKED';
  return null;
}

/** The comment as stored: trimmed, NUL and other control characters (but line breaks) removed; null if empty. */
export function cleanComment(input: unknown): string | null | 'TOO_LONG' | 'NOT_TEXT' {
  if (input == null) return null;
  if (typeof input !== 'string') return 'NOT_TEXT';
  // eslint-disable-next-line no-control-regex
  const text = input.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
  if (!text) return null;
  return [...text].length > PETITIONER_VIEW_POLICY.commentMaxLength ? 'TOO_LONG' : text;
}

/** 重新生成查询码的原因: required text (it is the audit's only account of why her printed code died). */
export function reissueReasonProblem(input: unknown): FieldProblem | null {
  const text = cleanComment(input);
  if (text === null || text === 'NOT_TEXT') return problem('REISSUE_REASON_REQUIRED', '请填写重新生成查询码的原因');
  if (text === 'TOO_LONG')
    return problem('REISSUE_REASON_TOO_LONG', `原因不能超过${PETITIONER_VIEW_POLICY.commentMaxLength}个字`);
  return null;
}

export type StepFacts = Pick<
  CaseFacts,
  | 'acceptedOn'
  | 'acceptanceNotifiedOn'
  | 'agreementSignedOn'
  | 'representingSince'
  | 'extensionDays'
  | 'extensionNotifiedOn'
  | 'concludedOn'
  | 'replyIssuedOn'
  | 'reviewRequestedOn'
  | 'reviewAnsweredOn'
  | 'archivedOn'
  | 'terminatedOn'
>;

/** The steps taken, with their dates, in order: what she is told about her matter (no contents, no papers). */
export function stepsTaken(c: StepFacts): { label: string; on: string }[] {
  const steps: [string, string | null][] = [
    ['受理', c.acceptedOn],
    ['书面告知受理', c.acceptanceNotifiedOn],
    ['签订代理协议', c.agreementSignedOn],
    ['开始代理', c.representingSince],
    [`延长办理期限${c.extensionDays ?? ''}日并告知理由`, c.extensionDays ? c.extensionNotifiedOn : null],
    ['办结（终结）', c.concludedOn],
    ['出具答复意见书', c.replyIssuedOn],
    ['申请复查', c.reviewRequestedOn],
    ['复查答复', c.reviewAnsweredOn],
    ['立案归档', c.archivedOn],
    ['解除代理', c.terminatedOn],
  ];
  return steps
    .filter((s): s is [string, string] => Boolean(s[1]))
    .map(([label, on]) => ({ label, on }))
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}
