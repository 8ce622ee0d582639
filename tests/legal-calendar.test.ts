import { nextDeadline, type DeadlineFacts } from '../src/domain/case-deadlines.js';
import {
  addWorkingDays,
  endOfPeriod,
  explainMovedDue,
  isRestDay,
  missingScheduleNote,
  WEEKENDS_ONLY,
} from '../src/domain/legal-calendar.js';
import { LEGAL_SCHEDULE } from '../src/services/legal-schedule.js';

// The State Council's published schedules as the chinese-days package carries them (国办发明电〔2025〕7号
// for 2026): the dates below are real.
const S = LEGAL_SCHEDULE;

describe('the legal calendar on the published schedules', () => {
  it('knows the years published so far, 2026 among them, and not 2027', () => {
    expect(S.years).toContain(2024);
    expect(S.years).toContain(2026);
    expect(S.years).not.toContain(2027);
    expect(S.holidays['2026-10-03']).toBe('国庆节');
    expect(S.workdays['2026-09-20']).toBe('国庆节');
  });

  it.each([
    // a reply opinion (7 days) or any period whose counted last day is …
    ['2026-09-26', 7, '2026-10-03', '2026-10-08'], // … 3 October, 国庆: the holiday ends on the 7th
    ['2026-09-20', 7, '2026-09-27', '2026-09-28'], // … 27 September, 中秋 (a Sunday inside the holiday)
    ['2026-09-13', 7, '2026-09-20', '2026-09-20'], // … the 调休 working Sunday 20 September: stays due
    ['2026-02-09', 7, '2026-02-16', '2026-02-24'], // … 16 February, 春节 (15–23 February)
    ['2026-03-01', 7, '2026-03-08', '2026-03-09'], // … a plain Sunday
    ['2026-12-26', 7, '2027-01-02', '2027-01-04'], // across the year end into 2027 (weekends only there)
    ['2025-12-25', 7, '2026-01-01', '2026-01-04'], // 元旦 2026 (1–3 January), Sunday the 4th a 调休 workday
    ['2024-12-25', 7, '2025-01-01', '2025-01-02'], // 元旦 2025
    ['2026-08-03', 60, '2026-10-02', '2026-10-08'], // a handling limit of 60 days into 国庆
  ])('a period from %s of %i days counted to %s ends on %s', (start, days, counted, due) => {
    expect(endOfPeriod(start, days, S)).toBe(due);
    expect(isRestDay(counted, S)).toBe(counted !== due);
  });

  it('explains a moved deadline the way the case page shows it', () => {
    expect(explainMovedDue('2026-10-03', '2026-10-08', S)).toBe(
      '10月3日为法定节假日，顺延至10月8日（民法典第二百零三条）',
    );
    expect(explainMovedDue('2026-03-08', '2026-03-09', S)).toBe(
      '3月8日为休息日（星期日），顺延至3月9日（民法典第二百零三条）',
    );
    expect(explainMovedDue('2022-12-31', '2023-01-02', WEEKENDS_ONLY)).toBe(
      '12月31日为休息日（星期六），顺延至2023年1月2日（民法典第二百零三条）',
    );
    expect(explainMovedDue('2026-09-20', '2026-09-20', S)).toBeNull();
  });

  it('counts a year with no schedule on weekends only, and says so', () => {
    // 1 January 2027 is a Friday: a holiday every year, but not yet published
    expect(isRestDay('2027-01-01', S)).toBe(false);
    expect(isRestDay('2027-01-02', S)).toBe(true);
    expect(endOfPeriod('2026-12-25', 7, S)).toBe('2027-01-01');
    expect(missingScheduleNote('2026-12-25', '2027-01-01', S)).toBe('2027年节假日安排未发布，按双休日计算');
    expect(missingScheduleNote('2026-09-26', '2026-10-08', S)).toBeNull();
  });

  it('counts working days over holidays and 调休 (条例第二十三条: 5个工作日)', () => {
    // 29, 30 September; 8, 9 October; Saturday 10 October, a 调休 working day, is the fifth
    expect(addWorkingDays('2026-09-28', 5, S)).toBe('2026-10-10');
    expect(addWorkingDays('2026-09-30', 1, S)).toBe('2026-10-08');
    expect(addWorkingDays('2026-10-08', 2, S)).toBe('2026-10-10'); // Saturday 10 October is a 调休 workday
    expect(addWorkingDays('2026-09-18', 1, S)).toBe('2026-09-20'); // Sunday 20 September too
    expect(addWorkingDays('2026-02-13', 1, S)).toBe('2026-02-14'); // Saturday 14 February (春节 调休)
    expect(addWorkingDays('2026-02-14', 1, S)).toBe('2026-02-24');
    expect(addWorkingDays('2026-12-30', 5, S)).toBe('2027-01-06'); // into 2027: weekends only
    expect(() => addWorkingDays('2026-01-01', 0, S)).toThrow();
  });
});

describe('case deadlines on the published schedules', () => {
  const concluded = (concludedOn: string): DeadlineFacts => ({
    state: 'concluded',
    acceptedOn: '2026-01-05',
    acceptanceNotifiedOn: '2026-01-06',
    extensionDays: null,
    concludedOn,
    replyIssuedOn: null,
    reviewRequestedOn: null,
    reviewAnsweredOn: null,
  });
  const reply = (concludedOn: string, today = concludedOn) => nextDeadline(concluded(concludedOn), today, S);

  it.each([
    // concluded on, the reply opinion's 7 days counted to, due on, the case page's note
    ['2026-09-26', '2026-10-03', '2026-10-08', '10月3日为法定节假日，顺延至10月8日（民法典第二百零三条）'],
    ['2026-09-20', '2026-09-27', '2026-09-28', '9月27日为法定节假日，顺延至9月28日（民法典第二百零三条）'],
    ['2026-09-13', '2026-09-20', '2026-09-20', null], // the 调休 working Sunday
    ['2026-02-09', '2026-02-16', '2026-02-24', '2月16日为法定节假日，顺延至2月24日（民法典第二百零三条）'],
    ['2026-03-01', '2026-03-08', '2026-03-09', '3月8日为休息日（星期日），顺延至3月9日（民法典第二百零三条）'],
    ['2026-12-28', '2027-01-04', '2027-01-04', '2027年节假日安排未发布，按双休日计算'], // into an unpublished year
    [
      '2026-12-26',
      '2027-01-02',
      '2027-01-04',
      '1月2日为休息日（星期六），顺延至1月4日（民法典第二百零三条）；2027年节假日安排未发布，按双休日计算',
    ],
  ])('a case concluded on %s: reply counted to %s, due on %s', (concludedOn, counted, due, note) => {
    expect(reply(concludedOn)).toMatchObject({ kind: 'reply', counted, due, note });
  });

  it('is not overdue on the holiday the due day was moved over, and overdue the day after it', () => {
    expect(reply('2026-09-26', '2026-10-05')).toMatchObject({ daysLeft: 3, urgency: 'due_soon' });
    expect(reply('2026-09-26', '2026-10-08')).toMatchObject({ daysLeft: 0, urgency: 'due_soon' });
    expect(reply('2026-09-26', '2026-10-09')).toMatchObject({ daysLeft: -1, urgency: 'overdue' });
    // the 调休 Sunday is a working day: due on it
    expect(reply('2026-09-13', '2026-09-21')).toMatchObject({ daysLeft: -1, urgency: 'overdue' });
  });
});
