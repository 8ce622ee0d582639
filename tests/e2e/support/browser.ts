import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const SCREENSHOT_DIR = path.resolve('artifacts/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with the flags this offline machine needs. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing: apt-get install chromium fonts-noto-cjk (.ci/run does)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

export async function newPage(browser: Browser, baseUrl: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1440, height: 960 }, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

export async function login(page: Page, email: string, password = 'demo12345'): Promise<void> {
  await page.goto('/admin/login');
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await page.click('button:has-text("登录")');
  await page.waitForURL(/\/admin\/?$/);
}

// AdminJS shows a missing translation as its key (resources.PetitionCase…) or falls back to English.
const UNTRANSLATED = [/\b(resources|labels|properties|actions|messages|buttons|components)\.[A-Za-z]+/, /Select\.\.\./, /\bNo records\b/, /\bFilter\b/, /\bCreate new\b/];

/** The visible text of the page, after asserting it is Chinese: no raw keys, no English fallbacks. */
export async function chineseText(page: Page): Promise<string> {
  const text = await page.locator('body').innerText();
  for (const pattern of UNTRANSLATED) {
    if (pattern.test(text)) throw new Error(`untranslated text ${pattern} on ${page.url()}: ${text.match(pattern)![0]}`);
  }
  return text;
}

/** A screenshot under artifacts/screenshots (kept by CI) named for the journey step. */
export async function shot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
