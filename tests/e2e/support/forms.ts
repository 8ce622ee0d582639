import type { Page } from 'playwright-core';

/** Waits until a record page has drawn its fields. */
export async function recordShown(page: Page): Promise<void> {
  await page.locator('[data-testid^=property-show-]').first().waitFor();
}

/** Chooses the option containing `text` in an AdminJS select (react-select) of the form's `property`. */
export async function pick(page: Page, property: string, text: string): Promise<void> {
  // a place or agent field is a plain list of the choices of its level (Components.PlacePicker)
  const picker = page.locator(`[data-testid=picker-${property}]`);
  if (await picker.count()) {
    const option = picker.locator('option').filter({ hasText: text }).first();
    await option.waitFor({ state: 'attached' });
    await picker.selectOption(await option.getAttribute('value'));
    return;
  }
  const input = page.locator(`[data-testid=property-edit-${property}] input[role=combobox]`);
  await input.click();
  await input.fill(text);
  const option = page.locator('[id^=react-select][id*=-option-]').filter({ hasText: text }).first();
  await option.click();
}

/** The latest notice AdminJS shows (success or error), its text. */
export async function notice(page: Page, pattern: string | RegExp): Promise<string> {
  const wrapper = page.locator('[data-testid=notice-wrapper]').filter({ hasText: pattern }).last();
  await wrapper.waitFor();
  return wrapper.innerText();
}

/** Saves an AdminJS form and waits for the page it leads to: the record, after 新建 as after 编辑. */
export async function saveRecordForm(page: Page): Promise<void> {
  await page.click('[data-testid=button-save]');
  await page.waitForURL(/\/records\/\d+\/show(\?refresh=true)?$|\/resources\/\w+(\?refresh=true)?$/);
}

/**
 * `it` for a journey whose steps build on each other: once one fails, the following ones fail at once
 * with that news instead of each waiting out its own timeouts.
 */
export function journeySteps(): (name: string, fn: () => Promise<void>) => void {
  let broken: string | null = null;
  return (name, fn) =>
    it(name, async () => {
      if (broken) throw new Error(`skipped: the earlier step “${broken}” failed`);
      try {
        await fn();
      } catch (e) {
        broken = name;
        throw e;
      }
    });
}

/**
 * Opens a record action from the record page's header (`action-<name>` button), fills the fields of
 * Components.ActionForm (`#field-<name>`; dates as YYYY-MM-DD) and submits it.
 */
export async function openAction(page: Page, action: string): Promise<void> {
  // the header draws each action twice, as a button and as a hidden item of its narrow-screen menu
  await page.locator(`[data-testid=action-${action}]:visible`).first().click();
  await page.waitForSelector(`[data-testid=action-form-${action}]`);
}

export async function submitActionForm(page: Page, action: string, values: Record<string, string>): Promise<void> {
  const form = page.locator(`[data-testid=action-form-${action}]`);
  for (const [name, value] of Object.entries(values)) {
    const field = form.locator(`#field-${name}`);
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
  await form.locator('button[type=submit]').click();
}

/** Runs a record action that must succeed: back on the record page with the success notice. */
export async function runAction(
  page: Page,
  action: string,
  values: Record<string, string>,
  success: string | RegExp,
): Promise<string> {
  await openAction(page, action);
  await submitActionForm(page, action, values);
  await page.waitForURL(/\/records\/\d+\/show$/);
  const said = await notice(page, success);
  // the record page draws the step's answer, then loads the record again (AdminJS's show route: for a
  // moment its content is empty): what the page says is read once that load is done
  await page.waitForLoadState('networkidle');
  await recordShown(page);
  return said;
}
