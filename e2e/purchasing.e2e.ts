import { startTestServer } from '@nordbok/server/test-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, newPage } from './browser';
import { chooseCompany, logIn, screenshot, tinyPng, waitForHeading } from './helpers';
import { openFromMenu } from './ledger-helpers';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const main = (page: Page) => page.getByRole('main');

describe.skipIf(!browserAvailable())('purchasing documents', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = await newPage(browser);
    await page.setViewportSize({ width: 1440, height: 900 });
    await logIn(page, server.url, server.adminEmail, server.adminPassword);
    await chooseCompany(page, 'Fjordkaffe AS');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('registers a cash purchase that is paid at once', async () => {
    await openFromMenu(page, 'Innkjøp', 'Innkjøpsdokumenter');
    await page.getByRole('tab', { name: 'Regninger' }).click();
    await page.getByRole('link', { name: 'Ny regning' }).click();
    await waitForHeading(page, 'Ny regning');

    await page.keyboard.type('Emballasje Vest');
    await page.getByRole('option', { name: /^Emballasje Vest AS/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByLabel('Leverandørens fakturanr.').fill('K-2291');
    await page.getByLabel('Kontantkjøp').check();
    await page.getByLabel('Betalt fra/til konto').fill('1900');

    // A line without an item: text, quantity, price, VAT code and account typed in.
    await page.getByLabel('Beskrivelse, linje 1').fill('Printerpapir og permer');
    await page.getByLabel('Antall, linje 1').fill('1');
    await page.getByLabel('Pris, linje 1').fill('480');
    await page.getByLabel('Mva, linje 1').fill('1');
    const account = page.getByLabel('Konto, linje 1');
    await account.fill('6800');
    await account.press('Enter');
    // The number alone names the account: its name shows under the field.
    await page.getByText('Kontormateriell', { exact: true }).waitFor();
    const totals = page.getByRole('table', { name: 'Summer' });
    await expect
      .poll(async () => ((await totals.textContent()) ?? '').replace(/\s/g, ' '))
      .toContain('600,00');
    await screenshot(page, '109-cash-purchase');
    await page.getByRole('button', { name: 'Lagre' }).click();

    await page.getByRole('heading', { level: 1, name: /^Regning \d+$/ }).waitFor();
    await expect.poll(() => page.getByTestId('document-status').textContent()).toBe('6 Betalt');
    await main(page).getByText('Betalt med en gang (konto 1900)').waitFor();
    expect(await page.getByRole('button', { name: 'Registrer betaling' }).count()).toBe(0);
    // The till receipt is stored with the purchase.
    await page.getByText('Ingen vedlegg ennå.').waitFor();
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'kvittering.png', mimeType: 'image/png', buffer: tinyPng() });
    await page.getByRole('link', { name: 'kvittering.png' }).waitFor();
    const preview = page.getByRole('img', { name: 'Forhåndsvisning av kvittering.png' });
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(16);
    await screenshot(page, '110-cash-purchase-paid');
  });
});
