/**
 * Today in the user's own time zone (toISOString alone gives yesterday in China before 08:00).
 * `offsetMinutes` is Date#getTimezoneOffset's: -480 in China.
 */
export function localToday(now = new Date(), offsetMinutes = now.getTimezoneOffset()): string {
  return new Date(now.getTime() - offsetMinutes * 60_000).toISOString().slice(0, 10);
}
