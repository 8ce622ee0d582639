import ExcelJS from 'exceljs';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app.js';
import { addDays } from '../../src/domain/dates.js';
import { chinaToday } from '../../src/admin/clock.js';
import { eligibleAgents } from '../../src/services/agent-eligibility.js';
import { countyId } from '../support/fixtures.js';
import { chineseText, launchBrowser, login, newPage, shot, warmUp } from './support/browser.js';
import { journeySteps, notice, openAction, pick, recordShown, runAction, saveRecordForm } from './support/forms.js';

// The 新华区 clerk's daily work as she does it, at her desk (1440×900) and on her phone (390×844): the case
// list she scans (search, colours, days left), her register in Excel, a case read as its file with its
// history, the 重复信访 warning while registering a woman who came before, and that case carried on from
// its page: marked as a repeat, 受理, an eligible agent chosen inside 开始代理, a handling record.
let app: TestApp;
let browser: Browser;
let desk: Page;
let phone: Page;
let xinhua: number;
let earlier: { case_no: string; petitioner_id_number: string };
let repeatId: number;
const day = (offset: number) => addDays(chinaToday(), offset);
const SUBJECT = '再次反映抚养费未按判决给付（重复信访）';

beforeAll(async () => {
  app = await startTestApp();
  await warmUp(app.baseUrl);
  browser = await launchBrowser();
  xinhua = await countyId(app.db, '新华区');
  desk = await newPage(browser, app.baseUrl);
  await desk.setViewportSize({ width: 1440, height: 900 });
  await login(desk, 'xinhua@example.org');
  phone = await newPage(browser, app.baseUrl);
  await phone.setViewportSize({ width: 390, height: 844 });
  await login(phone, 'xinhua@example.org');
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const step = journeySteps();

step('scans her case list at her desk: no county column, states in colour, the most overdue first', async () => {
  await desk.goto('/admin/resources/PetitionCase?filters.deadline=overdue&sortBy=daysLeft&direction=asc');
  const list = desk.locator('[data-testid=case-list]');
  await list.locator('tbody tr').first().waitFor();
  const headers = await list.locator('thead th, thead td').allInnerTexts();
  expect(headers.join('|')).toContain('信访事项');
  expect(headers.join('|')).not.toContain('所属县');
  const first = list.locator('tbody tr').first();
  const overdue = first.locator('[data-urgency=overdue]');
  expect(await overdue.innerText()).toMatch(/^已超期 \d+ 天$/);
  // red, as a clerk expects an overdue deadline
  expect(await overdue.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(185, 28, 28)');
  // case numbers and names on one line at 1440 px
  const caseNo = first.locator('td').first();
  const { height } = (await caseNo.boundingBox())!;
  expect(height).toBeLessThan(60);
  await chineseText(desk);
  await shot(desk, 'clerk-01-list-overdue');
});

step('finds a woman by name in the search box, and exports what she sees to Excel', async () => {
  const {
    rows: [c],
  } = await app.db.query(
    `SELECT petitioner_name FROM petition_case WHERE county_id = $1 AND voided_at IS NULL ORDER BY id DESC LIMIT 1`,
    [xinhua],
  );
  await desk.goto('/admin/resources/PetitionCase');
  await desk.locator('[data-testid=case-list] input[name=keyword]').fill(c.petitioner_name);
  await desk.getByRole('button', { name: '搜索', exact: true }).click();
  await desk.waitForURL(/filters\.keyword=/);
  const rows = desk.locator('[data-testid=case-list] tbody tr');
  await rows.first().waitFor();
  for (const text of await rows.allInnerTexts()) expect(text).toContain(c.petitioner_name);
  const shown = await rows.count();

  await desk.locator('[data-testid=action-exportXlsx]:visible').first().click();
  const [download] = await Promise.all([
    desk.waitForEvent('download'),
    desk.locator('[data-testid=file-link-exportXlsx]').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^信访代理案件登记簿-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync((await download.path())!) as never);
  const sheet = wb.worksheets[0];
  expect(sheet.rowCount - 1).toBe(shown);
  expect(String(sheet.getRow(2).getCell(2).value)).toBe(c.petitioner_name);
  await chineseText(desk);
  await shot(desk, 'clerk-02-export');
});

step('on her phone, the list is a card per case with its number, petitioner and deadline', async () => {
  await phone.goto('/admin/resources/PetitionCase');
  const cards = phone.locator('[data-testid=case-card]');
  await cards.first().waitFor();
  expect(await cards.count()).toBeGreaterThan(3);
  const text = await cards.first().innerText();
  expect(text).toMatch(/新华-\d{4}-\d{4}/);
  // every card fits the screen: nothing to scroll sideways for
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await chineseText(phone);
  await shot(phone, 'clerk-03-phone-cards');
});

step('on her phone, a case opens as its file: title, next step, papers and history', async () => {
  const card = phone.locator('[data-testid=case-card]').first();
  const caseNo = /新华-\d{4}-\d{4}/.exec(await card.innerText())![0];
  await card.click();
  await phone.waitForURL(/\/records\/\d+\/show$/);
  await recordShown(phone);
  expect(await phone.locator('[data-testid=case-title]').innerText()).toContain(caseNo);
  await phone.locator('[data-testid=case-files]').waitFor();
  const history = phone.locator('[data-testid=case-timeline] li');
  await history.first().waitFor();
  expect(await history.first().innerText()).toContain('登记受理');
  await chineseText(phone);
  await shot(phone, 'clerk-04-phone-case');
});

step('registering a woman who came before, she is shown her earlier cases before saving', async () => {
  ({
    rows: [earlier],
  } = await app.db.query(
    `SELECT case_no, petitioner_id_number FROM petition_case
      WHERE county_id = $1 AND voided_at IS NULL AND petitioner_id_number IS NOT NULL ORDER BY id LIMIT 1`,
    [xinhua],
  ));
  await phone.goto('/admin/resources/PetitionCase/actions/new');
  await phone.locator('#petitionerIdNumber').fill(earlier.petitioner_id_number);
  const warning = phone.locator('[data-testid=repeat-warning]');
  await warning.waitFor();
  expect(await warning.innerText()).toContain(earlier.case_no);
  expect(await warning.innerText()).toContain('重复信访');
  await warning.scrollIntoViewIfNeeded();
  await chineseText(phone);
  await shot(phone, 'clerk-05-phone-repeat-warning');
});

step('at her desk she saves it marked 重复信访 with the earlier case, and lands on its file', async () => {
  await desk.goto('/admin/resources/PetitionCase/actions/new');
  await desk.locator('#petitionerIdNumber').fill(earlier.petitioner_id_number);
  const warning = desk.locator('[data-testid=repeat-warning]');
  await warning.waitFor();
  await warning.locator('[data-testid=mark-repeat]').first().click();
  await warning.getByText('已标为本案前案').waitFor();
  // the reference field now names the earlier case by its number
  expect(await desk.locator('[data-testid=property-edit-repeatOfId]').innerText()).toContain(earlier.case_no);
  await desk.fill('#subject', SUBJECT);
  await desk.fill('#petitionerName', '王桂芝');
  await pick(desk, 'category', '婚姻家庭');
  await pick(desk, 'source', '来访');
  await desk.fill('#acceptedOn', day(-10));
  await shot(desk, 'clerk-06-repeat-marked');
  await saveRecordForm(desk);
  await notice(desk, '记录已创建');
  const { rows } = await app.db.query(
    `SELECT c.id, e.case_no AS earlier FROM petition_case c JOIN petition_case e ON e.id = c.repeat_of_id WHERE c.subject = $1`,
    [SUBJECT],
  );
  expect(rows).toEqual([{ id: expect.any(Number), earlier: earlier.case_no }]);
  repeatId = rows[0].id;
  await desk.locator('[data-testid=case-repeat]').waitFor();
  expect(await desk.locator('[data-testid=case-repeat]').innerText()).toContain(earlier.case_no);
  // the list's 重复信访 filter finds it
  await desk.goto(
    `/admin/resources/PetitionCase?filters.repeat=true&filters.keyword=${encodeURIComponent('抚养费未按判决')}`,
  );
  await desk.locator('[data-testid=case-list] tbody tr').first().waitFor();
  expect(await desk.locator('[data-testid=case-list]').innerText()).toContain(SUBJECT);
});

step('records 受理, then chooses inside 开始代理 an agent eligible on the day she starts', async () => {
  await desk.goto(`/admin/resources/PetitionCase/records/${repeatId}/show`);
  await recordShown(desk);
  await runAction(desk, 'acceptCase', { acceptanceNotifiedOn: day(-9) }, '案件已受理');
  await openAction(desk, 'startRepresenting');
  const form = desk.locator('[data-testid=action-form-startRepresenting]');
  await form.locator('#field-representingSince').fill(day(-8));
  await form.locator('#field-agreementSignedOn').fill(day(-8));
  await form.locator('#field-notifiedOn').fill(day(-8));
  const eligible = await eligibleAgents(app.dataSource.manager, xinhua, day(-8));
  expect(eligible.length).toBeGreaterThan(0);
  const options = form.locator('#field-agentId option:not([value=""])');
  // the list is read again for the day typed: it becomes that day's eligible agents, and only those
  const ids = eligible.map((a) => String(a.id)).join(',');
  await desk
    .waitForFunction(
      (want) =>
        [...document.querySelectorAll<HTMLOptionElement>('#field-agentId option:not([value=""])')]
          .map((o) => o.value)
          .join(',') === want,
      ids,
      { timeout: 10_000 },
    )
    .catch(async () => {
      const offered = await options.evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value).join(','));
      expect(offered).toBe(ids);
    });
  expect(await options.first().innerText()).toMatch(/证书有效期至\d{4}-\d{2}-\d{2}/);
  await form.locator('#field-agentId').selectOption(String(eligible[0].id));
  await chineseText(desk);
  await shot(desk, 'clerk-07-start-representing-agent');
  await form.locator('button[type=submit]').click();
  await notice(desk, '已开始代理');
  const { rows } = await app.db.query(`SELECT state::text, agent_id FROM petition_case WHERE id = $1`, [repeatId]);
  expect(rows[0]).toEqual({ state: 'representing', agent_id: eligible[0].id });
});

step('adds a handling record from the case page and reads it in the case history', async () => {
  await desk.goto(`/admin/resources/PetitionCase/records/${repeatId}/show`);
  await recordShown(desk);
  await runAction(
    desk,
    'addHandlingRecord',
    { loggedOn: day(-5), handler: '张丽', department: '新华区人民法院', action: '陪同信访人到法院申请强制执行。' },
    '办案记录已保存',
  );
  const history = desk.locator('[data-testid=case-timeline] li');
  await history.filter({ hasText: '陪同信访人到法院申请强制执行' }).first().waitFor();
  expect(await desk.locator('[data-testid=case-timeline]').innerText()).toContain('开始代理');
  await chineseText(desk);
  await shot(desk, 'clerk-08-case-history');
});

step(
  "a step opens on its form, at her desk and on her phone: only 查看 above it, not the case's other steps",
  async () => {
    for (const [page, height, name] of [
      [desk, 900, 'clerk-09-desk-step-form'],
      [phone, 844, 'clerk-09-phone-step-form'],
    ] as const) {
      await page.goto(`/admin/resources/PetitionCase/records/${repeatId}/addHandlingRecord`);
      const form = page.locator('[data-testid=action-form-addHandlingRecord]');
      await form.waitFor();
      const shown = await page
        .locator('.adminjs_ActionHeader [data-testid^=action-]:visible')
        .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-testid')));
      expect(shown).toEqual(['action-show']);
      // the step's name once, on the form's heading with the case number
      expect(await page.locator('.adminjs_ActionHeader h2').isVisible()).toBe(false);
      expect(await form.locator('h4').innerText()).toMatch(/^新增办案记录：新华-\d{4}-\d{4}$/);
      // the form starts in the upper half of the first screen (on a phone it started below seven buttons)
      expect((await form.boundingBox())!.y).toBeLessThan(height / 2);
      await chineseText(page);
      await shot(page, name);
    }
  },
);
