import { problem, type FieldProblem } from './errors.js';

export const PASSWORD_MIN_LENGTH = 10;
// bcrypt ignores everything after the 72nd byte
const PASSWORD_MAX_BYTES = 72;

// The commonest passwords of at least ten characters in published leak lists (Chinese sites included),
// compared without regard to case. Shorter ones already fail the length rule.
const COMMON_PASSWORDS = new Set([
  '1234567890',
  '0123456789',
  '0987654321',
  '12345678910',
  '11111111111',
  '1111111111',
  '0000000000',
  '123456789a',
  'a123456789',
  'a1234567890',
  'abc1234567',
  'abcd123456',
  'abc123456789',
  'aa123456789',
  'qq123456789',
  'qwe123456789',
  'qwertyuiop',
  'qwerty1234',
  'qwerty12345',
  '1q2w3e4r5t',
  '1qaz2wsx3edc',
  'zxcvbnm123',
  'asdfghjkl1',
  'password123',
  'password12',
  'password1!',
  'p@ssw0rd123',
  'passw0rd123',
  'admin12345',
  'admin123456',
  'administrator',
  'iloveyou12',
  'woaini1314',
  'woaini520520',
  '5201314520',
  '147258369a',
  'demo123456',
]);

function characterClasses(password: string): number {
  return [/\p{L}/u, /\p{N}/u, /[^\p{L}\p{N}]/u].filter((re) => re.test(password)).length;
}

/** Why a new password is refused, or null when it may be used. */
export function passwordProblem(password: string): FieldProblem | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    return problem('PASSWORD_TOO_SHORT', `密码至少需要${PASSWORD_MIN_LENGTH}个字符`);
  }
  if (new TextEncoder().encode(password).length > PASSWORD_MAX_BYTES) {
    return problem('PASSWORD_TOO_LONG', '密码过长，请不超过72个英文字母或数字');
  }
  if (COMMON_PASSWORDS.has(password.toLowerCase())) {
    return problem('PASSWORD_COMMON', '这是最常见的密码之一，很容易被猜中，请换一个');
  }
  if (characterClasses(password) < 2) {
    return problem('PASSWORD_TOO_SIMPLE', '密码不能只由字母或只由数字组成，请混合使用字母、数字或符号');
  }
  return null;
}
