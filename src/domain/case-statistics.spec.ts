import {
  caseStatistics,
  satisfactionMeets,
  satisfactionRate,
  stateOn,
  sumFigures,
  type StatisticsCase,
} from './case-statistics.js';
import { c } from './case-statistics.fixture.js';

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
  // 2 concluded, reply on day 10 (late: the 7 days, counted to Saturday 17 May, end on Monday the 19th),
  // review requested in 2025; domestic violence by phone
  c({
    acceptedOn: '2025-04-02',
    representingSince: '2025-04-03',
    concludedOn: '2025-05-10',
    replyIssuedOn: '2025-05-20',
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
  // 6 accepted only, a repeat of an earlier case (重复信访)
  c({ acceptedOn: '2025-12-20', isRepeat: true }),
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
  // 9 accepted 2026: outside the year (a repeat, not counted in 2025)
  c({ acceptedOn: '2026-01-03', isRepeat: true }),
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
    // due by 2025-12-31: 1, 2, 3 (concluded), 4 (past its limit 2025-10-07), 5 (解除代理); 6 is inside its limit
    expect(f.closureDue).toBe(5);
    expect(f.closed).toBe(3);
    expect(f.closedOnTime).toBe(3);
    expect(f.terminated).toBe(1);
    expect(f.closureRate).toBe(60);
    expect(f.onTimeClosureRate).toBe(60);
    // concluded in 2025: cases 1, 2, 3, 7; due: 1 (on time), 2 (late), 7 (overdue); 3 still inside its 7 days
    expect(f.concluded).toBe(4);
    expect(f.repliesDue).toBe(3);
    expect(f.repliesOnTime).toBe(1);
    expect(f.replyOnTimeRate).toBe(33.3);
    expect(f.reviewRequests).toBe(2);
    expect(f.keyCases).toBe(2);
    expect(f.keyInJointMeeting).toBe(1);
    expect(f.groupCases).toBe(1);
    expect(f.repeats).toBe(1);
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
    expect(total.closureDue).toBe(6);
    expect(total.closureRate).toBe(66.7);
    expect(total.byCategory.marriage_family).toBe(5);
    expect(total.byState.archived).toBe(2);
  });
});

describe('办结率 and 按期办结率 at their edges', () => {
  const year = { from: '2025-01-01', to: '2025-12-31' };
  const ofYear = (cases: StatisticsCase[]) => caseStatistics(cases, year, '2025-12-31');

  it('counts a case concluded on 31 December in that year, one concluded on 1 January as not concluded', () => {
    // both accepted 2025-10-01, limit 2025-11-30: due by the year end
    const dec31 = ofYear([c({ acceptedOn: '2025-10-01', concludedOn: '2025-12-31' })]);
    expect([dec31.closureDue, dec31.closed, dec31.closedOnTime, dec31.closureRate]).toEqual([1, 1, 0, 100]);
    const jan1 = ofYear([c({ acceptedOn: '2025-10-01', concludedOn: '2026-01-01' })]);
    expect([jan1.closureDue, jan1.closed, jan1.closureRate, jan1.onTimeClosureRate]).toEqual([1, 0, 0, 0]);
  });

  it('leaves a case still inside its limit out, until it is concluded or its limit has passed', () => {
    // accepted 2025-11-15: the limit runs to 2026-01-14
    const open = ofYear([c({ acceptedOn: '2025-11-15' })]);
    expect([open.accepted, open.closureDue, open.closureRate]).toEqual([1, 0, null]);
    const done = ofYear([c({ acceptedOn: '2025-11-15', concludedOn: '2025-12-10' })]);
    expect([done.closureDue, done.closed, done.closedOnTime]).toEqual([1, 1, 1]);
    // the limit's last day itself is still inside it: 60 days counted to Sunday 30 November end on Monday
    // 1 December (民法典第二百零三条)
    const lastDay = caseStatistics([c({ acceptedOn: '2025-10-01' })], year, '2025-12-01');
    expect(lastDay.closureDue).toBe(0);
    expect(caseStatistics([c({ acceptedOn: '2025-10-01' })], year, '2025-12-02').closureDue).toBe(1);
  });

  it('gives an extended case its extension (条例第三十四条)', () => {
    // accepted 2025-10-15: 60 days end 2025-12-14, with 30 more 2026-01-13
    const extended = ofYear([c({ acceptedOn: '2025-10-15', extensionDays: 30 })]);
    expect(extended.closureDue).toBe(0);
    expect(ofYear([c({ acceptedOn: '2025-10-15' })]).closureDue).toBe(1);
    const lateButExtended = ofYear([c({ acceptedOn: '2025-10-15', extensionDays: 30, concludedOn: '2025-12-20' })]);
    expect([lateButExtended.closed, lateButExtended.closedOnTime]).toEqual([1, 1]);
  });

  it('counts 解除代理 on its own and in 应办结 as not concluded (附件2 第六条)', () => {
    const f = ofYear([
      c({ acceptedOn: '2025-11-20', terminatedOn: '2025-12-01' }),
      c({ acceptedOn: '2025-03-01', concludedOn: '2025-03-20' }),
    ]);
    expect([f.terminated, f.closureDue, f.closed, f.closureRate]).toEqual([1, 2, 1, 50]);
  });

  it('rounds x.x5 half up: 3 of 16 due concluded is 18.75 %, shown as 18.8 %', () => {
    const cases = Array.from({ length: 16 }, (_, i) =>
      c({ acceptedOn: '2025-01-01', concludedOn: i < 3 ? '2025-02-01' : null }),
    );
    expect(ofYear(cases).closureRate).toBe(18.8);
  });
});

describe('满意率 (条例第二十一条)', () => {
  const replied = (replyIssuedOn: string, rating: StatisticsCase['rating']) =>
    c({ acceptedOn: '2025-01-05', representingSince: '2025-01-06', concludedOn: '2025-02-01', replyIssuedOn, rating });
  const cases = [
    replied('2025-02-03', 'satisfied'),
    replied('2025-02-04', 'basically_satisfied'),
    replied('2025-02-05', 'dissatisfied'),
    replied('2025-02-06', null), // not rated: not in the denominator
    replied('2026-01-03', 'satisfied'), // replied after the period: another period's
  ];

  it('is (满意 + 基本满意) ÷ rated, of the replies issued in the period', () => {
    const f = caseStatistics(cases, { from: '2025-01-01', to: '2025-12-31' }, '2026-03-01');
    expect(f).toMatchObject({ replies: 4, rated: 3, satisfied: 1, basicallySatisfied: 1, dissatisfied: 1 });
    expect(f.satisfactionRate).toBe(66.7);
  });

  it('has no rate without a rating, and sums counts before dividing', () => {
    const none = caseStatistics([replied('2025-02-06', null)], { from: '2025-01-01', to: '2025-12-31' }, '2026-03-01');
    expect(none.satisfactionRate).toBeNull();
    const a = caseStatistics(cases.slice(0, 1), { from: '2025-01-01', to: '2025-12-31' }, '2026-03-01');
    const b = caseStatistics(cases.slice(2, 3), { from: '2025-01-01', to: '2025-12-31' }, '2026-03-01');
    expect(sumFigures([a, b]).satisfactionRate).toBe(50);
    // figures stored before ratings were counted: no rate rather than a wrong one
    const { replies: _r, rated: _n, satisfied: _s, basicallySatisfied: _b, dissatisfied: _d, ...old } = a;
    expect(sumFigures([old]).satisfactionRate).toBeNull();
  });

  it('is judged against a target only when the city sets one, on the exact fraction', () => {
    const counts = { rated: 2501, satisfied: 2250, basicallySatisfied: 0 }; // 89.96 %, shown as 90.0 %
    expect(satisfactionRate(counts)).toBe(90);
    expect(satisfactionMeets(counts, null)).toBeNull();
    expect(satisfactionMeets(counts, 90)).toBe(false);
    expect(satisfactionMeets({ rated: 10, satisfied: 9, basicallySatisfied: 0 }, 90)).toBe(true);
    expect(satisfactionMeets({ rated: 0, satisfied: 0, basicallySatisfied: 0 }, 90)).toBeNull();
  });
});
