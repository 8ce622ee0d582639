import { localToday } from './local-today.js';

describe('localToday', () => {
  it('is the calendar day of a clerk in China, also before 08:00 when UTC is still on yesterday', () => {
    const china = -480;
    // 07:30 in China on 2 March is 23:30 UTC on 1 March
    expect(localToday(new Date('2026-03-01T23:30:00Z'), china)).toBe('2026-03-02');
    expect(localToday(new Date('2026-03-02T15:59:00Z'), china)).toBe('2026-03-02');
    expect(localToday(new Date('2026-03-02T16:00:00Z'), china)).toBe('2026-03-03');
  });

  it('reads the browser clock’s own zone by default', () => {
    const now = new Date('2026-03-01T23:30:00Z');
    expect(localToday(now)).toBe(localToday(now, now.getTimezoneOffset()));
  });
});
