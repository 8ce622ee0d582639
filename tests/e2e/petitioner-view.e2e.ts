import fs from 'node:fs';
import { createServer } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { localDate } from '../../src/domain/dates.js';
import { formatQueryCode } from '../../src/domain/petitioner-view.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { docxText } from '../support/office.js';
import { docxImages, readQr } from '../support/qr.js';
import { chineseText, launchBrowser, login, newPage, SCREENSHOT_DIR, shot, warmUp } from './support/browser.js';
import { journeySteps, recordShown, runAction } from './support/forms.js';

// 《信访工作条例》第二十一条 in the browser: the 新华区 clerk downloads the 告知书 (附件3), its QR code
// decodes to the query page with the case number and code, a phone-width browser (390 × 844) opens it and
// sees where the case stands; once the clerk has concluded the case and issued the reply opinion, the phone
// rates it, and the clerk sees the rating on the case.

let app: TestApp;
let browser: Browser;
let clerk: Page;
let phone: Page;
let publicBase: string;
let c: { id: number; case_no: string; code: string };
let qrUrl: string;
const today = localDate(new Date());

/** a free port, so that PUBLIC_BASE_URL (printed in the QR code) is known before the app starts */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  const port = await freePort();
  publicBase = `http://127.0.0.1:${port}`;
  app = await startTestApp({ port, env: { PUBLIC_BASE_URL: publicBase } });
  await warmUp(app.baseUrl);
  browser = await launchBrowser();
  const { rows } = await app.db.query(
    `SELECT c.id, c.case_no, q.code FROM petition_case c JOIN case_query_code q ON q.case_id = c.id
      WHERE c.voided_at IS NULL AND c.state = 'representing' AND c.agent_id IS NOT NULL
        AND c.county_id = (SELECT id FROM organization WHERE name = '新华区')
        AND c.representing_since <= $1::date AND c.accepted_on <= $1::date
        AND NOT EXISTS (SELECT 1 FROM case_log l WHERE l.case_id = c.id AND l.logged_on > $1::date)
      ORDER BY c.id DESC LIMIT 1`,
    [today],
  );
  expect(rows).toHaveLength(1);
  c = rows[0];
  clerk = await newPage(browser, app.baseUrl);
  await login(clerk, 'xinhua@example.org');
  // her phone: no admin session, a phone's screen
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  phone = await context.newPage();
  phone.setDefaultTimeout(20_000);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const step = journeySteps();
const casePage = async () => {
  await clerk.goto(`/admin/resources/PetitionCase/records/${c.id}/show`);
  await recordShown(clerk);
};

step('the clerk sees the query code on the case and downloads the 告知书 with its QR code', async () => {
  await casePage();
  expect(await clerk.locator('[data-testid=property-show-queryCode]').innerText()).toContain(formatQueryCode(c.code));
  // the case page holds its papers (下载文书)
  const files = clerk.locator('[data-testid=case-files]');
  await files.waitFor();
  const link = files.locator('ul a').filter({ hasText: '告知书' }).first();
  const [download] = await Promise.all([clerk.waitForEvent('download'), link.click()]);
  const docx = fs.readFileSync((await download.path())!);
  const text = docxText(docx);
  expect(text).toContain(`${publicBase}/query`);
  expect(text).toContain(formatQueryCode(c.code));
  const [image] = docxImages(new Uint8Array(docx));
  qrUrl = readQr(image[1])!;
  expect(qrUrl).toBe(`${publicBase}/query?no=${encodeURIComponent(c.case_no)}&code=${formatQueryCode(c.code)}`);
  await chineseText(clerk);
  await shot(clerk, 'petitioner-01-case-file');
});

step('her phone opens the QR code’s address and sees where the case stands, not yet to be rated', async () => {
  await phone.goto(qrUrl);
  const text = await phone.locator('body').innerText();
  expect(text).toContain(c.case_no);
  expect(text).toContain('代理中');
  expect(text).toContain('办理进程');
  expect(text).toContain('答复意见书出具后才能评价');
  // a phone's page: nothing wider than the screen, no script at all
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await phone.locator('script').count()).toBe(0);
  await phone.screenshot({ path: shotPath('petitioner-02-phone-state'), fullPage: true });
});

step('the clerk concludes the case and issues the reply opinion', async () => {
  await casePage();
  await runAction(clerk, 'conclude', { concludedOn: today, outcome: '经协调，问题已解决。' }, '案件已终结');
  await runAction(clerk, 'issueReply', { replyIssuedOn: today }, '答复意见书已出具');
  await shot(clerk, 'petitioner-03-reply-issued');
});

step('her phone, at the same address, rates the handling 满意 with a comment', async () => {
  await phone.goto(qrUrl);
  expect(await phone.locator('body').innerText()).toContain('请对办理情况作出评价');
  await phone.locator('label.choice', { hasText: /^\s*满意\s*$/ }).click();
  await phone.fill('#comment', '代理员很耐心，谢谢！');
  await phone.screenshot({ path: shotPath('petitioner-04-phone-rating'), fullPage: true });
  await phone.click('button:has-text("提交评价")');
  await phone.getByText('评价已提交，谢谢您！').waitFor();
  expect(await phone.locator('.rated').innerText()).toContain('满意');
  await phone.screenshot({ path: shotPath('petitioner-05-phone-rated'), fullPage: true });
  const { rows } = await app.db.query('SELECT rating::text, comment FROM case_rating WHERE case_id = $1', [c.id]);
  expect(rows).toEqual([{ rating: 'satisfied', comment: '代理员很耐心，谢谢！' }]);
});

step('the clerk sees her rating on the case', async () => {
  await casePage();
  const rating = await clerk.locator('[data-testid=property-show-petitionerRating]').innerText();
  expect(rating).toContain('满意');
  expect(rating).toContain('代理员很耐心');
  await chineseText(clerk);
  await shot(clerk, 'petitioner-06-case-rated');
});

/** where shot() keeps its screenshots; the phone page is shot as the phone shows it */
function shotPath(name: string): string {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return `${SCREENSHOT_DIR}/${name}.png`;
}
