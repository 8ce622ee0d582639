// Copies the legal calendar (src/services/legal-schedule.ts) into reporting.legal_calendar, one row a day,
// when it differs from what the database holds — after every `npm run migrate` and at start-up — and then
// recomputes the stored due days of the cases it moves (petition_case.action_due_on). A schedule published
// later (a dependency bump of chinese-days) thus reaches the SQL side on the next start, with no migration.
import { createHash } from 'node:crypto';
import pg from 'pg';
import { addDays } from '../domain/dates.js';
import {
  dayKind,
  isRestDay,
  nextWorkingDayFrom,
  scheduleCovers,
  STORED_DAY_KINDS,
  type HolidaySchedule,
} from '../domain/legal-calendar.js';
import { LEGAL_SCHEDULE, SCHEDULE_SOURCE } from '../services/legal-schedule.js';

export const CALENDAR_FIRST_DAY = '2000-01-01';
export const CALENDAR_LAST_DAY = '2100-12-31';

interface CalendarColumns {
  day: string[];
  kind: string[];
  rest: boolean[];
  holiday: (string | null)[];
  published: boolean[];
  next: string[];
  workingNo: number[];
}

/** Every day of the table's range, as the domain counts it. */
export function calendarRows(schedule: HolidaySchedule): CalendarColumns {
  const cols: CalendarColumns = { day: [], kind: [], rest: [], holiday: [], published: [], next: [], workingNo: [] };
  let workingNo = 0;
  for (let day = CALENDAR_FIRST_DAY; day <= CALENDAR_LAST_DAY; day = addDays(day, 1)) {
    const kind = dayKind(day, schedule);
    const rest = isRestDay(day, schedule);
    if (!rest) workingNo++;
    cols.day.push(day);
    cols.kind.push(STORED_DAY_KINDS[kind]);
    cols.rest.push(rest);
    cols.holiday.push(schedule.holidays[day] ?? schedule.workdays[day] ?? null);
    cols.published.push(scheduleCovers(day, schedule));
    cols.next.push(nextWorkingDayFrom(day, schedule));
    cols.workingNo.push(workingNo);
  }
  return cols;
}

function digestOf(schedule: HolidaySchedule): string {
  const canonical = JSON.stringify({
    range: [CALENDAR_FIRST_DAY, CALENDAR_LAST_DAY],
    years: schedule.years,
    holidays: Object.entries(schedule.holidays).sort(),
    workdays: Object.entries(schedule.workdays).sort(),
  });
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Brings reporting.legal_calendar in line with `schedule`; true when it changed anything. Under an advisory
 * lock, so two instances starting together copy it once.
 */
export async function syncLegalCalendar(
  client: pg.ClientBase,
  schedule: HolidaySchedule = LEGAL_SCHEDULE,
  source: string = SCHEDULE_SOURCE,
): Promise<boolean> {
  const digest = digestOf(schedule);
  await client.query('BEGIN');
  try {
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('reporting.legal_calendar'))`);
    const { rows } = await client.query<{ digest: string }>('SELECT digest FROM reporting.legal_calendar_source');
    if (rows[0]?.digest === digest) {
      await client.query('COMMIT');
      return false;
    }
    const c = calendarRows(schedule);
    await client.query('DELETE FROM reporting.legal_calendar');
    await client.query(
      `INSERT INTO reporting.legal_calendar (day, kind, is_rest_day, holiday, schedule_published, next_working_day, working_day_no)
       SELECT * FROM unnest($1::date[], $2::text[], $3::boolean[], $4::text[], $5::boolean[], $6::date[], $7::int[])`,
      [c.day, c.kind, c.rest, c.holiday, c.published, c.next, c.workingNo],
    );
    await client.query(
      `INSERT INTO reporting.legal_calendar_source (id, source, digest, synced_at) VALUES (true, $1, $2, now())
       ON CONFLICT (id) DO UPDATE SET source = EXCLUDED.source, digest = EXCLUDED.digest, synced_at = EXCLUDED.synced_at`,
      [source, digest],
    );
    await recomputeActionDue(client);
    await client.query('COMMIT');
    return true;
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  }
}

/**
 * The stored due days of the cases (petition_case.action_due_on, kept by a trigger on every write of a
 * case) counted again on the new calendar: only the rows whose due day moves are written.
 */
async function recomputeActionDue(client: pg.ClientBase): Promise<void> {
  const { rows } = await client.query<{ present: boolean }>(
    `SELECT to_regprocedure('petition_case_action_due_on(petition_case)') IS NOT NULL AS present`,
  );
  if (!rows[0]?.present) return;
  await client.query(
    `UPDATE petition_case pc SET action_due_on = petition_case_action_due_on(pc)
      WHERE pc.action_due_on IS DISTINCT FROM petition_case_action_due_on(pc)`,
  );
}

/** Connects to `databaseUrl` and syncs (see syncLegalCalendar). */
export async function syncLegalCalendarAt(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await syncLegalCalendar(client);
  } finally {
    await client.end();
  }
}
