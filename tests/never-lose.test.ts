import ExcelJS from 'exceljs';
import { addDays, localDate } from '../src/domain/dates.js';
import { startTestApp, type TestApp } from './support/app.js';
import { count, countyId, firstTownship, ONE_PAGE_PDF, validIdNumber } from './support/fixtures.js';
import type { Session } from './support/http.js';

// Never lose a file (official records of petitions): void, never delete; no lost updates; a change of
// several rows is all or nothing; through the real HTTP app on a clone of the demo database.

let app: TestApp;
let xinhua: number;
let city: Session;
const today = localDate(new Date());
const day = (offset: number) => addDays(today, offset);
const PDF = ONE_PAGE_PDF;

async function login(email: string): Promise<Session> {
  const s = app.session();
  expect(await s.login(email)).toBe(true);
  return s;
}

async function row(table: string, id: number): Promise<Record<string, any>> {
  const { rows } = await app.db.query(`SELECT to_jsonb(t) AS row FROM ${table} t WHERE id = $1`, [id]);
  return rows[0]?.row ?? null;
}

/** A fresh case of 新华区 in state 受理, created through the admin like a clerk would. */
async function newCase(s: Session, subject = '离婚财产分割纠纷'): Promise<number> {
  const res = await s.api('POST', '/resources/PetitionCase/actions/new', {
    townshipId: await firstTownship(app.db, xinhua),
    subject,
    category: 'marriage_family',
    source: 'visit',
    petitionerName: '李秀英',
    petitionerIdNumber: validIdNumber('410402', '19800312', '046'),
    petitionerPhone: '13937512345',
    acceptedOn: day(-3),
  });
  expect(res.json.notice).toMatchObject({ type: 'success' });
  return Number(res.json.record.params.id);
}

beforeAll(async () => {
  app = await startTestApp();
  xinhua = await countyId(app.db, '新华区');
  city = await login('city@example.org');
});
afterAll(() => app.close());

describe('point 2: no lost updates', () => {
  it('two clerks edit the same case: the first save wins, the second is refused naming what changed, nothing is overwritten', async () => {
    const id = await newCase(await login('xinhua@example.org'));
    const first = await login('xinhua@example.org');
    const second = await login('xinhua@example.org');
    // both open the edit form: the same version
    const a = await first.api('GET', `/resources/PetitionCase/records/${id}/edit`);
    const b = await second.api('GET', `/resources/PetitionCase/records/${id}/edit`);
    const version = a.json.record.params.rowVersion;
    expect(version).toBe(1);
    expect(b.json.record.params.rowVersion).toBe(version);

    // the first saves the whole form, as the browser posts it
    const saved = await first.api('POST', `/resources/PetitionCase/records/${id}/edit`, {
      ...a.json.record.params,
      subject: '抚养费纠纷',
    });
    expect([saved.json.notice, saved.json.record.errors]).toEqual([expect.objectContaining({ type: 'success' }), {}]);
    expect(await row('petition_case', id)).toMatchObject({ subject: '抚养费纠纷', row_version: 2 });

    // the second, based on version 1, changes another field: refused, with who changed what
    const refused = await second.api('POST', `/resources/PetitionCase/records/${id}/edit`, {
      ...b.json.record.params,
      respondentDepartment: '区民政局',
    });
    expect(refused.status).toBeLessThan(500);
    expect(refused.json.notice.type).toBe('error');
    expect(refused.json.notice.message).toMatch(/已被他人修改/);
    expect(refused.json.notice.message).toContain('“信访事项”');
    expect(refused.json.notice.message).toMatch(/第1版.*第2版/);
    expect(refused.json.record.errors.rowVersion.message).toBe(refused.json.notice.message);
    const now = await row('petition_case', id);
    expect(now).toMatchObject({ subject: '抚养费纠纷', respondent_department: null, row_version: 2 });

    // after reloading she saves on top of the first clerk's change
    const reloaded = await second.api('GET', `/resources/PetitionCase/records/${id}/edit`);
    const again = await second.api('POST', `/resources/PetitionCase/records/${id}/edit`, {
      ...reloaded.json.record.params,
      respondentDepartment: '区民政局',
    });
    expect(again.json.notice).toMatchObject({ type: 'success' });
    expect(await row('petition_case', id)).toMatchObject({
      subject: '抚养费纠纷',
      respondent_department: '区民政局',
      row_version: 3,
    });
    const audit = await app.db.query(
      `SELECT changes FROM audit_log WHERE resource = 'PetitionCase' AND record_id = $1 AND action = 'update' ORDER BY id`,
      [String(id)],
    );
    expect(audit.rows.map((r) => r.changes.rowVersion)).toEqual([
      { before: 1, after: 2 },
      { before: 2, after: 3 },
    ]);
  });

  it('refuses a workflow step posted from a stale page, and a forged version, in custom actions too', async () => {
    const first = await login('xinhua@example.org');
    const second = await login('xinhua@example.org');
    const id = await newCase(first);
    const page = await second.api('GET', `/resources/PetitionCase/records/${id}/acceptCase`);
    const stale = page.json.record.params.rowVersion;
    await first.api('POST', `/resources/PetitionCase/records/${id}/edit`, { subject: '赡养纠纷', rowVersion: stale });
    const before = await row('petition_case', id);

    const refused = await second.api('POST', `/resources/PetitionCase/records/${id}/acceptCase`, {
      acceptanceNotifiedOn: day(-1),
      rowVersion: stale,
    });
    expect(refused.json.notice.type).toBe('error');
    expect(refused.json.notice.message).toMatch(/已被他人修改.*“信访事项”/);
    expect(await row('petition_case', id)).toEqual(before);

    for (const forged of ['abc', '-1', '0', '99999', '1.5']) {
      const res = await second.api('POST', `/resources/PetitionCase/records/${id}/acceptCase`, {
        acceptanceNotifiedOn: day(-1),
        rowVersion: forged,
      });
      expect(res.status).toBeLessThan(500);
      expect(res.json.notice.type).toBe('error');
    }
    expect(await row('petition_case', id)).toEqual(before);

    const done = await second.api('POST', `/resources/PetitionCase/records/${id}/acceptCase`, {
      acceptanceNotifiedOn: day(-1),
      rowVersion: before.row_version,
    });
    expect(done.json.notice.type).toBe('success');
    const after = await row('petition_case', id);
    expect(after.row_version).toBe(before.row_version + 1);
    expect(after.acceptance_notified_on).toBe(day(-1));
  });

  it('refuses a stale certificate step through the generic action form handler', async () => {
    const { rows } = await app.db.query(
      `SELECT id, row_version FROM certificate WHERE status = 'produced' AND county_id = $1 LIMIT 1`,
      [xinhua],
    );
    if (!rows.length) return;
    const clerk = await login('xinhua@example.org');
    await app.db.query(`UPDATE certificate SET row_version = row_version + 1 WHERE id = $1`, [rows[0].id]);
    const res = await clerk.api('POST', `/resources/Certificate/records/${rows[0].id}/issueCertificate`, {
      issuedOn: today,
      rowVersion: rows[0].row_version,
    });
    expect(res.json.notice.type).toBe('error');
    expect(res.json.notice.message).toMatch(/已被他人修改/);
    expect((await row('certificate', rows[0].id)).status).toBe('produced');
  });
});

describe('point 1: void instead of delete', () => {
  it('a clerk voids a case with a reason; it leaves every list, search and report; the city sees it and restores it', async () => {
    const clerk = await login('xinhua@example.org');
    const id = await newCase(clerk, '作废测试案件');
    const version = (await row('petition_case', id)).row_version;

    // delete is gone for everyone: the record stays
    for (const s of [clerk, city]) {
      expect((await s.api('POST', `/resources/PetitionCase/records/${id}/delete`, {})).status).toBe(403);
      expect((await s.api('POST', `/resources/PetitionCase/bulk/bulkDelete?recordIds=${id}`, {})).status).toBe(403);
    }
    expect(await row('petition_case', id)).not.toBeNull();

    const noReason = await clerk.api('POST', `/resources/PetitionCase/records/${id}/voidRecord`, {
      reason: '  ',
      rowVersion: version,
    });
    expect(noReason.json.notice.type).toBe('error');
    expect(noReason.json.record.errors.reason.message).toBe('请填写作废原因');

    const voided = await clerk.api('POST', `/resources/PetitionCase/records/${id}/voidRecord`, {
      reason: '重复登记',
      rowVersion: version,
    });
    expect(voided.json.notice).toMatchObject({ type: 'success' });
    const r = await row('petition_case', id);
    expect(r).toMatchObject({ void_reason: '重复登记', row_version: version + 1 });
    expect(r.voided_at).not.toBeNull();
    const audit = await app.db.query(
      `SELECT user_email, changes FROM audit_log WHERE action = 'voidRecord' AND record_id = $1`,
      [String(id)],
    );
    expect(audit.rows[0].user_email).toBe('xinhua@example.org');
    expect(audit.rows[0].changes.voidReason).toEqual({ before: null, after: '重复登记' });

    // gone from the clerk's list, search, record page and the reports
    const list = await clerk.api('GET', '/resources/PetitionCase/actions/list?perPage=500');
    expect(list.json.records.map((x: any) => Number(x.params.id))).not.toContain(id);
    expect(list.json.meta.total).toBe(
      await count(app.db, 'petition_case', 'county_id = $1 AND voided_at IS NULL', [xinhua]),
    );
    const forged = await clerk.api('GET', `/resources/PetitionCase/actions/list?filters.voided=true&perPage=500`);
    expect(forged.json.records.map((x: any) => Number(x.params.id))).not.toContain(id);
    const search = await clerk.api('GET', '/resources/PetitionCase/actions/search/作废测试');
    expect(search.json.records).toEqual([]);
    expect((await clerk.api('GET', `/resources/PetitionCase/records/${id}/show`)).status).toBe(404);
    expect(await count(app.db, 'reporting.case_facts', 'case_id = $1', [id])).toBe(0);
    // and no step can be taken on it
    expect(
      (await clerk.api('POST', `/resources/PetitionCase/records/${id}/acceptCase`, { acceptanceNotifiedOn: today }))
        .status,
    ).toBe(404);
    const byCity = await city.api('POST', `/resources/PetitionCase/records/${id}/acceptCase`, {
      acceptanceNotifiedOn: today,
    });
    expect(byCity.json.notice.type).toBe('error');
    expect(byCity.json.notice.message).toMatch(/已作废/);
    const edit = await city.api('POST', `/resources/PetitionCase/records/${id}/edit`, { subject: '改' });
    expect(edit.json.notice.type).toBe('error');
    expect((await row('petition_case', id)).subject).toBe('作废测试案件');

    // the city lists the voided records, sees who voided it and why, and restores it
    const voidedList = await city.api('GET', '/resources/PetitionCase/actions/list?filters.voided=true&perPage=500');
    expect(voidedList.json.records.map((x: any) => Number(x.params.id))).toContain(id);
    expect(voidedList.json.records.every((x: any) => x.params.voidedAt)).toBe(true);
    // the count above the list is of the same voided records, not of the live ones
    expect(voidedList.json.meta.total).toBe(voidedList.json.records.length);
    const shown = await city.api('GET', `/resources/PetitionCase/records/${id}/show`);
    expect(shown.json.record.params.voidReason).toBe('重复登记');
    expect(shown.json.record.populated.voidedById.title).toBeTruthy();
    expect((await clerk.api('POST', `/resources/PetitionCase/records/${id}/restoreRecord`, {})).status).toBe(404);
    const restored = await city.api('POST', `/resources/PetitionCase/records/${id}/restoreRecord`, {
      rowVersion: version + 1,
    });
    expect(restored.json.notice).toMatchObject({ type: 'success' });
    expect(await row('petition_case', id)).toMatchObject({
      voided_at: null,
      voided_by: null,
      void_reason: null,
      row_version: version + 2,
    });
    expect((await clerk.api('GET', `/resources/PetitionCase/records/${id}/show`)).status).toBe(200);
    expect(await count(app.db, 'audit_log', `action = 'restoreRecord' AND record_id = $1`, [String(id)])).toBe(1);
  });

  it('keeps references to a voided record working, and refuses new ones', async () => {
    const { rows } = await app.db.query(
      `SELECT c.id AS case_id, c.agent_id FROM petition_case c WHERE c.county_id = $1 AND c.agent_id IS NOT NULL AND c.state = 'representing' LIMIT 1`,
      [xinhua],
    );
    if (!rows.length) return;
    const { case_id: caseId, agent_id: agentId } = rows[0];
    const agentVersion = (await row('agent', agentId)).row_version;
    const voided = await city.api('POST', `/resources/Agent/records/${agentId}/voidRecord`, {
      reason: '误录',
      rowVersion: agentVersion,
    });
    expect(voided.json.notice.type).toBe('success');
    const shown = await city.api('GET', `/resources/PetitionCase/records/${caseId}/show`);
    expect(shown.status).toBe(200);
    expect(shown.json.record.populated.agentId?.title).toBeTruthy();
    // editing other fields of the case still works; naming the voided agent anew does not
    const clerk = await login('xinhua@example.org');
    const ok = await clerk.api('POST', `/resources/PetitionCase/records/${caseId}/edit`, {
      respondentDepartment: '区妇联',
    });
    expect(ok.json.notice.type).toBe('success');
    const newId = await newCase(clerk);
    const refused = await clerk.api('POST', `/resources/PetitionCase/records/${newId}/edit`, { agentId });
    expect(refused.json.notice.type).toBe('error');
    expect((await row('petition_case', newId)).agent_id).toBeNull();
    // and the reports leave the agent out
    expect(await count(app.db, 'reporting.agent_facts', 'agent_id = $1', [agentId])).toBe(0);
    await city.api('POST', `/resources/Agent/records/${agentId}/restoreRecord`, { rowVersion: agentVersion + 1 });
    expect((await row('agent', agentId)).voided_at).toBeNull();
  });

  it('does not void the file of an archived case, and a voided document does not count for the file', async () => {
    const { rows } = await app.db.query(
      `SELECT d.id FROM case_document d JOIN petition_case c ON c.id = d.case_id WHERE c.state = 'archived' AND c.county_id = $1 LIMIT 1`,
      [xinhua],
    );
    if (!rows.length) return;
    const clerk = await login('xinhua@example.org');
    const res = await clerk.api('POST', `/resources/CaseDocument/records/${rows[0].id}/voidRecord`, {
      reason: '试图作废',
    });
    expect(res.status).toBeLessThan(500);
    expect((await row('case_document', rows[0].id)).voided_at).toBeNull();
  });

  it('lets only the author delete a notice that never left her, and nobody delete a published one', async () => {
    const created = await city.api('POST', '/resources/Notice/actions/new', { title: '草稿通知', body: '正文' });
    expect(created.json.notice.type).toBe('success');
    const draftId = Number(created.json.record.params.id);
    const other = await login('xinhua@example.org');
    expect([403, 404]).toContain((await other.api('POST', `/resources/Notice/records/${draftId}/delete`, {})).status);
    const deleted = await city.api('POST', `/resources/Notice/records/${draftId}/delete`, {});
    expect(deleted.json.notice.type).toBe('success');
    expect(await row('notice', draftId)).toBeNull();
    const { rows } = await app.db.query(`SELECT id FROM notice WHERE status = 'published' LIMIT 1`);
    if (rows.length) {
      expect((await city.api('POST', `/resources/Notice/records/${rows[0].id}/delete`, {})).status).toBe(403);
      expect(await row('notice', rows[0].id)).not.toBeNull();
    }
  });

  it('never deletes users or the audit trail', async () => {
    const { rows } = await app.db.query(`SELECT id FROM admin_user WHERE email = 'leader@example.org'`);
    expect((await city.api('POST', `/resources/AdminUser/records/${rows[0].id}/delete`, {})).status).toBe(403);
    expect(await count(app.db, 'admin_user', 'id = $1', [rows[0].id])).toBe(1);
  });
});

describe('point 3: a change of several rows is all or nothing', () => {
  // a failure forced at the very end, in the audit row written last in each transaction
  beforeAll(async () => {
    await app.db.query(`
      CREATE TABLE test_fail_audit (action text PRIMARY KEY);
      CREATE FUNCTION test_fail_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM test_fail_audit f WHERE f.action = NEW.action)
           -- 'produceCertificate:2': fail at the second certificate of a batch
           OR (NEW.action = 'produceCertificate' AND EXISTS (SELECT 1 FROM test_fail_audit WHERE action = 'produceCertificate:2')
               AND EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'produceCertificate' AND a.at = now())) THEN
          RAISE EXCEPTION 'forced failure for the test';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER test_fail_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION test_fail_audit();`);
  });
  afterEach(() => app.db.query('DELETE FROM test_fail_audit'));
  const failOn = (action: string) => app.db.query('INSERT INTO test_fail_audit VALUES ($1)', [action]);

  async function snapshot(tables: string[]): Promise<string> {
    const out: string[] = [];
    for (const t of tables)
      out.push(JSON.stringify((await app.db.query(`SELECT to_jsonb(t) AS r FROM ${t} t ORDER BY id`)).rows));
    return out.join('\n');
  }

  it('a workflow step: the case, its documents and the audit trail stay as they were', async () => {
    const clerk = await login('xinhua@example.org');
    const id = await newCase(clerk);
    await failOn('acceptCase');
    const before = await snapshot(['petition_case', 'case_document', 'audit_log']);
    const res = await clerk.api('POST', `/resources/PetitionCase/records/${id}/acceptCase`, {
      acceptanceNotifiedOn: day(-1),
    });
    expect(res.json?.notice?.type ?? 'error').toBe('error');
    expect(await snapshot(['petition_case', 'case_document', 'audit_log'])).toBe(before);
  });

  it('an edit and a void', async () => {
    const clerk = await login('xinhua@example.org');
    const id = await newCase(clerk);
    await failOn('update');
    await failOn('voidRecord');
    const before = await snapshot(['petition_case', 'audit_log']);
    await clerk.api('POST', `/resources/PetitionCase/records/${id}/edit`, { subject: '改了' });
    await clerk.api('POST', `/resources/PetitionCase/records/${id}/voidRecord`, { reason: '重复' });
    expect(await snapshot(['petition_case', 'audit_log'])).toBe(before);
  });

  it('a scanned document: no document row without its audit row', async () => {
    const clerk = await login('xinhua@example.org');
    const id = await newCase(clerk);
    await failOn('upload');
    const before = await snapshot(['case_document', 'audit_log']);
    const form = new FormData();
    form.append('kind', 'registration');
    form.append('file', new Blob([new Uint8Array(PDF)]), 'scan.pdf');
    const res = await clerk.request('POST', `/admin/files/cases/${id}/documents`, form);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await snapshot(['case_document', 'audit_log'])).toBe(before);
  });

  it('a certificate review: no review row without the certificate’s new status', async () => {
    const { rows } = await app.db.query(
      `SELECT id, row_version FROM certificate WHERE status = 'issued' AND county_id = $1 AND voided_at IS NULL LIMIT 1`,
      [xinhua],
    );
    const clerk = await login('xinhua@example.org');
    await failOn('reviewCertificate');
    const before = await snapshot(['certificate', 'certificate_review', 'audit_log']);
    await clerk.api('POST', `/resources/Certificate/records/${rows[0].id}/reviewCertificate`, {
      reviewedOn: today,
      result: 'failed',
      remarks: '不合格',
    });
    expect(await snapshot(['certificate', 'certificate_review', 'audit_log'])).toBe(before);
  });

  it('a batch of certificates: a failure at the second leaves none', async () => {
    const township = await firstTownship(app.db, xinhua);
    const ids: number[] = [];
    for (const seq of ['512', '514']) {
      const { rows } = await app.db.query(
        `INSERT INTO agent (county_id, township_id, name, id_number, phone, appointed_on) VALUES ($1, $2, '周敏', $3, '13937500001', $4) RETURNING id`,
        [xinhua, township, validIdNumber('410402', '19790101', seq), day(-30)],
      );
      ids.push(rows[0].id);
    }
    await failOn('produceCertificate:2');
    const before = await snapshot(['certificate', 'audit_log']);
    await city.api('POST', `/resources/Agent/bulk/produceCertificates?recordIds=${ids.join(',')}`, {
      producedOn: today,
    });
    expect(await snapshot(['certificate', 'audit_log'])).toBe(before);
    await app.db.query('DELETE FROM test_fail_audit');
    const done = await city.api('POST', `/resources/Agent/bulk/produceCertificates?recordIds=${ids.join(',')}`, {
      producedOn: today,
    });
    expect(done.json.notice.type).toBe('success');
    expect(await count(app.db, 'certificate', 'agent_id = ANY($1::int[])', [ids])).toBe(2);
  });

  it('publishing a notice: no recipients without the published notice', async () => {
    const created = await city.api('POST', '/resources/Notice/actions/new', {
      title: '关于年度统计的通知',
      body: '请按时上报。',
    });
    const id = Number(created.json.record.params.id);
    await failOn('publish');
    const before = await snapshot(['notice', 'notice_recipient', 'audit_log']);
    await city.api('POST', `/resources/Notice/records/${id}/publishNotice`, {});
    expect(await snapshot(['notice', 'notice_recipient', 'audit_log'])).toBe(before);
  });

  it('an import of agents: all rows or none', async () => {
    const clerk = await login('xinhua@example.org');
    const township = (
      await app.db.query(
        `SELECT name FROM organization WHERE county_id = $1 AND level = 'township' ORDER BY code LIMIT 1`,
        [xinhua],
      )
    ).rows[0].name;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('代理员名单');
    ws.addRow(['姓名', '性别', '身份证号', '手机', '乡镇/街道', '村/社区', '选聘日期']);
    ws.addRow(['吴芳', '女', validIdNumber('410402', '19860707', '702'), '13700000011', township, '', day(-2)]);
    ws.addRow(['郑丽', '女', validIdNumber('410402', '19870808', '802'), '13700000012', township, '', day(-2)]);
    const file = new Blob([new Uint8Array(await wb.xlsx.writeBuffer())], {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    await failOn('import');
    const before = await snapshot(['agent', 'audit_log']);
    const res = await clerk.request('POST', '/admin/files/agents/import?dryRun=0', file);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await snapshot(['agent', 'audit_log'])).toBe(before);
  });
});

describe('point 2: the city’s steps too refuse an older page and a voided record', () => {
  // 考评 (一票否决), 表彰 (批准) and 附件6 (重新取数) go through the same step as a case's: locked, then the
  // void state and the version checked before the rule
  async function refusedStep(
    s: Session,
    table: string,
    resource: string,
    action: string,
    id: number,
    body: Record<string, unknown>,
  ): Promise<void> {
    const before = await row(table, id);
    // someone else saved the record after this page was loaded
    await app.db.query(`UPDATE ${table} SET row_version = row_version + 1 WHERE id = $1`, [id]);
    const stale = await s.api('POST', `/resources/${resource}/records/${id}/${action}`, {
      ...body,
      rowVersion: before.row_version,
    });
    expect(stale.json.notice).toMatchObject({ type: 'error' });
    expect(stale.json.record.errors.rowVersion.message).toMatch(/修改/);
    expect(await row(table, id)).toEqual({ ...before, row_version: before.row_version + 1 });

    await app.db.query(`UPDATE ${table} SET voided_at = now(), void_reason = '登记有误' WHERE id = $1`, [id]);
    const voided = await s.api('POST', `/resources/${resource}/records/${id}/${action}`, {
      ...body,
      rowVersion: before.row_version + 1,
    });
    expect(voided.json?.notice?.type).not.toBe('success');
    if (voided.status === 200) expect(voided.json.notice.message).toMatch(/已作废/);
    const after = await row(table, id);
    expect({ ...after, voided_at: null, void_reason: null }).toEqual({
      ...before,
      row_version: before.row_version + 1,
    });
  }

  it('一票否决 (考评)', async () => {
    const { rows } = await app.db.query(
      `SELECT id FROM evaluation WHERE voided_at IS NULL AND NOT veto ORDER BY id DESC LIMIT 1`,
    );
    await refusedStep(city, 'evaluation', 'Evaluation', 'vetoEvaluation', rows[0].id, {
      vetoReason: '发生因代理不当引发的越级群体访',
    });
  });

  it('批准表彰 (表彰奖励)', async () => {
    const { rows } = await app.db.query(`SELECT id FROM commendation WHERE voided_at IS NULL ORDER BY id DESC LIMIT 1`);
    await refusedStep(city, 'commendation', 'Commendation', 'approveCommendation', rows[0].id, {});
  });

  it('重新取数 (附件6 案件分析报告)', async () => {
    const clerk = await login('xinhua@example.org');
    const created = await clerk.api('POST', '/resources/AnalysisReport/actions/new', {
      periodStart: day(-90),
      periodEnd: day(-1),
      analysis: '本季度婚姻家庭纠纷占比较高。',
    });
    expect(created.json.notice.type).toBe('success');
    await refusedStep(
      clerk,
      'analysis_report',
      'AnalysisReport',
      'refreshAnalysisFigures',
      Number(created.json.record.params.id),
      {},
    );
  });
});
