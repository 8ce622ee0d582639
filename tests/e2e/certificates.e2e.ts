import type { Browser, Page } from 'playwright-core';
import { localDate } from '../../src/domain/dates.js';
import { townshipCoverage } from '../../src/services/township-coverage.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { chineseText, launchBrowser, login, newPage, shot, warmUp } from './support/browser.js';
import { journeySteps, notice, openAction, recordShown, submitActionForm } from './support/forms.js';

// The municipal admin records a certificate's yearly review (年度审核) and reads the township coverage.
let app: TestApp;
let browser: Browser;
let page: Page;
const today = localDate(new Date());
const step = journeySteps();
const COUNTIES = ['新华区', '卫东区', '石龙区', '湛河区', '宝丰县', '叶县', '鲁山县', '郏县', '舞钢市', '汝州市'];

beforeAll(async () => {
  app = await startTestApp();
  await warmUp(app.baseUrl);
  browser = await launchBrowser();
  page = await newPage(browser, app.baseUrl);
  await login(page, 'city@example.org');
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

step('records a certificate’s yearly review through 年度审核', async () => {
  const {
    rows: [cert],
  } = await app.db.query(
    `SELECT c.id, c.number, a.name AS agent FROM certificate c JOIN agent a ON a.id = c.agent_id
      WHERE c.status = 'issued' AND c.issued_on <= $1::date - 30 ORDER BY c.id LIMIT 1`,
    [today],
  );
  await page.goto('/admin/resources/Certificate');
  await page.locator('table').first().waitFor();
  await chineseText(page);
  await shot(page, 'certificates-01-list');

  await page.goto(`/admin/resources/Certificate/records/${cert.id}/show`);
  await recordShown(page);
  expect(await chineseText(page)).toContain(cert.number);
  await openAction(page, 'reviewCertificate');
  const form = page.locator('[data-testid=action-form-reviewCertificate]');
  expect(await form.innerText()).toContain('一年一审核');
  await chineseText(page);

  // 不合格 without the reason in 备注: refused on the field, in Chinese
  await submitActionForm(page, 'reviewCertificate', { reviewedOn: today, result: 'failed', reviewer: '市妇联王芳' });
  await notice(page, '审核不合格须在备注中写明原因');
  expect(await form.innerText()).toContain('审核不合格须在备注中写明原因');
  await shot(page, 'certificates-02-review-refused');

  await submitActionForm(page, 'reviewCertificate', {
    reviewedOn: today,
    result: 'passed',
    reviewer: '市妇联王芳',
    remarks: '年度考核合格，继续持证上岗。',
  });
  await page.waitForURL(/\/records\/\d+\/show$/);
  await recordShown(page);
  await notice(page, '年度审核结果已保存');
  const { rows } = await app.db.query(
    `SELECT result::text, reviewer, to_char(reviewed_on, 'YYYY-MM-DD') AS reviewed_on FROM certificate_review WHERE certificate_id = $1 ORDER BY id DESC LIMIT 1`,
    [cert.id],
  );
  expect(rows[0]).toEqual({ result: 'passed', reviewer: '市妇联王芳', reviewed_on: today });
  await chineseText(page);
  await shot(page, 'certificates-03-reviewed');

  await page.goto('/admin/resources/CertificateReview');
  await page.locator('table').getByText('市妇联王芳').first().waitFor();
  await chineseText(page);
  await shot(page, 'certificates-04-review-list');
});

step('shows 乡镇代理员配备 with the townships that have no certified agent', async () => {
  const expected = await townshipCoverage(app.dataSource.manager, {
    id: 1,
    role: 'city_admin',
    countyId: null,
  } as never);
  const uncovered = expected.counties.flatMap((c) => c.uncovered.map((t) => t.townshipName));

  await page.click('a:has-text("乡镇代理员配备")');
  const coverage = page.locator('[data-testid=coverage-page]');
  await coverage.waitFor();
  const text = await chineseText(page);
  expect(text).toContain('乡镇（街道）持证代理员配备情况');
  expect(text).toContain('无持证代理员的乡镇（街道）');
  for (const county of COUNTIES)
    expect(await coverage.locator('tbody tr').filter({ hasText: county }).count()).toBeGreaterThan(0);
  expect(uncovered.length).toBeGreaterThan(0);
  for (const name of uncovered) expect(text).toContain(name);
  await shot(page, 'certificates-05-coverage');
});
