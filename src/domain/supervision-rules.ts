// 督导检查，动态管理 (平妇字〔2014〕17号 三.4): visits against the five creation standards (二(一)–(五)),
// rectification lists with due dates, done only with evidence.
import { compareDates } from './dates.js';
import { DomainError, ProblemCollector, problem, throwIfAny, type FieldProblems } from './errors.js';
import { isBlank, maxLength, notBefore, pastDateCheck, readDate, required, type TextInput } from './field-checks.js';

import type { RectificationStatus } from './vocabulary.js';

export interface InspectionInput {
  title?: TextInput;
  inspectedOn?: TextInput;
  inspectors?: TextInput;
  overallResult?: TextInput;
}

export function validateInspection(input: InspectionInput, ctx: { today: string }): FieldProblems {
  return new ProblemCollector()
    .add('title', required(input.title, '请填写检查名称，如“2026年下半年督导检查”') ?? maxLength(input.title, 100))
    .add('inspectedOn', required(input.inspectedOn, '请填写检查日期') ?? pastDateCheck(input.inspectedOn, ctx.today))
    .add('inspectors', required(input.inspectors, '请填写检查人员') ?? maxLength(input.inspectors, 200))
    .add('overallResult', required(input.overallResult, '请选择总体结论')).problems;
}

export function validateFinding(input: {
  standard?: TextInput;
  result?: TextInput;
  finding?: TextInput;
}): FieldProblems {
  return new ProblemCollector()
    .add('standard', required(input.standard, '请选择创建标准'))
    .add('result', required(input.result, '请选择检查结论'))
    .add('finding', required(input.finding, '请填写检查发现的情况')).problems;
}

export interface RectificationInput {
  item?: TextInput;
  dueOn?: TextInput;
}

/**
 * An item of the list: what to put right and by when, not before the visit. The 整改期限 is a date the
 * inspector sets, not a period counted from an event, so the legal calendar does not move it (a date on a
 * rest day is the inspector's choice).
 */
export function validateRectification(input: RectificationInput, ctx: { inspectedOn: string | null }): FieldProblems {
  const c = new ProblemCollector().add('item', required(input.item, '请填写整改事项'));
  if (isBlank(input.dueOn)) c.add('dueOn', problem('REQUIRED', '请填写整改期限'));
  else if (!readDate(input.dueOn)) c.add('dueOn', problem('DATE_INVALID', '请填写有效日期，如 2024-03-01'));
  else c.add('dueOn', notBefore(input.dueOn, ctx.inspectedOn, '整改期限不能早于检查日期'));
  return c.problems;
}

export interface RectificationState {
  status: RectificationStatus;
  dueOn: string;
}

export interface CompletionInput {
  doneOn?: TextInput;
  evidence?: TextInput;
}

/**
 * Recording an item as done: it must still be open, the day must lie between the visit and today, and
 * the evidence (what was done, where it can be seen) must be written down.
 */
export function completeRectification(
  item: RectificationState,
  input: CompletionInput,
  ctx: { today: string; inspectedOn: string },
): { doneOn: string; evidence: string } {
  if (item.status !== 'open') throw new DomainError('RECTIFICATION_DONE', '该整改事项已登记完成，不能重复登记');
  throwIfAny(
    new ProblemCollector()
      .add('doneOn', required(input.doneOn, '请填写完成日期') ?? pastDateCheck(input.doneOn, ctx.today))
      .add('doneOn', notBefore(input.doneOn, ctx.inspectedOn, '完成日期不能早于检查日期'))
      .add('evidence', required(input.evidence, '请写明整改情况和佐证材料')).problems,
  );
  return { doneOn: input.doneOn!.trim(), evidence: input.evidence!.trim() };
}

/** Open and past its due date. */
export function isOverdue(item: RectificationState, today: string): boolean {
  return item.status === 'open' && compareDates(item.dueOn, today) < 0;
}
