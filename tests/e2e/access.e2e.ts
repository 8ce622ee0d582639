import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app.js';
import { countyId } from '../support/fixtures.js';
import { chineseText, launchBrowser, login, newPage, shot } from './support/browser.js';

let app: TestApp;
let browser: Browser;
beforeAll(async () => {
  app = await startTestApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

it.each([
  ['city@example.org', 'city', '系统管理'],
  ['xinhua@example.org', 'county', '案件管理'],
  ['leader@example.org', 'leader', '统计与考评'],
])('%s logs in and sees a Chinese home page', async (email, name, group) => {
  const page = await newPage(browser, app.baseUrl);
  await login(page, email);
  // the home page is the dashboard: its scorecard arrives after the first paint
  await page.getByText('创建标准达标情况').first().waitFor({ timeout: 60_000 });
  const text = await chineseText(page);
  expect(text).toContain('平顶山市妇女信访代理工作管理系统');
  expect(text).toContain(group);
  await shot(page, `login-${name}-home`);
  await page.context().close();
});

it('refuses 新华区 staff another county’s case opened by URL', async () => {
  const yexian = await countyId(app.db, '叶县');
  const { rows } = await app.db.query(
    'SELECT id, case_no, petitioner_name FROM petition_case WHERE county_id = $1 LIMIT 1',
    [yexian],
  );
  const page = await newPage(browser, app.baseUrl);
  await login(page, 'xinhua@example.org');
  await page.goto(`/admin/resources/PetitionCase/records/${rows[0].id}/show`);
  await page.waitForLoadState('networkidle');
  const text = await page.locator('body').innerText();
  expect(text).not.toContain(rows[0].case_no);
  expect(text).not.toContain(rows[0].petitioner_name);
  await shot(page, 'access-county-refused-other-case');
  await page.goto('/admin/resources/PetitionCase');
  await page.waitForLoadState('networkidle');
  const list = await chineseText(page);
  expect(list).toContain('新华-');
  expect(list).not.toContain('叶县-');
  await shot(page, 'access-county-case-list');
  await page.context().close();
});
