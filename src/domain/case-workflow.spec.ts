import {
  applyTransition,
  availableEvents,
  expectedEvent,
  CASE_EVENT_LABELS,
  CASE_EVENTS,
  CASE_STATE_LABELS,
  CASE_STATES,
  nextState,
  workflowOrderProblems,
  type AgentStanding,
  type CaseEvent,
  type CaseFacts,
  type CaseState,
  type TransitionContext,
} from './case-workflow.js';
import cases from './case-workflow.cases.json' with { type: 'json' };
import { DomainError, FieldErrors } from './errors.js';
import { WEEKENDS_ONLY } from './legal-calendar.js';
import { oneOf, refusals } from './refusal-cases.fixture.js';

// The whole table, written out: every state × every event, one state a row, the events in the order of
// CASE_EVENTS (acceptCase, startRepresenting, extendDeadline, conclude, issueReply, requestReview, archive,
// terminate, reopen); '-' is a refusal.
const ROWS: Record<CaseState, (CaseState | '-')[]> = {
  accepted: ['accepted', 'representing', 'accepted', '-', '-', '-', '-', 'terminated', '-'],
  representing: ['representing', '-', 'representing', 'concluded', '-', '-', '-', 'terminated', '-'],
  concluded: ['-', '-', '-', '-', 'concluded', 'concluded', 'archived', '-', '-'],
  archived: ['-', '-', '-', '-', '-', '-', '-', '-', 'concluded'],
  terminated: ['-', '-', '-', '-', '-', '-', '-', '-', '-'],
};
const EXPECTED = Object.fromEntries(
  Object.entries(ROWS).map(([state, row]) => [
    state,
    Object.fromEntries(CASE_EVENTS.map((event, i) => [event, row[i]])),
  ]),
) as Record<CaseState, Record<CaseEvent, CaseState | '-'>>;

const TODAY = '2026-11-20';

const certifiedAgent: AgentStanding = {
  name: '王秀兰',
  countyId: 1,
  active: true,
  certificates: [{ certificate: { status: 'issued', issuedOn: '2026-03-01', revokedOn: null }, reviews: [] }],
};

/** A case in `state` with every date its state implies, so that each legal event can succeed. */
function caseIn(state: CaseState): CaseFacts {
  const base: CaseFacts = {
    state,
    countyId: 1,
    agentId: 7,
    acceptedOn: '2026-10-01',
    acceptanceNotifiedOn: '2026-10-02',
    agreementSignedOn: null,
    notifiedOn: null,
    representingSince: null,
    extensionDays: null,
    extensionApprovedBy: null,
    extensionReason: null,
    extensionNotifiedOn: null,
    concludedOn: null,
    outcome: null,
    replyIssuedOn: null,
    reviewRequestedOn: null,
    reviewDepartment: null,
    reviewAnsweredOn: null,
    reviewDeclinedOn: null,
    archivedOn: null,
    archiveNo: null,
    terminatedOn: null,
    terminationReason: null,
    terminationReportedTo: null,
    reopenedOn: null,
    reopenReason: null,
  };
  const represented = { agreementSignedOn: '2026-10-02', notifiedOn: '2026-10-02', representingSince: '2026-10-03' };
  const concluded = { ...represented, concludedOn: '2026-11-01', outcome: '已调解', replyIssuedOn: '2026-11-05' };
  switch (state) {
    case 'accepted':
      return base;
    case 'representing':
      return { ...base, ...represented };
    case 'concluded':
      return { ...base, ...concluded };
    case 'archived':
      return { ...base, ...concluded, archivedOn: '2026-11-10', archiveNo: '新华档-2026-0001' };
    case 'terminated':
      return { ...base, terminatedOn: '2026-10-20', terminationReason: '无法办结', terminationReportedTo: '区信访局' };
  }
}

const ctx: TransitionContext = {
  today: TODAY,
  actorRole: 'city_admin',
  agent: certifiedAgent,
  file: {
    documentKinds: ['registration', 'agreement', 'notification', 'handling_record', 'reply_opinion'],
    handlingRecordCount: 2,
  },
  schedule: WEEKENDS_ONLY,
};

const INPUT: Record<CaseEvent, Record<string, string>> = {
  acceptCase: { acceptanceNotifiedOn: '2026-10-05' },
  startRepresenting: { agreementSignedOn: '2026-10-02', notifiedOn: '2026-10-02', representingSince: '2026-10-03' },
  extendDeadline: {
    extensionDays: '20',
    extensionApprovedBy: '李主席',
    extensionReason: '需调取档案',
    extensionNotifiedOn: '2026-11-01',
  },
  conclude: { concludedOn: '2026-11-01', outcome: '经协调已解决' },
  issueReply: { replyIssuedOn: '2026-11-06' },
  requestReview: { reviewRequestedOn: '2026-11-10', reviewDepartment: '市信访局', reviewAnsweredOn: '' },
  archive: { archivedOn: '2026-11-12', reviewDeclinedOn: '2026-11-06' },
  terminate: { terminatedOn: '2026-11-01', terminationReason: '信访人撤回委托', terminationReportedTo: '区信访局' },
  reopen: { reopenReason: '补充复查材料' },
};

function refusal(fn: () => unknown): { code: string; message: string; fields?: Record<string, string> } {
  try {
    fn();
  } catch (e) {
    if (e instanceof FieldErrors) {
      return {
        code: e.code,
        message: e.message,
        fields: Object.fromEntries(Object.entries(e.errors).map(([k, v]) => [k, v.code])),
      };
    }
    if (e instanceof DomainError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('the transition table', () => {
  const pairs = CASE_STATES.flatMap((s) => CASE_EVENTS.map((e) => [s, e, EXPECTED[s][e]] as const));
  expect(pairs).toHaveLength(5 * 9);
  for (const row of Object.values(ROWS)) expect(row).toHaveLength(CASE_EVENTS.length);

  it.each(pairs)('%s + %s → %s', (state, event, expected) => {
    expect(nextState(state, event) ?? '-').toBe(expected);
    if (expected === '-') {
      const r = refusal(() => applyTransition(caseIn(state), event, INPUT[event], ctx));
      expect(r.code).toBe('TRANSITION_NOT_ALLOWED');
      expect(r.message).toBe(`案件当前状态为“${CASE_STATE_LABELS[state]}”，不能“${CASE_EVENT_LABELS[event]}”`);
    } else {
      const c = caseIn(state);
      if (event === 'issueReply') c.replyIssuedOn = null;
      if (event === 'acceptCase') c.acceptanceNotifiedOn = null;
      expect(applyTransition(c, event, INPUT[event], ctx).state).toBe(expected);
    }
  });

  it('offers only the legal events, and each once where it is done once', () => {
    // 开始代理 waits for 受理; 登记复查申请 and 立案归档 for the written reply
    expect(availableEvents({ ...caseIn('accepted'), acceptanceNotifiedOn: null })).toEqual([
      'acceptCase',
      'extendDeadline',
      'terminate',
    ]);
    expect(availableEvents(caseIn('accepted'))).toEqual(['startRepresenting', 'extendDeadline', 'terminate']);
    expect(availableEvents({ ...caseIn('representing'), extensionDays: 10 })).toEqual(['conclude', 'terminate']);
    expect(availableEvents(caseIn('concluded'))).toEqual(['requestReview', 'archive']);
    expect(availableEvents({ ...caseIn('concluded'), replyIssuedOn: null })).toEqual(['issueReply']);
    expect(availableEvents(caseIn('archived'))).toEqual(['reopen']);
    expect(availableEvents(caseIn('terminated'))).toEqual([]);
  });

  it('names the step the file expects next, one of those offered', () => {
    const cases = [
      { ...caseIn('accepted'), acceptanceNotifiedOn: null },
      caseIn('accepted'),
      caseIn('representing'),
      { ...caseIn('concluded'), replyIssuedOn: null },
      caseIn('concluded'),
      { ...caseIn('concluded'), reviewRequestedOn: '2026-03-01', reviewAnsweredOn: null },
    ];
    expect(cases.map(expectedEvent)).toEqual([
      'acceptCase',
      'startRepresenting',
      'conclude',
      'issueReply',
      'archive',
      'requestReview',
    ]);
    for (const c of cases) expect(availableEvents(c)).toContain(expectedEvent(c));
    expect(expectedEvent(caseIn('archived'))).toBeNull();
    expect(expectedEvent(caseIn('terminated'))).toBeNull();
  });
});

describe('applying an event', () => {
  it('returns the columns it sets', () => {
    expect(applyTransition(caseIn('accepted'), 'startRepresenting', INPUT.startRepresenting, ctx).changes).toEqual({
      agreementSignedOn: '2026-10-02',
      notifiedOn: '2026-10-02',
      representingSince: '2026-10-03',
    });
    expect(applyTransition(caseIn('representing'), 'extendDeadline', INPUT.extendDeadline, ctx).changes).toEqual({
      extensionDays: 20,
      extensionApprovedBy: '李主席',
      extensionReason: '需调取档案',
      extensionNotifiedOn: '2026-11-01',
    });
    expect(applyTransition(caseIn('archived'), 'reopen', INPUT.reopen, ctx)).toEqual({
      state: 'concluded',
      changes: { archivedOn: null, reopenedOn: TODAY, reopenReason: '补充复查材料' },
    });
  });

  it.each<[string, CaseState, CaseEvent, Partial<CaseFacts>, Partial<TransitionContext>, string, string]>([
    [
      'no agent',
      'accepted',
      'startRepresenting',
      { agentId: null },
      { agent: null },
      'AGENT_MISSING',
      '尚未指定代理员',
    ],
    [
      'an agent of another county',
      'accepted',
      'startRepresenting',
      {},
      { agent: { ...certifiedAgent, countyId: 2 } },
      'AGENT_OTHER_COUNTY',
      '不属于本案所在县',
    ],
    [
      'an agent who left',
      'accepted',
      'startRepresenting',
      {},
      { agent: { ...certifiedAgent, active: false } },
      'AGENT_INACTIVE',
      '已离岗',
    ],
    [
      'a certificate not issued yet',
      'accepted',
      'startRepresenting',
      {},
      {
        agent: {
          ...certifiedAgent,
          certificates: [{ certificate: { status: 'issued', issuedOn: '2026-10-04', revokedOn: null }, reviews: [] }],
        },
      },
      'AGENT_NOT_CERTIFIED',
      '持证上岗',
    ],
    [
      'a certificate past its year',
      'accepted',
      'startRepresenting',
      {},
      {
        agent: {
          ...certifiedAgent,
          certificates: [{ certificate: { status: 'issued', issuedOn: '2025-10-01', revokedOn: null }, reviews: [] }],
        },
      },
      'AGENT_NOT_CERTIFIED',
      '没有有效的代理员资格证书',
    ],
    [
      'no certificate at all',
      'accepted',
      'startRepresenting',
      {},
      { agent: { ...certifiedAgent, certificates: [] } },
      'AGENT_NOT_CERTIFIED',
      '王秀兰',
    ],
    [
      'no handling record',
      'representing',
      'conclude',
      {},
      { file: { ...ctx.file, handlingRecordCount: 0 } },
      'NO_HANDLING_RECORD',
      '办案记录（附件4）',
    ],
    [
      'archiving before the reply',
      'concluded',
      'archive',
      { replyIssuedOn: null },
      {},
      'REPLY_NOT_ISSUED',
      '答复意见书（附件5）',
    ],
    [
      'a review before the reply',
      'concluded',
      'requestReview',
      { replyIssuedOn: null },
      {},
      'REPLY_NOT_ISSUED',
      '不能登记复查申请',
    ],
    [
      'archiving while a review is pending',
      'concluded',
      'archive',
      { reviewRequestedOn: '2026-11-08', reviewDepartment: '市信访局' },
      {},
      'REVIEW_PENDING',
      '复查',
    ],
    [
      'an incomplete file',
      'concluded',
      'archive',
      {},
      { file: { documentKinds: ['registration', 'agreement'], handlingRecordCount: 1 } },
      'FILE_INCOMPLETE',
      '缺少：代理告知书（附件3）、办案记录表（附件4）、答复意见书（附件5）',
    ],
    [
      'a county clerk reopening',
      'archived',
      'reopen',
      {},
      { actorRole: 'county_staff' },
      'REOPEN_CITY_ONLY',
      '市妇联管理员',
    ],
    [
      'a second acceptance notice',
      'representing',
      'acceptCase',
      { acceptanceNotifiedOn: '2026-10-03' },
      {},
      'ACCEPTANCE_ALREADY_NOTIFIED',
      '无需重复',
    ],
    [
      'a second extension',
      'representing',
      'extendDeadline',
      { extensionDays: 10, extensionApprovedBy: 'x', extensionReason: 'y', extensionNotifiedOn: '2026-10-20' },
      {},
      'EXTENSION_ALREADY_USED',
      '只能延长一次',
    ],
    ['a second reply', 'concluded', 'issueReply', {}, {}, 'REPLY_ALREADY_ISSUED', '已出具'],
    [
      'representing before the acceptance was recorded',
      'accepted',
      'startRepresenting',
      { acceptanceNotifiedOn: null },
      {},
      'NOT_YET_ACCEPTED',
      '尚未登记受理：请先办理“受理”，登记书面告知信访人受理情况的日期（条例第二十三条），再开始代理',
    ],
  ])('refuses %s', (_name, state, event, facts, extra, code, text) => {
    const r = refusal(() => applyTransition({ ...caseIn(state), ...facts }, event, INPUT[event], { ...ctx, ...extra }));
    expect(r.code).toBe(code);
    expect(r.message).toContain(text);
  });

  it('lists what the whole file lacks', () => {
    const bare = { ...caseIn('concluded'), outcome: ' ' };
    const r = refusal(() =>
      applyTransition(bare, 'archive', INPUT.archive, { ...ctx, file: { documentKinds: [], handlingRecordCount: 0 } }),
    );
    expect(r.message).toBe(
      '案卷材料不全，不能立案归档。缺少：登记表（附件1）、代理协议书（附件2）、代理告知书（附件3）、办案记录表（附件4）、答复意见书（附件5）、办案记录（至少一条）、办理结果',
    );
  });

  // A row's input is its patch, over the step's valid INPUT where the row names it: `"over": "startRepresenting"`
  // is `{ ...INPUT.startRepresenting, ...patch }`.
  refusals(
    cases.fieldRefusals,
    (row) => {
      const state = oneOf(CASE_STATES, row.state);
      const event = oneOf(CASE_EVENTS, row.event);
      const input = { ...(row.over === undefined ? {} : INPUT[oneOf(CASE_EVENTS, row.over)]), ...row.patch };
      const c = event === 'issueReply' ? { ...caseIn(state), replyIssuedOn: null } : caseIn(state);
      const r = refusal(() => applyTransition(c, event, input, ctx));
      expect(r.code).toBe('VALIDATION');
      return r.fields ?? {};
    },
    'marks the fields of $refuse',
  );
});

describe('the order of the file (受理-代理-终结-立案归档)', () => {
  const replied = { ...caseIn('concluded'), concludedOn: '2026-10-10', replyIssuedOn: '2026-10-12' };

  it('keeps the file open while the petitioner may still ask for a review (协议第五条: 15 days)', () => {
    const r = refusal(() => applyTransition(replied, 'archive', { archivedOn: '2026-10-27' }, ctx));
    expect(r.fields).toEqual({ archivedOn: 'REVIEW_WINDOW_OPEN' });
    let message = '';
    try {
      applyTransition(replied, 'archive', { archivedOn: '2026-10-27' }, ctx);
    } catch (e) {
      message = (e as FieldErrors).errors.archivedOn.message;
    }
    expect(message).toBe(
      '协议第五条：信访人可在收到答复意见书后15日内申请复查，复查申请期至2026-10-27届满。请在2026-10-28及以后归档，或登记信访人书面放弃复查的日期',
    );
  });

  it('archives the day after the window, or earlier when she declined in writing (the date recorded)', () => {
    expect(applyTransition(replied, 'archive', { archivedOn: '2026-10-28' }, ctx).changes).toEqual({
      archivedOn: '2026-10-28',
    });
    expect(
      applyTransition(replied, 'archive', { archivedOn: '2026-10-14', reviewDeclinedOn: '2026-10-13' }, ctx).changes,
    ).toEqual({ archivedOn: '2026-10-14', reviewDeclinedOn: '2026-10-13' });
    const reviewed = { ...replied, reviewRequestedOn: '2026-10-15', reviewAnsweredOn: '2026-10-20' };
    expect(applyTransition(reviewed, 'archive', { archivedOn: '2026-10-21' }, ctx).state).toBe('archived');
  });

  it('counts the window on the legal calendar: a last day on a holiday moves to the next working day', () => {
    // 15 days from 18 September counted to 3 October (国庆 1–7 October): the window closes on the 8th
    const schedule = {
      years: [2026],
      holidays: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [`2026-10-0${d}`, '国庆节'])),
      workdays: {},
    };
    const c = { ...caseIn('concluded'), concludedOn: '2026-09-16', replyIssuedOn: '2026-09-18' };
    const r = refusal(() => applyTransition(c, 'archive', { archivedOn: '2026-10-08' }, { ...ctx, schedule }));
    expect(r.fields).toEqual({ archivedOn: 'REVIEW_WINDOW_OPEN' });
    expect(applyTransition(c, 'archive', { archivedOn: '2026-10-09' }, { ...ctx, schedule }).state).toBe('archived');
    // on weekends only, Saturday 3 October moves to Monday the 5th
    expect(applyTransition(c, 'archive', { archivedOn: '2026-10-06' }, ctx).state).toBe('archived');
  });

  it('finds stored dates out of order', () => {
    expect(workflowOrderProblems(caseIn('concluded'), WEEKENDS_ONLY)).toEqual([]);
    expect(workflowOrderProblems({ ...caseIn('representing'), acceptanceNotifiedOn: null }, WEEKENDS_ONLY)).toEqual([
      '开始代理早于受理告知',
    ]);
    expect(workflowOrderProblems({ ...replied, archivedOn: '2026-10-20' }, WEEKENDS_ONLY)).toHaveLength(1);
  });
});
