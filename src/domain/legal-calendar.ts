// China's legal calendar for time limits. 《民法典》第二百零一条: a period counted in days starts on the day
// after the event; 第二百零三条: when its last day is a statutory rest day (法定休假日: a weekend, or a public
// holiday of the State Council's yearly schedule) the period ends on the day after the rest — and a weekend
// made a working day by 调休 is a working day. 《信访工作条例》 also counts some limits in working days
// (第二十三条: 5个工作日). The schedule is passed in; src/services/legal-schedule.ts loads the published one.
// reporting.is_rest_day / end_of_period / add_working_days are the same rules in SQL (tests/legal-calendar-sql.test.ts).
import { addDays, isoWeekday } from './dates.js';

/** The State Council's holiday schedule (国务院办公厅关于部分节假日安排的通知) of the years it covers. */
export interface HolidaySchedule {
  /** the years whose schedule is published; any other year counts weekends only */
  readonly years: readonly number[];
  /** rest days of the schedule (weekends inside a holiday included) → the holiday, e.g. '国庆节' */
  readonly holidays: Readonly<Record<string, string>>;
  /** weekends made working days (调休) → the holiday they make up for */
  readonly workdays: Readonly<Record<string, string>>;
}

/** No published schedule at all: Saturdays and Sundays are the only rest days. */
export const WEEKENDS_ONLY: HolidaySchedule = { years: [], holidays: {}, workdays: {} };

/** What a day is on the legal calendar, and how reporting.legal_calendar.kind stores it. */
export const STORED_DAY_KINDS = {
  holiday: 'holiday',
  adjustedWorkday: 'adjusted_workday',
  weekend: 'weekend',
  workday: 'workday',
} as const;
export type DayKind = keyof typeof STORED_DAY_KINDS;

/** What a day is on the legal calendar: a holiday, a 调休 working weekend, a plain weekend or a working day. */
export function dayKind(date: string, schedule: HolidaySchedule): DayKind {
  if (Object.hasOwn(schedule.holidays, date)) return 'holiday';
  if (Object.hasOwn(schedule.workdays, date)) return 'adjustedWorkday';
  return isoWeekday(date) >= 6 ? 'weekend' : 'workday';
}

/** True on a statutory rest day: a holiday of the schedule, or a weekend not made a working day. */
export function isRestDay(date: string, schedule: HolidaySchedule): boolean {
  const kind = dayKind(date, schedule);
  return kind === 'holiday' || kind === 'weekend';
}

/** The day itself when it is a working day, else the first working day after it (第二百零三条). */
export function nextWorkingDayFrom(date: string, schedule: HolidaySchedule): string {
  let day = date;
  while (isRestDay(day, schedule)) day = addDays(day, 1);
  return day;
}

/**
 * The last day of a period of `days` days running from the event on `start` (民法典第二百零一条: the day of
 * the event does not count), moved to the next working day when it falls on a rest day (第二百零三条).
 * SQL: reporting.end_of_period(start, days).
 */
export function endOfPeriod(start: string, days: number, schedule: HolidaySchedule): string {
  return nextWorkingDayFrom(addDays(start, days), schedule);
}

/**
 * The `n`th working day after `start` (the day of the event does not count), for limits in working days
 * (条例第二十三条: 5个工作日). SQL: reporting.add_working_days(start, n).
 */
export function addWorkingDays(start: string, n: number, schedule: HolidaySchedule): string {
  if (!Number.isInteger(n) || n < 1) throw new Error(`not a positive whole number of working days: ${n}`);
  let day = start;
  for (let counted = 0; counted < n;) {
    day = addDays(day, 1);
    if (!isRestDay(day, schedule)) counted++;
  }
  return day;
}

/** True when the State Council's schedule of the year of `date` is in the schedule passed in. */
export function scheduleCovers(date: string, schedule: HolidaySchedule): boolean {
  return schedule.years.includes(Number(date.slice(0, 4)));
}

const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
const WEEKDAY = ['一', '二', '三', '四', '五', '六', '日'];

/**
 * Why a due day moved, for the case page: "10月3日为法定节假日，顺延至10月8日（民法典第二百零三条）".
 * `counted` is the last day as counted, `due` the day the period ends; null when they are the same.
 */
export function explainMovedDue(counted: string, due: string, schedule: HolidaySchedule): string | null {
  if (counted === due) return null;
  const why =
    dayKind(counted, schedule) === 'holiday' ? '法定节假日' : `休息日（星期${WEEKDAY[isoWeekday(counted) - 1]}）`;
  const to = due.slice(0, 4) === counted.slice(0, 4) ? monthDay(due) : `${due.slice(0, 4)}年${monthDay(due)}`;
  return `${monthDay(counted)}为${why}，顺延至${to}（民法典第二百零三条）`;
}

/**
 * "2027年节假日安排未发布，按双休日计算" when a period from `from` to `to` runs into a year whose schedule is
 * not published (the State Council publishes the next year's, usually in November); else null.
 */
export function missingScheduleNote(from: string, to: string, schedule: HolidaySchedule): string | null {
  const missing: number[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++)
    if (!schedule.years.includes(year)) missing.push(year);
  return missing.length ? `${missing.join('、')}年节假日安排未发布，按双休日计算` : null;
}
