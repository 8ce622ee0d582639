import { caseStatistics, stateOn, sumFigures, type StatisticsCase } from './case-statistics.js';

const base: StatisticsCase = {
  category: 'marriage_family',
  source: 'visit',
  isKey: false,
  inJointMeeting: false,
  isGroup: false,
  acceptedOn: '2025-03-01',
  representingSince: null,
  concludedOn: null,
  replyIssuedOn: null,
  archivedOn: null,
  terminatedOn: null,
  reviewRequestedOn: null,
};
const c = (over: Partial<StatisticsCase>): StatisticsCase => ({ ...base, ...over });

// A fixture year (2025), counted by hand below.
const CASES: StatisticsCase[] = [
  // 1 archived, reply on day 5, key case in the joint meeting
  c({
    acceptedOn: '2025-01-10',
    representingSince: '2025-01-12',
    concludedOn: '2025-02-20',
    replyIssuedOn: '2025-02-25',
    archivedOn: '2025-03-01',
    isKey: true,
    inJointMeeting: true,
  }),
  // 2 concluded, reply on day 9 (late), review requested in 2025; domestic violence by phone
  c({
    acceptedOn: '2025-04-02',
    representingSince: '2025-04-03',
    concludedOn: '2025-05-10',
    replyIssuedOn: '2025-05-19',
    reviewRequestedOn: '2025-06-01',
    category: 'domestic_violence',
    source: 'phone',
  }),
  // 3 concluded 2025-12-28, no reply yet: the 7 days still run on 2025-12-31
  c({ acceptedOn: '2025-11-01', representingSince: '2025-11-02', concludedOn: '2025-12-28', source: 'letter' }),
  // 4 representing, key case not in the joint meeting, group case
  c({
    acceptedOn: '2025-08-08',
    representingSince: '2025-08-09',
    isKey: true,
    isGroup: true,
    category: 'rural_land_property',
  }),
  // 5 terminated
  c({ acceptedOn: '2025-09-01', representingSince: '2025-09-02', terminatedOn: '2025-10-01', source: 'online' }),
  // 6 accepted only
  c({ acceptedOn: '2025-12-20' }),
  // 7 accepted in 2024, concluded in 2025 without a reply (overdue by 2025-12-31): counts for replies only
  c({ acceptedOn: '2024-11-20', representingSince: '2024-11-21', concludedOn: '2025-01-05' }),
  // 8 accepted 2024, review requested in 2025 (after a 2024 reply)
  c({
    acceptedOn: '2024-06-01',
    representingSince: '2024-06-02',
    concludedOn: '2024-07-01',
    replyIssuedOn: '2024-07-03',
    reviewRequestedOn: '2025-01-10',
  }),
  // 9 accepted 2026: outside the year
  c({ acceptedOn: '2026-01-03' }),
];

describe('caseStatistics (附件7 of a fixture year)', () => {
  const f = caseStatistics(CASES, { from: '2025-01-01', to: '2025-12-31' }, '2025-12-31');

  it('counts the cases accepted in the year by state, category and source', () => {
    expect(f.accepted).toBe(6);
    expect(f.byState).toEqual({ accepted: 1, representing: 1, concluded: 2, archived: 1, terminated: 1 });
    expect(f.byCategory).toEqual({ marriage_family: 4, domestic_violence: 1, rural_land_property: 1 });
    expect(f.bySource).toEqual({ visit: 3, phone: 1, letter: 1, online: 1 });
  });

  it('computes the closure rate, the replies, review requests and key cases', () => {
    expect(f.closed).toBe(3);
    expect(f.closureRate).toBe(50);
    // concluded in 2025: cases 1, 2, 3, 7; due: 1 (on time), 2 (late), 7 (overdue); 3 still inside its 7 days
    expect(f.concluded).toBe(4);
    expect(f.repliesDue).toBe(3);
    expect(f.repliesOnTime).toBe(1);
    expect(f.replyOnTimeRate).toBe(33.3);
    expect(f.reviewRequests).toBe(2);
    expect(f.keyCases).toBe(2);
    expect(f.keyInJointMeeting).toBe(1);
    expect(f.groupCases).toBe(1);
  });

  it('describes the cases as they stood on the day of the snapshot', () => {
    const mid = caseStatistics(CASES, { from: '2025-01-01', to: '2025-12-31' }, '2025-06-30');
    expect(mid.accepted).toBe(2);
    expect(mid.byState).toEqual({ accepted: 0, representing: 0, concluded: 1, archived: 1, terminated: 0 });
    expect(stateOn(CASES[4], '2025-09-15')).toBe('representing');
  });

  it('adds counties up and computes the rates from the sums', () => {
    const a = caseStatistics(CASES, { from: '2025-01-01', to: '2025-12-31' }, '2025-12-31');
    const b = caseStatistics([CASES[0]], { from: '2025-01-01', to: '2025-12-31' }, '2025-12-31');
    const total = sumFigures([a, b]);
    expect(total.accepted).toBe(7);
    expect(total.closed).toBe(4);
    expect(total.closureRate).toBe(57.1);
    expect(total.byCategory.marriage_family).toBe(5);
    expect(total.byState.archived).toBe(2);
  });
});
