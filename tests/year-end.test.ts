import ExcelJS from 'exceljs';
import { isLateSubmission } from '../src/domain/annual-report-rules.js';
import { annualStatisticsSection } from '../src/admin/dashboard/annual-statistics.section.js';
import { annualFigures, submitAnnualReport } from '../src/services/annual-report-service.js';
import { percent } from '../src/domain/rounding.js';
import { CARRY_OVER_SHEET, CLOSURE_SHEET } from '../src/reports/year-end/closure-statistics-workbook.js';
import { startTestApp, type TestApp } from './support/app.js';
import { countyId } from './support/fixtures.js';
import { docxText } from './support/office.js';
import type { Session } from './support/http.js';

// The year end (工作要求: 附件7 by 20 December; 考评 with its 一票否决; 表彰奖励): 附件7 submitted, returned, accepted and summed
// up; 附件6; the evaluation with its veto; commendations.

let app: TestApp;
let city: Session;
let xinhuaStaff: Session;
let leader: Session;
let xinhua: number;
let cityUser: { id: number; role: 'city_admin'; countyId: null; email: string };

beforeAll(async () => {
  app = await startTestApp();
  xinhua = await countyId(app.db, '新华区');
  [city, xinhuaStaff, leader] = [app.session(), app.session(), app.session()];
  expect(await city.login('city@example.org')).toBe(true);
  expect(await xinhuaStaff.login('xinhua@example.org')).toBe(true);
  expect(await leader.login('leader@example.org')).toBe(true);
  const { rows } = await app.db.query(`SELECT id FROM admin_user WHERE email = 'city@example.org'`);
  cityUser = { id: rows[0].id, role: 'city_admin', countyId: null, email: 'city@example.org' };
});
afterAll(() => app.close());

const report = async (id: number) => (await app.db.query(`SELECT * FROM annual_report WHERE id = $1`, [id])).rows[0];
const step = (s: Session, id: number, action: string, body: Record<string, unknown> = {}) =>
  s.api('POST', `/resources/AnnualReport/records/${id}/${action}`, body);

describe('附件7: the 新华区 clerk submits, the city returns, then accepts', () => {
  let first: number;
  let second: number;

  it('opens a draft for the year, computed from the cases, and refuses a second one', async () => {
    const created = await xinhuaStaff.api('POST', '/resources/AnnualReport/actions/new', {
      year: 2026,
      remarks: '全年案件已核对',
      countyId: 999,
    });
    expect(created.json.notice.type).toBe('success');
    first = Number(created.json.record.params.id);
    expect(await report(first)).toMatchObject({ county_id: xinhua, year: 2026, version: 1, status: 'draft' });
    const show = await xinhuaStaff.api('GET', `/resources/AnnualReport/records/${first}/show`);
    expect(show.json.record.params.statistics).toContain('受理案件');
    const again = await xinhuaStaff.api('POST', '/resources/AnnualReport/actions/new', { year: 2026 });
    expect(again.json.record.errors.year.message).toMatch(/已存在/);
  });

  it('refuses a submission from a page older than the draft (its remarks were changed since)', async () => {
    const loaded = (await report(first)).row_version;
    await xinhuaStaff.api('POST', `/resources/AnnualReport/records/${first}/edit`, {
      remarks: '全年案件已核对（复核）',
      rowVersion: loaded,
    });
    const stale = await step(xinhuaStaff, first, 'submitAnnualReport', { rowVersion: loaded });
    expect(stale.json.notice.type).toBe('error');
    expect(stale.json.notice.message).toMatch(/修改/);
    expect((await report(first)).status).toBe('draft');
    const current = (await report(first)).row_version;
    await xinhuaStaff.api('POST', `/resources/AnnualReport/records/${first}/edit`, {
      remarks: '全年案件已核对',
      rowVersion: current,
    });
  });

  it('freezes the figures on submission: a later case change does not move them', async () => {
    const now = new Date();
    const res = await step(xinhuaStaff, first, 'submitAnnualReport', { rowVersion: (await report(first)).row_version });
    expect(res.json.notice.type).toBe('success');
    const submitted = await report(first);
    expect(submitted.status).toBe('submitted');
    expect(submitted.is_late).toBe(isLateSubmission(2026, now));
    const { rows } = await app.db.query(
      `SELECT count(*)::int AS n, (count(*) FILTER (WHERE state IN ('concluded', 'archived')))::int AS closed
         FROM petition_case WHERE county_id = $1 AND extract(year FROM accepted_on) = 2026 AND accepted_on <= current_date AND voided_at IS NULL`,
      [xinhua],
    );
    expect(submitted.figures.accepted).toBe(rows[0].n);
    expect(submitted.figures.closed).toBe(rows[0].closed);
    // 上年结转: the 2025 cases accepted after 新华区's accepted 2025 table was frozen, as their own line
    const { rows: carried } = await app.db.query(
      `SELECT ((r.figures->>'asOf')::date + 1)::text AS from, count(pc.id)::int AS n
         FROM annual_report r
         LEFT JOIN petition_case pc ON pc.county_id = r.county_id AND pc.voided_at IS NULL
                                   AND pc.accepted_on > (r.figures->>'asOf')::date AND pc.accepted_on <= '2025-12-31'
        WHERE r.county_id = $1 AND r.year = 2025 AND r.status = 'accepted' GROUP BY r.id`,
      [xinhua],
    );
    expect(submitted.figures.carriedOver).toMatchObject({
      period: { from: carried[0].from, to: '2025-12-31' },
      accepted: carried[0].n,
    });
    expect(carried[0].n).toBeGreaterThan(0);
    const shown = await xinhuaStaff.api('GET', `/resources/AnnualReport/records/${first}/show`);
    expect(shown.json.record.params.statistics).toContain('上年结转（');

    const { rows: open } = await app.db.query(
      `SELECT id FROM petition_case WHERE county_id = $1 AND extract(year FROM accepted_on) = 2026 AND state IN ('accepted', 'representing') LIMIT 1`,
      [xinhua],
    );
    await app.db.query(
      `UPDATE petition_case SET state = 'terminated', terminated_on = accepted_on, termination_reason = '测试', termination_reported_to = '区信访局', category = 'other' WHERE id = $1`,
      [open[0].id],
    );
    const after = await report(first);
    expect(after.figures).toEqual(submitted.figures);
    const live = await annualFigures(app.dataSource.manager, xinhua, 2026, submitted.figures.asOf);
    expect(live.byState.terminated).toBe(submitted.figures.byState.terminated + 1);
    // the edit form is closed once submitted
    const edit = await xinhuaStaff.api('POST', `/resources/AnnualReport/records/${first}/edit`, { remarks: '改' });
    expect(edit.json?.notice?.type ?? 'error').toBe('error');
    expect((await report(first)).remarks).toBe('全年案件已核对');
  });

  it('lets only the city return it, with a reason; the clerk revises it as a new version', async () => {
    expect((await step(xinhuaStaff, first, 'acceptAnnualReport')).status).toBe(403);
    const noReason = await step(city, first, 'returnAnnualReport', { reason: '' });
    expect(noReason.json.record.errors.reason.message).toBe('退回时请写明退回原因');
    await step(city, first, 'returnAnnualReport', { reason: '请补充重点案件说明' });
    expect(await report(first)).toMatchObject({ status: 'returned', return_reason: '请补充重点案件说明' });

    const revised = await step(xinhuaStaff, first, 'reviseAnnualReport');
    expect(revised.json.notice.type).toBe('success');
    const { rows } = await app.db.query(
      `SELECT id, version, status, remarks FROM annual_report WHERE county_id = $1 AND year = 2026 ORDER BY version`,
      [xinhua],
    );
    expect(rows.map((r) => [r.version, r.status])).toEqual([
      [1, 'returned'],
      [2, 'draft'],
    ]);
    second = rows[1].id;
    expect(rows[1].remarks).toBe('全年案件已核对');
    expect(revised.json.redirectUrl).toContain(`/records/${second}/show`);
  });

  it('accepts the resubmitted version; both versions are kept', async () => {
    expect((await step(xinhuaStaff, second, 'submitAnnualReport')).json.notice.type).toBe('success');
    expect((await step(city, second, 'acceptAnnualReport')).json.notice.type).toBe('success');
    expect(await report(second)).toMatchObject({ status: 'accepted', version: 2 });
    expect((await report(first)).status).toBe('returned');
    const { rows } = await app.db.query(
      `SELECT action FROM audit_log WHERE resource = 'AnnualReport' AND record_id IN ($1, $2) ORDER BY id`,
      [String(first), String(second)],
    );
    expect(rows.map((r) => r.action)).toEqual([
      'create',
      'update',
      'update',
      'submitAnnualReport',
      'returnAnnualReport',
      'reviseAnnualReport',
      'submitAnnualReport',
      'acceptAnnualReport',
    ]);
  });

  it('marks a submission after 20 December late, as the scorecard judges it (time passed in)', async () => {
    const weidong = await countyId(app.db, '卫东区');
    const { rows } = await app.db.query(`INSERT INTO annual_report (county_id, year) VALUES ($1, 2026) RETURNING id`, [
      weidong,
    ]);
    await submitAnnualReport(app.dataSource, cityUser, rows[0].id, new Date('2026-12-21T08:30:00+08:00'));
    expect((await report(rows[0].id)).is_late).toBe(true);
    await app.db.query(`SET reporting.today = '2026-12-31'`);
    const { rows: measured } = await app.db.query(
      `SELECT county_id, statistics_on_time FROM reporting.county_measures WHERE year = 2026 AND county_id IN ($1, $2)`,
      [xinhua, weidong],
    );
    await app.db.query(`RESET reporting.today`);
    const onTime = Object.fromEntries(measured.map((m) => [m.county_id, m.statistics_on_time]));
    expect(onTime[weidong]).toBe(0);
    expect(onTime[xinhua]).toBe(isLateSubmission(2026, (await report(second)).submitted_at) ? 0 : 1);
  });
});

describe('the all-county 结案统计表', () => {
  it('is an .xlsx with one row a county and a correct total row', async () => {
    const res = await city.request('GET', '/admin/files/annual-reports/summary.xlsx?filters.year=2025');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.getWorksheet(CLOSURE_SHEET.name)!;
    const header = (sheet.getRow(CLOSURE_SHEET.headerRow).values as unknown[]).slice(1) as string[];
    const col = (name: string) => header.indexOf(name) + 1;
    const rows: ExcelJS.Row[] = [];
    for (let r = CLOSURE_SHEET.firstDataRow; r <= sheet.rowCount; r++) rows.push(sheet.getRow(r));
    const total = rows.find((r) => r.getCell(1).value === CLOSURE_SHEET.totalLabel)!;
    const counties = rows.filter((r) => r !== total && r.getCell(1).value);
    const { rows: db } = await app.db.query(
      `SELECT o.name, r.figures FROM annual_report r JOIN organization o ON o.id = r.county_id
        WHERE r.year = 2025 AND r.status = 'accepted' ORDER BY o.code`,
    );
    expect(counties.map((r) => r.getCell(1).value)).toEqual(db.map((d) => d.name));
    expect(db).toHaveLength(10);
    const sum = (key: string) => db.reduce((s, d) => s + d.figures[key], 0);
    for (const [name, key] of [
      ['受理案件', 'accepted'],
      ['已办结', 'closed'],
      ['7日内答复', 'repliesOnTime'],
      ['申请复查', 'reviewRequests'],
      ['重点案件', 'keyCases'],
    ] as const) {
      expect([name, counties.map((r) => r.getCell(col(name)).value)]).toEqual([name, db.map((d) => d.figures[key])]);
      expect([name, total.getCell(col(name)).value]).toEqual([name, sum(key)]);
    }
    expect(total.getCell(col('应办结')).value).toBe(sum('closureDue'));
    expect(total.getCell(col('办结率(%)')).value).toBe(percent(sum('closed'), sum('closureDue')));
    expect(total.getCell(col('按期办结率(%)')).value).toBe(percent(sum('closedOnTime'), sum('closureDue')));
    expect(total.getCell(col('解除代理')).value).toBe(db.reduce((s, d) => s + d.figures.byState.terminated, 0));
    expect(total.getCell(col('婚姻家庭纠纷')).value).toBe(
      db.reduce((s, d) => s + (d.figures.byCategory.marriage_family ?? 0), 0),
    );
    // 鲁山县 was late in 2025 (demo data)
    expect(counties.find((r) => r.getCell(1).value === '鲁山县')!.getCell(col('上报情况')).value).toBe(
      '已审核通过（逾期）',
    );

    // 上年结转: 2024 after each county's 2024 table was frozen, on its own sheet, summed apart
    const carried = wb.getWorksheet(CARRY_OVER_SHEET)!;
    const carriedRows: ExcelJS.Row[] = [];
    for (let r = CLOSURE_SHEET.firstDataRow; r <= carried.rowCount; r++) carriedRows.push(carried.getRow(r));
    const carriedTotal = carriedRows.find((r) => r.getCell(1).value === CLOSURE_SHEET.totalLabel)!;
    const carriedAccepted = db.map((d) => d.figures.carriedOver.accepted);
    expect(carriedAccepted.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(carriedRows.filter((r) => r !== carriedTotal && r.getCell(1).value).map((r) => r.getCell(2).value)).toEqual(
      carriedAccepted,
    );
    expect(carriedTotal.getCell(2).value).toBe(carriedAccepted.reduce((a, b) => a + b, 0));
  });

  it('fills only the accepted counties of a year still being reported, and is a Word file too', async () => {
    const res = await city.request('GET', '/admin/files/annual-reports/summary.xlsx?year=2026');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.getWorksheet(CLOSURE_SHEET.name)!;
    const xinhuaRow = sheet.getRow(CLOSURE_SHEET.firstDataRow);
    expect(xinhuaRow.getCell(1).value).toBe('新华区');
    const totalRow = sheet.getRow(CLOSURE_SHEET.firstDataRow + 10);
    expect(totalRow.getCell(1).value).toBe('合计');
    expect(totalRow.getCell(2).value).toBe(xinhuaRow.getCell(2).value);
    expect(sheet.getRow(CLOSURE_SHEET.firstDataRow + 1).getCell(2).value).toBeNull();

    const docx = await leader.request('GET', '/admin/files/annual-reports/summary.docx?year=2025');
    expect(docx.status).toBe(200);
    const text = docxText(await docx.arrayBuffer());
    expect(text).toContain('2025年度平顶山市妇女信访代理案件结案统计表');
    // the accepted 2025 tables carry 2024 after its tables were frozen: a section of its own
    expect(text).toContain('三、上年结转（2024年度统计表上报后的案件');
    // a county's staff get their own county's table, never the others'
    const own = await xinhuaStaff.request('GET', '/admin/files/annual-reports/summary.docx?year=2025');
    expect(own.status).toBe(200);
    const ownText = docxText(await own.arrayBuffer());
    expect(ownText).toContain('2025年度新华区妇女信访代理案件结案统计表');
    expect(ownText).not.toContain('卫东区');
  });
});

describe('附件6 case analysis report', () => {
  it('takes the unit’s contact and the period’s figures, and downloads as Word', async () => {
    const created = await xinhuaStaff.api('POST', '/resources/AnalysisReport/actions/new', {
      periodStart: '2026-01-01',
      periodEnd: '2026-06-30',
      analysis: '上半年婚姻家庭纠纷占比较高。\n建议加强调解。',
    });
    expect(created.json.notice.type).toBe('success');
    const id = created.json.record.params.id;
    const { rows } = await app.db.query(
      `SELECT contact_person, contact_phone, figures, report_date::text FROM analysis_report WHERE id = $1`,
      [id],
    );
    const { rows: org } = await app.db.query(`SELECT contact_person, contact_phone FROM organization WHERE id = $1`, [
      xinhua,
    ]);
    expect(rows[0]).toMatchObject({ contact_person: org[0].contact_person, contact_phone: org[0].contact_phone });
    const { rows: n } = await app.db.query(
      `SELECT count(*)::int AS n FROM reporting.case_facts WHERE county_id = $1 AND accepted_on BETWEEN '2026-01-01' AND '2026-06-30'`,
      [xinhua],
    );
    expect(rows[0].figures.accepted).toBe(n[0].n);
    const res = await xinhuaStaff.request('GET', `/admin/files/analysis-reports/${id}.docx`);
    expect(res.status).toBe(200);
    const text = docxText(await res.arrayBuffer());
    expect(text).toContain('新华区妇联');
    expect(text).toContain(org[0].contact_person);
    expect(text).toContain('建议加强调解');
    expect((await leader.request('GET', `/admin/files/analysis-reports/${id}.docx`)).status).toBe(200);
    const weidongStaff = app.session();
    expect(await weidongStaff.login('weidong@example.org')).toBe(true);
    expect((await weidongStaff.request('GET', `/admin/files/analysis-reports/${id}.docx`)).status).toBe(404);
  });
});

describe('the year’s evaluation and commendations', () => {
  // the demo closed 2025 already (src/seed/demo-year-end.ts): the city closes it afresh here
  beforeAll(async () => {
    await app.db.query(`DELETE FROM commendation WHERE year = 2025`);
    await app.db.query(`DELETE FROM evaluation WHERE year = 2025`);
  });

  const evaluations = async () =>
    (
      await app.db.query(
        `SELECT e.*, o.name FROM evaluation e JOIN organization o ON o.id = e.county_id WHERE year = 2025 ORDER BY rank, o.code`,
      )
    ).rows;

  it('prefills every county from the scorecard and ranks them', async () => {
    const res = await city.api('POST', '/resources/Evaluation/actions/generateEvaluations', { year: 2025 });
    expect(res.json.notice.type).toBe('success');
    const rows = await evaluations();
    expect(rows).toHaveLength(10);
    expect(rows[0].rank).toBe(1);
    for (const e of rows)
      expect(Number(e.total_score)).toBe(
        Math.round(e.scores.items.reduce((s: number, i: any) => s + i.score, 0) * 10) / 10,
      );
    const { rows: card } = await app.db.query(
      `SELECT measure::float AS measure FROM reporting.county_scorecard WHERE year = 2025 AND county_id = $1 AND standard_code = 'closure_rate'`,
      [rows[0].county_id],
    );
    expect(rows[0].scores.items.find((i: any) => i.code === 'closure_rate').measure).toBe(card[0].measure);
    expect(
      (await xinhuaStaff.api('POST', '/resources/Evaluation/actions/generateEvaluations', { year: 2025 })).status,
    ).toBe(403);
  });

  it('lets a one-vote veto fail the best county, which drops to the last rank', async () => {
    const [best] = await evaluations();
    expect(best.result).not.toBe('failed');
    const refused = await city.api('POST', `/resources/Evaluation/records/${best.id}/vetoEvaluation`, {
      vetoReason: '',
    });
    expect(refused.json.record.errors.vetoReason.message).toBe('一票否决须写明否决原因');
    await city.api('POST', `/resources/Evaluation/records/${best.id}/vetoEvaluation`, {
      vetoReason: '发生因代理不当引发的越级群体访',
    });
    const after = (await evaluations()).find((e) => e.id === best.id);
    expect(after).toMatchObject({ veto: true, result: 'failed', rank: 10, total_score: best.total_score });
    expect(
      (await leader.api('GET', `/resources/Evaluation/records/${best.id}/show`)).json.record.params.scoreTable,
    ).toContain('考评项目');
    expect(
      (await leader.api('POST', `/resources/Evaluation/records/${best.id}/liftVeto`, { reason: 'x' })).status,
    ).toBe(403);
  });

  it('adjusts a score with its reason, audited', async () => {
    const [top] = await evaluations();
    const res = await city.api('POST', `/resources/Evaluation/records/${top.id}/adjustEvaluationScore`, {
      code: 'work_point',
      score: 6,
      reason: '实地检查：流程未上墙',
    });
    expect(res.json.notice.type).toBe('success');
    const { rows } = await app.db.query(
      `SELECT changes FROM audit_log WHERE resource = 'Evaluation' AND record_id = $1 AND action = 'adjustEvaluationScore'`,
      [String(top.id)],
    );
    expect(rows[0].changes).toMatchObject({ item: 'work_point', reason: '实地检查：流程未上墙', score: { after: 6 } });
  });

  it('proposes work points and agents, never of the vetoed county, and downloads the approved list', async () => {
    const res = await city.api('POST', '/resources/Commendation/actions/proposeCommendations', { year: 2025 });
    expect(res.json.notice.type).toBe('success');
    const { rows } = await app.db.query(
      `SELECT c.*, o.name FROM commendation c JOIN organization o ON o.id = c.county_id WHERE year = 2025 ORDER BY c.id`,
    );
    const vetoed = (await evaluations()).find((e) => e.veto)!;
    expect(rows.filter((r) => r.kind === 'work_point').length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.kind === 'agent').length).toBeGreaterThan(0);
    expect(rows.some((r) => r.county_id === vetoed.county_id)).toBe(false);
    const chosen = rows.find((r) => r.kind === 'work_point')!;
    expect(
      (await city.api('POST', `/resources/Commendation/records/${chosen.id}/approveCommendation`, {})).json.notice.type,
    ).toBe('success');
    expect(
      (await app.db.query(`SELECT status, approved_on FROM commendation WHERE id = $1`, [chosen.id])).rows[0].status,
    ).toBe('approved');
    const again = await city.api('POST', '/resources/Commendation/actions/proposeCommendations', { year: 2025 });
    expect(again.json.notice.message).toMatch(/已推荐 0 个/);
    const docx = await city.request('GET', '/admin/files/commendations/list.docx?filters.year=2025');
    expect(docx.status).toBe(200);
    const text = docxText(await docx.arrayBuffer());
    const { rows: wp } = await app.db.query(`SELECT name FROM work_point WHERE id = $1`, [chosen.work_point_id]);
    expect(text).toContain(wp[0].name);
    expect(text).toContain('2025年度妇女信访代理工作表彰名单');
  });
});

describe('home page reminders', () => {
  it('shows the county its deadline from 1 December and the city the counties not yet submitted', async () => {
    const yexian = await countyId(app.db, '叶县');
    const clerk = { id: 1, role: 'county_staff' as const, countyId: yexian };
    expect(
      await annualStatisticsSection({ ds: app.dataSource, actor: clerk, now: new Date('2026-11-30T12:00:00+08:00') }),
    ).toBeNull();
    const december = await annualStatisticsSection({
      ds: app.dataSource,
      actor: clerk,
      now: new Date('2026-12-15T12:00:00+08:00'),
    });
    expect(december!.rows[0].detail).toBe('截止 2026-12-20，还有 5 天');
    const overview = await annualStatisticsSection({
      ds: app.dataSource,
      actor: cityUser,
      now: new Date('2026-12-15T12:00:00+08:00'),
    });
    expect(overview!.rows.map((r) => r.label)).toContain('叶县：尚未起草');
    expect(overview!.rows.some((r) => r.label.startsWith('新华区'))).toBe(false);
    expect(
      await annualStatisticsSection({
        ds: app.dataSource,
        actor: { id: 2, role: 'leader', countyId: null },
        now: new Date('2026-12-15T12:00:00+08:00'),
      }),
    ).toBeNull();
  });
});

describe('a draft never submitted', () => {
  it('may be deleted by its county, and nothing that reached the city may', async () => {
    const {
      rows: [{ id: draft }],
    } = await app.db.query(
      `INSERT INTO annual_report (county_id, year, version, status) VALUES ($1, 2021, 1, 'draft') RETURNING id`,
      [xinhua],
    );
    expect((await city.api('POST', `/resources/AnnualReport/records/${draft}/delete`, {})).status).toBe(403);
    const res = await xinhuaStaff.api('POST', `/resources/AnnualReport/records/${draft}/delete`, {});
    expect(res.json.notice.type).toBe('success');
    expect(await report(draft)).toBeUndefined();

    const { rows } = await app.db.query(
      `SELECT id FROM annual_report WHERE county_id = $1 AND status = 'accepted' LIMIT 1`,
      [xinhua],
    );
    expect((await xinhuaStaff.api('POST', `/resources/AnnualReport/records/${rows[0].id}/delete`, {})).status).toBe(
      403,
    );
    expect(await report(rows[0].id)).toBeDefined();
  });
});
