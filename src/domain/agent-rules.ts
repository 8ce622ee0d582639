import { ProblemCollector, problem, type FieldProblems } from './errors.js';
import {
  idNumberCheck,
  isBlank,
  mobilePhoneCheck,
  pastDateCheck,
  personNameCheck,
  required,
  type TextInput,
} from './field-checks.js';
import { idNumberGender } from './id-number.js';

export interface AgentInput {
  name?: TextInput;
  gender?: 'female' | 'male' | null;
  idNumber?: TextInput;
  phone?: TextInput;
  appointedOn?: TextInput;
  townshipId?: number | string | null;
}

export interface AgentContext {
  today: string;
}

export function validateAgent(input: AgentInput, ctx: AgentContext): FieldProblems {
  const c = new ProblemCollector();
  c.add('name', required(input.name) ?? personNameCheck(input.name));
  c.add('idNumber', required(input.idNumber) ?? idNumberCheck(input.idNumber, ctx.today));
  c.add('phone', required(input.phone) ?? mobilePhoneCheck(input.phone));
  c.add('appointedOn', required(input.appointedOn) ?? pastDateCheck(input.appointedOn, ctx.today));
  // 创建标准（三）: agents are chosen per township
  c.add('townshipId', required(input.townshipId, '请选择所属乡（镇、街道）'));
  const idNumberValid = !isBlank(input.idNumber) && idNumberCheck(input.idNumber, ctx.today) === null;
  if (idNumberValid && !isBlank(input.gender) && idNumberGender(input.idNumber!) !== input.gender) {
    c.add('gender', problem('GENDER_MISMATCH', '性别与身份证号码不符'));
  }
  return c.problems;
}
