// Calendar dates as 'YYYY-MM-DD' strings: the form of PostgreSQL `date` columns and of AdminJS date fields.
// Arithmetic runs on UTC midnights, where every day has 24 hours.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function utcMs(year: number, month: number, day: number): number {
  const d = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not turn years 0–99 into 1900–1999
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

function parse(value: string): number | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = utcMs(year, month, day);
  return format(ms) === value ? ms : null;
}

function parseOrThrow(value: string): number {
  const ms = parse(value);
  if (ms === null) throw new Error(`not a YYYY-MM-DD date: ${value}`);
  return ms;
}

function format(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** True for an existing calendar day written 'YYYY-MM-DD' (so '2023-02-29' is false). */
export function isValidDate(value: string): boolean {
  return parse(value) !== null;
}

/** Negative, zero or positive as `a` is before, on or after `b`. Throws on an invalid date. */
export function compareDates(a: string, b: string): number {
  return Math.sign(parseOrThrow(a) - parseOrThrow(b));
}

/** The date `days` calendar days after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new Error(`not a whole number of days: ${days}`);
  return format(parseOrThrow(date) + days * MS_PER_DAY);
}

/** Calendar days from `from` to `to`: 1 from one day to the next, negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseOrThrow(to) - parseOrThrow(from)) / MS_PER_DAY);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date at instant `now` on the wall clocks of `timeZone` (China by default). */
export function localDate(now: Date, timeZone = 'Asia/Shanghai'): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/**
 * The same calendar day `years` years later; 29 February falls back to 28 February in a common year
 * (the way a one-year term starting on a leap day is usually counted).
 */
export function addYears(date: string, years: number): string {
  if (!Number.isInteger(years)) throw new Error(`not a whole number of years: ${years}`);
  const start = new Date(parseOrThrow(date));
  const year = start.getUTCFullYear() + years;
  const month = start.getUTCMonth() + 1;
  const lastDay = new Date(utcMs(year, month + 1, 0)).getUTCDate();
  return format(utcMs(year, month, Math.min(start.getUTCDate(), lastDay)));
}

/** The day of the week, ISO style: 1 Monday … 6 Saturday, 7 Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(parseOrThrow(date)).getUTCDay();
  return day === 0 ? 7 : day;
}
