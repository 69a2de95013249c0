import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';

const SCREENSHOT_DIR = fileURLToPath(new URL('./screenshots/', import.meta.url));

/**
 * Saves what the user sees, for a person to look at; the folder is not committed. A long
 * list or an open dialog reads better as the window alone: `fullPage: false`.
 */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // The header is fixed: from the top, a full-page capture shows the page as laid out.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage });
}

export async function logIn(page: Page, url: string, email: string, password: string) {
  await page.goto(url);
  await page.getByLabel(/^(E-post|E-mail)/).fill(email);
  await page.getByLabel(/^(Passord|Password)/).fill(password);
  await page.getByRole('button', { name: /^(Logg inn|Log in)$/ }).click();
}

/**
 * After login: picks the company if the picker asks (the server remembers the last company
 * chosen, so it may not), then waits for the app shell.
 */
export async function chooseCompany(page: Page, name: string, shotName?: string) {
  const picker = page.getByRole('heading', { name: /^(Velg firma|Choose a company)$/ });
  const shell = page.getByRole('navigation');
  await picker.or(shell).first().waitFor();
  if (await picker.isVisible()) {
    if (shotName) await screenshot(page, shotName);
    await page.getByRole('button', { name }).click();
  }
  await shell.waitFor();
}

/** The text of the messages tied to an input (its description and error), as a reader hears. */
export async function describedBy(field: Locator): Promise<string> {
  return field.evaluate((element) => {
    const ids = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
  });
}

export async function waitForHeading(page: Page, name: string | RegExp) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}
