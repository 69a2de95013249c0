import { startTestServer } from '@nordbok/server/test-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, newPage } from './browser';
import { chooseCompany, logIn, screenshot } from './helpers';
import { openFromMenu } from './ledger-helpers';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

describe.skipIf(!browserAvailable())('crm funnel reports', () => {
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

  it('shows conversion, time between steps and the forecast, with charts and CSV', async () => {
    await openFromMenu(page, 'CRM', 'Traktrapporter');
    const leads = page.getByRole('region', { name: 'Ledetråder' });
    await leads.getByRole('cell', { name: 'Kald → Lunken' }).waitFor();
    await leads.getByRole('img', { name: 'Diagram: Ledetråder' }).waitFor();
    const sales = page.getByRole('region', { name: 'Salgsmuligheter' });
    await sales.getByRole('cell', { name: 'Forhandling → Vunnet' }).waitFor();
    const forecast = page.getByRole('region', { name: 'Salgsprognose' });
    await forecast.getByRole('img', { name: 'Diagram: Salgsprognose' }).waitFor();
    const total = await forecast.locator('tfoot').textContent();
    expect(total).toMatch(/Sum\d+/);
    await screenshot(page, '86-crm-reports');

    const link = forecast.getByRole('link', { name: 'CSV' });
    const download = page.waitForEvent('download');
    await link.click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(
      /^salgsprognose-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}\.csv$/,
    );

    // A narrower period from the date fields.
    await page.getByLabel('Fra dato').fill('01.01.2020');
    await page.getByLabel('Til dato').fill('31.01.2020');
    await page.getByLabel('Til dato').press('Enter');
    await expect.poll(() => page.url()).toContain('from=2020-01-01');
    await leads.getByRole('cell', { name: '–' }).first().waitFor();
  });
});
