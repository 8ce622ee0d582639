import { ProblemCollector, problem, type FieldProblems } from './errors.js';
import { contactPhoneCheck, inRange, isSet, pastDateCheck, readNumber, required } from './field-checks.js';
import type { FlagInput, NumberInput, TextInput } from './field-checks.js';

// 平妇字〔2014〕17号 launched the pilots (层层试点); no work point can have been a pilot earlier.
const FIRST_PILOT_YEAR = 2014;

export interface WorkPointInput {
  name?: TextInput;
  phone?: TextInput;
  establishedOn?: TextInput;
  isPilot?: FlagInput;
  pilotYear?: NumberInput;
}

export interface WorkPointContext {
  today: string;
  /** The county's own name as on the plaque, e.g. '新华区'. */
  countyName: string;
}

/** 创建标准（二）"三个统一": the name is ×××县（市、区）妇女信访代理工作点. */
export function unifiedWorkPointName(countyName: string): string {
  return `${countyName.trim()}妇女信访代理工作点`;
}

export function validateWorkPoint(input: WorkPointInput, ctx: WorkPointContext): FieldProblems {
  const c = new ProblemCollector();
  const expected = unifiedWorkPointName(ctx.countyName);
  if ((input.name ?? '').trim() !== expected) {
    c.add('name', problem('WORK_POINT_NAME', `工作点名称应统一为“${expected}”`));
  }
  c.add('phone', contactPhoneCheck(input.phone));
  c.add('establishedOn', pastDateCheck(input.establishedOn, ctx.today));
  const year = readNumber(input.pilotYear);
  if (isSet(input.isPilot)) {
    const thisYear = Number(ctx.today.slice(0, 4));
    c.add('pilotYear', required(input.pilotYear, '试点工作点请填写试点年份'));
    if (year !== null && !inRange(year, FIRST_PILOT_YEAR, thisYear)) {
      c.add('pilotYear', problem('PILOT_YEAR_RANGE', `试点年份应在${FIRST_PILOT_YEAR}年至${thisYear}年之间`));
    }
  } else if (year !== null) {
    c.add('pilotYear', problem('PILOT_YEAR_NOT_PILOT', '未列为试点的工作点不填试点年份'));
  }
  return c.problems;
}
