import { compareDates } from './dates.js';
import { ProblemCollector, problem, type FieldProblems } from './errors.js';
import {
  idNumberCheck,
  isBlank,
  isSet,
  maxLength,
  contactPhoneCheck,
  inRange,
  notBefore,
  pastDateCheck,
  readDate,
  readNumber,
  required,
  type FlagInput,
  type NumberInput,
  type TextInput,
} from './field-checks.js';

const DATE_LABELS = {
  acceptedOn: '受理日期',
  acceptanceNotifiedOn: '受理告知日期',
  agreementSignedOn: '协议签订日期',
  notifiedOn: '代理告知日期',
  representingSince: '开始代理日期',
  extensionNotifiedOn: '延期告知日期',
  concludedOn: '终结日期',
  replyIssuedOn: '答复意见书出具日期',
  reviewRequestedOn: '申请复查日期',
  reviewAnsweredOn: '复查答复日期',
  archivedOn: '归档日期',
  terminatedOn: '解除代理日期',
} as const;

type DateField = keyof typeof DATE_LABELS;

const PG_INTEGER_MAX = 2_147_483_647;

// 附件2 第五条 and 条例 第三十五条: the reply follows the conclusion, a review request the reply,
// and its answer the request.
const REPLY_CHAIN: DateField[] = ['concludedOn', 'replyIssuedOn', 'reviewRequestedOn', 'reviewAnsweredOn'];

export type PetitionCaseInput = Partial<Record<DateField, TextInput>> & {
  petitionerName?: TextInput;
  petitionerIdNumber?: TextInput;
  petitionerPhone?: TextInput;
  subject?: TextInput;
  isGroup?: FlagInput;
  groupSize?: NumberInput;
  extensionDays?: NumberInput;
  extensionApprovedBy?: TextInput;
  extensionReason?: TextInput;
};

export interface PetitionCaseContext {
  /** 'YYYY-MM-DD' in China, from localDate(now). */
  today: string;
}

export function validatePetitionCase(input: PetitionCaseInput, ctx: PetitionCaseContext): FieldProblems {
  const c = new ProblemCollector();
  c.add('petitionerName', required(input.petitionerName) ?? maxLength(input.petitionerName, 50));
  c.add('petitionerIdNumber', idNumberCheck(input.petitionerIdNumber, ctx.today));
  // she may be reached at home only: a landline with its area code (0375-2666938) is as good as a mobile
  c.add('petitionerPhone', contactPhoneCheck(input.petitionerPhone));
  c.add('subject', required(input.subject) ?? maxLength(input.subject, 200));
  const acceptedProblem = required(input.acceptedOn) ?? pastDateCheck(input.acceptedOn, ctx.today);
  c.add('acceptedOn', acceptedProblem);
  // a wrong acceptance date is reported once, not again on every date compared with it
  addDateProblems(c, input, ctx.today, acceptedProblem ? null : input.acceptedOn);
  addGroupProblems(c, input);
  addExtensionProblems(c, input);
  return c.problems;
}

function addDateProblems(c: ProblemCollector, input: PetitionCaseInput, today: string, acceptedOn: TextInput): void {
  for (const [field, label] of Object.entries(DATE_LABELS) as [DateField, string][]) {
    if (field === 'acceptedOn') continue;
    c.add(field, pastDateCheck(input[field], today));
    c.add(field, notBefore(input[field], acceptedOn, `${label}不能早于受理日期`));
  }
  // each date of the chain is compared with the latest one before it that is filled in
  let latest: { field: DateField; date: string } | null = null;
  for (const field of REPLY_CHAIN) {
    const date = readDate(input[field]);
    if (!date) continue;
    if (latest && compareDates(date, latest.date) < 0) {
      c.add(field, problem('DATE_ORDER', `${DATE_LABELS[field]}不能早于${DATE_LABELS[latest.field]}`));
    } else {
      latest = { field, date };
    }
  }
  c.add('archivedOn', notBefore(input.archivedOn, input.concludedOn, '归档日期不能早于终结日期'));
}

function addGroupProblems(c: ProblemCollector, input: PetitionCaseInput): void {
  const size = readNumber(input.groupSize);
  if (isSet(input.isGroup)) {
    c.add('groupSize', required(input.groupSize, '群体案件请填写人数'));
    if (size !== null && !inRange(size, 2, PG_INTEGER_MAX)) {
      c.add('groupSize', problem('GROUP_SIZE_INVALID', '群体案件人数应为不少于2的整数'));
    }
  } else if (size !== null) {
    c.add('groupSize', problem('GROUP_SIZE_NOT_GROUP', '不是群体案件时不填人数'));
  }
}

// 信访工作条例 第三十四条: one extension of at most 30 days, approved by the head of the unit, and the
// petitioner told the reason.
function addExtensionProblems(c: ProblemCollector, input: PetitionCaseInput): void {
  const days = readNumber(input.extensionDays);
  if (days !== null) {
    if (!inRange(days, 1, 30)) c.add('extensionDays', problem('EXTENSION_DAYS_RANGE', '延长办理期限应为1至30天'));
    c.add('extensionApprovedBy', required(input.extensionApprovedBy, '延期须经本机关、单位负责人批准，请填写批准人'));
    c.add('extensionReason', required(input.extensionReason, '请填写延期理由，并告知信访人'));
  } else if (!isBlank(input.extensionApprovedBy) || !isBlank(input.extensionReason)) {
    c.add('extensionDays', required(input.extensionDays, '已填写延期批准人或理由，请填写延长天数'));
  }
}

/** The earlier case a case is marked as repeating (重复信访), as the database holds it. */
export interface EarlierCaseFacts {
  id: number;
  caseNo: string;
  acceptedOn: string;
}

/**
 * 重复信访 marked by hand: the earlier case must be another case, received no later than this one — a
 * case cannot repeat itself or one that came after it. (Same county and not voided: the form's reference
 * rules.) `earlier` is null when the chosen id names no case.
 */
export function repeatOfProblems(
  earlier: EarlierCaseFacts | null,
  self: { id: number | null; acceptedOn: string | null },
): FieldProblems {
  const found = new ProblemCollector();
  if (!earlier) return found.add('repeatOfId', problem('REPEAT_OF_MISSING', '所选前案不存在')).problems;
  if (earlier.id === self.id) found.add('repeatOfId', problem('REPEAT_OF_SELF', '不能把本案标为自己的前案'));
  else if (self.acceptedOn && compareDates(earlier.acceptedOn, self.acceptedOn) > 0)
    found.add(
      'repeatOfId',
      problem(
        'REPEAT_OF_LATER',
        `前案应是本案之前的案件：${earlier.caseNo} 受理于 ${earlier.acceptedOn}，晚于本案的受理日期`,
      ),
    );
  return found.problems;
}
