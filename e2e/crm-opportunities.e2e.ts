import { startTestServer } from '@nordbok/server/test-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, newPage } from './browser';
import { chooseCompany, logIn, screenshot } from './helpers';
import { openFromMenu } from './ledger-helpers';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

describe.skipIf(!browserAvailable())('crm opportunities and pipeline', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const title = 'Kaffeavtale hovedkontor';

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

  it('lists the demo opportunities and adds one from the form', async () => {
    await openFromMenu(page, 'CRM', 'Salgsmuligheter');
    await page.getByRole('cell', { name: 'Kvalifisering' }).first().waitFor();
    await page.locator('label', { hasText: /^Vunnet$/ }).click();
    await page.getByRole('cell', { name: 'Vunnet' }).first().waitFor();
    await page.locator('label', { hasText: /^Åpne$/ }).click();
    await screenshot(page, '83-crm-opportunities');

    await page.getByRole('button', { name: 'Ny salgsmulighet' }).click();
    const form = page.getByRole('form', { name: 'Salgsmulighet' });
    await form.getByLabel('Kontakt').fill('Hotell Bryggen');
    await page.getByRole('option', { name: 'Hotell Bryggen AS' }).click();
    await form.getByLabel('Tittel').fill(title);
    await form.getByLabel('Beløp').fill('125 000,50');
    await form.getByLabel('Forventet lukket').fill('310327');
    await form.getByText('onsdag 31. mars 2027').waitFor();
    await screenshot(page, '84-crm-opportunity-form', { fullPage: false });
    await form.getByLabel('Tittel').press('Enter');
    await page.getByText(`«${title}» er lagret.`).waitFor();
    const row = page.getByRole('row').filter({ hasText: title });
    // 125 000,50 kr × 10 % = 12 500,05 kr.
    await expect
      .poll(async () => (await row.textContent())?.replace(/\s/g, ' '))
      .toContain('12 500,05');
  });

  it('moves a card to the next stage on the pipeline board with Shift+→', async () => {
    await openFromMenu(page, 'CRM', 'Salgstrakt');
    const first = page.getByRole('region', { name: 'Kvalifisering' });
    const card = first.getByRole('button', { name: new RegExp(`^${title},`) });
    await card.focus();
    await expect
      .poll(() => card.evaluate((element) => element === document.activeElement))
      .toBe(true);
    await page.keyboard.press('Shift+ArrowRight');
    const moved = page
      .getByRole('region', { name: 'Behovsanalyse' })
      .getByRole('button', { name: new RegExp(`^${title},`) });
    await moved.waitFor();
    // The keyboard stays on the card in its new column.
    await expect
      .poll(() => moved.evaluate((element) => element === document.activeElement))
      .toBe(true);
    await screenshot(page, '85-crm-pipeline');
    // The card opens with Enter, with the stages it has been through.
    await page.keyboard.press('Enter');
    const history = page.getByRole('table', { name: 'Fasehistorikk' });
    await history.getByRole('cell', { name: 'Behovsanalyse' }).waitFor();
    expect(await history.getByRole('row').count()).toBe(3);
  });
});
