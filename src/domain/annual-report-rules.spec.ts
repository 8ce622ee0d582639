import {
  applyReportStep,
  cityReminderYear,
  countyReminderYear,
  daysToDeadline,
  describeDeadline,
  isLateSubmission,
  mayTakeReportStep,
  newVersionProblem,
} from './annual-report-rules.js';
import { DomainError } from './errors.js';

describe('the 20 December deadline (附件7)', () => {
  // on time up to the end of 20 December in Beijing, late from 21 December
  it.each([
    ['2025-12-20T15:59:59Z', false], // 23:59:59 in Beijing
    ['2025-12-20T16:00:00Z', true], // 00:00 on 21 December
    ['2025-12-01T02:00:00Z', false],
    ['2026-01-05T02:00:00Z', true],
  ])('takes the 2025 table submitted at %s as late: %s', (at, late) => {
    expect(isLateSubmission(2025, new Date(at))).toBe(late);
  });

  it('marks the submission itself late or on time, from the time passed in', () => {
    const draft = { year: 2025, status: 'draft' as const, isLatest: true };
    expect(applyReportStep(draft, 'submit', {}, new Date('2025-12-19T09:00:00+08:00'))).toEqual({
      status: 'submitted',
      isLate: false,
    });
    expect(applyReportStep(draft, 'submit', {}, new Date('2025-12-21T09:00:00+08:00'))).toEqual({
      status: 'submitted',
      isLate: true,
    });
  });

  it('counts the days left and shows the reminder from 1 December', () => {
    expect(daysToDeadline(2026, '2026-12-01')).toBe(19);
    expect(describeDeadline(2026, '2026-12-20')).toBe('今天截止');
    expect(describeDeadline(2026, '2026-12-23')).toBe('已逾期 3 天');
    expect(countyReminderYear('2026-11-30')).toBeNull();
    expect(countyReminderYear('2026-12-01')).toBe(2026);
    expect(cityReminderYear('2027-01-15')).toBe(2026);
    expect(cityReminderYear('2027-02-01')).toBeNull();
  });
});

describe('report steps', () => {
  it('lets only the city return or accept, with a reason to return', () => {
    expect(mayTakeReportStep({ id: 1, role: 'county_staff', countyId: 5 }, 'return', 5)).toBe(false);
    expect(mayTakeReportStep({ id: 1, role: 'county_staff', countyId: 5 }, 'submit', 5)).toBe(true);
    expect(mayTakeReportStep({ id: 1, role: 'county_staff', countyId: 5 }, 'submit', 6)).toBe(false);
    expect(mayTakeReportStep({ id: 2, role: 'leader', countyId: null }, 'submit', 5)).toBe(false);
    expect(mayTakeReportStep({ id: 3, role: 'city_admin', countyId: null }, 'accept', 5)).toBe(true);
    const submitted = { year: 2025, status: 'submitted' as const, isLatest: true };
    expect(() => applyReportStep(submitted, 'return', { reason: ' ' }, new Date())).toThrow('退回时请写明退回原因');
    expect(applyReportStep(submitted, 'return', { reason: '数据有误' }, new Date())).toEqual({
      status: 'returned',
      returnReason: '数据有误',
    });
  });

  it('refuses a step from the wrong status and a second open version', () => {
    const accepted = { year: 2025, status: 'accepted' as const, isLatest: true };
    expect(() => applyReportStep(accepted, 'submit', {}, new Date())).toThrow(DomainError);
    expect(newVersionProblem([{ status: 'returned' }])).toBeNull();
    expect(newVersionProblem([{ status: 'returned' }, { status: 'draft' }])).toMatch(/已存在/);
  });
});
