import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app.js';
import { chineseText, launchBrowser, login, newPage, shot, warmUp } from './support/browser.js';

// The home dashboard: the county × creation-standard scorecard and the chart.js charts, really drawn.
let app: TestApp;
let browser: Browser;
const COUNTIES = ['新华区', '卫东区', '石龙区', '湛河区', '宝丰县', '叶县', '鲁山县', '郏县', '舞钢市', '汝州市'];

beforeAll(async () => {
  app = await startTestApp();
  await warmUp(app.baseUrl);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** Per chart canvas: its size and how many of its pixels are drawn (neither transparent nor white). */
async function canvasInk(page: Page): Promise<{ width: number; height: number; inked: number; colours: number }[]> {
  return page.locator('[data-testid=dashboard] canvas').evaluateAll((canvases) =>
    (canvases as HTMLCanvasElement[]).map((canvas) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let inked = 0;
      const colours = new Set<number>();
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
        if (a > 0 && !(r > 245 && g > 245 && b > 245)) {
          inked++;
          colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
        }
      }
      return { width: canvas.width, height: canvas.height, inked, colours: colours.size };
    }),
  );
}

async function openDashboard(page: Page): Promise<void> {
  await page.locator('[data-testid=scorecard]').waitFor();
  await page.locator('[data-testid=dashboard] canvas').first().waitFor();
  await page.waitForLoadState('networkidle');
}

it('shows the leader all ten counties in the scorecard and six drawn charts', async () => {
  const page = await newPage(browser, app.baseUrl);
  await login(page, 'leader@example.org');
  const started = Date.now();
  await openDashboard(page);
  expect(Date.now() - started).toBeLessThan(10_000);
  const text = await chineseText(page);
  expect(text).toContain('各县（市、区）创建标准达标情况');

  const scorecard = await page.locator('[data-testid=scorecard]').innerText();
  for (const county of COUNTIES) expect({ county, shown: scorecard.includes(county) }).toEqual({ county, shown: true });
  expect(await page.locator('[data-testid^=scorecard-county-]').count()).toBe(10);
  expect(scorecard).toContain('全市');

  const charts = await canvasInk(page);
  expect(charts).toHaveLength(6);
  for (const [i, c] of charts.entries()) {
    expect({ chart: i, sized: c.width > 200 && c.height > 150 }).toEqual({ chart: i, sized: true });
    // axes, labels and bars or slices: thousands of drawn pixels in several colours, not a blank canvas
    expect({ chart: i, inked: c.inked > 2000, colours: c.colours >= 3 }).toEqual({
      chart: i,
      inked: true,
      colours: true,
    });
  }
  for (const title of [
    '办结率（%）',
    '7日内出具答复意见率（%）',
    '月度受理与终结案件',
    '代理员持证覆盖（%）',
    '事项类别（当年受理）',
    '案件来源（当年受理）',
  ]) {
    expect(text).toContain(title);
  }
  await shot(page, 'dashboard-leader');
  await page.context().close();
});

it('shows 新华区 staff her county beside the city average only', async () => {
  const page = await newPage(browser, app.baseUrl);
  await login(page, 'xinhua@example.org');
  await openDashboard(page);
  const text = await chineseText(page);
  expect(text).toContain('新华区创建标准达标情况');
  const scorecard = await page.locator('[data-testid=scorecard]').innerText();
  expect(scorecard).toContain('新华区');
  expect(scorecard).toContain('全市');
  for (const county of COUNTIES.filter((c) => c !== '新华区'))
    expect({ county, shown: scorecard.includes(county) }).toEqual({ county, shown: false });
  expect(await page.locator('[data-testid^=scorecard-county-]').count()).toBe(1);
  for (const c of await canvasInk(page)) expect(c.inked).toBeGreaterThan(2000);
  await shot(page, 'dashboard-county-xinhua');
  await page.context().close();
});
