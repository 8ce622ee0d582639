import {
  describeDaysLeft,
  handlingDueOn,
  nextDeadline,
  openDeadlines,
  urgencyOf,
  type DeadlineFacts,
} from './case-deadlines.js';
import { CASE_POLICY } from './case-policy.js';

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
  Object.fromEntries(openDeadlines(open(facts)).map((d) => [d.kind, d.due]));

describe('case deadlines', () => {
  it('keeps the policy values in one place', () => {
    expect(CASE_POLICY).toMatchObject({
      replyDays: 7,
      reviewWindowDays: 15,
      handlingDays: 60,
      maxExtensionDays: 30,
      reviewRequestDays: 30,
      reviewAnswerDays: 30,
    });
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
    expect(handlingDueOn({ acceptedOn, extensionDays })).toBe(expected);
    expect(due({ acceptedOn, extensionDays }).handling).toBe(expected);
  });

  it.each([
    ['2026-12-28', '2027-01-04'], // 附件2 第五条: 7 days, over the year end
    ['2024-02-25', '2024-03-03'], // over a leap day
    ['2025-02-25', '2025-03-04'], // over a common February
    ['2026-01-31', '2026-02-07'],
  ])('the reply opinion for a case concluded on %s is due on %s', (concludedOn, expected) => {
    expect(due({ state: 'concluded', concludedOn }).reply).toBe(expected);
  });

  it('runs the petitioner review windows from the reply and the review answer from the request', () => {
    expect(due({ state: 'concluded', concludedOn: '2024-02-10', replyIssuedOn: '2024-02-14' })).toEqual({
      reviewWindow: '2024-02-29', // 15 days (附件2 第五条)
      reviewRequest: '2024-03-15', // 30 days (条例第三十五条)
    });
    expect(
      due({
        state: 'concluded',
        concludedOn: '2026-12-01',
        replyIssuedOn: '2026-12-05',
        reviewRequestedOn: '2026-12-20',
      }),
    ).toEqual({
      reviewAnswer: '2027-01-19',
    });
    expect(
      due({
        state: 'concluded',
        concludedOn: '2026-12-01',
        replyIssuedOn: '2026-12-05',
        reviewRequestedOn: '2026-12-20',
        reviewAnsweredOn: '2027-01-31',
      }),
    ).toEqual({
      reReviewRequest: '2027-03-02',
    });
  });

  it('asks for the acceptance notice within 15 days until it is given', () => {
    expect(due({ acceptedOn: '2026-12-20' })).toEqual({ acceptanceNotice: '2027-01-04', handling: '2027-02-18' });
    expect(due({ acceptedOn: '2026-12-20', acceptanceNotifiedOn: '2026-12-21' })).toEqual({ handling: '2027-02-18' });
  });

  it('has nothing running on archived and terminated cases', () => {
    expect(openDeadlines(open({ state: 'archived', concludedOn: '2026-01-10' }))).toEqual([]);
    expect(openDeadlines(open({ state: 'terminated' }))).toEqual([]);
  });

  it('picks the next deadline with the days left, now passed in', () => {
    const c = open({ state: 'representing', acceptedOn: '2026-09-01', acceptanceNotifiedOn: '2026-09-03' });
    expect(nextDeadline(c, '2026-10-30')).toMatchObject({
      kind: 'handling',
      due: '2026-10-31',
      daysLeft: 1,
      urgency: 'due_soon',
    });
    expect(nextDeadline(c, '2026-10-27')).toMatchObject({ daysLeft: 4, urgency: 'later' });
    expect(nextDeadline(c, '2026-10-28')).toMatchObject({ daysLeft: 3, urgency: 'due_soon' });
    expect(nextDeadline(c, '2026-10-31')).toMatchObject({ daysLeft: 0, urgency: 'due_soon' });
    expect(nextDeadline(c, '2026-11-20')).toMatchObject({ daysLeft: -20, urgency: 'overdue' });
    // the acceptance notice comes first while it is missing
    expect(nextDeadline({ ...c, acceptanceNotifiedOn: null }, '2026-09-10')).toMatchObject({
      kind: 'acceptanceNotice',
      due: '2026-09-16',
      daysLeft: 6,
    });
  });

  it('shows the petitioner windows but never counts them overdue', () => {
    const replied = open({ state: 'concluded', concludedOn: '2026-10-01', replyIssuedOn: '2026-10-05' });
    expect(nextDeadline(replied, '2026-10-19')).toMatchObject({
      kind: 'reviewWindow',
      daysLeft: 1,
      urgency: 'later',
      actionable: false,
    });
    expect(nextDeadline(replied, '2026-10-21')).toMatchObject({ kind: 'reviewRequest', due: '2026-11-04' });
    expect(nextDeadline(replied, '2026-11-05')).toBeNull();
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
