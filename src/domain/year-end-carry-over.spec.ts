import { caseStatistics, type StatisticsCase } from './case-statistics.js';
import { c } from './case-statistics.fixture.js';
import { carryOver, carryOverPeriod, countingVersion, type FrozenVersion } from './year-end-carry-over.js';

const v = (over: Partial<FrozenVersion>): FrozenVersion => ({
  status: 'accepted',
  version: 1,
  voided: false,
  asOf: '2025-12-15',
  frozenAt: '2025-12-15T02:00:00Z',
  ...over,
});

// the handling limit from the acceptance day (60 days, weekends only); what the spec gives overrides it
const kase = (acceptedOn: string, over: Partial<StatisticsCase> = {}): StatisticsCase => c({ acceptedOn, ...over });

describe('上年结转: the stretch of a year after its 附件7 was frozen', () => {
  it('is the day after the counting version was frozen to 31 December', () => {
    expect(carryOverPeriod(2025, [v({})])).toEqual({ from: '2025-12-16', to: '2025-12-31' });
    expect(carryOverPeriod(2025, [v({ asOf: '2025-12-30' })])).toEqual({ from: '2025-12-31', to: '2025-12-31' });
  });

  it('is empty when the version was frozen on or after 31 December, or none was submitted', () => {
    expect(carryOverPeriod(2025, [v({ asOf: '2025-12-31' })])).toBeNull();
    expect(carryOverPeriod(2025, [v({ asOf: '2026-01-05' })])).toBeNull(); // submitted late: the whole year
    expect(carryOverPeriod(2025, [])).toBeNull();
    expect(carryOverPeriod(2025, [v({ status: 'draft', asOf: null })])).toBeNull();
    expect(carryOverPeriod(2025, [v({ status: 'returned' })])).toBeNull();
    expect(carryOverPeriod(2025, [v({ voided: true })])).toBeNull();
  });

  it('takes the accepted version, else the one awaiting review, never a returned or voided one', () => {
    const returned = v({ status: 'returned', version: 1, asOf: '2025-12-10' });
    const accepted = v({ status: 'accepted', version: 2, asOf: '2025-12-18' });
    expect(countingVersion([returned, accepted])).toBe(accepted);
    expect(carryOverPeriod(2025, [returned, accepted])).toEqual({ from: '2025-12-19', to: '2025-12-31' });
    const pending = v({ status: 'submitted', version: 2, asOf: '2025-12-19' });
    expect(countingVersion([returned, pending])).toBe(pending);
    expect(countingVersion([returned, v({ status: 'accepted', version: 2, voided: true })])).toBeNull();
  });

  it('puts every case of the year in exactly one place: the frozen version or the carry-over', () => {
    const versions = [v({ asOf: '2025-12-15' })];
    const period = carryOverPeriod(2025, versions)!;
    const days = ['2025-01-01', '2025-12-14', '2025-12-15', '2025-12-16', '2025-12-31'];
    for (const day of days) {
      // the version holds what caseStatistics counted for the year on the day it was submitted
      const frozen = caseStatistics([kase(day)], { from: '2025-01-01', to: '2025-12-31' }, '2025-12-15').accepted;
      const carried = caseStatistics([kase(day)], period, '2026-12-15').accepted;
      expect([day, frozen + carried]).toEqual([day, 1]);
    }
    // a case accepted on 1 January is the new year's own, not carried
    expect(caseStatistics([kase('2026-01-01')], period, '2026-12-15').accepted).toBe(0);
  });

  it('carries a case typed in after the freeze though accepted before it, with what it recorded by then', () => {
    const carry = carryOver(2025, [v({ asOf: '2025-12-15', frozenAt: '2025-12-15T02:00:00Z' })])!;
    expect(carry).toEqual({
      period: { from: '2025-12-16', to: '2025-12-31' },
      lateEntries: { enteredAfter: '2025-12-15T02:00:00Z', from: '2025-01-01' },
    });
    // accepted on 10 December and concluded on the 12th, entered on the 22nd: the frozen version never saw it
    const late = kase('2025-12-10', { concludedOn: '2025-12-12', representingSince: '2025-12-11' });
    const f = caseStatistics([{ ...late, countedFrom: carry.lateEntries.from }], carry.period, '2026-12-15');
    expect(f).toMatchObject({ accepted: 1, concluded: 1, closed: 1 });
    // without the mark it is the frozen version's, and the carry-over leaves it
    expect(caseStatistics([late], carry.period, '2026-12-15')).toMatchObject({ accepted: 0, concluded: 0 });
    // nothing carried where nothing was frozen
    expect(carryOver(2025, [])).toBeNull();
    expect(carryOver(2025, [v({ asOf: '2026-01-05' })])).toBeNull();
  });

  it('counts the carried cases as they stand on the new year’s measuring day', () => {
    const period = carryOverPeriod(2025, [v({})])!;
    const f = caseStatistics(
      [
        kase('2025-12-20', { concludedOn: '2026-01-10', representingSince: '2025-12-21' }),
        kase('2025-12-28', { representingSince: '2025-12-29' }),
        kase('2025-12-10', { concludedOn: '2025-12-20' }), // in 2025's version as accepted; its conclusion falls in the stretch
      ],
      period,
      '2026-12-15',
    );
    expect(f).toMatchObject({ accepted: 2, closed: 1, closureDue: 2, concluded: 1, closureRate: 50 });
  });
});
