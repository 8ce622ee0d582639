import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { addDays, localDate } from '../../src/domain/dates.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { countyId, validIdNumber } from '../support/fixtures.js';
import { docxText, pdfPageTexts } from '../support/office.js';
import { chineseText, launchBrowser, login, newPage, shot, warmUp } from './support/browser.js';
import {
  journeySteps,
  notice,
  recordShown,
  openAction,
  pick,
  runAction,
  saveRecordForm,
  submitActionForm,
} from './support/forms.js';

// 新华区 staff registers a case in the browser and walks it from 受理 to 立案归档, downloading the five
// forms (附件1–5) and uploading their signed scans on the way; one refused step shows its Chinese reason.
let app: TestApp;
let browser: Browser;
let page: Page;
let caseId: number;
let caseNo: string;
const today = localDate(new Date());
const day = (offset: number) => addDays(today, offset);
const SUBJECT = '离婚后宅基地分割纠纷（浏览器登记）';
const AGENT = '赵淑芬';
// a signed page as the office scanner saves it: one A4 page
let PDF: Buffer;

beforeAll(async () => {
  const scan = await PDFDocument.create();
  scan.addPage([595, 842]).drawText('SIGNED', { x: 60, y: 760, size: 24 });
  PDF = Buffer.from(await scan.save());
  app = await startTestApp();
  await warmUp(app.baseUrl);
  browser = await launchBrowser();
  // a 新华区 agent holding a certificate issued 60 days ago (持证上岗), to be assigned through 编辑
  const xinhua = await countyId(app.db, '新华区');
  const {
    rows: [township],
  } = await app.db.query(
    `SELECT id FROM organization WHERE county_id = $1 AND level = 'township' ORDER BY id LIMIT 1`,
    [xinhua],
  );
  const {
    rows: [agent],
  } = await app.db.query(
    `INSERT INTO agent (county_id, township_id, name, id_number, phone, appointed_on) VALUES ($1, $2, $3, $4, '13937599999', $5) RETURNING id`,
    [xinhua, township.id, AGENT, validIdNumber('410402', '19800101', '128'), day(-400)],
  );
  await app.db.query(
    `INSERT INTO certificate (agent_id, county_id, number, status, produced_on, issued_on) VALUES ($1, $2, 'PDS-E2E-0001', 'issued', $3, $3)`,
    [agent.id, xinhua, day(-60)],
  );
  page = await newPage(browser, app.baseUrl);
  await login(page, 'xinhua@example.org');
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const step = journeySteps();
const casePage = async () => {
  await page.goto(`/admin/resources/PetitionCase/records/${caseId}/show`);
  await recordShown(page);
};
const caseState = async () =>
  (await app.db.query('SELECT state::text FROM petition_case WHERE id = $1', [caseId])).rows[0].state;

step('registers a case through 案件管理 → 信访代理案件 → 新建', async () => {
  await page.click('text=案件管理');
  await page.click('a:has-text("信访代理案件")');
  await page.waitForURL(/\/resources\/PetitionCase/);
  await page.click('[data-testid=action-new]');
  await page.waitForSelector('[data-testid=property-edit-subject]');
  await chineseText(page);

  // the required fields are marked before saving; an empty one the browser itself refuses to send
  expect(await page.locator('[data-testid=property-edit-subject] label').innerText()).toMatch(/信访事项/);
  await page.click('[data-testid=button-save]');
  expect(await page.locator('#subject').evaluate((el) => (el as HTMLInputElement).validity.valueMissing)).toBe(true);
  expect(page.url()).toMatch(/\/actions\/new$/);
  // with those filled in but no acceptance date, category or source: refused by the server, in Chinese on the fields
  await page.fill('#subject', SUBJECT);
  await page.fill('#petitionerName', '李秀兰');
  await page.click('[data-testid=button-save]');
  await notice(page, '请更正标出的字段后再保存');
  expect(await page.locator('[data-testid=property-edit-acceptedOn]').innerText()).toContain('此项为必填项');
  await chineseText(page);

  await page.fill('#description', '信访人离婚后，原夫家拒绝按协议分割宅基地。');
  await pick(page, 'category', '农村妇女土地及财产权益');
  await pick(page, 'source', '来访');
  await pick(page, 'townshipId', '街道');
  await page.fill('#petitionerName', '李秀兰');
  await page.fill('#petitionerIdNumber', validIdNumber('410402', '19850312', '042'));
  await page.fill('#petitionerPhone', '13803751234');
  await page.fill('#petitionerAddress', '新华区曙光街道建设路12号');
  await page.fill('#respondentDepartment', '新华区自然资源局');
  await page.fill('#acceptedOn', day(-20));
  await shot(page, 'case-01-new-form');
  await saveRecordForm(page);
  await notice(page, '记录已创建');

  const { rows } = await app.db.query(
    `SELECT id, case_no, state::text, to_char(accepted_on, 'YYYY-MM-DD') AS accepted_on FROM petition_case WHERE subject = $1`,
    [SUBJECT],
  );
  expect(rows).toHaveLength(1);
  // the typed day is the stored day, in a UTC+8 browser
  expect(rows[0]).toMatchObject({ state: 'accepted', accepted_on: day(-20) });
  expect(rows[0].case_no).toMatch(new RegExp(`^新华-${day(-20).slice(0, 4)}-\\d{4}$`));
  caseId = rows[0].id;
  caseNo = rows[0].case_no;
  // 新建 lands on the case just registered: its file, with 受理 as the next step
  await page.waitForURL(new RegExp(`/records/${caseId}/show(\\?refresh=true)?$`));
  await page.locator('[data-testid=case-title]').getByText(caseNo).waitFor();
  await chineseText(page);
  await shot(page, 'case-02-registered-case-page');
  await casePage();
  await page.waitForSelector('[data-testid=action-acceptCase]');
  const text = await chineseText(page);
  expect(text).toContain(caseNo);
  expect(text).toContain('受理');
  await shot(page, 'case-03-registered');
});

step('records the acceptance notice (受理)', async () => {
  await runAction(page, 'acceptCase', { acceptanceNotifiedOn: day(-19) }, '案件已受理');
  expect(await page.locator('[data-testid=action-acceptCase]').count()).toBe(0);
  await chineseText(page);
  await shot(page, 'case-04-accepted');
});

step('assigns a certified agent through 编辑, then starts representing (开始代理)', async () => {
  // without an agent the step is refused with its reason
  await openAction(page, 'startRepresenting');
  await chineseText(page);
  await shot(page, 'case-05-start-representing-form');
  await submitActionForm(page, 'startRepresenting', {
    agreementSignedOn: day(-16),
    notifiedOn: day(-16),
    representingSince: day(-15),
  });
  await notice(page, '尚未指定代理员');
  expect(await caseState()).toBe('accepted');

  await casePage();
  await page.click('[data-testid=action-edit]');
  await page.waitForSelector('[data-testid=property-edit-agentId]');
  await pick(page, 'agentId', AGENT);
  await chineseText(page);
  await saveRecordForm(page);
  await notice(page, '记录已保存');
  await casePage();

  await runAction(
    page,
    'startRepresenting',
    { agreementSignedOn: day(-16), notifiedOn: day(-16), representingSince: day(-15) },
    '已开始代理',
  );
  expect(await caseState()).toBe('representing');
  expect(await chineseText(page)).toContain(AGENT);
  await shot(page, 'case-06-representing');
});

step('refuses 终结 without a handling record, in Chinese', async () => {
  await openAction(page, 'conclude');
  await submitActionForm(page, 'conclude', { concludedOn: day(-6), outcome: '经协调，宅基地已按原协议分割。' });
  await notice(page, '尚无办案记录（附件4）');
  const form = page.locator('[data-testid=action-form-conclude]');
  expect(await form.innerText()).toContain('尚无办案记录（附件4）');
  await chineseText(page);
  await shot(page, 'case-07-conclude-refused');
  expect(await caseState()).toBe('representing');
});

step('adds a handling record (办案记录) for the case', async () => {
  await page.goto('/admin/resources/CaseLog/actions/new');
  await page.waitForSelector('[data-testid=property-edit-caseId]');
  await pick(page, 'caseId', caseNo);
  await page.fill('#loggedOn', day(-10));
  await page.fill('#handler', AGENT);
  await page.fill('#department', '新华区自然资源局');
  await page.fill('#action', '陪同信访人到区自然资源局反映宅基地分割问题');
  await page.fill('#result', '自然资源局答应10日内答复');
  await chineseText(page);
  await shot(page, 'case-08-handling-record-form');
  await saveRecordForm(page);
  await notice(page, '记录已创建');
  const { rows } = await app.db.query(
    `SELECT to_char(logged_on, 'YYYY-MM-DD') AS logged_on FROM case_log WHERE case_id = $1`,
    [caseId],
  );
  expect(rows).toEqual([{ logged_on: day(-10) }]);
});

step('concludes (终结) and issues the reply opinion (出具答复意见)', async () => {
  await casePage();
  await runAction(
    page,
    'conclude',
    { concludedOn: day(-6), outcome: '经协调，宅基地已按原协议分割，信访人表示满意。' },
    '案件已终结',
  );
  expect(await caseState()).toBe('concluded');
  await runAction(page, 'issueReply', { replyIssuedOn: day(-2) }, '答复意见书已出具');
  await chineseText(page);
  await shot(page, 'case-09-reply-issued');
});

step('downloads the five forms as Word documents and uploads their signed scans, on the case page', async () => {
  // the case page is the file: its papers are on it, no separate 下载文书 page to open
  await casePage();
  const files = page.locator('[data-testid=case-files]');
  await files.waitFor();
  expect(await files.innerText()).toContain('归档前还缺少');
  await chineseText(page);
  await shot(page, 'case-10-case-file');

  const titles = ['登记表', '协议书', '告知书', '办案记录表', '答复意见书'];
  for (const title of titles) {
    const link = files.locator('ul a').filter({ hasText: title }).first();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${caseNo}-.*${title}.*\\.docx$`));
    const shown = docxText(fs.readFileSync((await download.path())!));
    expect({ title, hasCaseNo: shown.includes(caseNo) }).toEqual({ title, hasCaseNo: true });
  }

  for (const kind of ['registration', 'agreement', 'notification', 'handling_record', 'reply_opinion']) {
    const upload = page.locator('[data-testid=scan-upload]');
    await upload.locator('#scan-kind').selectOption(kind);
    await upload.locator('#scan-signed').fill(day(-2));
    await upload.locator('#scan-file').setInputFiles({ name: `${kind}.pdf`, mimeType: 'application/pdf', buffer: PDF });
    await upload.locator('button[type=submit]').click();
    await files
      .locator('tbody tr')
      .filter({ hasText: `${kind}.pdf` })
      .waitFor();
  }
  await files.getByText('案卷材料齐全。').waitFor();
  expect(
    (await app.db.query('SELECT count(*)::int AS n FROM case_document WHERE case_id = $1', [caseId])).rows[0].n,
  ).toBe(5);
  await chineseText(page);
  await shot(page, 'case-11-case-file-complete');
});

step('downloads the whole file as one numbered PDF (下载全卷)', async () => {
  const files = page.locator('[data-testid=case-files]');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    files.getByRole('button', { name: '下载全卷（PDF）' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${caseNo}-案卷.pdf`);
  const pages = pdfPageTexts(fs.readFileSync((await download.path())!));
  // 卷皮, 卷内目录, the five forms, then the five one-page scans
  expect(pages).toHaveLength(12);
  expect(pages[0]).toContain(caseNo);
  expect(pages[1].replace(/\s+/g, '')).toContain('卷内目录');
  pages.forEach((text, i) => expect(text).toMatch(new RegExp(`—\\s*${i + 1}\\s*—`)));
});

step('archives the file (立案归档), which locks it', async () => {
  await casePage();
  // 协议第五条: the reply is two days old, so her review window is open; she declined it in writing yesterday
  const message = await runAction(page, 'archive', { reviewDeclinedOn: day(-1), archivedOn: today }, '案件已立案归档');
  const {
    rows: [row],
  } = await app.db.query('SELECT state::text, archive_no FROM petition_case WHERE id = $1', [caseId]);
  expect(row.state).toBe('archived');
  expect(message).toContain(row.archive_no);
  await page.reload();
  await page.waitForSelector('[data-testid=case-files]');
  expect(await page.locator('[data-testid=action-edit]').count()).toBe(0);
  expect(await page.locator('[data-testid=case-title]').innerText()).toContain(caseNo);
  // 办理经过: every step of the file, from 登记受理 to 立案归档, with the papers put in it
  const history = page.locator('[data-testid=case-timeline]');
  await history.getByText('立案归档', { exact: true }).waitFor();
  const lines = await history.locator('li').allInnerTexts();
  for (const step of ['登记受理', '开始代理', '终结', '出具答复意见书（附件5）', '立案归档'])
    expect({ step, found: lines.some((l) => l.includes(step)) }).toEqual({ step, found: true });
  const text = await chineseText(page);
  expect(text).toContain(row.archive_no);
  await shot(page, 'case-12-archived');
});
