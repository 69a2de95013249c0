import fs from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Whether the browser tests can run here. Without Chromium they are skipped with a warning,
 * unless NORDBOK_REQUIRE_BROWSER=1 says a missing browser is a failure (as in CI).
 */
export function browserAvailable(): boolean {
  if (fs.existsSync(CHROMIUM_PATH)) return true;
  const message = `${CHROMIUM_PATH} is missing: the browser tests cannot run.`;
  if (process.env.NORDBOK_REQUIRE_BROWSER === '1') throw new Error(message);
  console.warn(`WARNING: ${message} Skipping them (set NORDBOK_REQUIRE_BROWSER=1 to fail).`);
  return false;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS, headless: true });
}

/** A fresh page (own cookies) in Norwegian, at a laptop-sized window. */
export async function newPage(browser: Browser, locale = 'nb-NO'): Promise<Page> {
  const context = await browser.newContext({
    locale,
    viewport: { width: 1280, height: 860 },
    timezoneId: 'Europe/Oslo',
  });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}
