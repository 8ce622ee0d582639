// The State Council's yearly holiday and 调休 schedule, from the npm package `chinese-days` (its
// dist/chinese-days.json: `holidays` and `workdays` keyed by date, "English,中文,days" as values). The
// package is the one source: a new year's schedule arrives by bumping it (README: 法定节假日安排), and
// `npm run migrate` / start-up copy it into reporting.legal_calendar (src/database/legal-calendar-sync.ts).
import { createRequire } from 'node:module';
import type { HolidaySchedule } from '../domain/legal-calendar.js';

interface ChineseDaysJson {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const require = createRequire(import.meta.url);

/** The package's own version, recorded with the calendar copied into the database. */
export const SCHEDULE_SOURCE = `chinese-days@${(require('chinese-days/package.json') as { version: string }).version}`;

/** The schedule as `chinese-days` publishes it: the Chinese name of each holiday, the years it covers. */
export function scheduleFromChineseDays(json: ChineseDaysJson): HolidaySchedule {
  const chineseName = (value: string) => value.split(',')[1] ?? value;
  const pick = (days: Record<string, string>) =>
    Object.fromEntries(Object.entries(days).map(([date, value]) => [date, chineseName(value)]));
  const years = [...new Set(Object.keys(json.holidays).map((date) => Number(date.slice(0, 4))))].sort((a, b) => a - b);
  return { years, holidays: pick(json.holidays), workdays: pick(json.workdays) };
}

/** The published schedule every deadline of the product is counted on. */
export const LEGAL_SCHEDULE: HolidaySchedule = Object.freeze(
  scheduleFromChineseDays(require('chinese-days/dist/chinese-days.json') as ChineseDaysJson),
);
