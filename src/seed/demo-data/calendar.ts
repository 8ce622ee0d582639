/**
 * Dates of the demo world as whole days since 1970-01-01 (UTC), so arithmetic is plain addition.
 * The world has its own fixed "today": the demo must be identical on every run, so the clock is never read.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;

export function day(iso: string): Day {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

export const DEMO_TODAY: Day = day('2026-11-20');
export const CASES_FROM: Day = day('2022-01-01');

/** YYYY-MM-DD */
export function iso(d: Day): string {
  return new Date(d * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearOf(d: Day): number {
  return new Date(d * MS_PER_DAY).getUTCFullYear();
}

export function startOfYear(year: number): Day {
  return Date.UTC(year, 0, 1) / MS_PER_DAY;
}

export function endOfYear(year: number): Day {
  return Date.UTC(year, 11, 31) / MS_PER_DAY;
}

/** The same calendar day `years` later (29 Feb → 1 Mar). */
export function addYears(d: Day, years: number): Day {
  const date = new Date(d * MS_PER_DAY);
  return Date.UTC(date.getUTCFullYear() + years, date.getUTCMonth(), date.getUTCDate()) / MS_PER_DAY;
}

/** A timestamptz literal for `created_at`-style columns: that day in office hours, Beijing time. */
export function timestamp(d: Day, hour = 9): string {
  return `${iso(d)} ${String(hour).padStart(2, '0')}:00:00+08`;
}

export function minDay(...days: Day[]): Day {
  return Math.min(...days);
}

export function maxDay(...days: Day[]): Day {
  return Math.max(...days);
}
