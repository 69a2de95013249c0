import { startTestServer } from '@nordbok/server/test-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, newPage } from './browser';
import { chooseCompany, logIn, screenshot } from './helpers';
import { openFromMenu } from './ledger-helpers';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

describe.skipIf(!browserAvailable())('calendar', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = await newPage(browser);
    await logIn(page, server.url, server.adminEmail, server.adminPassword);
    await chooseCompany(page, 'Fjordkaffe AS');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('moves through weeks and months with the keyboard and adds an appointment', async () => {
    await openFromMenu(page, 'CRM', 'Kalender');
    const grid = page.getByRole('grid');
    await expect.poll(() => grid.evaluate((e) => e === document.activeElement)).toBe(true);
    // The demo company has appointments tomorrow.
    await page.keyboard.press('ArrowRight');
    const chosen = page.locator('[role=gridcell][aria-selected=true]');
    await expect.poll(() => chosen.getAttribute('aria-label')).toContain('Smaking av julekaffe');
    await screenshot(page, '65-calendar-week');

    await page.keyboard.press('m');
    await page.getByRole('radio', { name: 'Måned' }).isChecked();
    await expect.poll(() => page.locator('[role=gridcell]').count()).toBe(42);
    await screenshot(page, '66-calendar-month');
    await page.keyboard.press('u');
    await expect.poll(() => page.locator('[role=gridcell]').count()).toBe(7);

    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Ny avtale' });
    await dialog.getByLabel(/^Tittel/).fill('Kaffesmaking med Skansen');
    // Times are typed the short way and shown on the 24-hour clock.
    await dialog.getByLabel('Fra').fill('1400');
    await dialog.getByLabel('Til').fill('15.00');
    await dialog.getByLabel('Til').press('Tab');
    expect(await dialog.getByLabel('Til').inputValue()).toBe('15:00');
    await dialog.getByLabel('Kontakt').fill('Hotell Bryggen');
    await page.getByRole('option', { name: 'Hotell Bryggen AS' }).click();
    await screenshot(page, '67-calendar-new', { fullPage: false });
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Avtalen er lagret.').waitFor();
    await expect
      .poll(() => chosen.getAttribute('aria-label'))
      .toContain('Kaffesmaking med Skansen');

    // The appointment is on the contact's card too.
    await openFromMenu(page, 'Kontakter', 'Kontaktregister');
    await page.getByLabel('Søk', { exact: true }).fill('hotell bryggen');
    await page.getByRole('link', { name: 'Hotell Bryggen AS' }).click();
    await page
      .getByRole('table', { name: 'Tidslinje' })
      .getByText('Kaffesmaking med Skansen')
      .waitFor();
  });
});
