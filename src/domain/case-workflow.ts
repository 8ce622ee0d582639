// The life of a case (平妇字〔2014〕17号, 创建标准 二: 受理-代理-终结-立案归档; 附件2 第六条: 解除代理).
// The moves are data (TRANSITIONS); applyTransition is the only way a case changes state.
import type { Role } from './access-policy.js';
import { describeMissing, missingFromFile } from './case-file-completeness.js';
import { CASE_POLICY, limitEnd, type CasePolicy } from './case-policy.js';
import { certificateValidOn, type CertificateDates, type ReviewDates } from './certificate-validity.js';
import { addDays, compareDates } from './dates.js';
import type { HolidaySchedule } from './legal-calendar.js';
import { DomainError, FieldErrors, ProblemCollector, problem, type ErrorCode, type FieldProblem } from './errors.js';
import { isBlank, maxLength, notBefore, pastDateCheck, readDate, readRecordId, required } from './field-checks.js';

import { CASE_STATE_LABELS, type CaseState } from './vocabulary.js';

export { CASE_STATE_LABELS, CASE_STATES, type CaseState } from './vocabulary.js';

/** The events, named as the admin actions that raise them. */
export const CASE_EVENTS = [
  'acceptCase',
  'startRepresenting',
  'extendDeadline',
  'conclude',
  'issueReply',
  'requestReview',
  'archive',
  'terminate',
  'reopen',
] as const;
export type CaseEvent = (typeof CASE_EVENTS)[number];

export const CASE_EVENT_LABELS: Record<CaseEvent, string> = {
  acceptCase: '受理',
  startRepresenting: '开始代理',
  extendDeadline: '延长办理期限',
  conclude: '终结',
  issueReply: '出具答复意见',
  requestReview: '登记复查申请',
  archive: '立案归档',
  terminate: '解除代理',
  reopen: '重新打开',
};

/** state → event → next state. An event missing from a state's row is refused in that state. */
export const TRANSITIONS: { readonly [S in CaseState]: { readonly [E in CaseEvent]?: CaseState } } = {
  accepted: {
    acceptCase: 'accepted',
    startRepresenting: 'representing',
    extendDeadline: 'accepted',
    terminate: 'terminated',
  },
  representing: {
    acceptCase: 'representing',
    extendDeadline: 'representing',
    conclude: 'concluded',
    terminate: 'terminated',
  },
  concluded: {
    issueReply: 'concluded',
    requestReview: 'concluded',
    archive: 'archived',
  },
  // 立案归档 locks the file; only the city reopens it
  archived: { reopen: 'concluded' },
  // 附件2 第六条: the agreement is dissolved, nothing follows
  terminated: {},
};

export function nextState(state: CaseState, event: CaseEvent): CaseState | null {
  // a record that is not yet saved (a refused new form) has no state: nothing is legal
  return TRANSITIONS[state]?.[event] ?? null;
}

/** The petition_case columns the workflow reads and writes. Dates are 'YYYY-MM-DD'. */
export interface CaseFacts {
  state: CaseState;
  countyId: number;
  agentId: number | null;
  acceptedOn: string;
  acceptanceNotifiedOn: string | null;
  agreementSignedOn: string | null;
  notifiedOn: string | null;
  representingSince: string | null;
  extensionDays: number | null;
  extensionApprovedBy: string | null;
  extensionReason: string | null;
  extensionNotifiedOn: string | null;
  concludedOn: string | null;
  outcome: string | null;
  replyIssuedOn: string | null;
  reviewRequestedOn: string | null;
  reviewDepartment: string | null;
  reviewAnsweredOn: string | null;
  /** 附件2 第五条: the day she declined in writing to ask for a review (the window then closes early) */
  reviewDeclinedOn: string | null;
  archivedOn: string | null;
  archiveNo: string | null;
  terminatedOn: string | null;
  terminationReason: string | null;
  terminationReportedTo: string | null;
  reopenedOn: string | null;
  reopenReason: string | null;
}

/** The case's agent as far as 持证上岗 is concerned. */
export interface AgentStanding {
  name: string;
  countyId: number;
  active: boolean;
  certificates: { certificate: CertificateDates; reviews: readonly ReviewDates[] }[];
}

export interface TransitionContext {
  /** 'YYYY-MM-DD' in China */
  today: string;
  actorRole: Role;
  /** the agent named on the case, null when none is */
  agent: AgentStanding | null;
  file: { documentKinds: readonly string[]; handlingRecordCount: number };
  /** the legal calendar the review window is counted on (民法典第二百零三条) */
  schedule: HolidaySchedule;
  policy?: CasePolicy;
}

/** What the clerk typed into the action's form, keyed by the case property it fills. */
export type TransitionInput = Record<string, unknown>;

export interface TransitionResult {
  state: CaseState;
  changes: Partial<CaseFacts>;
}

/**
 * Events already used up on this case: still legal by state, but done once and for all. Answered as the
 * code and message of the refusal (an Error is built only when a step is refused: the list asks this of
 * every step of every row it shows).
 */
const ALREADY_DONE: {
  readonly [E in CaseEvent]: (c: CaseFacts) => readonly [code: ErrorCode, message: string] | null;
} = {
  acceptCase: (c) => (c.acceptanceNotifiedOn ? ['ACCEPTANCE_ALREADY_NOTIFIED', '已登记受理告知，无需重复受理'] : null),
  startRepresenting: () => null,
  extendDeadline: (c) =>
    c.extensionDays != null ? ['EXTENSION_ALREADY_USED', '办理期限只能延长一次，且不超过30日（条例第三十四条）'] : null,
  conclude: () => null,
  issueReply: (c) => (c.replyIssuedOn ? ['REPLY_ALREADY_ISSUED', '答复意见书已出具，无需重复出具'] : null),
  requestReview: (c) => (c.reviewAnsweredOn ? ['REVIEW_ALREADY_ANSWERED', '复查申请及复查答复均已登记'] : null),
  archive: () => null,
  terminate: () => null,
  reopen: () => null,
};

/** Events legal by state whose turn has not come yet: the step before them is still to be recorded. */
const NOT_YET: { readonly [E in CaseEvent]?: (c: CaseFacts) => boolean } = {
  // 条例第二十三条: the petitioner is told of the acceptance before anyone represents her
  startRepresenting: (c) => !c.acceptanceNotifiedOn,
  // 条例第三十五条: a review is asked of the written reply; 一案一卷: the reply is in the file before archiving
  requestReview: (c) => !c.replyIssuedOn,
  archive: (c) => !c.replyIssuedOn,
};

/** Legal now: allowed from the current state, its turn come, not already done. Drives which steps a clerk sees. */
export function isEventAvailable(c: CaseFacts, event: CaseEvent): boolean {
  return nextState(c.state, event) !== null && !NOT_YET[event]?.(c) && ALREADY_DONE[event](c) === null;
}

/**
 * The step the file expects next (受理 → 代理 → 终结 → 答复 → 立案归档), shown as the case page's main
 * button; null when nothing is expected (archived, dissolved, or a review awaiting its answer).
 */
export function expectedEvent(c: CaseFacts): CaseEvent | null {
  switch (c.state) {
    case 'accepted':
      return c.acceptanceNotifiedOn ? 'startRepresenting' : 'acceptCase';
    case 'representing':
      return 'conclude';
    case 'concluded':
      if (!c.replyIssuedOn) return 'issueReply';
      return c.reviewRequestedOn && !c.reviewAnsweredOn ? 'requestReview' : 'archive';
    case 'archived':
    case 'terminated':
      return null;
  }
}

export function availableEvents(c: CaseFacts): CaseEvent[] {
  return CASE_EVENTS.filter((e) => isEventAvailable(c, e));
}

/**
 * Applies `event` to the case: checks that the move is legal now, that the file allows it and that the
 * form is complete, and returns the new state with the columns to change. Throws a DomainError with a
 * code (the move or a precondition is refused) or FieldErrors (fields of the form to correct).
 */
export function applyTransition(
  c: CaseFacts,
  event: CaseEvent,
  input: TransitionInput,
  ctx: TransitionContext,
): TransitionResult {
  const to = nextState(c.state, event);
  if (!to) {
    throw new DomainError(
      'TRANSITION_NOT_ALLOWED',
      `案件当前状态为“${CASE_STATE_LABELS[c.state]}”，不能“${CASE_EVENT_LABELS[event]}”`,
    );
  }
  const done = ALREADY_DONE[event](c);
  if (done) throw new DomainError(...done);
  const form = new Form(input, ctx.today);
  const changes = STEPS[event](c, form, { ...ctx, policy: ctx.policy ?? CASE_POLICY });
  form.throwIfProblems();
  return { state: to, changes };
}

type Step = (c: CaseFacts, form: Form, ctx: TransitionContext & { policy: CasePolicy }) => Partial<CaseFacts>;

const STEPS: { readonly [E in CaseEvent]: Step } = {
  // 条例第二十三条: the petitioner is told in writing that the matter was received
  acceptCase: (c, form) => ({
    acceptanceNotifiedOn: form.date('acceptanceNotifiedOn', [[c.acceptedOn, '受理告知日期不能早于受理日期']]),
  }),

  // 持证上岗; 附件2 and 附件3 come before the representation
  startRepresenting: (c, form, ctx) => {
    requireAcceptance(c);
    // the agent is chosen in the step itself; a case that names one already keeps her unless changed
    const agentId = form.id('agentId') ?? c.agentId;
    const agent = requireAgent({ ...c, agentId }, ctx.agent);
    const agreementSignedOn = form.date('agreementSignedOn', [[c.acceptedOn, '协议签订日期不能早于受理日期']]);
    const notifiedOn = form.date('notifiedOn', [[c.acceptedOn, '代理告知日期不能早于受理日期']]);
    const representingSince = form.date('representingSince', [
      [c.acceptedOn, '开始代理日期不能早于受理日期'],
      [c.acceptanceNotifiedOn, '开始代理日期不能早于受理告知日期（先受理，后代理）'],
      [agreementSignedOn, '开始代理日期不能早于代理协议书（附件2）的签订日期'],
      [notifiedOn, '开始代理日期不能早于代理告知书（附件3）的送达日期'],
    ]);
    form.throwIfProblems();
    const day = representingSince!;
    if (!agent.certificates.some((x) => certificateValidOn(x.certificate, x.reviews, day))) {
      throw agentError(
        'AGENT_NOT_CERTIFIED',
        `代理员${agent.name}在${day}没有有效的代理员资格证书（持证上岗，证书一年一审核），不能开始代理。请先办理证书发放或年度审核，或改派持证的代理员`,
      );
    }
    return agentId === c.agentId
      ? { agreementSignedOn, notifiedOn, representingSince }
      : { agentId, agreementSignedOn, notifiedOn, representingSince };
  },

  // 条例第三十四条: once, at most 30 days, approved by the head of the unit, the reason told to her
  extendDeadline: (c, form, { policy }) => {
    const days = form.wholeNumber(
      'extensionDays',
      1,
      policy.maxExtensionDays,
      `延长期限应为1至${policy.maxExtensionDays}日（条例第三十四条）`,
    );
    return {
      extensionDays: days,
      extensionApprovedBy: form.text('extensionApprovedBy', 50, '延期须经本机关、单位负责人批准，请填写批准人'),
      extensionReason: form.text('extensionReason', null, '请填写延期理由（须告知信访人）'),
      extensionNotifiedOn: form.date('extensionNotifiedOn', [[c.acceptedOn, '延期告知日期不能早于受理日期']]),
    };
  },

  // 办案记录表 (附件4) before the end, and an outcome
  conclude: (c, form, ctx) => {
    if (ctx.file.handlingRecordCount < 1) {
      throw new DomainError(
        'NO_HANDLING_RECORD',
        '尚无办案记录（附件4）：请先在“办案记录”中登记至少一条办理情况，再终结案件',
      );
    }
    return {
      concludedOn: form.date('concludedOn', [
        [c.acceptedOn, '终结日期不能早于受理日期'],
        [c.representingSince, '终结日期不能早于开始代理日期'],
      ]),
      outcome: form.text('outcome', null, '请填写办理结果'),
    };
  },

  // 附件2 第五条: the reply opinion (附件5) follows the conclusion
  issueReply: (c, form) => ({
    replyIssuedOn: form.date('replyIssuedOn', [[c.concludedOn, '答复意见书出具日期不能早于终结日期']]),
  }),

  // 附件2 第五条, 条例第三十五条: she asks the next level up to review the reply
  requestReview: (c, form) => {
    if (!c.replyIssuedOn) throw new DomainError('REPLY_NOT_ISSUED', '尚未出具答复意见书（附件5），不能登记复查申请');
    const reviewRequestedOn = form.date('reviewRequestedOn', [
      [c.replyIssuedOn, '申请复查日期不能早于答复意见书出具日期'],
    ]);
    return {
      reviewRequestedOn,
      reviewDepartment: form.text('reviewDepartment', 100, '请填写受理复查的上一级部门'),
      reviewAnsweredOn: form.optionalDate('reviewAnsweredOn', [
        [reviewRequestedOn, '复查答复日期不能早于申请复查日期'],
      ]),
    };
  },

  // 一案一卷: the reply issued, any review answered, and the whole file present
  archive: (c, form, ctx) => {
    if (!c.replyIssuedOn) throw new DomainError('REPLY_NOT_ISSUED', '尚未出具答复意见书（附件5），不能立案归档');
    if (c.reviewRequestedOn && !c.reviewAnsweredOn) {
      throw new DomainError('REVIEW_PENDING', '信访人已申请复查，尚未登记复查答复，暂不能立案归档');
    }
    const missing = missingFromFile({ ...ctx.file, ...c });
    if (missing.length)
      throw new DomainError('FILE_INCOMPLETE', `案卷材料不全，不能立案归档。${describeMissing(missing)}`);
    const reviewDeclinedOn = c.reviewDeclinedOn
      ? c.reviewDeclinedOn
      : form.optionalDate('reviewDeclinedOn', [[c.replyIssuedOn, '书面放弃复查的日期不能早于答复意见书出具日期']]);
    const archivedOn = form.date('archivedOn', [
      [c.concludedOn, '归档日期不能早于终结日期'],
      [c.replyIssuedOn, '归档日期不能早于答复意见书出具日期'],
      [c.reviewAnsweredOn, '归档日期不能早于复查答复日期'],
      [reviewDeclinedOn, '归档日期不能早于信访人书面放弃复查的日期'],
    ]);
    form.throwIfProblems();
    const open = reviewWindowOpenOn({ ...c, reviewDeclinedOn }, archivedOn!, ctx.schedule, ctx.policy);
    if (open) throw new FieldErrors({ archivedOn: problem('REVIEW_WINDOW_OPEN', open) });
    return reviewDeclinedOn === c.reviewDeclinedOn ? { archivedOn } : { archivedOn, reviewDeclinedOn };
  },

  // 附件2 第六条: reported to the higher department, the agreement dissolved
  terminate: (c, form) => ({
    terminatedOn: form.date('terminatedOn', [
      [c.acceptedOn, '解除代理日期不能早于受理日期'],
      [c.representingSince, '解除代理日期不能早于开始代理日期'],
    ]),
    terminationReason: form.text('terminationReason', null, '请填写解除代理的原因'),
    terminationReportedTo: form.text('terminationReportedTo', 100, '请填写已报告的上级相关部门（协议第六条）'),
  }),

  reopen: (_c, form, ctx) => {
    if (ctx.actorRole !== 'city_admin') {
      throw new DomainError('REOPEN_CITY_ONLY', '已归档的案卷只有市妇联管理员可以重新打开');
    }
    return {
      archivedOn: null,
      reopenedOn: ctx.today,
      reopenReason: form.text('reopenReason', null, '请填写重新打开的原因'),
    };
  },
};

// 受理-代理-终结-立案归档 (创建标准 二): representation starts only after the acceptance was recorded,
// i.e. the petitioner was told in writing that her matter was received (条例第二十三条)
function requireAcceptance(c: CaseFacts): void {
  if (!c.acceptanceNotifiedOn) {
    throw new DomainError(
      'NOT_YET_ACCEPTED',
      '尚未登记受理：请先办理“受理”，登记书面告知信访人受理情况的日期（条例第二十三条），再开始代理',
    );
  }
}

/**
 * 附件2 第五条: the last day on which she may still ask the next level up to review the reply — 15 days on
 * the legal calendar (a last day on a rest day moves to the next working day, 民法典第二百零三条).
 */
export function reviewWindowClosesOn(
  replyIssuedOn: string,
  schedule: HolidaySchedule,
  policy: CasePolicy = CASE_POLICY,
): string {
  return limitEnd(replyIssuedOn, 'reviewWindowDays', schedule, { policy });
}

/**
 * Why the file cannot be archived on `day` while the petitioner may still ask for a review (附件2 第五条:
 * within 15 days of the reply), or null: the window has closed, she asked for a review (its answer is
 * checked apart) or she declined it in writing.
 */
export function reviewWindowOpenOn(
  c: Pick<CaseFacts, 'replyIssuedOn' | 'reviewRequestedOn' | 'reviewDeclinedOn'>,
  day: string,
  schedule: HolidaySchedule,
  policy: CasePolicy = CASE_POLICY,
): string | null {
  if (!c.replyIssuedOn || c.reviewRequestedOn || c.reviewDeclinedOn) return null;
  const closes = reviewWindowClosesOn(c.replyIssuedOn, schedule, policy);
  if (compareDates(day, closes) > 0) return null;
  return `协议第五条：信访人可在收到答复意见书后${policy.reviewWindowDays}日内申请复查，复查申请期至${closes}届满。请在${addDays(closes, 1)}及以后归档，或登记信访人书面放弃复查的日期`;
}

/**
 * 一案一卷: a handling record (附件4) or a paper of the file is dated within the case's life — not before
 * the case was accepted, not in the future.
 */
export function caseFileDateProblem(
  date: string | null | undefined,
  acceptedOn: string | null | undefined,
  today: string,
  label: string,
): FieldProblem | null {
  return pastDateCheck(date, today) ?? notBefore(date, acceptedOn, `${label}不能早于本案受理日期（${acceptedOn}）`);
}

/**
 * The order of a case's recorded dates as the workflow enforces it step by step: 受理 before 代理,
 * 附件2/附件3 before the representation, and no archiving inside the review window. Used to check data
 * that did not come through the steps (the demo data, imports).
 */
export function workflowOrderProblems(
  c: CaseFacts,
  schedule: HolidaySchedule,
  policy: CasePolicy = CASE_POLICY,
): string[] {
  const since = c.representingSince;
  const startsBefore = (d: string | null) => since != null && (!d || compareDates(since, d) < 0);
  return [
    startsBefore(c.acceptanceNotifiedOn) && '开始代理早于受理告知',
    ...[c.agreementSignedOn, c.notifiedOn].map((d) => startsBefore(d) && '开始代理早于代理协议书或代理告知书'),
    c.archivedOn && reviewWindowOpenOn(c, c.archivedOn, schedule, policy),
  ].filter((problem): problem is string => Boolean(problem));
}

/** A refused choice of agent: its code puts it on the form's 代理员 field. */
function agentError(
  code: 'AGENT_MISSING' | 'AGENT_OTHER_COUNTY' | 'AGENT_INACTIVE' | 'AGENT_NOT_CERTIFIED',
  message: string,
) {
  return new DomainError(code, message);
}

function requireAgent(c: CaseFacts, agent: AgentStanding | null): AgentStanding {
  if (c.agentId == null || !agent) {
    throw agentError('AGENT_MISSING', '尚未指定代理员：请选择承办本案的代理员（在岗、持有效代理员证）');
  }
  if (agent.countyId !== c.countyId) {
    throw agentError('AGENT_OTHER_COUNTY', `代理员${agent.name}不属于本案所在县（市、区），不能承办本案`);
  }
  if (!agent.active) throw agentError('AGENT_INACTIVE', `代理员${agent.name}已离岗，请改派在岗的代理员`);
  return agent;
}

/** The action's form: reads fields and gathers every problem, so the clerk sees them all at once. */
class Form {
  private readonly problems = new ProblemCollector();

  constructor(
    private readonly input: TransitionInput,
    private readonly today: string,
  ) {}

  private raw(field: string): string | null {
    const v = this.input[field];
    if (v == null) return null;
    const s = String(v).trim();
    return s === '' ? null : s;
  }

  /** A required date, not in the future and not before any of `notBefore` (null bounds are skipped). */
  date(field: string, notBefore: [string | null, string][] = []): string | null {
    if (this.raw(field) == null) {
      this.problems.add(field, required(null));
      return null;
    }
    return this.optionalDate(field, notBefore);
  }

  optionalDate(field: string, notBefore: [string | null, string][] = []): string | null {
    const raw = this.raw(field);
    if (raw == null) return null;
    const date = readDate(raw);
    if (!date) {
      this.problems.add(field, problem('DATE_INVALID', '请填写有效日期，如 2024-03-01'));
      return null;
    }
    if (compareDates(date, this.today) > 0) this.problems.add(field, problem('DATE_IN_FUTURE', '日期不能晚于今天'));
    for (const [bound, message] of notBefore) {
      if (bound && compareDates(date, bound) < 0) this.problems.add(field, problem('DATE_ORDER', message));
    }
    return date;
  }

  text(field: string, max: number | null, message: string): string | null {
    const raw = this.raw(field);
    this.problems.add(field, required(raw, message) ?? (max ? maxLength(raw, max) : null));
    return raw;
  }

  /** An optional record id (a picker's value); a value that is no id is refused on the field. */
  id(field: string): number | null {
    const raw = this.raw(field);
    if (raw == null) return null;
    const id = readRecordId(raw);
    if (id === null) this.problems.add(field, problem('CHOICE_INVALID', '请从列表中选择'));
    return id;
  }

  wholeNumber(field: string, min: number, max: number, message: string): number | null {
    const raw = this.raw(field);
    if (isBlank(raw)) {
      this.problems.add(field, required(null));
      return null;
    }
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      this.problems.add(field, problem('OUT_OF_RANGE', message));
      return null;
    }
    return n;
  }

  throwIfProblems(): void {
    const found = this.problems.problems;
    if (Object.keys(found).length) throw new FieldErrors(found);
  }
}

/** 立案归档 locks the file: the case and its documents and handling records no longer change. */
export function assertFileWritable(state: CaseState): void {
  if (state === 'archived') {
    throw new DomainError(
      'CASE_ARCHIVED',
      '该案件已立案归档，案卷已锁定，不能修改。如确需修改，请联系市妇联管理员重新打开案卷',
    );
  }
}
