import { addYears } from '../src/domain/dates.js';
import { caseDeadlinesSection } from '../src/admin/dashboard/case-deadlines.section.js';
import { HOME_SECTION_PROVIDERS } from '../src/admin/dashboard/home-sections.js';
import { limitEnd } from '../src/domain/case-policy.js';
import { addDays, daysBetween, localDate } from '../src/domain/dates.js';
import { describeDaysLeft } from '../src/domain/case-deadlines.js';
import { LEGAL_SCHEDULE } from '../src/services/legal-schedule.js';
import { nextCaseNo } from '../src/services/case-numbering.js';
import { startTestApp, type TestApp } from './support/app.js';
import { count, countyId, firstTownship, ONE_PAGE_PDF, validIdNumber } from './support/fixtures.js';
import type { Session } from './support/http.js';
import { documentXml, docxText, visibleText } from './support/office.js';

// A real case walked through its whole life over HTTP as a 新华区 clerk, with each refused step.
let app: TestApp;
let clerk: Session;
let xinhua: number;
const today = localDate(new Date());
const day = (offset: number) => addDays(today, offset);
const PDF = ONE_PAGE_PDF;

beforeAll(async () => {
  app = await startTestApp();
  xinhua = await countyId(app.db, '新华区');
  clerk = app.session();
  expect(await clerk.login('xinhua@example.org')).toBe(true);
});
afterAll(() => app.close());

/** An agent of 新华区 whose certificate is issued `issuedOffset` days from today. */
async function agentWithCertificate(issuedOffset: number): Promise<number> {
  const township = await firstTownship(app.db, xinhua);
  const { rows } = await app.db.query(
    `INSERT INTO agent (county_id, township_id, name, id_number, phone, appointed_on)
     VALUES ($1, $2, '赵淑芬', $3, '13937599999', $4) RETURNING id`,
    [xinhua, township, validIdNumber('410402', '19800101', '128'), day(-400)],
  );
  await app.db.query(
    `INSERT INTO certificate (agent_id, county_id, number, status, produced_on, issued_on)
     VALUES ($1, $2, 'PDS-TEST-0001', 'issued', $3, $3)`,
    [rows[0].id, xinhua, day(issuedOffset)],
  );
  return rows[0].id;
}

const act = (id: number, action: string, body: Record<string, unknown> = {}) =>
  clerk.api('POST', `/resources/PetitionCase/records/${id}/${action}`, body);

async function state(id: number): Promise<Record<string, any>> {
  const { rows } = await app.db.query(
    `SELECT state::text, case_no, archive_no, to_char(archived_on, 'YYYY-MM-DD') AS archived_on, reopen_reason FROM petition_case WHERE id = $1`,
    [id],
  );
  return rows[0];
}

function expectRefused(res: { json: any }, text: string | RegExp, field = 'base') {
  expect(res.json.notice.type).toBe('error');
  expect(res.json.record.errors[field].message).toMatch(text);
}

function expectDone(res: { json: any }) {
  expect([res.json.notice.type, res.json.notice.message]).toEqual(['success', expect.any(String)]);
}

async function uploadScan(id: number, kind: string, body: Buffer = PDF, name = `${kind}.pdf`) {
  const form = new FormData();
  form.append('kind', kind);
  form.append('signedOn', day(-5));
  form.append('file', new Blob([new Uint8Array(body)]), name);
  const res = await clerk.request('POST', `/admin/files/cases/${id}/documents`, form);
  return { status: res.status, json: await res.json() };
}

describe('a case from 受理 to 立案归档', () => {
  let id: number;
  let agentId: number;

  it('is registered with a readable number and offers only the legal steps', async () => {
    agentId = await agentWithCertificate(-15);
    const created = await clerk.api('POST', '/resources/PetitionCase/actions/new', {
      subject: '离婚后宅基地分割纠纷',
      category: 'rural_land_property',
      source: 'visit',
      petitionerName: '李秀兰',
      petitionerIdNumber: validIdNumber('410402', '19850312', '042'),
      petitionerPhone: '13803751234',
      petitionerAddress: '新华区曙光街道建设路12号',
      respondentDepartment: '新华区自然资源局',
      townshipId: await firstTownship(app.db, xinhua),
      acceptedOn: day(-20),
      state: 'archived',
      archiveNo: 'forged',
    });
    expectDone(created);
    id = Number(created.json.record.params.id);
    const row = await state(id);
    expect(row.state).toBe('accepted');
    expect(row.archive_no).toBeNull();
    expect(row.case_no).toMatch(new RegExp(`^新华-${day(-20).slice(0, 4)}-\\d{4}$`));

    const show = await clerk.api('GET', `/resources/PetitionCase/records/${id}/show`);
    const actions = show.json.record.recordActions.map((a: any) => a.name).sort();
    // no delete: 作废 (void) with a reason instead; 开始代理 waits until 受理 is recorded (条例第二十三条)
    expect(actions).toEqual(
      [
        'acceptCase',
        'addHandlingRecord',
        'voidRecord',
        'downloadDocument',
        'edit',
        'extendDeadline',
        'reissueQueryCode',
        'show',
        'terminate',
      ].sort(),
    );
    expect(show.json.record.params.expectedStep).toBe('acceptCase');
    // 15 days counted to day(-5), moved to the next working day when that is a rest day (民法典第二百零三条)
    const noticeDue = limitEnd(day(-20), 'acceptanceNoticeDays', LEGAL_SCHEDULE);
    expect(show.json.record.params.nextDeadline).toBe(`${noticeDue} 书面告知受理（条例第二十三条）`);
    expect(show.json.record.params.daysLeft).toBe(describeDaysLeft(daysBetween(today, noticeDue)));
  });

  it('refuses a step the state does not allow, with its message', async () => {
    expectRefused(
      await act(id, 'conclude', { concludedOn: today, outcome: '已解决' }),
      '案件当前状态为“受理”，不能“终结”',
    );
    expectRefused(await act(id, 'archive', { archivedOn: today }), '案件当前状态为“受理”，不能“立案归档”');
    expect((await state(id)).state).toBe('accepted');
  });

  it('records the acceptance notice (受理), once', async () => {
    expectRefused(
      await act(id, 'acceptCase', { acceptanceNotifiedOn: day(-21) }),
      '受理告知日期不能早于受理日期',
      'acceptanceNotifiedOn',
    );
    expectDone(await act(id, 'acceptCase', { acceptanceNotifiedOn: day(-19) }));
    expectRefused(await act(id, 'acceptCase', { acceptanceNotifiedOn: day(-18) }), '无需重复受理');
  });

  it('starts representing only with the agreement, the notification and a certified agent of the county', async () => {
    // 组织层级: the township field takes a township, not a village or the county
    const village = await app.db.query(
      `SELECT id FROM organization WHERE level = 'village' AND county_id = $1 LIMIT 1`,
      [xinhua],
    );
    for (const place of [village.rows[0].id, xinhua]) {
      const wrong = await clerk.api('POST', `/resources/PetitionCase/records/${id}/edit`, { townshipId: place });
      expect(wrong.json.record.errors.townshipId.message).toBe('请选择乡（镇、街道），所选地点不是乡（镇、街道）');
    }
    const form = { agreementSignedOn: day(-18), notifiedOn: day(-18), representingSince: day(-17) };
    expectRefused(await act(id, 'startRepresenting', form), '尚未指定代理员', 'agentId');
    // 持证上岗: the step's picker lists only agents of the county in post with a certificate valid that day
    const township = await firstTownship(app.db, xinhua);
    const { rows: others } = await app.db.query(
      `INSERT INTO agent (county_id, township_id, name, id_number, phone, appointed_on, status)
       VALUES ($1, $2, '无证员', $3, '13937500001', $4, 'active'), ($1, $2, '离岗员', $5, '13937500002', $4, 'inactive')
       RETURNING id`,
      [
        xinhua,
        township,
        validIdNumber('410402', '19810101', '128'),
        day(-400),
        validIdNumber('410402', '19820101', '128'),
      ],
    );
    // the form's agent list: of the case's county, on the 开始代理 date it holds — her certificate was
    // issued 15 days ago, so she is offered for day -15 and not for day -17
    const offered = async (on: string) => {
      const res = await clerk.request('GET', `/admin/files/choices/agent?on=${on}`);
      return ((await res.json()) as { choices: { value: string; label: string }[] }).choices;
    };
    expect((await offered(form.representingSince)).map((c) => c.value)).not.toContain(String(agentId));
    const choices = await offered(day(-15));
    const { rows: names } = await app.db.query('SELECT name FROM organization WHERE id = $1', [township]);
    expect(choices).toContainEqual({
      value: String(agentId),
      label: `赵淑芬（${names[0].name}，证书有效期至${addYears(day(-15), 1)}）`,
    });
    for (const other of others) expect(choices.map((c) => c.value)).not.toContain(String(other.id));
    expectRefused(
      await act(id, 'startRepresenting', { ...form, agentId: others[1].id }),
      '代理员离岗员已离岗，请改派在岗的代理员',
      'agentId',
    );
    expectRefused(
      await act(id, 'startRepresenting', { ...form, agentId: others[0].id }),
      /代理员无证员在.*没有有效的代理员资格证书/,
      'agentId',
    );
    const edited = await clerk.api('POST', `/resources/PetitionCase/records/${id}/edit`, {
      agentId,
      state: 'concluded',
    });
    expectDone(edited);
    expect((await state(id)).state).toBe('accepted'); // the status is never taken from a form

    expectRefused(
      await act(id, 'startRepresenting', { ...form, agreementSignedOn: '' }),
      '此项为必填项',
      'agreementSignedOn',
    );
    expectRefused(
      await act(id, 'startRepresenting', { ...form, notifiedOn: day(-16) }),
      '代理告知书（附件3）',
      'representingSince',
    );
    // the certificate was issued 15 days ago: on day -17 she was not yet certified
    expectRefused(
      await act(id, 'startRepresenting', form),
      /代理员赵淑芬在.*没有有效的代理员资格证书（持证上岗/,
      'agentId',
    );
    expect((await state(id)).state).toBe('accepted');
    expectDone(
      await act(id, 'startRepresenting', {
        agreementSignedOn: day(-16),
        notifiedOn: day(-16),
        representingSince: day(-15),
      }),
    );
    expect((await state(id)).state).toBe('representing');
  });

  it('extends the handling limit once, by at most 30 days, with approver and reason', async () => {
    expectRefused(
      await act(id, 'extendDeadline', {
        extensionDays: 31,
        extensionApprovedBy: '王主席',
        extensionReason: '需调档',
        extensionNotifiedOn: day(-3),
      }),
      '1至30日',
      'extensionDays',
    );
    expectRefused(
      await act(id, 'extendDeadline', { extensionDays: 20, extensionNotifiedOn: day(-3) }),
      '批准人',
      'extensionApprovedBy',
    );
    expectDone(
      await act(id, 'extendDeadline', {
        extensionDays: 20,
        extensionApprovedBy: '王主席',
        extensionReason: '需调取土地确权档案',
        extensionNotifiedOn: day(-3),
      }),
    );
    expectRefused(
      await act(id, 'extendDeadline', {
        extensionDays: 5,
        extensionApprovedBy: '王主席',
        extensionReason: '再延',
        extensionNotifiedOn: day(-2),
      }),
      '只能延长一次',
    );
  });

  it('concludes only with a handling record and an outcome', async () => {
    expectRefused(
      await act(id, 'conclude', { concludedOn: day(-6), outcome: '经协调已分割' }),
      '尚无办案记录（附件4）',
    );
    const entry = {
      caseId: id,
      handler: '赵淑芬',
      department: '新华区自然资源局',
      action: '陪同信访人到区自然资源局反映宅基地分割问题',
    };
    // 一案一卷: nothing in the file is dated before the case was accepted, or in the future — from the
    // handling records' own list as from the case page's 新增办案记录
    for (const [loggedOn, message] of [
      [day(-21), `记录日期不能早于本案受理日期（${day(-20)}）`],
      [day(1), '日期不能晚于今天'],
    ]) {
      const early = await clerk.api('POST', '/resources/CaseLog/actions/new', { ...entry, loggedOn });
      expect(early.json.record.errors.loggedOn.message).toBe(message);
      const onCase = await act(id, 'addHandlingRecord', { ...entry, caseId: undefined, loggedOn });
      expect(onCase.json.record.errors.loggedOn.message).toBe(message);
    }
    const { rows: none } = await app.db.query('SELECT count(*)::int AS n FROM case_log WHERE case_id = $1', [id]);
    expect(none[0].n).toBe(0);
    const log = await act(id, 'addHandlingRecord', {
      loggedOn: day(-10),
      handler: '赵淑芬',
      department: '新华区自然资源局',
      action: '陪同信访人到区自然资源局反映宅基地分割问题',
      result: '自然资源局答应10日内答复',
    });
    expectDone(log);
    expect(log.json.notice.message).toBe('办案记录已保存');
    // the case's history names it, with the clerk who recorded it, beside the steps so far
    const history = await clerk.request('GET', `/admin/files/cases/${id}/timeline.json`);
    const { timeline } = await history.json();
    expect(timeline.map((e: any) => e.title)).toEqual(
      expect.arrayContaining(['登记受理', '开始代理', '办案记录：陪同信访人到区自然资源局反映宅基地分割问题']),
    );
    const record = timeline.find((e: any) => e.kind === 'record');
    expect(record).toMatchObject({
      on: day(-10),
      detail: '承办：赵淑芬（新华区自然资源局）；结果：自然资源局答应10日内答复',
    });
    expect(record.by).toBeTruthy();
    const days = timeline.map((e: any) => e.on);
    expect(days).toEqual([...days].sort());
    expectRefused(await act(id, 'conclude', { concludedOn: day(-6), outcome: '' }), '请填写办理结果', 'outcome');
    expectRefused(await act(id, 'conclude', { concludedOn: day(1), outcome: 'x' }), '日期不能晚于今天', 'concludedOn');
    expectDone(
      await act(id, 'conclude', { concludedOn: day(-6), outcome: '经协调，宅基地已按原协议分割，信访人表示满意。' }),
    );
    expect((await state(id)).state).toBe('concluded');
  });

  it('archives only after the reply opinion and with the whole file present, then locks it', async () => {
    expectRefused(await act(id, 'archive', { archivedOn: today }), '尚未出具答复意见书（附件5）');
    expectRefused(
      await act(id, 'issueReply', { replyIssuedOn: day(-7) }),
      '答复意见书出具日期不能早于终结日期',
      'replyIssuedOn',
    );
    expectDone(await act(id, 'issueReply', { replyIssuedOn: day(-2) }));
    expectRefused(
      await act(id, 'archive', { archivedOn: today }),
      '案卷材料不全，不能立案归档。缺少：登记表（附件1）、代理协议书（附件2）、代理告知书（附件3）、办案记录表（附件4）、答复意见书（附件5）',
    );

    const wrongType = await uploadScan(id, 'registration', Buffer.from('<html>not a scan</html>'), 'registration.pdf');
    expect(wrongType).toEqual({ status: 400, json: { error: '只能上传 PDF、JPG 或 PNG 格式的扫描件' } });
    const tooLarge = await uploadScan(id, 'registration', Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]));
    expect(tooLarge).toEqual({ status: 400, json: { error: '文件过大：最大 10 MB' } });
    for (const kind of ['registration', 'agreement', 'notification', 'handling_record']) {
      expect((await uploadScan(id, kind)).status).toBe(201);
    }
    expectRefused(await act(id, 'archive', { archivedOn: today }), /缺少：答复意见书（附件5）$/);
    expect((await uploadScan(id, 'reply_opinion')).status).toBe(201);

    const { rows: docs } = await app.db.query(
      `SELECT storage_key, mime_type, file_size, sha256 FROM case_document WHERE case_id = $1`,
      [id],
    );
    expect(docs).toHaveLength(5);
    expect(docs[0]).toMatchObject({
      mime_type: 'application/pdf',
      file_size: PDF.length,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(docs[0].storage_key).toMatch(/^\d{4}\/[0-9a-f-]{36}\.pdf$/);

    expectRefused(
      await act(id, 'archive', { archivedOn: day(-3) }),
      '归档日期不能早于答复意见书出具日期',
      'archivedOn',
    );
    // 协议第五条: her 15 days to ask for a review run until day(13), or the next working day when that is a
    // rest day (民法典第二百零三条); before then only her written waiver
    const closes = limitEnd(day(-2), 'reviewWindowDays', LEGAL_SCHEDULE);
    expectRefused(
      await act(id, 'archive', { archivedOn: today }),
      `协议第五条：信访人可在收到答复意见书后15日内申请复查，复查申请期至${closes}届满。请在${addDays(closes, 1)}及以后归档，或登记信访人书面放弃复查的日期`,
      'archivedOn',
    );
    expectRefused(
      await act(id, 'archive', { archivedOn: today, reviewDeclinedOn: day(-3) }),
      '书面放弃复查的日期不能早于答复意见书出具日期',
      'reviewDeclinedOn',
    );
    const archived = await act(id, 'archive', { archivedOn: today, reviewDeclinedOn: day(-1) });
    expectDone(archived);
    const row = await state(id);
    expect(row).toMatchObject({ state: 'archived', archived_on: today });
    expect(row.archive_no).toMatch(new RegExp(`^新华档-${today.slice(0, 4)}-\\d{4}$`));
    expect(archived.json.notice.message).toBe(`案件已立案归档，档案号 ${row.archive_no}`);

    const show = await clerk.api('GET', `/resources/PetitionCase/records/${id}/show`);
    // the file is closed, but she may still look it up (条例第二十一条): a lost query code can be re-issued
    expect(show.json.record.recordActions.map((a: any) => a.name).sort()).toEqual([
      'downloadDocument',
      'reissueQueryCode',
      'show',
    ]);
  });

  it('refuses every change to the archived file, at the data layer', async () => {
    const edit = await clerk.api('POST', `/resources/PetitionCase/records/${id}/edit`, { subject: '改动' });
    expect(edit.json.notice).toMatchObject({
      type: 'error',
      message: expect.stringContaining('该案件已立案归档，案卷已锁定'),
    });
    const log = await clerk.api('POST', '/resources/CaseLog/actions/new', {
      caseId: id,
      loggedOn: today,
      handler: '赵淑芬',
      action: '补记',
    });
    expect(log.json.notice).toMatchObject({ type: 'error', message: expect.stringContaining('案卷已锁定') });
    const { rows } = await app.db.query('SELECT id FROM case_document WHERE case_id = $1 LIMIT 1', [id]);
    expect((await clerk.api('POST', `/resources/CaseDocument/records/${rows[0].id}/delete`, {})).status).toBe(403);
    const voided = await clerk.api('POST', `/resources/CaseDocument/records/${rows[0].id}/voidRecord`, {
      reason: '试图作废',
    });
    expect(voided.json.notice).toMatchObject({ type: 'error', message: expect.stringContaining('案卷已锁定') });
    expect(await uploadScan(id, 'other')).toMatchObject({ status: 409 });
    expect(await count(app.db, 'case_log', 'case_id = $1', [id])).toBe(1);
    expect(await count(app.db, 'case_document', 'case_id = $1', [id])).toBe(5);
    expect((await state(id)).state).toBe('archived');
  });

  it('is reopened by the city only, with a reason, keeping its archive number', async () => {
    expectRefused(await act(id, 'reopen', { reopenReason: '补充材料' }), '只有市妇联管理员可以重新打开');
    const city = app.session();
    await city.login('city@example.org');
    const show = await city.api('GET', `/resources/PetitionCase/records/${id}/show`);
    expect(show.json.record.recordActions.map((a: any) => a.name)).toContain('reopen');
    const missing = await city.api('POST', `/resources/PetitionCase/records/${id}/reopen`, { reopenReason: '' });
    expect(missing.json.record.errors.reopenReason.message).toBe('请填写重新打开的原因');
    const before = await state(id);
    const reopened = await city.api('POST', `/resources/PetitionCase/records/${id}/reopen`, {
      reopenReason: '信访人补交复查材料',
    });
    expectDone(reopened);
    expect(await state(id)).toMatchObject({
      state: 'concluded',
      archived_on: null,
      archive_no: before.archive_no,
      reopen_reason: '信访人补交复查材料',
    });
    expectDone(await act(id, 'archive', { archivedOn: today }));
    expect((await state(id)).archive_no).toBe(before.archive_no);
  });

  it('wrote every step to the audit log', async () => {
    const { rows } = await app.db.query(
      `SELECT action, user_email FROM audit_log WHERE resource = 'PetitionCase' AND record_id = $1 AND action NOT IN ('view_personal', 'create', 'update') ORDER BY id`,
      [String(id)],
    );
    expect(rows.map((r) => r.action)).toEqual([
      'acceptCase',
      'startRepresenting',
      'extendDeadline',
      'conclude',
      'issueReply',
      'archive',
      'reopen',
      'archive',
    ]);
    expect(rows.find((r) => r.action === 'reopen')!.user_email).toBe('city@example.org');
    expect(await count(app.db, 'audit_log', `action = 'upload' AND resource = 'CaseDocument'`)).toBe(5);
  });

  it('terminates from 代理中 only with the report to the higher department', async () => {
    const created = await clerk.api('POST', '/resources/PetitionCase/actions/new', {
      subject: '抚养费纠纷',
      category: 'child_custody_visitation',
      source: 'phone',
      petitionerName: '张桂英',
      acceptedOn: day(-3),
    });
    const other = Number(created.json.record.params.id);
    // 受理 before 代理 (创建标准 二; 条例第二十三条)
    expectRefused(
      await act(other, 'startRepresenting', { agreementSignedOn: today, notifiedOn: today, representingSince: today }),
      '尚未登记受理：请先办理“受理”，登记书面告知信访人受理情况的日期（条例第二十三条），再开始代理',
    );
    expectRefused(
      await act(other, 'terminate', { terminatedOn: today, terminationReason: '对方下落不明' }),
      '已报告的上级相关部门',
      'terminationReportedTo',
    );
    expectDone(
      await act(other, 'terminate', {
        terminatedOn: today,
        terminationReason: '对方下落不明，无法办结',
        terminationReportedTo: '新华区信访局',
      }),
    );
    expect((await state(other)).state).toBe('terminated');
    expectRefused(await act(other, 'startRepresenting', {}), '案件当前状态为“解除代理”，不能“开始代理”');
  });
});

describe('the forms of the file as Word documents', () => {
  let id: number;

  beforeAll(async () => {
    const { rows } = await app.db.query(
      `SELECT c.id FROM petition_case c WHERE c.county_id = $1 AND c.state = 'archived' AND c.agent_id IS NOT NULL
          AND EXISTS (SELECT 1 FROM case_log l WHERE l.case_id = c.id) ORDER BY c.id LIMIT 1`,
      [xinhua],
    );
    id = rows[0].id;
  });

  async function docx(
    path: string,
  ): Promise<{ status: number; type: string | null; disposition: string | null; xml: string }> {
    const res = await clerk.request('GET', path);
    const body = new Uint8Array(await res.arrayBuffer());
    const xml = res.status === 200 ? documentXml(body) : '';
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      disposition: res.headers.get('content-disposition'),
      xml,
    };
  }

  const text = visibleText;

  it('fills the agreement (附件2) with its eight clauses, the parties, the agent and the matter', async () => {
    const { rows } = await app.db.query(
      `SELECT c.case_no, c.subject, c.petitioner_name, a.name AS agent, wp.name AS work_point, to_char(c.agreement_signed_on, 'FMYYYY年FMMM月FMDD日') AS signed
         FROM petition_case c JOIN agent a ON a.id = c.agent_id LEFT JOIN work_point wp ON wp.county_id = c.county_id WHERE c.id = $1`,
      [id],
    );
    const c = rows[0];
    const got = await docx(`/admin/files/cases/${id}/forms/agreement.docx`);
    expect(got.status).toBe(200);
    expect(got.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(decodeURIComponent(got.disposition!.split("UTF-8''")[1])).toBe(
      `${c.case_no}-平顶山市妇女信访代理协议书.docx`,
    );
    const body = text(got.xml);
    expect(body).toContain('平顶山市妇女信访代理协议书');
    expect(body).toContain(
      `因${c.subject}上访一案，${c.petitioner_name}（以下简称甲方）自愿委托${c.work_point ?? '新华区妇女信访代理工作点'}（以下简称乙方）代理上访。`,
    );
    const clauses = [
      `一、乙方接受甲方的委托，指定${c.agent}为代理信访事项的承办人。`,
      '二、甲方必须向承办人真实叙述事实，提供相关证据材料。',
      '三、乙方代理甲方信访，陪同或代理甲方到相关责任部门表达诉求或反映问题，依法维护甲方的合法权益。',
      '四、甲方在代理协议期间，不得随意上访、越级上访或参与群体上访。',
      '五、乙方在案件办结后，于7日内向甲方出具妇女信访代理案件答复意见书，甲方对处理意见不服的，于15日内提交上一级相关部门复查。',
      '六、乙方无法办结的案件，要及时向上级相关部门反映情况，并与甲方解除代理协议，乙方不对代理结果做出任何承诺。',
      '七、本协议自签订之日起至本案结案止有效。',
      '八、本协议一式两份，甲乙双方各执一份。',
    ];
    const lines = body.split('\n');
    for (const clause of clauses) expect(lines).toContain(clause);
    expect(body).toContain(`甲方：（信访妇女）${c.petitioner_name}`);
    expect(body).toContain(`乙方：（代理人）${c.agent}`);
    expect(body).toContain(`签订时间：${c.signed}`);
    // A4 with official margins, 仿宋 body and 宋体 title
    expect(got.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(got.xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(got.xml).toContain('w:eastAsia="宋体"');
  });

  it('prints all five forms, with every handling record and the two-copies notes, and audits each download', async () => {
    const before = await count(app.db, 'audit_log', `action = 'download' AND record_id = $1`, [String(id)]);
    const forms = {
      registration: '平顶山市妇女信访代理工作登记表',
      agreement: '平顶山市妇女信访代理协议书',
      notification: '平顶山市妇女信访代理告知书一式两份，信访代理机构、被代理人各一份。',
      handling_record: '平顶山市妇女信访代理办案记录表',
      reply_opinion: '平顶山市妇女信访代理案件答复意见书一式两份，信访代理机构、被代理人各一份。',
    };
    for (const [kind, expected] of Object.entries(forms)) {
      const got = await docx(`/admin/files/cases/${id}/forms/${kind}.docx`);
      expect({ kind, status: got.status }).toEqual({ kind, status: 200 });
      expect(text(got.xml)).toContain(expected);
    }
    const { rows: logs } = await app.db.query('SELECT action FROM case_log WHERE case_id = $1', [id]);
    const record = text((await docx(`/admin/files/cases/${id}/forms/handling_record.docx`)).xml);
    for (const l of logs) expect(record).toContain(l.action);
    expect(await count(app.db, 'audit_log', `action = 'download' AND record_id = $1`, [String(id)])).toBe(before + 6);
  });

  it('refuses the reply opinion before the conclusion, other counties’ cases, and strangers', async () => {
    const { rows } = await app.db.query(
      `SELECT id FROM petition_case WHERE county_id = $1 AND state IN ('accepted', 'representing') LIMIT 1`,
      [xinhua],
    );
    const early = await clerk.request('GET', `/admin/files/cases/${rows[0].id}/forms/reply_opinion.docx`);
    expect(early.status).toBe(409);
    expect((await early.json()).error).toContain('案件尚未终结');
    const { rows: far } = await app.db.query(`SELECT id FROM petition_case WHERE county_id <> $1 LIMIT 1`, [xinhua]);
    expect((await clerk.request('GET', `/admin/files/cases/${far[0].id}/forms/agreement.docx`)).status).toBe(404);
    expect((await app.session().request('GET', `/admin/files/cases/${id}/forms/agreement.docx`)).status).toBe(401);
  });

  it('masks the petitioner’s personal data for leaders', async () => {
    const leader = app.session();
    await leader.login('leader@example.org');
    const { rows } = await app.db.query('SELECT petitioner_id_number FROM petition_case WHERE id = $1', [id]);
    const res = await leader.request('GET', `/admin/files/cases/${id}/forms/registration.docx`);
    const shown = docxText(await res.arrayBuffer());
    expect(shown).toContain('登记表');
    if (rows[0].petitioner_id_number) expect(shown).not.toContain(rows[0].petitioner_id_number);
  });
});

describe('deadlines in lists and on the home page', () => {
  it('filters the list to overdue and due-soon cases of her county', async () => {
    // handled within 60 days (条例第三十四条): accepted 58 days ago, two days are left — or a few more when
    // the 60th day is a rest day and the limit moves to the next working day (民法典第二百零三条)
    const ago = [58, 59, 57].find((k) => daysBetween(today, limitEnd(day(-k), 'handlingDays', LEGAL_SCHEDULE)) <= 3)!;
    const handlingDue = limitEnd(day(-ago), 'handlingDays', LEGAL_SCHEDULE);
    const created = await clerk.api('POST', '/resources/PetitionCase/actions/new', {
      subject: '家庭暴力求助',
      category: 'domestic_violence',
      source: 'visit',
      petitionerName: '刘翠萍',
      acceptedOn: day(-ago),
    });
    const soon = Number(created.json.record.params.id);
    expectDone(await act(soon, 'acceptCase', { acceptanceNotifiedOn: day(-ago + 1) }));
    const listed = await clerk.api('GET', '/resources/PetitionCase/actions/list?filters.deadline=due_soon&perPage=500');
    expect(listed.json.records.find((r: any) => r.params.id === soon).params).toMatchObject({
      nextDeadline: `${handlingDue} 办结`,
      daysLeft: describeDaysLeft(daysBetween(today, handlingDue)),
    });
    for (const filter of ['overdue', 'due_soon']) {
      const { json } = await clerk.api(
        'GET',
        `/resources/PetitionCase/actions/list?filters.deadline=${filter}&perPage=500`,
      );
      expect(json.meta.total).toBeGreaterThan(0);
      for (const r of json.records) {
        expect(r.params.countyId).toBe(xinhua);
        expect(r.params.daysLeft).toMatch(filter === 'overdue' ? /^已超期 \d+ 天$/ : /^(还剩 [0-3] 天|今天到期)$/);
      }
    }
  });

  it('explains on the case page a due day moved off a holiday (民法典第二百零三条)', async () => {
    // 60 days from 3 August 2026 counted to 2 October, inside 国庆 (1–7 October): due on the 8th
    const created = await clerk.api('POST', '/resources/PetitionCase/actions/new', {
      subject: '抚养费纠纷',
      category: 'marriage_family',
      source: 'visit',
      petitionerName: '孙桂兰',
      acceptedOn: '2026-08-03',
    });
    const id = Number(created.json.record.params.id);
    expectDone(await act(id, 'acceptCase', { acceptanceNotifiedOn: '2026-08-04' }));
    const show = await clerk.api('GET', `/resources/PetitionCase/records/${id}/show`);
    expect(show.json.record.params).toMatchObject({
      nextDeadline: '2026-10-08 办结期限（条例第三十四条）',
      deadlineNote: '10月2日为法定节假日，顺延至10月8日（民法典第二百零三条）',
    });
    // the list shows the moved day, without the note
    const listed = await clerk.api(
      'GET',
      `/resources/PetitionCase/actions/list?filters.caseNo=${show.json.record.params.caseNo}`,
    );
    expect(listed.json.records[0].params).toMatchObject({ nextDeadline: '2026-10-08 办结' });
    expect(listed.json.records[0].params.deadlineNote).toBeUndefined();
  });

  it('lists the signed-in user’s overdue and due-soon cases on the home page, without personal data for leaders', async () => {
    expect(HOME_SECTION_PROVIDERS).toContain(caseDeadlinesSection);
    const {
      rows: [staff],
    } = await app.db.query(`SELECT id FROM admin_user WHERE email = 'xinhua@example.org'`);
    const now = new Date();
    const mine = await caseDeadlinesSection({
      ds: app.dataSource,
      actor: { id: staff.id, role: 'county_staff', countyId: xinhua },
      now,
    });
    const list = await clerk.api('GET', '/resources/PetitionCase/actions/list?filters.deadline=overdue');
    expect(mine!.title).toContain(`已超期 ${list.json.meta.total} 件`);
    expect(mine!.rows.length).toBeGreaterThan(0);
    expect(mine!.rows[0]).toMatchObject({
      tone: 'danger',
      href: expect.stringMatching(/^\/admin\/resources\/PetitionCase\/records\/\d+\/show$/),
    });
    const ids = mine!.rows.map((r) => Number(r.href.split('/')[5]));
    const { rows } = await app.db.query('SELECT DISTINCT county_id FROM petition_case WHERE id = ANY($1)', [ids]);
    expect(rows).toEqual([{ county_id: xinhua }]);

    const city = await caseDeadlinesSection({
      ds: app.dataSource,
      actor: { id: 1, role: 'city_admin', countyId: null },
      now,
    });
    expect(city!.total).toBeGreaterThan(mine!.total);
    const leader = await caseDeadlinesSection({
      ds: app.dataSource,
      actor: { id: 1, role: 'leader', countyId: null },
      now,
    });
    expect(leader!.total).toBe(city!.total);
    const names: string[] = (await app.db.query('SELECT petitioner_name FROM petition_case')).rows.map(
      (r) => r.petitioner_name,
    );
    const shown = JSON.stringify(leader!.rows);
    expect(names.filter((n) => shown.includes(n))).toEqual([]);
    expect(leader!.rows[0].label).toMatch(/[区县市]$/);
  });
});

describe('case numbers', () => {
  it('are unique and gap-free per county and year under concurrent creation', async () => {
    const year = today.slice(0, 4);
    const {
      rows: [{ last }],
    } = await app.db.query(
      `SELECT coalesce(max(substring(case_no FROM 9)::int), 0) AS last FROM petition_case WHERE county_id = $1 AND case_no LIKE $2`,
      [xinhua, `新华-${year}-%`],
    );
    const created = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        app.dataSource.transaction(async (em) => {
          const caseNo = await nextCaseNo(em, xinhua, `${year}-01-15`);
          await em.query(
            `INSERT INTO petition_case (case_no, county_id, subject, category, source, petitioner_name, accepted_on)
             VALUES ($1, $2, $3, 'other', 'visit', '并发测试', $4)`,
            [caseNo, xinhua, `并发登记 ${i}`, `${year}-01-15`],
          );
          return caseNo;
        }),
      ),
    );
    const expected = Array.from(
      { length: 10 },
      (_, i) => `新华-${year}-${String(Number(last) + i + 1).padStart(4, '0')}`,
    );
    expect([...created].sort()).toEqual(expected);
  });

  it('does not consume a number when the creation is rolled back', async () => {
    const year = today.slice(0, 4);
    const first = await app.dataSource.transaction((em) => nextCaseNo(em, xinhua, `${year}-02-01`));
    await expect(
      app.dataSource.transaction(async (em) => {
        await nextCaseNo(em, xinhua, `${year}-02-01`);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await app.dataSource.transaction((em) => nextCaseNo(em, xinhua, `${year}-02-01`))).toBe(first);
  });
});
