import { localDate } from '../domain/dates.js';

/**
 * The admin layer's one clock. The server sets it from createApp's `now` (the system clock in production;
 * a test moves it), and every action, adapter and file router reads "now" and "today in China" (the day
 * every deadline, date check and default is counted in: Asia/Shanghai, domain/dates.ts localDate) here.
 */
let source: () => Date = () => new Date();

export function setClock(now: () => Date): void {
  source = now;
}

export const now = (): Date => source();

/** Today in China, YYYY-MM-DD. */
export const chinaToday = (): string => localDate(source());
