import { startTestServer } from '@nordbok/server/test-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, newPage } from './browser';
import { chooseCompany, logIn, screenshot } from './helpers';
import { openFromMenu } from './ledger-helpers';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

describe.skipIf(!browserAvailable())('crm lead funnel', () => {
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

  it('logs an event on a lead from the board with the keyboard', async () => {
    await openFromMenu(page, 'CRM', 'Ledetråder');
    const cold = page.getByRole('region', { name: 'Kald', exact: true });
    for (const status of ['Kald', 'Lunken', 'Varm', 'Klar for salg']) {
      await page.getByRole('heading', { name: status, exact: true }).waitFor();
    }
    const card = cold.getByRole('button').first();
    await card.waitFor();
    const name = (await card.getAttribute('aria-label'))?.split(',')[0] ?? '';
    expect(name).not.toBe('');
    await screenshot(page, '80-crm-lead-board');

    // Enter on a card puts its contact in the form and the keyboard in the event field.
    await card.focus();
    await page.keyboard.press('Enter');
    const eventField = page
      .getByRole('region', { name: 'Logg hendelse' })
      .getByLabel('Hendelse', { exact: true });
    await expect.poll(() => eventField.evaluate((e) => e === document.activeElement)).toBe(true);
    await page.keyboard.type('Deltok');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText(new RegExp(`${name} (har nå|har) \\d+ poeng`)).waitFor();
    // The lead's history and events show below the board.
    const panel = page.getByRole('region', { name, exact: true });
    await panel.getByRole('cell', { name: 'Deltok på demo' }).first().waitFor();
    await screenshot(page, '81-crm-lead-logged');

    // A warm lead goes on as an opportunity for the same contact.
    await panel.getByRole('button', { name: 'Ny salgsmulighet' }).click();
    const form = page.getByRole('form', { name: 'Salgsmulighet' });
    expect(await form.getByLabel('Kontakt').inputValue()).toBe(name);
    await form.getByLabel('Tittel').fill('Kaffeavtale etter demo');
    await form.getByLabel('Beløp').fill('48 000');
    await form.getByLabel('Tittel').press('Enter');
    await page.getByText('«Kaffeavtale etter demo» er lagret.').waitFor();
  });

  it('adds an event type and renames a status in the lead settings', async () => {
    await openFromMenu(page, 'CRM', 'CRM-oppsett');
    const form = page.getByRole('form', { name: 'Ny hendelsestype' });
    await form.getByLabel('Hendelse').fill('Ringte oss');
    await form.getByLabel('Poeng').fill('15');
    await form.getByLabel('Poeng').press('Enter');
    await page.getByRole('cell', { name: 'Ringte oss', exact: true }).waitFor();

    await page.getByLabel('Navn på status 2').fill('Interessert');
    await page.getByRole('button', { name: 'Lagre statuser' }).click();
    await page.getByText('Statusene er lagret.').waitFor();
    await screenshot(page, '82-crm-lead-settings');
    await openFromMenu(page, 'CRM', 'Ledetråder');
    await page.getByRole('heading', { name: 'Interessert', exact: true }).waitFor();
  });
});
