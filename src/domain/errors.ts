/**
 * Every refusal the program gives has a code from this one list, with its Chinese message (the default;
 * a rule may say it more precisely), the HTTP status a router answers with, and the form field it
 * concerns where it always concerns one. The admin adapter, the step actions and the file routers all
 * translate a refusal through this list (src/admin/refusals.ts), so the same refusal reads the same way
 * everywhere: a missing record is 404, a refusal of rights 403, a record that has moved on 409.
 */
interface ErrorSpec {
  message: string;
  /** 400 (the clerk can correct the input) unless said otherwise. */
  status?: 400 | 403 | 404 | 409 | 413 | 422;
  field?: string;
}

export const ERROR_CODES = {
  // rights and existence
  FORBIDDEN: { message: '您无权执行该操作', status: 403 },
  NOT_FOUND: { message: '记录不存在或无权访问', status: 404 },
  // the record moved on since the page was loaded, or is closed to changes
  STALE_VERSION: { message: '该记录已被他人修改，请刷新页面后再操作', status: 409, field: 'rowVersion' },
  VERSION_REQUIRED: {
    message: '请求缺少记录版本号，请刷新页面后再保存（以免覆盖他人刚保存的修改）',
    status: 409,
    field: 'rowVersion',
  },
  VERSION_INVALID: { message: '版本号无效，请刷新页面后再操作', status: 409, field: 'rowVersion' },
  VOIDED: { message: '该记录已作废，不能再办理或修改；如需恢复，请联系市妇联管理员' },
  ALREADY_VOIDED: { message: '该记录已经作废' },
  NOT_VOIDED: { message: '该记录没有作废，无需恢复' },
  CASE_ARCHIVED: {
    message: '该案件已立案归档，案卷已锁定，不能修改。如确需修改，请联系市妇联管理员重新打开案卷',
    status: 409,
  },
  NOTICE_PUBLISHED: { message: '通知已发布，不能修改或删除；如需更正，请另发通知', status: 409 },
  FROZEN: { message: '已上报的统计表不能修改或删除；被退回的请选择“修改后重新上报”生成新版本' },
  REPORT_ADOPTED: { message: '该信息已被市妇联采用，不能再修改或删除' },
  RECTIFICATION_DONE: { message: '已完成的整改事项不能修改或删除' },
  NOT_LATEST: { message: '该年度已有更新的版本，请在最新版本上操作' },
  WRONG_STATUS: { message: '该记录当前的状态不能办理这一步' },
  TRANSITION_NOT_ALLOWED: { message: '案件当前状态不能办理这一步' },
  CERTIFICATE_STATE: { message: '证书当前状态不能办理这一步' },
  // the case's steps (信访工作条例, 代理工作规范)
  ACCEPTANCE_ALREADY_NOTIFIED: { message: '已登记受理告知，无需重复受理' },
  NOT_YET_ACCEPTED: {
    message: '尚未登记受理：请先办理“受理”，登记书面告知信访人受理情况的日期（条例第二十三条），再开始代理',
  },
  AGENT_MISSING: {
    message: '尚未指定代理员：请选择承办本案的代理员（在岗、持有效代理员证）',
    field: 'agentId',
  },
  AGENT_OTHER_COUNTY: { message: '代理员不属于本案所在县（市、区），不能承办本案', field: 'agentId' },
  AGENT_INACTIVE: { message: '代理员已离岗，请改派在岗的代理员', field: 'agentId' },
  AGENT_NOT_CERTIFIED: { message: '代理员没有有效的代理员资格证书，不能开始代理', field: 'agentId' },
  NO_HANDLING_RECORD: {
    message: '尚无办案记录（附件4）：请先在“办案记录”中登记至少一条办理情况，再终结案件',
  },
  EXTENSION_ALREADY_USED: { message: '办理期限只能延长一次，且不超过30日（条例第三十四条）' },
  EXTENSION_DAYS_RANGE: { message: '延长办理期限应为1至30天' },
  REPLY_ALREADY_ISSUED: { message: '答复意见书已出具，无需重复出具' },
  REPLY_NOT_ISSUED: { message: '尚未出具答复意见书（附件5）' },
  REVIEW_ALREADY_ANSWERED: { message: '复查申请及复查答复均已登记' },
  REVIEW_PENDING: { message: '信访人已申请复查，尚未登记复查答复，暂不能立案归档' },
  REVIEW_WINDOW_OPEN: { message: '复查申请期限尚未届满，暂不能立案归档' },
  FILE_INCOMPLETE: { message: '案卷材料不全，不能立案归档' },
  REOPEN_CITY_ONLY: { message: '已归档的案卷只有市妇联管理员可以重新打开' },
  REPEAT_OF_MISSING: { message: '所选前案不存在' },
  REPEAT_OF_SELF: { message: '不能把本案标为自己的前案' },
  REPEAT_OF_LATER: { message: '前案应是本案之前的案件' },
  FORM_NOT_YET: { message: '案件尚未办到可以生成这份文书的环节', status: 409 },
  SCAN_MISSING: { message: '扫描件的文件已不存在，全卷无法生成，请重新上传', status: 422 },
  SCAN_UNREADABLE: { message: '扫描件已损坏或无法读取，全卷无法生成', status: 422 },
  // uploads
  FILE_EMPTY: { message: '上传的文件是空的' },
  UPLOAD_INVALID: { message: '上传的内容不完整或格式有误，请重新选择文件上传' },
  BODY_TOO_LARGE: { message: '上传的内容过大', status: 413 },
  FILE_TOO_LARGE: { message: '文件过大' },
  FILE_TYPE: { message: '只能上传 PDF、JPG 或 PNG 格式的文件' },
  FILE_UNREADABLE: { message: '文件：不是能打开的 PDF（已损坏或不完整），请重新扫描或导出后再上传', field: 'file' },
  TOO_MANY_FILES: { message: '该记录上传的文件已达上限' },
  STORAGE_KEY: { message: '文件存储标识无效' },
  KIND_INVALID: { message: '请选择文书类别' },
  TITLE_INVALID: { message: '文书标题应为文字' },
  TITLE_TOO_LONG: { message: '文书标题过长' },
  // the city's yearly work (考评, 表彰, 通知, 信息上报)
  YEAR: { message: '请填写有效的年度' },
  YEAR_FIXED: { message: '年度不能修改' },
  YEAR_RANGE: { message: '年度超出允许的范围' },
  NO_EVALUATION: { message: '本年度尚未生成考评，请先在“考评”中生成' },
  NO_ITEM: { message: '请选择要调整的考评项目' },
  OUT_OF_RANGE: { message: '得分超出该项目的分值范围' },
  UNCHANGED: { message: '得分没有变化' },
  NOT_VETOED: { message: '该单位未被一票否决' },
  REASON_REQUIRED: { message: '请写明理由' },
  NOTICE_TARGET: { message: '发送范围只能选择县（市、区）' },
  ALREADY_READ: { message: '该通知已标记为已读' },
  PERSONAL_DATA: { message: '信息上报不得包含信访人的个人信息，请删去；市妇联要求提供的除外' },
  COUNTY_REQUIRED: { message: '请选择县（市、区）' },
  COUNTY_NOT_ALLOWED: { message: '市妇联管理员和领导账号不属于某个县（市、区），请清空所属县' },
  // one field's input
  VALIDATION: { message: '请更正标出的字段' },
  REQUIRED: { message: '请填写此项' },
  EXISTS: { message: '与已有记录重复' },
  REFERENCED: { message: '该记录已被其他记录引用，不能删除' },
  CHECK_FAILED: { message: '数据不符合规则' },
  TOO_LONG: { message: '内容过长' },
  CHOICE_INVALID: { message: '请从列表中选择' },
  INPUT_BOOLEAN: { message: '请选择“是”或“否”' },
  INPUT_CHOICE: { message: '请从列表中选择' },
  INPUT_DATE: { message: '日期无效，请按“年-月-日”填写，如 2025-03-01' },
  INPUT_NUMBER: { message: '请输入数字' },
  INPUT_REFERENCE: { message: '所选记录无效，请从列表中选择' },
  INPUT_TOO_LONG: { message: '内容过长' },
  INPUT_TYPE: { message: '格式不对，请填写文字' },
  DATE_INVALID: { message: '请填写有效日期，如 2024-03-01' },
  DATE_IN_FUTURE: { message: '日期不能晚于今天' },
  DATE_ORDER: { message: '日期先后不对' },
  EMAIL_INVALID: { message: '邮箱格式不正确，如 name@example.org' },
  PHONE_INVALID: { message: '电话号码格式不正确' },
  ID_NUMBER_FORMAT: { message: '身份证号码应为18位，最后一位可为X' },
  ID_NUMBER_BIRTH_DATE: { message: '身份证号码中的出生日期无效' },
  ID_NUMBER_CHECKSUM: { message: '身份证号码校验位不对，请核对' },
  PERSON_NAME: { message: '姓名应为2至20个汉字或字母，少数民族姓名可用“·”分隔' },
  GENDER_MISMATCH: { message: '性别与身份证号码不符' },
  GROUP_SIZE_INVALID: { message: '群体案件人数应为不少于2的整数' },
  GROUP_SIZE_NOT_GROUP: { message: '不是群体案件时不填人数' },
  ORG_CODE_FORMAT: { message: '不是有效的行政区划代码' },
  ORG_CODE_LENGTH: { message: '行政区划代码的位数不对' },
  ORG_CODE_PARENT: { message: '代码应以上级单位的代码开头' },
  PARENT_LEVEL: { message: '上级单位的级别不对' },
  PARENT_NOT_ALLOWED: { message: '市级单位没有上级单位' },
  PLACE_LEVEL: { message: '所选地点的级别不对' },
  PASSWORD_COMMON: { message: '这是最常见的密码之一，很容易被猜中，请换一个' },
  PASSWORD_TOO_LONG: { message: '密码过长，请不超过72个英文字母或数字' },
  PASSWORD_TOO_SHORT: { message: '密码过短' },
  PASSWORD_TOO_SIMPLE: { message: '密码不能只由字母或只由数字组成，请混合使用字母、数字或符号' },
  PILOT_YEAR_NOT_PILOT: { message: '未列为试点的工作点不填试点年份' },
  PILOT_YEAR_RANGE: { message: '试点年份超出允许的范围' },
  WORK_POINT_NAME: { message: '工作点名称不符合统一的格式' },
  TRAINING_HOURS_RANGE: { message: '培训学时应在0.5至100小时之间，最多一位小数' },
  REISSUE_REASON_REQUIRED: { message: '请填写重新生成查询码的原因' },
  REISSUE_REASON_TOO_LONG: { message: '原因过长' },
  VOID_REASON_REQUIRED: { message: '请填写作废原因', field: 'reason' },
  VOID_REASON_TOO_LONG: { message: '作废原因过长', field: 'reason' },
  // her rating on the public query page (条例第二十一条; the limits in PETITIONER_VIEW_POLICY)
  RATING_CHOICE: { message: '请选择满意、基本满意或不满意', field: 'rating' },
  RATING_COMMENT: { message: '意见请填写文字，不要超过字数限制', field: 'comment' },
  RATING_NO_REPLY: { message: '答复意见书出具后才能评价。', status: 409 },
  RATING_LOCKED: { message: '评价已超过修改期限，已锁定。', status: 409 },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERROR_CODES;

const spec = (code: ErrorCode): ErrorSpec => ERROR_CODES[code];

/** The HTTP status a refusal with this code answers with. */
export function errorStatus(code: ErrorCode): number {
  return spec(code).status ?? 400;
}

/** One problem with one form field: a code from the list above and a Chinese message for the clerk. */
export interface FieldProblem {
  code: ErrorCode;
  message: string;
}

/** Problems keyed by the entity's camelCase property name; empty when the input is valid. */
export type FieldProblems = Record<string, FieldProblem>;

/**
 * A business rule was broken. `message` is shown to the user as is (the code's own message unless the
 * rule says it more precisely); `field` is the form field it concerns (the code's, unless the rule names
 * one), absent for the record as a whole.
 */
export class DomainError extends Error {
  readonly field: string | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string = spec(code).message,
    field: string | undefined = spec(code).field,
  ) {
    super(message);
    this.name = new.target.name;
    this.field = field;
  }

  get status(): number {
    return errorStatus(this.code);
  }
}

/** Several fields are wrong at once; each carries its own problem so a form can mark it. */
export class FieldErrors extends DomainError {
  constructor(readonly errors: FieldProblems) {
    super('VALIDATION');
  }
}

export function problem(code: ErrorCode, message: string = spec(code).message): FieldProblem {
  return { code, message };
}

/**
 * Gathers the problems of a whole record so the clerk sees them all in one go. A field keeps its first
 * problem: later rules on it usually only restate it (an empty date is also "not after the acceptance").
 */
export class ProblemCollector {
  private readonly found: FieldProblems = {};

  add(field: string, found: FieldProblem | null | undefined): this {
    if (found && !(field in this.found)) this.found[field] = found;
    return this;
  }

  get problems(): FieldProblems {
    return { ...this.found };
  }
}

export function hasProblems(problems: FieldProblems): boolean {
  return Object.keys(problems).length > 0;
}

/** field → code, for logs and tests. */
export function problemCodes(problems: FieldProblems): Record<string, string> {
  return Object.fromEntries(Object.entries(problems).map(([field, found]) => [field, found.code]));
}

export function fieldErrorsOf(problems: FieldProblems): FieldErrors | null {
  return hasProblems(problems) ? new FieldErrors({ ...problems }) : null;
}

export function throwIfAny(problems: FieldProblems): void {
  const error = fieldErrorsOf(problems);
  if (error) throw error;
}
