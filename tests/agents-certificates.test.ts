import ExcelJS from 'exceljs';
import { certificateStanding, certificateValidUntil, reviewDueOn } from '../src/domain/certificate-validity.js';
import { addDays, localDate } from '../src/domain/dates.js';
import { certificateReviewsSection } from '../src/admin/dashboard/certificate-reviews.section.js';
import { agentEligibilityOn, NOT_CERTIFIED_MESSAGE } from '../src/services/agent-eligibility.js';
import { loadCertificates } from '../src/services/certificate-standing.js';
import { startTestApp, type TestApp } from './support/app.js';
import { count, countyId, validIdNumber } from './support/fixtures.js';

let app: TestApp;
const today = localDate(new Date());
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

async function login(email: string) {
  const s = app.session();
  expect(await s.login(email)).toBe(true);
  return s;
}

/** A county of our own with three townships: none, one and two certified agents (and a lapsed one). */
async function coverageFixture() {
  const q = (sql: string, params: unknown[]) => app.db.query(sql, params).then((r) => r.rows);
  const [city] = await q(`SELECT id FROM organization WHERE level = 'city'`, []);
  const [county] = await q(
    `INSERT INTO organization (code, name, level, parent_id) VALUES ('410499', '测试县', 'county', $1) RETURNING id`,
    [city.id],
  );
  const township = async (code: string, name: string) =>
    (
      await q(`INSERT INTO organization (code, name, level, parent_id) VALUES ($1, $2, 'township', $3) RETURNING id`, [
        code,
        name,
        county.id,
      ])
    )[0].id as number;
  const none = await township('410499001', '甲镇');
  const one = await township('410499002', '乙镇');
  const two = await township('410499003', '丙镇');
  let seq = 100;
  const agent = async (
    townshipId: number,
    cert: { issuedOn: string; reviews?: [string, 'passed' | 'failed'][]; status?: string } | null,
  ) => {
    seq += 2;
    const [a] = await q(
      `INSERT INTO agent (county_id, township_id, name, gender, id_number, phone, appointed_on)
       VALUES ($1, $2, '测试代理员', 'female', $3, $4, '2020-01-01') RETURNING id`,
      [county.id, townshipId, validIdNumber('410499', '19800101', String(seq)), `139${String(seq).padStart(8, '0')}`],
    );
    if (cert) {
      const [c] = await q(
        `INSERT INTO certificate (agent_id, county_id, number, status, produced_on, issued_on)
         VALUES ($1, $2, $3, $4, $5, $5) RETURNING id`,
        [a.id, county.id, `平妇代证-2019-9${String(seq).padStart(4, '0')}`, cert.status ?? 'issued', cert.issuedOn],
      );
      for (const [on, result] of cert.reviews ?? []) {
        await q(
          `INSERT INTO certificate_review (certificate_id, county_id, reviewed_on, result) VALUES ($1, $2, $3, $4)`,
          [c.id, county.id, on, result],
        );
      }
    }
    return a.id as number;
  };
  await agent(none, { issuedOn: addDays(today, -400) }); // lapsed: no review for more than a year
  await agent(none, null);
  const certified = await agent(one, { issuedOn: addDays(today, -700), reviews: [[addDays(today, -340), 'passed']] });
  const lapsed = await agent(one, { issuedOn: addDays(today, -800), reviews: [[addDays(today, -420), 'passed']] });
  await agent(one, { issuedOn: addDays(today, -100), reviews: [[addDays(today, -10), 'failed']], status: 'suspended' });
  await agent(two, { issuedOn: addDays(today, -30) });
  await agent(two, { issuedOn: addDays(today, -200) });
  return { countyId: county.id as number, certified, lapsed, townships: { none, one, two } };
}

let fixture: Awaited<ReturnType<typeof coverageFixture>>;
beforeAll(async () => {
  fixture = await coverageFixture();
});

describe('the validity rule in SQL and in TypeScript', () => {
  it('agree on every certificate: valid today, valid until, review due, standing', async () => {
    const { rows } = await app.db.query(
      `SELECT certificate_id, valid_today, valid_until::text, review_due_on::text FROM reporting.certificate_standing ORDER BY certificate_id`,
    );
    const loaded = new Map(
      (await loadCertificates(app.dataSource.manager, { certificateIds: rows.map((r) => r.certificate_id) })).map(
        (c) => [c.id, c],
      ),
    );
    expect(rows.length).toBeGreaterThan(250);
    const differing = rows.filter((r) => {
      const c = loaded.get(r.certificate_id)!;
      return (
        (certificateStanding(c.cert, c.reviews, today) === 'valid') !== r.valid_today ||
        certificateValidUntil(c.cert, c.reviews, today) !== r.valid_until ||
        reviewDueOn(c.cert, c.reviews, today) !== r.review_due_on
      );
    });
    expect(differing).toEqual([]);
  });
});

describe('持证上岗: an agent without a valid certificate cannot take a case', () => {
  it('refuses the agent whose certificate lapsed, with the reason, and accepts the certified one', async () => {
    expect(await agentEligibilityOn(app.dataSource.manager, fixture.lapsed, today)).toEqual({
      eligible: false,
      reason: NOT_CERTIFIED_MESSAGE,
    });
    expect((await agentEligibilityOn(app.dataSource.manager, fixture.certified, today)).eligible).toBe(true);
    // the lapsed agent was certified a year and a half ago
    expect((await agentEligibilityOn(app.dataSource.manager, fixture.lapsed, addDays(today, -400))).eligible).toBe(
      true,
    );
  });

  it('refuses her in the case form, on the agent field', async () => {
    // through the resource's own create (the form's save path), as the city admin
    const resource = app.admin.findResource('PetitionCase');
    const currentAdmin = { id: '1', role: 'city_admin', countyId: null, email: 'city@example.org' };
    const before = await count(app.db, 'petition_case');
    const form = (agentId: number) => ({
      countyId: fixture.countyId,
      townshipId: fixture.townships.one,
      agentId,
      subject: '离婚后财产分割',
      category: 'marriage_family',
      source: 'visit',
      petitionerName: '张某',
      acceptedOn: today,
      isGroup: false,
      isKey: false,
      inJointMeeting: false,
    });
    const refused = await resource.create(form(fixture.lapsed), { currentAdmin } as never).catch((e) => e);
    expect(refused.propertyErrors.agentId.message).toBe(NOT_CERTIFIED_MESSAGE);
    expect(await count(app.db, 'petition_case')).toBe(before);
    const accepted = await resource.create(form(fixture.certified), { currentAdmin } as never).catch((e) => e);
    expect(accepted.propertyErrors?.agentId).toBeUndefined();
  });
});

describe('coverage of townships by certified agents', () => {
  it('counts the fixture county 1 / 1 / 1 and names the township without a certified agent', async () => {
    const { rows } = await app.db.query(
      `SELECT township_name, certified_agents, active_agents, coverage FROM reporting.township_agent_coverage WHERE county_id = $1 ORDER BY township_code`,
      [fixture.countyId],
    );
    expect(rows).toEqual([
      { township_name: '甲镇', certified_agents: 0, active_agents: 2, coverage: 'none' },
      { township_name: '乙镇', certified_agents: 1, active_agents: 3, coverage: 'one' },
      { township_name: '丙镇', certified_agents: 2, active_agents: 2, coverage: 'two_or_more' },
    ]);
    const page = await (await login('city@example.org')).api('GET', '/pages/coverage');
    const county = page.json.counties.find((c: { countyId: number }) => c.countyId === fixture.countyId);
    expect(county).toEqual({
      countyId: fixture.countyId,
      countyName: '测试县',
      townships: 3,
      counts: { none: 1, one: 1, two_or_more: 1 },
      uncovered: [{ townshipId: fixture.townships.none, townshipName: '甲镇', activeAgents: 2 }],
    });
    expect(page.json.counties.length).toBe(11);
  });

  it('shows county staff only her county; the demo has townships without a certified agent', async () => {
    const page = await (await login('xinhua@example.org')).api('GET', '/pages/coverage');
    expect(page.json.counties.map((c: { countyName: string }) => c.countyName)).toEqual(['新华区']);
    const leader = await (await login('leader@example.org')).api('GET', '/pages/coverage');
    const uncovered = leader.json.counties.reduce((n: number, c: { counts: { none: number } }) => n + c.counts.none, 0);
    expect(uncovered).toBeGreaterThan(1);
  });
});

describe('certificate actions', () => {
  async function xinhuaAgentWithout(status: 'produced' | 'none') {
    const xinhua = await countyId(app.db, '新华区');
    const sql =
      status === 'none'
        ? `SELECT a.id FROM agent a WHERE a.county_id = $1 AND a.status = 'active' AND NOT EXISTS (SELECT 1 FROM certificate c WHERE c.agent_id = a.id AND c.status <> 'revoked') LIMIT 1`
        : `SELECT c.id FROM certificate c WHERE c.county_id = $1 AND c.status = 'produced' LIMIT 1`;
    const { rows } = await app.db.query(sql, [xinhua]);
    return rows[0]?.id as number | undefined;
  }

  it('lets only the city produce, numbering by year; county staff get 403 even by URL', async () => {
    const xinhua = await countyId(app.db, '新华区');
    const { rows } = await app.db.query(
      `INSERT INTO agent (county_id, township_id, name, gender, id_number, phone, appointed_on)
       SELECT $1, (SELECT id FROM organization WHERE county_id = $1 AND level = 'township' ORDER BY id LIMIT 1), '新代理员', 'female', $2, '13900000001', '2026-01-05'
       RETURNING id`,
      [xinhua, validIdNumber('410402', '19860101', '222')],
    );
    const agentId = rows[0].id;
    const clerk = await login('xinhua@example.org');
    const refused = await clerk.api('POST', `/resources/Agent/bulk/produceCertificates?recordIds=${agentId}`, {
      producedOn: today,
    });
    expect(refused.status).toBe(403);

    const city = await login('city@example.org');
    const heldAlready = (await app.db.query(`SELECT agent_id FROM certificate WHERE status = 'issued' LIMIT 1`)).rows[0]
      .agent_id;
    const res = await city.api(
      'POST',
      `/resources/Agent/bulk/produceCertificates?recordIds=${agentId},${heldAlready}`,
      { producedOn: today },
    );
    expect(res.json.notice.type).toBe('success');
    expect(res.json.notice.message).toContain('已制作证书 1 本');
    expect(res.json.notice.message).toContain('一人一证');
    const { rows: made } = await app.db.query(`SELECT number, status FROM certificate WHERE agent_id = $1`, [agentId]);
    expect(made).toEqual([
      { number: expect.stringMatching(new RegExp(`^平妇代证-${today.slice(0, 4)}-\\d{5}$`)), status: 'produced' },
    ]);
    expect(await count(app.db, 'audit_log', `action = 'produceCertificate'`)).toBe(1);
  });

  it('lets county staff issue and review their own certificates, not revoke; the city revokes with a reason', async () => {
    const certId = await xinhuaAgentWithout('produced');
    expect(certId).toBeDefined();
    const clerk = await login('xinhua@example.org');
    const issued = await clerk.api('POST', `/resources/Certificate/records/${certId}/issueCertificate`, {
      issuedOn: today,
    });
    expect(issued.json.notice).toEqual({ message: '证书已发放', type: 'success' });
    const early = await clerk.api('POST', `/resources/Certificate/records/${certId}/reviewCertificate`, {
      reviewedOn: addDays(today, -400),
      result: 'passed',
    });
    expect(early.json.record.errors.reviewedOn.message).toBe('审核日期不能早于发放日期');
    const failed = await clerk.api('POST', `/resources/Certificate/records/${certId}/reviewCertificate`, {
      reviewedOn: today,
      result: 'failed',
      remarks: '未参加培训',
    });
    expect(failed.json.notice.type).toBe('success');
    const { rows } = await app.db.query(`SELECT status FROM certificate WHERE id = $1`, [certId]);
    expect(rows[0].status).toBe('suspended');
    expect(await count(app.db, 'certificate_review', 'certificate_id = $1', [certId])).toBe(1);

    const revoke = await clerk.api('POST', `/resources/Certificate/records/${certId}/revokeCertificate`, {
      revokedOn: today,
      reason: 'x',
    });
    expect(revoke.status).toBe(403);
    const edit = await clerk.api('POST', `/resources/Certificate/records/${certId}/edit`, { status: 'issued' });
    expect(edit.status).toBe(403);

    const city = await login('city@example.org');
    const noReason = await city.api('POST', `/resources/Certificate/records/${certId}/revokeCertificate`, {
      revokedOn: today,
      reason: '',
    });
    expect(noReason.json.record.errors.reason.message).toBe('请填写吊销原因');
    const revoked = await city.api('POST', `/resources/Certificate/records/${certId}/revokeCertificate`, {
      revokedOn: today,
      reason: '本人申请退出',
    });
    expect(revoked.json.notice.type).toBe('success');
    const actions = (
      await app.db.query(`SELECT action FROM audit_log WHERE resource = 'Certificate' AND record_id = $1 ORDER BY id`, [
        String(certId),
      ])
    ).rows.map((r) => r.action);
    expect(actions).toEqual(['issueCertificate', 'reviewCertificate', 'revokeCertificate']);
  });

  it('keeps county staff away from another county’s certificates', async () => {
    const { rows } = await app.db.query(
      `SELECT c.id FROM certificate c JOIN organization o ON o.id = c.county_id WHERE o.name = '叶县' AND c.status = 'issued' LIMIT 1`,
    );
    const clerk = await login('xinhua@example.org');
    const res = await clerk.api('POST', `/resources/Certificate/records/${rows[0].id}/reviewCertificate`, {
      reviewedOn: today,
      result: 'passed',
    });
    expect([403, 404]).toContain(res.status);
    expect(
      await count(app.db, 'certificate_review', 'certificate_id = $1 AND reviewed_on = $2', [rows[0].id, today]),
    ).toBe(0);
  });
});

describe('review reminders', () => {
  it('filter the certificate list to overdue and due-within-30-days, within the user’s county', async () => {
    const xinhua = await countyId(app.db, '新华区');
    const clerk = await login('xinhua@example.org');
    const overdue = await clerk.api('GET', '/resources/Certificate/actions/list?filters.reviewDue=overdue&perPage=100');
    const expected = await count(app.db, 'reporting.certificate_standing', `county_id = $1 AND review_due_on < $2`, [
      xinhua,
      today,
    ]);
    expect(overdue.json.meta.total).toBe(expected);
    expect(overdue.json.records.every((r: any) => r.params.countyId === xinhua && r.params.reviewDueOn < today)).toBe(
      true,
    );
    const soon = await (
      await login('city@example.org')
    ).api('GET', '/resources/Certificate/actions/list?filters.reviewDue=due_soon&perPage=100');
    expect(soon.json.meta.total).toBe(
      await count(app.db, 'reporting.certificate_standing', `review_due_on BETWEEN $1::date AND $1::date + 30`, [
        today,
      ]),
    );
    expect(soon.json.records.every((r: any) => r.params.validity === '有效')).toBe(true);
  });

  it('appear on the home page of county staff (her county) and city admins, not leaders', async () => {
    const xinhua = await countyId(app.db, '新华区');
    const ds = app.dataSource;
    const now = new Date();
    const clerk = await certificateReviewsSection({
      ds,
      actor: { id: 2, role: 'county_staff', countyId: xinhua },
      now,
    });
    const city = await certificateReviewsSection({ ds, actor: { id: 1, role: 'city_admin', countyId: null }, now });
    expect(clerk!.total).toBe(
      await count(app.db, 'reporting.certificate_standing', `county_id = $1 AND review_due_on <= $2::date + 30`, [
        xinhua,
        today,
      ]),
    );
    expect(clerk!.rows.every((r) => r.label.includes('新华区'))).toBe(true);
    expect(city!.total).toBeGreaterThan(clerk!.total);
    expect(city!.rows[0].tone).toBe('danger');
    expect(await certificateReviewsSection({ ds, actor: { id: 3, role: 'leader', countyId: null }, now })).toBeNull();
  });
});

describe('the printable certificate', () => {
  it('downloads a .docx for the county’s staff and the city, audited; not for leaders or other counties', async () => {
    const { rows } = await app.db.query(
      `SELECT c.id FROM certificate c JOIN organization o ON o.id = c.county_id WHERE o.name = '新华区' AND c.status = 'issued' LIMIT 1`,
    );
    const path = `/admin/files/certificates/${rows[0].id}.docx`;
    const res = await (await login('xinhua@example.org')).request('GET', path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.subarray(0, 2).toString()).toBe('PK');
    expect(
      await count(app.db, 'audit_log', `action = 'download' AND resource = 'Certificate' AND record_id = $1`, [
        String(rows[0].id),
      ]),
    ).toBe(1);
    expect((await (await login('leader@example.org')).request('GET', path)).status).toBe(403);
    const other = (
      await app.db.query(
        `SELECT c.id FROM certificate c JOIN organization o ON o.id = c.county_id WHERE o.name = '叶县' LIMIT 1`,
      )
    ).rows[0].id;
    expect(
      (await (await login('xinhua@example.org')).request('GET', `/admin/files/certificates/${other}.docx`)).status,
    ).toBe(404);
    expect((await app.session().request('GET', path)).status).toBe(401);
  });
});

describe('Excel import and export of agents', () => {
  async function sheet(
    rows: (string | number)[][],
    headers = ['姓名', '性别', '身份证号', '手机', '乡镇/街道', '村/社区', '选聘日期'],
  ) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('代理员名单');
    ws.addRow(headers);
    rows.forEach((r) => ws.addRow(r));
    return new Blob([new Uint8Array(await wb.xlsx.writeBuffer())], { type: XLSX });
  }
  const upload = async (s: ReturnType<TestApp['session']>, file: Blob, query: string) => {
    const res = await s.request('POST', `/admin/files/agents/import?${query}`, file);
    return { status: res.status, json: await res.json() };
  };

  it('offers the template with the county’s townships', async () => {
    const res = await (await login('xinhua@example.org')).request('GET', '/admin/files/agents/template.xlsx');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets[0].getRow(1).values).toEqual([
      undefined,
      '姓名',
      '性别',
      '身份证号',
      '手机',
      '乡镇/街道',
      '村/社区',
      '选聘日期',
    ]);
    const help = wb.getWorksheet('填写说明')!;
    const names: string[] = [];
    help.eachRow((row) => names.push(String(row.getCell(1).value ?? '')));
    expect(names).toContain('曙光街街道');
  });

  it('writes nothing when one row is bad, naming the row and the reason; then imports every row at once', async () => {
    const clerk = await login('xinhua@example.org');
    const xinhua = await countyId(app.db, '新华区');
    const township = (
      await app.db.query(
        `SELECT name FROM organization WHERE county_id = $1 AND level = 'township' ORDER BY code LIMIT 1`,
        [xinhua],
      )
    ).rows[0].name;
    const good = [
      ['赵丽', '女', validIdNumber('410402', '19870505', '302'), '13700000001', township, '', '2026-03-01'],
      ['钱芳', '', validIdNumber('410402', '19880606', '402'), '13700000002', township, '', '2026-03-02'],
    ];
    const valid = validIdNumber('410402', '19880101', '124');
    const wrongCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    const bad = ['孙梅', '女', wrongCheck, '13700000003', township, '', '2026-03-03'];
    const before = await count(app.db, 'agent');

    const dry = await upload(clerk, await sheet([...good, bad]), 'dryRun=1');
    expect(dry.json.problems).toEqual([{ row: 4, reasons: [expect.stringMatching(/^身份证号：/)] }]);
    const real = await upload(clerk, await sheet([...good, bad]), 'dryRun=0');
    expect(real.json).toMatchObject({ imported: false, problems: [{ row: 4 }] });
    expect(await count(app.db, 'agent')).toBe(before);

    const ok = await upload(clerk, await sheet(good), 'dryRun=1');
    expect(ok.json).toMatchObject({ rows: 2, problems: [], imported: false });
    expect(await count(app.db, 'agent')).toBe(before);
    // a county clerk's rows go to her county, whatever the query says
    const done = await upload(clerk, await sheet(good), `dryRun=0&countyId=${await countyId(app.db, '叶县')}`);
    expect(done.json).toMatchObject({ rows: 2, problems: [], imported: true, countyId: xinhua });
    expect(await count(app.db, 'agent', `county_id = $1 AND name IN ('赵丽', '钱芳')`, [xinhua])).toBe(2);
    expect(await count(app.db, 'audit_log', `action = 'import' AND resource = 'Agent'`)).toBe(1);
    // the same file again: every row is now a duplicate
    const again = await upload(clerk, await sheet(good), 'dryRun=1');
    expect(again.json.problems.map((p: { row: number }) => p.row)).toEqual([2, 3]);
  });

  it('asks the city which county, refuses leaders and sheets without the columns', async () => {
    const city = await login('city@example.org');
    expect((await upload(city, await sheet([]), 'dryRun=1')).json.error).toBe('请选择导入到哪个县（市、区）');
    const missing = await upload(
      city,
      await sheet([['a']], ['姓名']),
      `dryRun=1&countyId=${await countyId(app.db, '叶县')}`,
    );
    expect(missing.json.problems[0].reasons[0]).toContain('缺少列：性别、身份证号');
    expect((await upload(await login('leader@example.org'), await sheet([]), 'dryRun=1')).status).toBe(403);
    const junk = await upload(
      city,
      new Blob(['not a workbook'], { type: XLSX }),
      `dryRun=1&countyId=${await countyId(app.db, '叶县')}`,
    );
    expect(junk.json.problems[0].reasons[0]).toContain('无法读取');
  });

  it('exports what the user’s list shows: her county only, with the list’s filters, audited', async () => {
    const xinhua = await countyId(app.db, '新华区');
    const res = await (
      await login('xinhua@example.org')
    ).request(
      'GET',
      `/admin/files/agents/export.xlsx?filters.countyId=${await countyId(app.db, '叶县')}&filters.status=active`,
    );
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0];
    const counties = new Set<string>();
    const states = new Set<string>();
    ws.eachRow((row, n) => {
      if (n === 1) return;
      counties.add(String(row.getCell(8).value));
      states.add(String(row.getCell(10).value));
    });
    expect([...counties]).toEqual(['新华区']);
    expect([...states]).toEqual(['在岗']);
    expect(ws.rowCount - 1).toBe(await count(app.db, 'agent', `county_id = $1 AND status = 'active'`, [xinhua]));
    expect(await count(app.db, 'audit_log', `action = 'export' AND resource = 'Agent'`)).toBe(1);
  });
});
