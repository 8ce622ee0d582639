import type { FieldProblems } from '../domain/errors.js';
import { problem } from '../domain/errors.js';

/** Longest text a `text` column takes from a form (a case's facts run to a few pages, not to 100 KB). */
export const MAX_TEXT = 20_000;

const INT_MAX = 2147483647;

interface ColumnMeta {
  type?: unknown;
  length?: string | number;
  enum?: unknown[];
  isArray?: boolean;
  referencedColumn?: unknown;
}

/** A real calendar day written YYYY-MM-DD (not 2026-02-30, which JavaScript would take for 2 March). */
export function isRealDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function isInteger(v: unknown): boolean {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d{1,10}$/.test(v.trim()) ? Number(v) : Number.NaN;
  return Number.isInteger(n) && Math.abs(n) <= INT_MAX;
}

/**
 * What is wrong with form values by the type and size of their columns, before any business rule or the
 * database sees them: text in a number or date field, an object where text belongs, a choice not in the
 * list, text longer than the column. Each problem is on its field, in Chinese.
 */
export function inputProblems(
  values: Record<string, unknown>,
  properties: { path: string; column?: ColumnMeta }[],
): FieldProblems {
  const problems: FieldProblems = {};
  for (const { path, column } of properties) {
    if (!column || !(path in values)) continue;
    const v = values[path];
    if (v === null || v === undefined) continue;
    const type = column.type;
    if (column.isArray) {
      if (!Array.isArray(v) || (type === 'integer' && !v.every(isInteger)))
        problems[path] = problem('INPUT_TYPE', '所选项无效');
      continue;
    }
    if (type === 'jsonb' || type === 'json') continue;
    if (typeof v === 'object' && !(v instanceof Date)) {
      problems[path] = problem('INPUT_TYPE', '输入格式无效');
      continue;
    }
    if (column.referencedColumn) {
      if (!isInteger(v) || Number(v) < 1) problems[path] = problem('INPUT_REFERENCE', '所选记录无效，请从列表中选择');
      continue;
    }
    switch (type) {
      case 'integer':
        if (!isInteger(v)) problems[path] = problem('INPUT_NUMBER', '请输入整数');
        break;
      case 'numeric':
      case 'decimal':
        if (!(typeof v === 'number' ? Number.isFinite(v) : /^-?\d{1,12}(\.\d{1,4})?$/.test(String(v).trim()))) {
          problems[path] = problem('INPUT_NUMBER', '请输入数字');
        }
        break;
      case 'date':
        if (!isRealDay(String(v)))
          problems[path] = problem('INPUT_DATE', '日期无效，请按“年-月-日”填写，如 2025-03-01');
        break;
      case 'timestamptz':
        if (
          !(v instanceof Date
            ? !Number.isNaN(v.getTime())
            : !Number.isNaN(Date.parse(String(v))) && /^\d{4}-\d{2}-\d{2}/.test(String(v)))
        ) {
          problems[path] = problem('INPUT_DATE', '时间无效');
        }
        break;
      case 'boolean':
        if (!(typeof v === 'boolean' || ['true', 'false'].includes(String(v))))
          problems[path] = problem('INPUT_BOOLEAN', '请选择“是”或“否”');
        break;
      case 'enum':
        if (!(column.enum ?? []).map(String).includes(String(v)))
          problems[path] = problem('INPUT_CHOICE', '请从列表中选择');
        break;
      default: {
        if (typeof v !== 'string') break;
        const max = column.length ? Number(column.length) : type === 'text' ? MAX_TEXT : null;
        if (max && [...v].length > max)
          problems[path] = problem('INPUT_TOO_LONG', `内容过长：最多${max}个字，现有${[...v].length}个字`);
        // a NUL byte is no text (PostgreSQL refuses it)
        else if (v.includes('\u0000')) problems[path] = problem('INPUT_TYPE', '内容含有无效字符');
      }
    }
  }
  return problems;
}
