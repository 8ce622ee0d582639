import { addDays, compareDates, daysBetween, isValidDate, localDate } from './dates.js';

describe('calendar dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2024-04-31', false],
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-1-5', false],
    ['2024-01-05T00:00:00Z', false],
    ['0024-01-05', true],
    ['', false],
  ])('know whether %j is a day that exists: %s', (day, exists) => {
    expect(isValidDate(day)).toBe(exists);
  });

  it('compare', () => {
    expect(compareDates('2024-03-01', '2024-02-29')).toBe(1);
    expect(compareDates('2023-12-31', '2024-01-01')).toBe(-1);
    expect(compareDates('2024-05-04', '2024-05-04')).toBe(0);
    expect(() => compareDates('2023-02-29', '2024-01-01')).toThrow();
  });

  it('add days over month ends, year ends and leap days', () => {
    expect(addDays('2024-01-31', 1)).toBe('2024-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2023-03-01', -1)).toBe('2023-02-28');
    // 条例 第三十四条: 60 days from acceptance
    expect(addDays('2024-01-15', 60)).toBe('2024-03-15');
    expect(addDays('2023-01-15', 60)).toBe('2023-03-16');
    expect(addDays('2024-02-29', 365)).toBe('2025-02-28');
    expect(addDays('2024-05-04', 0)).toBe('2024-05-04');
    expect(() => addDays('2024-05-04', 1.5)).toThrow();
  });

  it.each([
    ['2024-02-28', '2024-03-01', 2],
    ['2023-02-28', '2023-03-01', 1],
    ['2023-12-25', '2024-01-01', 7],
    ['2024-01-01', '2025-01-01', 366],
    ['2023-01-01', '2024-01-01', 365],
    ['2024-03-01', '2024-02-29', -1],
    ['2024-06-01', '2024-06-01', 0],
  ])('count the days from %s to %s: %i', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it('give the date in China for an instant, whatever the server clock zone', () => {
    // 16:00 UTC is midnight in Beijing (UTC+8, no daylight saving)
    expect(localDate(new Date('2024-12-31T15:59:59Z'))).toBe('2024-12-31');
    expect(localDate(new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01');
    expect(localDate(new Date('2024-02-28T16:30:00Z'))).toBe('2024-02-29');
    expect(localDate(new Date('2024-12-31T16:00:00Z'), 'UTC')).toBe('2024-12-31');
  });
});
