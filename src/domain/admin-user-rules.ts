import type { Role } from './access-policy.js';
import { ProblemCollector, problem, type FieldProblems } from './errors.js';
import { isBlank, maxLength, required, type TextInput } from './field-checks.js';
import { passwordProblem } from './password-policy.js';

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export interface AdminUserInput {
  email?: TextInput;
  name?: TextInput;
  role?: Role | null;
  countyId?: number | string | null;
  /** The new password in clear, only when it is being set. */
  password?: TextInput;
}

export interface AdminUserContext {
  /** True when creating an account: a password must then be given. */
  passwordRequired?: boolean;
}

export function validateAdminUser(input: AdminUserInput, ctx: AdminUserContext = {}): FieldProblems {
  const c = new ProblemCollector();
  c.add('email', required(input.email) ?? maxLength(input.email, 120));
  if (!isBlank(input.email) && !EMAIL.test(input.email.trim())) {
    c.add('email', problem('EMAIL_INVALID', '邮箱格式不正确，如 name@example.org'));
  }
  c.add('name', required(input.name) ?? maxLength(input.name, 50));
  c.add('role', required(input.role, '请选择角色'));
  if (ctx.passwordRequired) c.add('password', required(input.password, '请设置密码'));
  if (!isBlank(input.password)) c.add('password', passwordProblem(input.password));
  // 县妇联 staff work for their own county only; municipal admins and leaders see all counties
  if (input.role === 'county_staff') {
    c.add('countyId', required(input.countyId, '县妇联工作人员须选择所属县（市、区）'));
  } else if (input.role && !isBlank(input.countyId)) {
    c.add('countyId', problem('COUNTY_NOT_ALLOWED', '市妇联管理员和领导账号不属于某个县（市、区），请清空所属县'));
  }
  return c.problems;
}
