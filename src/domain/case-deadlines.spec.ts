import {
  describeDaysLeft,
  handlingDueOn,
  nextDeadline,
  openDeadlines,
  urgencyOf,
  type DeadlineFacts,
} from './case-deadlines.js';
import { CASE_LIMIT_COUNTING, CASE_POLICY, limitEnd } from './case-policy.js';
import { WEEKENDS_ONLY, type HolidaySchedule } from './legal-calendar.js';

// Counted here on weekends only (no published schedule): Saturdays and Sundays are the rest days. The real
// schedules (holidays, 调休) are in tests/legal-calendar.test.ts, through the same functions.
const W = WEEKENDS_ONLY;
// 2026-10-01..07 国庆 and its 调休 working Saturday 10 October, as the State Council published them
const NATIONAL_DAY: HolidaySchedule = {
  years: [2026],
  holidays: Object.fromEntries(['01', '02', '03', '04', '05', '06', '07'].map((d) => [`2026-10-${d}`, '国庆节'])),
  workdays: { '2026-09-20': '国庆节', '2026-10-10': '国庆节' },
};

const open = (patch: Partial<DeadlineFacts>): DeadlineFacts => ({
  state: 'accepted',
  acceptedOn: '2026-01-01',
  acceptanceNotifiedOn: null,
  extensionDays: null,
  concludedOn: null,
  replyIssuedOn: null,
  reviewRequestedOn: null,
  reviewAnsweredOn: null,
  ...patch,
});

const due = (facts: Partial<DeadlineFacts>) =>
  Object.fromEntries(openDeadlines(open(facts), W).map((d) => [d.kind, d.due]));

describe('case deadlines', () => {
  // the periods as the rules give them: 附件2 第五条 (reply, review window), 条例第三十四条, 第三十五条
  it.each([
    ['replyDays', 7],
    ['reviewWindowDays', 15],
    ['handlingDays', 60],
    ['maxExtensionDays', 30],
    ['reviewRequestDays', 30],
    ['reviewAnswerDays', 30],
  ] as const)('keeps the policy value %s = %i in one place', (limit, days) => {
    expect(CASE_POLICY[limit]).toBe(days);
  });

  it('counts every limit a case is held to in calendar days', () => {
    // every limit a case is held to is written in days (日): a period of the 民法典, none in working days
    expect(new Set(Object.values(CASE_LIMIT_COUNTING))).toEqual(new Set(['calendarDays']));
    expect(Object.keys(CASE_LIMIT_COUNTING).sort()).toEqual(
      Object.keys(CASE_POLICY)
        .filter((k) => k !== 'dueSoonDays')
        .sort(),
    );
  });

  it('ends every limit on a working day: 民法典第二百零一条 (from the next day), 第二百零三条 (a rest day moves on)', () => {
    // 7 days from 26 September: counted to 3 October (国庆), due on Thursday 8 October
    expect(limitEnd('2026-09-26', 'replyDays', NATIONAL_DAY)).toBe('2026-10-08');
    // counted to the 调休 working Sunday 20 September: stays
    expect(limitEnd('2026-09-13', 'replyDays', NATIONAL_DAY)).toBe('2026-09-20');
    // 60 + 30 days of an extended handling limit run as one period
    expect(limitEnd('2026-07-04', 'handlingDays', NATIONAL_DAY, { extraDays: 30 })).toBe('2026-10-08');
    expect(limitEnd('2026-07-04', 'handlingDays', W, { extraDays: 30 })).toBe('2026-10-02');
    // a policy passed in is followed
    expect(limitEnd('2026-09-26', 'replyDays', W, { policy: { ...CASE_POLICY, replyDays: 8 } })).toBe('2026-10-05');
  });

  it.each([
    // 60 days over month ends, the year end and leap days
    ['2026-01-01', null, '2026-03-02'],
    ['2024-01-01', null, '2024-03-01'], // 2024 is a leap year: 29 February counts
    ['2023-12-31', null, '2024-02-29'],
    ['2025-11-15', null, '2026-01-14'],
    ['2026-10-31', null, '2026-12-30'],
    ['2026-11-20', 30, '2027-02-18'], // extended once by 30 days, into the next year
    ['2099-12-31', 1, '2100-03-02'], // 2100 is not a leap year
  ])('handling limit from %s (extension %s) ends on %s', (acceptedOn, extensionDays, expected) => {
    expect(handlingDueOn({ acceptedOn, extensionDays }, W)).toBe(expected);
    expect(due({ acceptedOn, extensionDays }).handling).toBe(expected);
  });

  it.each([
    ['2026-12-28', '2027-01-04'], // 附件2 第五条: 7 days, over the year end
    ['2024-02-25', '2024-03-04'], // over a leap day; Sunday 3 March moves to Monday (民法典第二百零三条)
    ['2025-02-25', '2025-03-04'], // over a common February
    ['2026-01-31', '2026-02-09'], // Saturday 7 February moves to Monday
  ])('the reply opinion for a case concluded on %s is due on %s', (concludedOn, expected) => {
    expect(due({ state: 'concluded', concludedOn }).reply).toBe(expected);
  });

  it('runs the petitioner review windows from the reply and the review answer from the request', () => {
    expect(due({ state: 'concluded', concludedOn: '2024-02-10', replyIssuedOn: '2024-02-14' })).toEqual({
      reviewWindow: '2024-02-29', // 15 days (附件2 第五条)
      reviewRequest: '2024-03-15', // 30 days (条例第三十五条)
    });
    const reviewRequested = {
      state: 'concluded',
      concludedOn: '2026-12-01',
      replyIssuedOn: '2026-12-05',
      reviewRequestedOn: '2026-12-20',
    } as const;
    expect(due(reviewRequested)).toEqual({ reviewAnswer: '2027-01-19' });
    expect(due({ ...reviewRequested, reviewAnsweredOn: '2027-01-31' })).toEqual({ reReviewRequest: '2027-03-02' });
  });

  it('asks for the acceptance notice within 15 days until it is given', () => {
    expect(due({ acceptedOn: '2026-12-20' })).toEqual({ acceptanceNotice: '2027-01-04', handling: '2027-02-18' });
    expect(due({ acceptedOn: '2026-12-20', acceptanceNotifiedOn: '2026-12-21' })).toEqual({ handling: '2027-02-18' });
  });

  it('has nothing running on archived and terminated cases', () => {
    expect(openDeadlines(open({ state: 'archived', concludedOn: '2026-01-10' }), W)).toEqual([]);
    expect(openDeadlines(open({ state: 'terminated' }), W)).toEqual([]);
  });

  it('picks the next deadline with the days left, now passed in', () => {
    // 60 days counted to Saturday 31 October: the limit ends on Monday 2 November (民法典第二百零三条)
    const c = open({ state: 'representing', acceptedOn: '2026-09-01', acceptanceNotifiedOn: '2026-09-03' });
    expect(nextDeadline(c, '2026-10-30', W)).toMatchObject({
      kind: 'handling',
      due: '2026-11-02',
      counted: '2026-10-31',
      daysLeft: 3,
      urgency: 'due_soon',
    });
    expect(nextDeadline(c, '2026-10-29', W)).toMatchObject({ daysLeft: 4, urgency: 'later' });
    expect(nextDeadline(c, '2026-10-31', W)).toMatchObject({ daysLeft: 2, urgency: 'due_soon' });
    expect(nextDeadline(c, '2026-11-02', W)).toMatchObject({ daysLeft: 0, urgency: 'due_soon' });
    expect(nextDeadline(c, '2026-11-20', W)).toMatchObject({ daysLeft: -18, urgency: 'overdue' });
    // the acceptance notice comes first while it is missing
    expect(nextDeadline({ ...c, acceptanceNotifiedOn: null }, '2026-09-10', W)).toMatchObject({
      kind: 'acceptanceNotice',
      due: '2026-09-16',
      daysLeft: 6,
    });
  });

  it('explains a moved due day, and a year whose schedule is missing, for the case page', () => {
    const reply = (concludedOn: string, schedule: HolidaySchedule) =>
      nextDeadline(open({ state: 'concluded', concludedOn }), concludedOn, schedule);
    expect(reply('2026-09-26', NATIONAL_DAY)).toMatchObject({
      due: '2026-10-08',
      counted: '2026-10-03',
      note: '10月3日为法定节假日，顺延至10月8日（民法典第二百零三条）',
    });
    expect(reply('2026-09-13', NATIONAL_DAY)).toMatchObject({ due: '2026-09-20', note: null });
    // 2027 is not in this schedule: weekends only, and said so
    expect(reply('2026-12-26', NATIONAL_DAY)).toMatchObject({
      due: '2027-01-04',
      note: '1月2日为休息日（星期六），顺延至1月4日（民法典第二百零三条）；2027年节假日安排未发布，按双休日计算',
    });
    expect(reply('2027-03-01', NATIONAL_DAY)?.note).toBe('2027年节假日安排未发布，按双休日计算');
  });

  it('shows the petitioner windows but never counts them overdue', () => {
    const replied = open({ state: 'concluded', concludedOn: '2026-10-01', replyIssuedOn: '2026-10-05' });
    expect(nextDeadline(replied, '2026-10-19', W)).toMatchObject({
      kind: 'reviewWindow',
      daysLeft: 1,
      urgency: 'later',
      actionable: false,
    });
    expect(nextDeadline(replied, '2026-10-21', W)).toMatchObject({ kind: 'reviewRequest', due: '2026-11-04' });
    expect(nextDeadline(replied, '2026-11-05', W)).toBeNull();
  });

  it('words the days left for a clerk', () => {
    expect([describeDaysLeft(3), describeDaysLeft(0), describeDaysLeft(-5)]).toEqual([
      '还剩 3 天',
      '今天到期',
      '已超期 5 天',
    ]);
    expect([urgencyOf(-1), urgencyOf(0), urgencyOf(3), urgencyOf(4)]).toEqual([
      'overdue',
      'due_soon',
      'due_soon',
      'later',
    ]);
  });
});
