import { chinaToday, now, setClock } from './clock.js';

describe('the admin layer’s clock', () => {
  afterEach(() => setClock(() => new Date()));

  it('counts today in China: at 07:30 on 2 March there it is still 1 March in UTC', () => {
    setClock(() => new Date('2026-03-01T23:30:00Z'));
    expect(chinaToday()).toBe('2026-03-02');
    expect(now().toISOString()).toBe('2026-03-01T23:30:00.000Z');
  });

  it('follows the clock the server was given, moved or not', () => {
    let t = new Date('2026-12-31T15:59:59Z');
    setClock(() => t);
    expect(chinaToday()).toBe('2026-12-31');
    t = new Date('2026-12-31T16:00:00Z');
    expect(chinaToday()).toBe('2027-01-01');
  });
});
