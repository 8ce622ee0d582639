import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const SCREENSHOT_DIR = path.resolve('artifacts/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with the flags this offline machine needs. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} missing: apt-get install chromium fonts-noto-cjk (.ci/run does)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    // --lang: the browser's own widgets speak the users' language where its Chinese locale is installed
    args: [
      '--lang=zh-CN',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
    // headless Chromium lays out a date field (年/月/日 order) by the process's language, not by --lang:
    // without it the clerk's 终结日期 reads 12/02/2026 in the screenshots, where her browser shows 2026/12/02.
    // LANGUAGE, not LANG: this machine has no zh_CN glibc locale, and LANG=zh_CN.UTF-8 makes Chromium name
    // every download "download"
    env: { ...process.env, LANGUAGE: 'zh_CN' },
  });
}

export async function newPage(browser: Browser, baseUrl: string): Promise<Page> {
  // the users' clock: dates typed in a UTC+8 browser must stay the day they typed
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1440, height: 960 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

/**
 * AdminJS builds its component bundle on the first request of a process (10–30 s on a busy machine):
 * fetch it once in beforeAll, with a generous timeout, so that no step's timeout has to allow for it.
 */
export async function warmUp(baseUrl: string): Promise<void> {
  const res = await fetch(`${baseUrl}/admin/frontend/assets/components.bundle.js`, {
    signal: AbortSignal.timeout(120_000),
  });
  if (!res.ok) throw new Error(`component bundle: HTTP ${res.status}`);
  await res.arrayBuffer();
}

export async function login(page: Page, email: string, password = 'demo12345'): Promise<void> {
  await page.goto('/admin/login');
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await page.click('button:has-text("登录")');
  await page.waitForURL(/\/admin\/?$/);
}

// AdminJS shows a missing translation as its key (resources.PetitionCase…) or falls back to English.
const UNTRANSLATED = [
  /\b(resources|labels|properties|actions|messages|buttons|components)\.[A-Za-z]+/,
  /Select\.\.\./,
  /\bNo records\b/,
  /\bFilter\b/,
  /\bCreate new\b/,
  // English UI words as whole lines or button labels (an e-mail address such as show@… is not one)
  /(^|\n)\s*(Actions|Show|Edit|Delete|Save|Back|Cancel|Submit|Loading|Search|Next|Previous|Logout|Log out|Time)\s*(\n|$)/,
  /There was an error|Check out console|Successfully|has been (created|updated|removed)/,
  /\b(January|February|March|April|June|July|August|September|October|November|December) \d{4}\b/,
  /\bSelected date\b/,
];

/** The visible text of the page, after asserting it is Chinese: no raw keys, no English fallbacks. */
export async function chineseText(page: Page): Promise<string> {
  const text = await page.locator('body').innerText();
  for (const pattern of UNTRANSLATED) {
    if (pattern.test(text))
      throw new Error(`untranslated text ${pattern} on ${page.url()}: ${text.match(pattern)![0]}`);
  }
  return text;
}

/** A screenshot under artifacts/screenshots (kept by CI) named for the journey step. */
export async function shot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  // AdminJS scrolls its content pane, not the page: grow the viewport to the pane's height for the shot
  const viewport = page.viewportSize()!;
  const height = await page.evaluate(() => {
    const pane = document.querySelector<HTMLElement>('[data-css="app-content"]');
    return pane ? pane.scrollHeight + pane.getBoundingClientRect().top : document.documentElement.scrollHeight;
  });
  if (height > viewport.height)
    await page.setViewportSize({ width: viewport.width, height: Math.min(Math.ceil(height), 8000) });
  try {
    await page.screenshot({ path: file, fullPage: true });
  } finally {
    if (height > viewport.height) await page.setViewportSize(viewport);
  }
  return file;
}
