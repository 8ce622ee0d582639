import type { DataSource } from 'typeorm';
import { createDataSource } from '../ormconfig.js';
import { openDeadlines } from '../src/domain/case-deadlines.js';
import { WEEKENDS_ONLY } from '../src/domain/legal-calendar.js';
import { syncLegalCalendar } from '../src/database/legal-calendar-sync.js';
import {
  actionableDueSql,
  casesNeedingAction,
  deadlineCounts,
  deadlineFilterSql,
} from '../src/services/case-deadline-query.js';
import { countyFigures } from '../src/services/case-statistics-query.js';
import { caseFacts } from '../src/services/case-workflow.js';
import { LEGAL_SCHEDULE } from '../src/services/legal-schedule.js';
import { connectedTestDatabase } from './support/database.js';

const d = (col: string) =>
  `to_char(c.${col}, 'YYYY-MM-DD') AS "${col.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase())}"`;
const FACTS = `c.id, c.state::text, c.county_id AS "countyId", c.extension_days AS "extensionDays",
  ${['accepted_on', 'acceptance_notified_on', 'concluded_on', 'reply_issued_on', 'review_requested_on', 'review_answered_on'].map(d).join(', ')}`;

// The list filters compute the office's next due day in SQL; it must be the domain's, case for case.
describe('the deadline SQL against the domain', () => {
  const db = connectedTestDatabase({ demo: true });

  it('gives every demo case the due day of its earliest actionable deadline, on the legal calendar', async () => {
    // a review awaiting its answer, which the demo data happens not to have
    await db().query(
      `UPDATE petition_case SET review_requested_on = reply_issued_on + 3, review_department = '平顶山市信访局'
        WHERE id = (SELECT id FROM petition_case WHERE state = 'concluded' AND reply_issued_on IS NOT NULL AND review_requested_on IS NULL LIMIT 1)`,
    );
    const { rows } = await db().query(
      `SELECT ${FACTS}, to_char(${actionableDueSql('c')}, 'YYYY-MM-DD') AS sql_due FROM petition_case c`,
    );
    expect(rows.length).toBeGreaterThan(1000);
    const domainDue = (r: Record<string, unknown>) =>
      openDeadlines(caseFacts(r), LEGAL_SCHEDULE).find((x) => x.actionable)?.due ?? null;
    expect(rows.filter((r) => domainDue(r) !== r.sql_due).map((r) => r.id)).toEqual([]);
    // every kind of actionable deadline occurs in the demo data
    const kinds = new Set(
      rows.flatMap((r) =>
        openDeadlines(caseFacts(r), LEGAL_SCHEDULE)
          .filter((x) => x.actionable)
          .map((x) => x.kind),
      ),
    );
    expect([...kinds].sort()).toEqual(['acceptanceNotice', 'handling', 'reply', 'reviewAnswer']);
    // and some of them were moved off a rest day
    expect(
      rows.filter((r) => openDeadlines(caseFacts(r), LEGAL_SCHEDULE).some((x) => x.due !== x.counted)).length,
    ).toBeGreaterThan(10);
  });
});

// 民法典第二百零三条 in the lists, the home page and the figures: a deadline counted to a day of 国庆 2026
// (1–7 October) falls due on Thursday 8 October, and is not overdue on the holiday.
describe('deadlines that fall on a holiday, in the filters, the home page and the figures', () => {
  const db = connectedTestDatabase({ demo: true });
  let ds: DataSource;
  let county: number;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    ds = createDataSource(db.url());
    await ds.initialize();
    // a county of its own, so that its figures are these cases only
    county = (
      await db().query(
        `INSERT INTO organization (code, name, level, parent_id)
         VALUES ('410499', '测试县', 'county', (SELECT id FROM organization WHERE level = 'city' LIMIT 1)) RETURNING id`,
      )
    ).rows[0].id;
    const add = async (name: string, cols: Record<string, unknown>) => {
      const keys = Object.keys(cols);
      const { rows } = await db().query(
        `INSERT INTO petition_case (case_no, county_id, subject, category, source, petitioner_name, ${keys.join(', ')})
         VALUES ($1, $2, '测试', 'marriage_family', 'visit', '王某', ${keys.map((_, i) => `$${i + 3}`).join(', ')})
         RETURNING id`,
        [`测试-${name}`, county, ...Object.values(cols)],
      );
      ids[name] = rows[0].id;
    };
    // 条例第三十四条: 60 days from 3 August counted to Friday 2 October (国庆)
    await add('handling', {
      state: 'representing',
      accepted_on: '2026-08-03',
      acceptance_notified_on: '2026-08-04',
      representing_since: '2026-08-05',
    });
    // 附件2 第五条: 7 days from 26 September counted to Saturday 3 October (国庆); no reply yet
    await add('reply', {
      state: 'concluded',
      accepted_on: '2026-09-01',
      acceptance_notified_on: '2026-09-02',
      concluded_on: '2026-09-26',
    });
    // the same, the reply issued on 8 October: on time
    await add('replied', {
      state: 'concluded',
      accepted_on: '2026-09-01',
      acceptance_notified_on: '2026-09-02',
      concluded_on: '2026-09-26',
      reply_issued_on: '2026-10-08',
    });
    // 7 days counted to the 调休 working Sunday 20 September: due that day
    await add('workingSunday', {
      state: 'concluded',
      accepted_on: '2026-09-01',
      acceptance_notified_on: '2026-09-02',
      concluded_on: '2026-09-13',
    });
  });
  afterAll(async () => {
    await ds.destroy();
  });

  const stored = async () =>
    Object.fromEntries(
      (
        await db().query(
          `SELECT c.id, to_char(c.action_due_on, 'YYYY-MM-DD') AS due FROM petition_case c WHERE c.county_id = $1`,
          [county],
        )
      ).rows.map((r) => [Object.keys(ids).find((k) => ids[k] === r.id), r.due]),
    );

  it('stores the due day moved off the holiday, as the domain counts it', async () => {
    expect(await stored()).toEqual({
      handling: '2026-10-08',
      reply: '2026-10-08',
      replied: null,
      workingSunday: '2026-09-20',
    });
    const { rows } = await db().query(`SELECT ${FACTS} FROM petition_case c WHERE c.county_id = $1 ORDER BY c.id`, [
      county,
    ]);
    expect(rows.map((r) => openDeadlines(caseFacts(r), LEGAL_SCHEDULE).find((x) => x.actionable)?.due ?? null)).toEqual(
      ['2026-10-08', '2026-10-08', null, '2026-09-20'],
    );
  });

  it('filters 已超期 and 即将到期 on the moved due day', async () => {
    const listed = async (filter: 'overdue' | 'due_soon', today: string) => {
      const sql = deadlineFilterSql(filter, actionableDueSql('c'))
        .replace(':deadlineToday', `'${today}'`)
        .replace(':deadlineSoon', `'${today}'::date + 3`);
      const { rows } = await db().query(`SELECT c.id FROM petition_case c WHERE c.county_id = $1 AND ${sql}`, [county]);
      return rows.map((r) => Object.keys(ids).find((k) => ids[k] === r.id)).sort();
    };
    // on 5 October (国庆), counted past but not yet due: 即将到期, not 已超期
    expect(await listed('overdue', '2026-10-05')).toEqual(['workingSunday']);
    expect(await listed('due_soon', '2026-10-05')).toEqual(['handling', 'reply']);
    expect(await listed('overdue', '2026-10-08')).toEqual(['workingSunday']);
    expect(await listed('overdue', '2026-10-09')).toEqual(['handling', 'reply', 'workingSunday']);
    // the 调休 Sunday is a working day: due on it, overdue the day after
    expect(await listed('overdue', '2026-09-20')).toEqual([]);
    expect(await listed('overdue', '2026-09-21')).toEqual(['workingSunday']);
  });

  it('counts them so on the home page', async () => {
    expect(await deadlineCounts(ds.manager, county, '2026-10-05')).toEqual([
      { countyId: county, countyName: '测试县', overdue: 1, dueSoon: 2 },
    ]);
    expect(await deadlineCounts(ds.manager, county, '2026-10-09')).toEqual([
      { countyId: county, countyName: '测试县', overdue: 3, dueSoon: 0 },
    ]);
    const listed = await casesNeedingAction(ds.manager, county, '2026-10-05');
    expect(listed.map((c) => [c.caseNo, c.deadline.due, c.deadline.urgency, c.deadline.note])).toEqual([
      ['测试-workingSunday', '2026-09-20', 'overdue', null],
      ['测试-handling', '2026-10-08', 'due_soon', '10月2日为法定节假日，顺延至10月8日（民法典第二百零三条）'],
      ['测试-reply', '2026-10-08', 'due_soon', '10月3日为法定节假日，顺延至10月8日（民法典第二百零三条）'],
    ]);
  });

  it('counts 办理超期 and the 7日内答复率 of the scorecard and 附件7 on the legal calendar', async () => {
    const measures = async (today: string) => {
      await db().query(`SET reporting.today = '${today}'`);
      const { rows } = await db().query(
        `SELECT overdue_cases::int, replies_due::int, replies_on_time::int FROM reporting.county_measures
          WHERE county_id = $1 AND year = 2026`,
        [county],
      );
      return rows[0];
    };
    // on the holiday the handling limit has not run out, nor have the 7 days of the unreplied case: only the
    // reply due on the 调休 Sunday is due (and late)
    expect(await measures('2026-10-05')).toEqual({ overdue_cases: 0, replies_due: 1, replies_on_time: 0 });
    // on the 8th the reply issued that day is on time; the unreplied case is due, not yet late
    expect(await measures('2026-10-08')).toEqual({ overdue_cases: 0, replies_due: 2, replies_on_time: 1 });
    expect(await measures('2026-10-09')).toEqual({ overdue_cases: 1, replies_due: 3, replies_on_time: 1 });
    // the scorecard's 办理超期 is that figure
    const scorecard = await db().query(
      `SELECT measure::int FROM reporting.county_scorecard WHERE county_id = $1 AND year = 2026 AND standard_code = 'overdue_cases'`,
      [county],
    );
    expect(scorecard.rows[0].measure).toBe(1);
    await db().query(`SET reporting.today = '2026-10-05'`);
    const onHoliday = await db().query(
      `SELECT measure::int FROM reporting.county_scorecard WHERE county_id = $1 AND year = 2026 AND standard_code = 'overdue_cases'`,
      [county],
    );
    expect(onHoliday.rows[0].measure).toBe(0);
    // a reply on 8 October to a case concluded on 26 September is on time (7 days, 国庆 moved them on)
    const { rows } = await db().query(
      `SELECT case_no, reply_on_time, to_char(due_on, 'YYYY-MM-DD') AS due_on, to_char(reply_due_on, 'YYYY-MM-DD') AS reply_due_on
         FROM reporting.case_facts WHERE county_id = $1 ORDER BY case_id`,
      [county],
    );
    expect(rows.find((r) => r.case_no === '测试-replied')).toMatchObject({
      reply_on_time: true,
      reply_due_on: '2026-10-08',
    });
    expect(rows.find((r) => r.case_no === '测试-handling')).toMatchObject({ due_on: '2026-10-08' });
    // 附件7 counted in TypeScript from the same rows says the same
    await db().query(`SET reporting.today = '2026-10-09'`);
    const figures = await countyFigures(ds.manager, county, { from: '2026-01-01', to: '2026-12-31' }, '2026-10-09');
    expect([figures.repliesDue, figures.repliesOnTime]).toEqual([3, 1]);
    await db().query(`RESET reporting.today`);
  });

  it('moves the stored due days when the schedule in the database changes', async () => {
    expect(await syncLegalCalendar(db(), WEEKENDS_ONLY, 'test')).toBe(true);
    // on weekends only, Friday 2 October is a working day and Saturday the 3rd moves to Monday the 5th
    expect(await stored()).toMatchObject({ handling: '2026-10-02', reply: '2026-10-05', workingSunday: '2026-09-21' });
    expect(await syncLegalCalendar(db())).toBe(true);
    expect(await stored()).toMatchObject({ handling: '2026-10-08', reply: '2026-10-08', workingSunday: '2026-09-20' });
  });
});
