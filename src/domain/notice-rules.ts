// 通知公告: the city (or a county, to its own staff) publishes a notice; recipients mark it read.
import { DomainError, ProblemCollector, problem, type FieldProblems } from './errors.js';
import { maxLength, required, type TextInput } from './field-checks.js';

export interface NoticeInput {
  countyId?: number | null;
  title?: TextInput;
  body?: TextInput;
  targetCountyIds?: readonly (number | string)[] | null;
}

export function validateNotice(input: NoticeInput, ctx: { countyIds: readonly number[] }): FieldProblems {
  const c = new ProblemCollector()
    .add('title', required(input.title, '请填写通知标题') ?? maxLength(input.title, 200))
    .add('body', required(input.body, '请填写通知内容'));
  const targets = (input.targetCountyIds ?? []).map(Number);
  if (input.countyId != null && targets.some((t) => t !== input.countyId)) {
    c.add('targetCountyIds', problem('NOTICE_TARGET', '县（市、区）妇联的通知只能发给本县（市、区）'));
  } else if (targets.some((t) => !ctx.countyIds.includes(t))) {
    c.add('targetCountyIds', problem('NOTICE_TARGET', '发送范围只能选择县（市、区）'));
  }
  return c.problems;
}

/** Who receives it: a county's notice its own county; a city notice the chosen counties, or all of them. */
export function noticeRecipients(notice: NoticeInput, allCountyIds: readonly number[]): number[] {
  if (notice.countyId != null) return [notice.countyId];
  const chosen = (notice.targetCountyIds ?? []).map(Number);
  return chosen.length ? [...new Set(chosen)].sort((a, b) => a - b) : [...allCountyIds].sort((a, b) => a - b);
}

/** A published notice is on the record as sent: correct it with a new notice. */
export function assertNoticeDraft(notice: { status?: string | null }): void {
  if (notice.status === 'published')
    throw new DomainError('NOTICE_PUBLISHED', '通知已发布，不能修改或删除；如需更正，请另发通知');
}
