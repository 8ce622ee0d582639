import { addDays } from '../src/domain/dates.js';
import { validateInfoReport } from '../src/domain/info-report-rules.js';
import { validateInspection, validateRectification } from '../src/domain/supervision-rules.js';
import { buildDemoData } from '../src/seed/demo-data/load-demo-data.js';
import { chinaToday } from '../src/admin/clock.js';
import { startTestApp, type TestApp } from './support/app.js';
import { count, countyId, ONE_PAGE_PDF, validIdNumber } from './support/fixtures.js';
import type { Session } from './support/http.js';

// 通知公告, 信息上报 and 督导检查 over HTTP: notices (city → 新华区, read there), information reports (新华区 → adopted by the
// city), a supervision visit whose rectification list 新华区 works through to done — and the refusals.

let app: TestApp;
let xinhua: number;
let yexian: number;
let city: Session;
let xh: Session;
let yx: Session;
let leader: Session;
const today = chinaToday();

const PDF = new Uint8Array(ONE_PAGE_PDF);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

async function upload(s: Session, owner: string, id: number, bytes: Uint8Array<ArrayBuffer>, name: string) {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  const res = await s.request('POST', `/admin/files/attachments/${owner}/${id}`, form);
  return { status: res.status, json: (await res.json().catch(() => null)) as any };
}

async function audits(resource: string, id: number, action: string): Promise<number> {
  return count(app.db, 'audit_log', 'resource = $1 AND record_id = $2 AND action = $3', [resource, String(id), action]);
}

async function section(s: Session, id: string) {
  const { json } = await s.api('GET', '/dashboard');
  return (json.sections as any[]).find((x) => x.id === id);
}

beforeAll(async () => {
  app = await startTestApp();
  xinhua = await countyId(app.db, '新华区');
  yexian = await countyId(app.db, '叶县');
  [city, xh, yx, leader] = [app.session(), app.session(), app.session(), app.session()];
  expect(await city.login('city@example.org')).toBe(true);
  expect(await xh.login('xinhua@example.org')).toBe(true);
  expect(await yx.login('yexian@example.org')).toBe(true);
  expect(await leader.login('leader@example.org')).toBe(true);
});
afterAll(() => app.close());

describe('通知公告', () => {
  let noticeId: number;
  let recipientId: number;
  let fileHref: string;

  it('lets the city draft a notice to 新华区 with an attachment, refusing files that are not PDF or images', async () => {
    const created = await city.api('POST', '/resources/Notice/actions/new', {
      title: '关于报送典型案例的通知',
      body: '请新华区妇联于月底前报送一篇典型案例。',
      'targetCountyIds.0': xinhua,
    });
    expect(created.json.notice.type).toBe('success');
    noticeId = created.json.record.params.id;
    const { rows } = await app.db.query('SELECT county_id, status, target_county_ids FROM notice WHERE id = $1', [
      noticeId,
    ]);
    expect(rows[0]).toEqual({ county_id: null, status: 'draft', target_county_ids: [xinhua] });

    const refused = await upload(city, 'notice', noticeId, new TextEncoder().encode('MZ not a pdf'), '通知.pdf');
    expect(refused.status).toBe(400);
    expect(refused.json.error).toMatch(/PDF、JPG 或 PNG/);
    expect((await upload(yx, 'notice', noticeId, PDF, 'x.pdf')).status).toBe(403);
    const ok = await upload(city, 'notice', noticeId, PDF, '附件1 典型案例格式.pdf');
    expect(ok.status).toBe(201);
    fileHref = `/admin/files/attachments/notice/${noticeId}/${ok.json.key}`;
    expect(await audits('Notice', noticeId, 'attachFile')).toBe(1);
  });

  it('publishes it to the chosen county only, in one step that is audited', async () => {
    expect((await leader.api('POST', `/resources/Notice/records/${noticeId}/publishNotice`, {})).status).toBe(403);
    const res = await city.api('POST', `/resources/Notice/records/${noticeId}/publishNotice`, {});
    expect(res.json.notice).toEqual({ message: '通知已发布', type: 'success' });
    const { rows } = await app.db.query('SELECT county_id, read_at FROM notice_recipient WHERE notice_id = $1', [
      noticeId,
    ]);
    expect(rows).toEqual([{ county_id: xinhua, read_at: null }]);
    expect(await audits('Notice', noticeId, 'publish')).toBe(1);
    recipientId = (await app.db.query('SELECT id FROM notice_recipient WHERE notice_id = $1', [noticeId])).rows[0].id;

    // a published notice stays as sent
    const edit = await city.api('POST', `/resources/Notice/records/${noticeId}/edit`, { title: '改过的标题' });
    expect(edit.json.notice.type).toBe('error');
    expect(edit.json.notice.message).toMatch(/已发布/);
    expect((await app.db.query('SELECT title FROM notice WHERE id = $1', [noticeId])).rows[0].title).toBe(
      '关于报送典型案例的通知',
    );
    expect((await upload(city, 'notice', noticeId, PDF, 'late.pdf')).status).toBe(409);
  });

  it('shows it unread on 新华区’s home page and in its inbox, and nowhere in 叶县', async () => {
    const home = await section(xh, 'unread-notices');
    expect(home.rows.map((r: any) => r.label)).toContain('关于报送典型案例的通知');
    const inbox = await xh.api('GET', '/resources/NoticeRecipient/actions/list?filters.readState=unread&perPage=100');
    expect(inbox.json.records.map((r: any) => Number(r.id))).toContain(recipientId);

    const page = await xh.api('GET', `/resources/NoticeRecipient/records/${recipientId}/show`);
    expect(page.json.record.params.noticeTitle).toBe('关于报送典型案例的通知');
    expect(page.json.record.params.sender).toBe('平顶山市妇联');
    expect(page.json.record.params.noticeFiles).toContain(fileHref);
    const file = await xh.get(fileHref);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PDF);

    const other = await yx.api('GET', '/resources/NoticeRecipient/actions/list?perPage=500');
    expect(other.json.records.every((r: any) => r.params.countyId === yexian)).toBe(true);
    expect((await yx.get(fileHref)).status).toBe(404);
    // the city's notices are read in the inbox, not on the senders' side
    expect((await xh.api('GET', `/resources/Notice/records/${noticeId}/show`)).status).toBe(403);
    expect((await yx.api('GET', `/resources/NoticeRecipient/records/${recipientId}/show`)).status).toBe(404);
  });

  it('lets only 新华区 mark it read, once, and the city then sees who read it', async () => {
    expect((await yx.api('POST', `/resources/NoticeRecipient/records/${recipientId}/markNoticeRead`, {})).status).toBe(
      404,
    );
    expect(
      (await city.api('POST', `/resources/NoticeRecipient/records/${recipientId}/markNoticeRead`, {})).status,
    ).toBe(403);
    const read = await xh.api('POST', `/resources/NoticeRecipient/records/${recipientId}/markNoticeRead`, {});
    expect(read.json.notice).toEqual({ message: '已标记为已读', type: 'success' });
    const again = await xh.api('POST', `/resources/NoticeRecipient/records/${recipientId}/markNoticeRead`, {});
    expect(again.json.notice.type).toBe('error');
    expect(await audits('NoticeRecipient', recipientId, 'markRead')).toBe(1);
    expect((await section(xh, 'unread-notices')).rows.map((r: any) => r.label)).not.toContain('关于报送典型案例的通知');

    const shown = await city.api('GET', `/resources/Notice/records/${noticeId}/show`);
    expect(shown.json.record.params.readSummary).toBe('已读 1/1');
    expect(shown.json.record.params.readStatus).toContain('新华区');
    expect(shown.json.record.params.readStatus).toContain('已读 1 个，未读 0 个');
    const list = await city.api('GET', '/resources/Notice/actions/list?perPage=100');
    expect(list.json.records.find((r: any) => Number(r.id) === noticeId).params.readSummary).toBe('已读 1/1');
  });

  it('shows the city which of its notices a county has not read yet', async () => {
    const home = await section(city, 'notice-readers');
    const row = home.rows.find((r: any) => r.label === '关于报送2026年度妇女信访代理案件结案统计表的通知');
    expect(row.detail).toContain('叶县');
  });

  it('lets a county send notices to its own staff only; leaders send none', async () => {
    const wrong = await xh.api('POST', '/resources/Notice/actions/new', {
      title: '区妇联通知',
      body: '内容',
      'targetCountyIds.0': yexian,
    });
    expect(wrong.json.record.errors.targetCountyIds.message).toMatch(/只能发给本县/);
    const ok = await xh.api('POST', '/resources/Notice/actions/new', {
      title: '区妇联通知',
      body: '请各街道按时报送。',
      countyId: yexian,
    });
    expect(ok.json.notice.type).toBe('success');
    const id = ok.json.record.params.id;
    expect(ok.json.record.params.countyId).toBe(xinhua);
    await xh.api('POST', `/resources/Notice/records/${id}/publishNotice`, {});
    const { rows } = await app.db.query('SELECT county_id FROM notice_recipient WHERE notice_id = $1', [id]);
    expect(rows).toEqual([{ county_id: xinhua }]);
    expect((await leader.api('POST', '/resources/Notice/actions/new', { title: 'x', body: 'y' })).status).toBe(403);
  });
});

describe('信息上报', () => {
  let reportId: number;

  it('refuses petitioners’ ID and mobile numbers in a county’s report, with the reason on the field', async () => {
    const withId = await xh.api('POST', '/resources/InfoReport/actions/new', {
      kind: 'typical_case',
      title: '典型案例',
      submittedOn: today,
      content: `信访人身份证号${validIdNumber()}，反映赡养问题。`,
    });
    expect(withId.json.record.errors.content.message).toMatch(/身份证号码/);
    const withPhone = await xh.api('POST', '/resources/InfoReport/actions/new', {
      kind: 'typical_case',
      title: '典型案例 13937512345',
      submittedOn: today,
      content: '反映赡养问题。',
    });
    expect(withPhone.json.record.errors.title.message).toMatch(/手机号码/);
  });

  it('takes a clean report into the county’s own records, whatever county the form names', async () => {
    const res = await xh.api('POST', '/resources/InfoReport/actions/new', {
      kind: 'typical_case',
      title: '代理员帮助信访妇女追回抚养费',
      submittedOn: today,
      countyId: yexian,
      adopted: 'true',
      content: '代理员陪同信访妇女到法院申请强制执行，追回拖欠两年的子女抚养费。',
    });
    expect(res.json.notice.type).toBe('success');
    reportId = res.json.record.params.id;
    const { rows } = await app.db.query(
      'SELECT county_id, adopted, personal_data_requested FROM info_report WHERE id = $1',
      [reportId],
    );
    expect(rows[0]).toEqual({ county_id: xinhua, adopted: false, personal_data_requested: false });
    expect((await yx.api('GET', `/resources/InfoReport/records/${reportId}/show`)).status).toBe(404);
  });

  it('lets only the city comment on it, and ask for personal data when it needs it', async () => {
    expect(
      (await xh.api('POST', `/resources/InfoReport/records/${reportId}/commentInfoReport`, { cityComment: '好' }))
        .status,
    ).toBe(403);
    const empty = await city.api('POST', `/resources/InfoReport/records/${reportId}/commentInfoReport`, {
      cityComment: '',
    });
    expect(empty.json.record.errors.cityComment.message).toBe('请填写点评意见');
    const res = await city.api('POST', `/resources/InfoReport/records/${reportId}/commentInfoReport`, {
      cityComment: '请补充信访人联系方式，便于市妇联回访。',
      personalDataRequested: 'true',
    });
    expect(res.json.notice.type).toBe('success');
    const edit = await xh.api('POST', `/resources/InfoReport/records/${reportId}/edit`, {
      content: '代理员陪同信访妇女到法院申请强制执行，追回拖欠两年的子女抚养费。信访人电话13937512345。',
    });
    expect(edit.json.notice.type).toBe('success');
  });

  it('is adopted by the city, counted for the county’s year, and then locked', async () => {
    const {
      rows: [before],
    } = await app.db.query(
      `SELECT coalesce(sum(reports_adopted), 0)::int AS n FROM reporting.info_report_adoption WHERE county_id = $1 AND year = $2`,
      [xinhua, Number(today.slice(0, 4))],
    );
    expect((await xh.api('POST', `/resources/InfoReport/records/${reportId}/adoptInfoReport`, {})).status).toBe(403);
    expect((await leader.api('POST', `/resources/InfoReport/records/${reportId}/adoptInfoReport`, {})).status).toBe(
      403,
    );
    const res = await city.api('POST', `/resources/InfoReport/records/${reportId}/adoptInfoReport`, {
      cityComment: '已编入工作简报。',
    });
    expect(res.json.notice).toEqual({ message: '已采用该信息', type: 'success' });
    expect(res.json.record.params.adopted).toBe(true);
    expect(await audits('InfoReport', reportId, 'adopt')).toBe(1);
    const {
      rows: [after],
    } = await app.db.query(
      `SELECT reports_adopted AS n FROM reporting.info_report_adoption WHERE county_id = $1 AND year = $2`,
      [xinhua, Number(today.slice(0, 4))],
    );
    expect(after.n).toBe(before.n + 1);

    const again = await city.api('POST', `/resources/InfoReport/records/${reportId}/adoptInfoReport`, {});
    expect(again.json.notice.type).toBe('error');
    const edit = await xh.api('POST', `/resources/InfoReport/records/${reportId}/edit`, { title: '改标题' });
    expect(edit.json.notice.message).toMatch(/已被市妇联采用/);
    await xh.api('POST', `/resources/InfoReport/records/${reportId}/delete`, {});
    expect(
      await count(app.db, 'info_report', 'id = $1 AND title = $2', [reportId, '代理员帮助信访妇女追回抚养费']),
    ).toBe(1);
  });
});

describe('督导检查与整改', () => {
  let inspectionId: number;
  let lateItem: number;
  let laterItem: number;
  const visited = addDays(today, -20);

  it('lets the city record a visit to 新华区’s work point; the county cannot', async () => {
    const workPointId = (await app.db.query('SELECT id FROM work_point WHERE county_id = $1', [xinhua])).rows[0].id;
    const visit = {
      workPointId,
      title: '专项督导检查',
      inspectedOn: visited,
      inspectors: '市妇联权益部 王琼',
      overallResult: 'partly',
    };
    expect((await xh.api('POST', '/resources/Inspection/actions/new', visit)).status).toBe(403);
    const future = await city.api('POST', '/resources/Inspection/actions/new', {
      ...visit,
      inspectedOn: addDays(today, 3),
    });
    expect(future.json.record.errors.inspectedOn.message).toBe('日期不能晚于今天');
    const res = await city.api('POST', '/resources/Inspection/actions/new', visit);
    expect(res.json.notice.type).toBe('success');
    inspectionId = res.json.record.params.id;
    expect(res.json.record.params.countyId).toBe(xinhua);
    expect((await upload(city, 'inspection', inspectionId, PNG, '现场.png')).status).toBe(201);
    expect((await upload(xh, 'inspection', inspectionId, PNG, '现场.png')).status).toBe(403);
  });

  it('records findings per creation standard, once each', async () => {
    const finding = { inspectionId, standard: 'team', result: 'partly', finding: '一个街道代理员证书未年审。' };
    expect((await city.api('POST', '/resources/InspectionFinding/actions/new', finding)).json.notice.type).toBe(
      'success',
    );
    const twice = await city.api('POST', '/resources/InspectionFinding/actions/new', finding);
    expect(twice.json.record.errors.standard.message).toMatch(/已登记过/);
    expect(await count(app.db, 'inspection_finding', 'inspection_id = $1', [inspectionId])).toBe(1);
    const page = await xh.api('GET', `/resources/Inspection/records/${inspectionId}/show`);
    expect(page.json.record.params.findingsHtml).toContain('（三）组建工作队伍');
  });

  it('sets a rectification list with due dates not before the visit', async () => {
    const early = await city.api('POST', '/resources/Rectification/actions/new', {
      inspectionId,
      item: '证书年审',
      dueOn: addDays(visited, -1),
    });
    expect(early.json.record.errors.dueOn.message).toBe('整改期限不能早于检查日期');
    const late = await city.api('POST', '/resources/Rectification/actions/new', {
      inspectionId,
      standard: 'team',
      item: '完成证书年审',
      dueOn: addDays(today, -2),
    });
    lateItem = late.json.record.params.id;
    const later = await city.api('POST', '/resources/Rectification/actions/new', {
      inspectionId,
      item: '补充典型案例',
      dueOn: addDays(today, 10),
    });
    laterItem = later.json.record.params.id;
    expect(late.json.record.params.countyId).toBe(xinhua);
    expect(
      (await xh.api('POST', '/resources/Rectification/actions/new', { inspectionId, item: '自设', dueOn: today }))
        .status,
    ).toBe(403);
  });

  it('lists open and overdue items for both sides', async () => {
    for (const s of [xh, city]) {
      const overdue = await s.api('GET', '/resources/Rectification/actions/list?filters.progress=overdue&perPage=100');
      const ids = overdue.json.records.map((r: any) => Number(r.id));
      expect(ids).toContain(lateItem);
      expect(ids).not.toContain(laterItem);
      const home = await section(s, 'rectifications');
      expect(home.rows.find((r: any) => r.href.endsWith(`/${lateItem}/show`)).tone).toBe('danger');
    }
    const theirs = await yx.api('GET', '/resources/Rectification/actions/list?filters.progress=open&perPage=100');
    expect(theirs.json.records.every((r: any) => r.params.countyId === yexian)).toBe(true);
    expect((await section(yx, 'rectifications')).rows.every((r: any) => r.label.startsWith('叶县'))).toBe(true);
  });

  it('is worked through to done by 新华区, with evidence, and not by anyone else', async () => {
    expect(
      (
        await yx.api('POST', `/resources/Rectification/records/${lateItem}/completeRectification`, {
          doneOn: today,
          evidence: 'x',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await leader.api('POST', `/resources/Rectification/records/${lateItem}/completeRectification`, {
          doneOn: today,
          evidence: 'x',
        })
      ).status,
    ).toBe(403);
    const noEvidence = await xh.api('POST', `/resources/Rectification/records/${lateItem}/completeRectification`, {
      doneOn: today,
      evidence: '',
    });
    expect(noEvidence.json.record.errors.evidence.message).toBe('请写明整改情况和佐证材料');
    expect((await upload(xh, 'rectification', lateItem, PNG, '年审记录.png')).status).toBe(201);
    // the county may not change the city's item
    expect(
      (await xh.api('POST', `/resources/Rectification/records/${lateItem}/edit`, { dueOn: addDays(today, 30) })).status,
    ).toBe(403);

    for (const id of [lateItem, laterItem]) {
      const done = await xh.api('POST', `/resources/Rectification/records/${id}/completeRectification`, {
        doneOn: today,
        evidence: '已完成，材料见附件。',
      });
      expect(done.json.notice).toEqual({ message: '整改事项已登记完成', type: 'success' });
      expect(await audits('Rectification', id, 'completeRectification')).toBe(1);
    }
    const again = await xh.api('POST', `/resources/Rectification/records/${lateItem}/completeRectification`, {
      doneOn: today,
      evidence: '再次',
    });
    expect(again.json.notice.message).toMatch(/已登记完成/);
    const edit = await city.api('POST', `/resources/Rectification/records/${lateItem}/edit`, { item: '改' });
    expect(edit.json.notice.message).toMatch(/不能修改/);

    const shown = await city.api('GET', `/resources/Rectification/records/${lateItem}/show`);
    expect(shown.json.record.params.progress).toBe('已完成');
    expect(shown.json.record.params.filesHtml).toContain('年审记录.png');
  });

  it('puts the latest visit and its open items on the county’s scorecard view', async () => {
    const { rows } = await app.db.query('SELECT * FROM reporting.county_inspection_latest WHERE county_id = $1', [
      xinhua,
    ]);
    expect(rows[0]).toMatchObject({
      inspection_id: inspectionId,
      overall_result: 'partly',
      standards_partly: 1,
      rectifications_total: 2,
      rectifications_open: 0,
      rectifications_overdue: 0,
    });
    const yx = await app.db.query(
      'SELECT rectifications_open FROM reporting.county_inspection_latest WHERE county_id = $1',
      [yexian],
    );
    expect(yx.rows[0].rectifications_open).toBe(2);
  });
});

describe('demo rows of notices, information reports and supervision', () => {
  it('pass the rules of the forms as of the demo today, and give 新华区 an unread notice and an overdue item', () => {
    const data = buildDemoData();
    const demoToday = '2026-11-20';
    const reports = data.info_report as any[];
    expect(
      reports.filter(
        (r) =>
          Object.keys(
            validateInfoReport(
              { kind: r.kind, title: r.title, content: r.content, submittedOn: r.submitted_on },
              { today: demoToday },
            ),
          ).length,
      ),
    ).toEqual([]);
    const visits = data.inspection as any[];
    expect(
      visits.filter(
        (v) =>
          Object.keys(
            validateInspection(
              {
                title: v.title,
                inspectedOn: v.inspected_on,
                inspectors: v.inspectors,
                overallResult: v.overall_result,
              },
              { today: demoToday },
            ),
          ).length,
      ),
    ).toEqual([]);
    for (const r of data.rectification as any[]) {
      const visit = visits.find((v) => v.id === r.inspection_id);
      expect(validateRectification({ item: r.item, dueOn: r.due_on }, { inspectedOn: visit.inspected_on })).toEqual({});
    }
    const xinhuaId = (data.organization as any[]).find((o) => o.name === '新华区').id;
    expect((data.notice_recipient as any[]).some((r) => r.county_id === xinhuaId && r.read_at === null)).toBe(true);
    expect(
      (data.rectification as any[]).some(
        (r) => r.county_id === xinhuaId && r.status === 'open' && r.due_on < demoToday,
      ),
    ).toBe(true);
  });
});

describe('试点 and the reporting views', () => {
  it('lists the pilots with their latest inspection', async () => {
    const { rows } = await app.db.query(
      'SELECT county_name, pilot_year, last_inspection_result FROM reporting.pilot_work_point ORDER BY county_name',
    );
    expect(rows.map((r) => r.county_name).sort()).toEqual(['宝丰县', '新华区'].sort());
    const list = await city.api('GET', '/resources/WorkPoint/actions/list?filters.isPilot=true');
    expect(list.json.meta.total).toBe(2);
  });

  it('documents every column and lets the reporting role read the views', async () => {
    const { rows } = await app.db.query(
      `SELECT c.table_name, c.column_name FROM information_schema.columns c
        WHERE c.table_schema = 'reporting' AND c.table_name IN ('info_report_adoption', 'county_inspection_latest', 'pilot_work_point')
          AND col_description(format('reporting.%I', c.table_name)::regclass, c.ordinal_position) IS NULL`,
    );
    expect(rows).toEqual([]);
    const role = await app.db.query(`SELECT 1 FROM pg_roles WHERE rolname = 'wpa_reporting'`);
    if (role.rows.length) {
      const { rows: grants } = await app.db.query(
        `SELECT has_table_privilege('wpa_reporting', 'reporting.pilot_work_point', 'SELECT') AS ok`,
      );
      expect(grants[0].ok).toBe(true);
    }
  });
});
