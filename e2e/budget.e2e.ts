import { startTestServer } from '@nordbok/server/test-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, newPage } from './browser';
import { chooseCompany, logIn, screenshot, waitForHeading } from './helpers';
import { openFromMenu, todayInOslo } from './ledger-helpers';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

describe.skipIf(!browserAvailable())('budget', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const year = todayInOslo().slice(0, 4);

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

  it('enters a sales budget, shown in the income statement', async () => {
    await openFromMenu(page, 'Regnskap', 'Budsjett');
    await page.getByText('Ingen kontoer har budsjett ennå.').waitFor();
    await page.getByRole('textbox', { name: 'Legg til konto', exact: true }).fill('3000');
    await page.keyboard.press('Enter');
    const january = page.getByLabel('Budsjett 3000, Januar', { exact: true });
    await january.fill('100 000');
    // Tab moves on to the next month; Enter there saves the whole row.
    await page.keyboard.press('Tab');
    await page.keyboard.type('50000');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Lagret' }).waitFor();
    const row = page.getByRole('row').filter({ has: january });
    await expect
      .poll(async () => (await row.textContent())?.replace(/\s/g, ' '))
      .toContain('150 000,00');
    await screenshot(page, '70-budget');

    await page.goto(`${server.url}/#/reports/income-statement?from=${year}-01-01&to=${year}-12-31`);
    await waitForHeading(page, 'Resultatregnskap');
    await page.getByRole('columnheader', { name: 'Budsjett' }).waitFor();
    const sales = page.getByRole('row').filter({ hasText: /^3000/ });
    const text = (await sales.first().textContent())?.replace(/\s/g, ' ') ?? '';
    expect(text).toContain('150 000,00');
  });
});
