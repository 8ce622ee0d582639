// 信息上报 (创建标准（一）): counties report work updates and typical cases to the city. Petitioners'
// personal data stays in the case file unless the city has asked for it on this report.
import { DomainError, ProblemCollector, problem, type FieldProblem, type FieldProblems } from './errors.js';
import { isSet, maxLength, pastDateCheck, required, type FlagInput, type TextInput } from './field-checks.js';

// 18 characters like a 公民身份号码, or 11 digits like a mobile number, not part of a longer number
const ID_NUMBER_LIKE = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])/;
const MOBILE_LIKE = /(?<![0-9])1[0-9]{10}(?![0-9])/;

/** The personal data found in a text, as the problem to show on its field; null when there is none. */
export function personalDataProblem(text: TextInput): FieldProblem | null {
  if (!text) return null;
  if (ID_NUMBER_LIKE.test(text)) {
    return problem(
      'PERSONAL_DATA',
      '内容中含有身份证号码。信息上报不得包含信访人的个人信息，请删去；市妇联要求提供的除外',
    );
  }
  if (MOBILE_LIKE.test(text)) {
    return problem(
      'PERSONAL_DATA',
      '内容中含有手机号码。信息上报不得包含信访人的个人信息，请删去；市妇联要求提供的除外',
    );
  }
  return null;
}

export interface InfoReportInput {
  kind?: TextInput;
  title?: TextInput;
  content?: TextInput;
  submittedOn?: TextInput;
  personalDataRequested?: FlagInput;
}

export function validateInfoReport(input: InfoReportInput, ctx: { today: string }): FieldProblems {
  const screen = !isSet(input.personalDataRequested);
  return new ProblemCollector()
    .add('kind', required(input.kind, '请选择信息类别'))
    .add('title', required(input.title, '请填写标题') ?? maxLength(input.title, 200))
    .add('title', screen ? personalDataProblem(input.title) : null)
    .add('content', required(input.content, '请填写信息内容'))
    .add('content', screen ? personalDataProblem(input.content) : null)
    .add('submittedOn', required(input.submittedOn, '请填写报送日期') ?? pastDateCheck(input.submittedOn, ctx.today))
    .problems;
}

/** An adopted report is the city's record of what it used: neither the county nor anyone else changes it. */
export function assertReportChangeable(report: { adopted?: boolean | null }): void {
  if (report.adopted) throw new DomainError('REPORT_ADOPTED', '该信息已被市妇联采用，不能再修改或删除');
}

export function assertAdoptable(report: { adopted: boolean }): void {
  if (report.adopted) throw new DomainError('REPORT_ADOPTED', '该信息已经采用过了');
}

export function validateComment(input: { cityComment?: TextInput }): FieldProblems {
  return new ProblemCollector().add('cityComment', required(input.cityComment, '请填写点评意见')).problems;
}
