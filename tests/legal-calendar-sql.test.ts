import pg from 'pg';
import { addDays } from '../src/domain/dates.js';
import { addWorkingDays, endOfPeriod, isRestDay, WEEKENDS_ONLY } from '../src/domain/legal-calendar.js';
import { syncLegalCalendar } from '../src/database/legal-calendar-sync.js';
import { LEGAL_SCHEDULE } from '../src/services/legal-schedule.js';
import { connectedTestDatabase } from './support/database.js';

// reporting.is_rest_day / end_of_period / add_working_days are the domain's calendar in SQL: the lists,
// the home page and the reporting views count with them, the case page with the TypeScript.
const PERIODS = [1, 5, 7, 15, 30, 60, 90];
const WORKING = [1, 5, 20];

async function sqlCalendar(db: pg.Client, from: string, to: string) {
  const { rows } = await db.query<Record<string, string | boolean>>(
    `SELECT to_char(d, 'YYYY-MM-DD') AS day, reporting.is_rest_day(d::date) AS rest,
            ${PERIODS.map((n) => `to_char(reporting.end_of_period(d::date, ${n}), 'YYYY-MM-DD') AS p${n}`).join(', ')},
            ${WORKING.map((n) => `to_char(reporting.add_working_days(d::date, ${n}), 'YYYY-MM-DD') AS w${n}`).join(', ')}
       FROM generate_series($1::date, $2::date, interval '1 day') AS g(d) ORDER BY d`,
    [from, to],
  );
  return rows;
}

function differences(rows: Record<string, string | boolean>[], schedule = LEGAL_SCHEDULE): string[] {
  return rows.flatMap((r) => {
    const day = r.day as string;
    const bad: string[] = [];
    if (r.rest !== isRestDay(day, schedule)) bad.push(`${day} rest`);
    for (const n of PERIODS) if (r[`p${n}`] !== endOfPeriod(day, n, schedule)) bad.push(`${day} +${n}`);
    for (const n of WORKING) if (r[`w${n}`] !== addWorkingDays(day, n, schedule)) bad.push(`${day} +${n} working`);
    return bad;
  });
}

describe('the legal calendar in SQL against the domain', () => {
  const db = connectedTestDatabase();

  it('agrees on every day of 2024–2026: rest days, periods and working days', async () => {
    const rows = await sqlCalendar(db(), '2024-01-01', '2026-12-31');
    expect(rows).toHaveLength(1096);
    expect(differences(rows)).toEqual([]);
    // the real dates of the 2026 schedule, in SQL
    const at = (day: string) => rows.find((r) => r.day === addDays(day, -7))?.p7;
    expect([at('2026-10-03'), at('2026-09-27'), at('2026-09-20'), at('2026-02-16'), at('2026-03-08')]).toEqual([
      '2026-10-08',
      '2026-09-28',
      '2026-09-20',
      '2026-02-24',
      '2026-03-09',
    ]);
  });

  it('counts 2027, whose schedule is not published, on weekends only, and says so', async () => {
    expect(differences(await sqlCalendar(db(), '2026-12-01', '2027-12-31'))).toEqual([]);
    const { rows } = await db().query(
      `SELECT bool_or(schedule_published) AS published FROM reporting.legal_calendar WHERE day BETWEEN '2027-01-01' AND '2027-12-31'`,
    );
    expect(rows[0].published).toBe(false);
  });

  it('counts weekends only outside the table, like the domain without a schedule', async () => {
    expect(differences(await sqlCalendar(db(), '1999-12-01', '1999-12-31'), WEEKENDS_ONLY)).toEqual([]);
    expect(differences(await sqlCalendar(db(), '2101-01-01', '2101-01-31'), WEEKENDS_ONLY)).toEqual([]);
  });

  it('is copied once, and again only when the schedule changes', async () => {
    expect(await syncLegalCalendar(db())).toBe(false);
    const { rows } = await db().query(`SELECT source FROM reporting.legal_calendar_source`);
    expect(rows[0].source).toMatch(/^chinese-days@\d+\.\d+\.\d+$/);
    expect(await syncLegalCalendar(db(), WEEKENDS_ONLY, 'test')).toBe(true);
    const { rows: moved } = await db().query(
      `SELECT to_char(reporting.end_of_period('2026-09-26', 7), 'YYYY-MM-DD') AS due`,
    );
    expect(moved[0].due).toBe('2026-10-05');
    expect(await syncLegalCalendar(db())).toBe(true);
  });
});
