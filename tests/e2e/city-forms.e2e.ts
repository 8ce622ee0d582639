import type { Browser, Page } from 'playwright-core';
import { addDays, localDate } from '../../src/domain/dates.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { countyId, validIdNumber } from '../support/fixtures.js';
import { chineseText, launchBrowser, login, newPage, shot, warmUp } from './support/browser.js';
import { journeySteps, notice, pick, saveRecordForm } from './support/forms.js';

// The municipal admin (市妇联权益部) registers for a county what its staff would: an agent, a case and a
// commendation, through the same 新建 forms. The browser posts every chosen id as text ('3'); the county
// checks compare them as ids (所选工作点不属于所选县 was once answered for a county's own work point).
let app: TestApp;
let browser: Browser;
let page: Page;
let xinhua: number;
const today = localDate(new Date());
const AGENT = '钱桂英';
const SUBJECT = '婚后财产分割求助（市妇联代登记）';

beforeAll(async () => {
  app = await startTestApp();
  await warmUp(app.baseUrl);
  browser = await launchBrowser();
  xinhua = await countyId(app.db, '新华区');
  page = await newPage(browser, app.baseUrl);
  await login(page, 'city@example.org');
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const step = journeySteps();
const newForm = async (resource: string, firstField: string) => {
  await page.goto(`/admin/resources/${resource}/actions/new`);
  await page.waitForSelector(`[data-testid=property-edit-${firstField}]`);
};

step('creates an agent of 新华区 through 新建', async () => {
  await newForm('Agent', 'name');
  await page.fill('#name', AGENT);
  await pick(page, 'gender', '女');
  await page.fill('#idNumber', validIdNumber('410402', '19790615', '226'));
  await page.fill('#phone', '13937500001');
  await pick(page, 'countyId', '新华区');
  await pick(page, 'townshipId', '街道');
  await page.fill('#appointedOn', addDays(today, -30));
  await chineseText(page);
  await saveRecordForm(page);
  await notice(page, '记录已创建');
  const { rows } = await app.db.query('SELECT county_id, township_id FROM agent WHERE name = $1', [AGENT]);
  expect(rows).toHaveLength(1);
  expect(rows[0].county_id).toBe(xinhua);
  await shot(page, 'city-01-agent-created');
});

step('registers a case for 新华区 through 新建', async () => {
  await newForm('PetitionCase', 'subject');
  await pick(page, 'countyId', '新华区');
  await pick(page, 'townshipId', '街道');
  await page.fill('#subject', SUBJECT);
  await pick(page, 'category', '婚姻家庭纠纷');
  await pick(page, 'source', '来访');
  await page.fill('#petitionerName', '孙丽');
  await page.fill('#acceptedOn', addDays(today, -3));
  await saveRecordForm(page);
  await notice(page, '记录已创建');
  const { rows } = await app.db.query('SELECT county_id, case_no FROM petition_case WHERE subject = $1', [SUBJECT]);
  expect(rows).toHaveLength(1);
  expect(rows[0].county_id).toBe(xinhua);
  expect(rows[0].case_no).toMatch(/^新华-\d{4}-\d{4}$/);
  await shot(page, 'city-02-case-created');
});

step('proposes 新华区’s work point for a commendation of last year through 新建', async () => {
  const year = String(Number(today.slice(0, 4)) - 1);
  const before = (await app.db.query('SELECT count(*)::int AS n FROM commendation')).rows[0].n;
  const {
    rows: [workPoint],
  } = await app.db.query('SELECT id, name FROM work_point WHERE county_id = $1 AND voided_at IS NULL', [xinhua]);
  await newForm('Commendation', 'year');
  await page.fill('#year', year);
  await pick(page, 'kind', '先进工作点');
  await pick(page, 'countyId', '新华区');
  await pick(page, 'workPointId', workPoint.name.slice(0, 3));
  await page.fill('#reason', '代理案件办结率高，群众满意');
  await saveRecordForm(page);
  await notice(page, '记录已创建');
  const { rows } = await app.db.query(
    'SELECT county_id, work_point_id, year FROM commendation ORDER BY id DESC LIMIT 1',
  );
  expect((await app.db.query('SELECT count(*)::int AS n FROM commendation')).rows[0].n).toBe(before + 1);
  expect(rows[0]).toMatchObject({ county_id: xinhua, work_point_id: workPoint.id, year: Number(year) });
  await chineseText(page);
  await shot(page, 'city-03-commendation-created');
});
