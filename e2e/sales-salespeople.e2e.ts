import { startTestServer } from '@nordbok/server/test-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiSession, apiLogin } from './api';
import { browserAvailable, launchBrowser, newPage } from './browser';
import { chooseCompany, logIn, screenshot, waitForHeading } from './helpers';
import { openFromMenu, todayInOslo } from './ledger-helpers';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const main = (page: Page) => page.getByRole('main');
/** The required fields' labels end in an asterisk. */
const code = (page: Page) => main(page).getByLabel(/^Kode\s*\*?$/);
const name = (page: Page) => main(page).getByLabel(/^Navn\s*\*?$/);
/** Amounts are shown with a no-break space between thousands. */
const amount = (text: string) => new RegExp(text.replace(/(\d) (?=\d)/g, '$1[\\s\\u00a0]'));

describe.skipIf(!browserAvailable())('salespeople, sales against budget and exchange rates', () => {
  let server: TestServer;
  let admin: ApiSession;
  let companyId: number;
  let browser: Browser;
  let page: Page;
  const today = todayInOslo();

  beforeAll(async () => {
    server = await startTestServer();
    const login = await apiLogin(server.url, server.adminEmail, server.adminPassword);
    admin = login.api;
    const demo = login.session.companies.find((c) => c.name === 'Fjordkaffe AS');
    if (!demo) throw new Error('the test server has no demo company');
    companyId = demo.id;
    const party = await admin.call('POST', `/companies/${companyId}/parties`, {
      name: 'Budsjettkunden AS',
      customer: true,
    });
    expect(party.status).toBe(201);
    browser = await launchBrowser();
    page = await newPage(browser);
    await page.setViewportSize({ width: 1400, height: 900 });
    await logIn(page, server.url, server.adminEmail, server.adminPassword);
    await chooseCompany(page, 'Fjordkaffe AS');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('adds a salesperson, refuses a taken code and keeps a budget of twelve months', async () => {
    await openFromMenu(page, 'Salg', 'Selgere');
    await code(page).fill('AH');
    await name(page).fill('Anne Hansen');
    await page.getByRole('button', { name: 'Legg til selger' }).click();
    await page.getByRole('cell', { name: 'Anne Hansen', exact: true }).waitFor();

    await code(page).fill('AH');
    await name(page).fill('Andre Hansen');
    await page.getByRole('button', { name: 'Legg til selger' }).click();
    await page.getByText('Salesperson code AH is taken; choose another code.').waitFor();
    await code(page).fill('');
    await name(page).fill('');

    await page.getByRole('button', { name: 'Budsjett Anne Hansen' }).click();
    const grid = page.getByRole('region', { name: 'Budsjett for Anne Hansen' });
    await grid.getByLabel('Årsbeløp (kr)').fill('120000');
    await grid.getByRole('button', { name: 'Fordel årsbeløp' }).click();
    expect(await grid.getByLabel('Januar', { exact: true }).inputValue()).toBe('10000,00');
    await grid.getByLabel('Desember', { exact: true }).fill('20 000');
    await grid.getByText(amount('Sum året: 130 000,00')).waitFor();
    await grid.getByRole('button', { name: 'Lagre budsjett' }).click();
    await page.getByText(`Budsjettet for ${today.slice(0, 4)} er lagret.`).waitFor();
    await screenshot(page, '185-sales-salespeople');
  });

  it('sets the invoiced sales against the budget in a table and a chart', async () => {
    const people = await admin.call<{ items: { id: number; code: string }[] }>(
      'GET',
      `/companies/${companyId}/salespeople`,
    );
    const anne = people.body.items.find((p) => p.code === 'AH');
    if (!anne) throw new Error('the salesperson was not saved');
    // The invoice names its salesperson in the editor.
    await openFromMenu(page, 'Salg', 'Salgsdokumenter');
    await page.getByRole('link', { name: 'Ny faktura' }).click();
    await waitForHeading(page, 'Ny faktura');
    await page.keyboard.type('Budsjettkunden');
    await page.getByRole('option', { name: /^Budsjettkunden AS/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await main(page)
      .getByLabel('Selger', { exact: true })
      .selectOption({ label: 'AH – Anne Hansen' });
    await page.getByLabel('Beskrivelse, linje 1').fill('Kaffeavtale');
    await page.getByLabel('Antall, linje 1').fill('1');
    await page.getByLabel('Pris, linje 1').fill('12000');
    await page.getByLabel('Mva, linje 1').fill('3');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByRole('heading', { level: 1, name: /^Faktura \d+$/ }).waitFor();

    await openFromMenu(page, 'Salg', 'Salg mot budsjett');
    const table = page.getByRole('table', { name: 'Salg mot budsjett' });
    const row = table.getByRole('row').filter({ hasText: 'AH – Anne Hansen' });
    await row.waitFor();
    // 12 000 of 130 000 is 9,2 %, net of the VAT.
    await expect.poll(() => row.textContent()).toMatch(amount('12 000,00'));
    expect(await row.textContent()).toMatch(amount('130 000,00'));
    expect(await row.textContent()).toContain('9,2 %');
    await page.getByRole('img', { name: /^Salg og budsjett per måned/ }).waitFor();

    await page.getByLabel('Selger', { exact: true }).selectOption({ label: 'AH – Anne Hansen' });
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    const csv = page.getByRole('link', { name: 'CSV' });
    expect(await csv.getAttribute('href')).toContain(`salespersonId=${anne.id}`);
    await screenshot(page, '186-sales-vs-budget');
  });

  it('enters a rate, and imports a rate file showing the wrong lines before importing the rest', async () => {
    await openFromMenu(page, 'Salg', 'Valutakurser');
    const form = page.getByRole('region', { name: 'Legg inn kurs' });
    await form.getByLabel('Valuta', { exact: true }).fill('EUR');
    await form.getByLabel('Kurs (NOK)').fill('11,62');
    await form.getByRole('button', { name: 'Lagre kurs' }).click();
    const table = page.getByRole('table', { name: 'Valutakurser' });
    await table.getByRole('row').filter({ hasText: '11,62' }).filter({ hasText: 'EUR' }).waitFor();

    await form.getByLabel('Kurs (NOK)').fill('11.62.1');
    await form.getByRole('button', { name: 'Lagre kurs' }).click();
    await form.getByText('Skriv kursen som 11,4532 (kroner per én enhet).').waitFor();

    const year = today.slice(0, 4);
    const file = [
      'valuta;dato;kurs',
      `USD;${year}-01-02;10,1234`,
      `SEK;${year}-01-02;1,0512`,
      `DOLLAR;${year}-01-02;10,2`,
      `GBP;${year}-01;13,1`,
    ].join('\n');
    const importer = page.getByRole('region', { name: 'Importer kursfil' });
    await importer
      .locator('input[type="file"]')
      .setInputFiles({ name: 'kurser.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    await importer.getByRole('button', { name: 'Importer', exact: true }).click();
    const errors = importer.getByRole('table', { name: 'Feil i filen' });
    await errors.waitFor();
    await errors
      .getByRole('cell', { name: '"DOLLAR" is not a three-letter currency code.' })
      .waitFor();
    await errors.getByRole('cell', { name: /is a month or a year, not a day/ }).waitFor();
    await importer.getByText(/^Ingenting er importert/).waitFor();
    expect(await errors.getByRole('row').count()).toBe(3);
    await screenshot(page, '187-currency-rates-import-errors');

    await importer.getByLabel('Importer de gyldige linjene selv om noen er feil').check();
    await importer.getByRole('button', { name: 'Importer', exact: true }).click();
    await importer.getByText('2 kurser er importert.').first().waitFor();
    await table
      .getByRole('row')
      .filter({ hasText: 'USD' })
      .filter({ hasText: '10,1234' })
      .waitFor();
    await table
      .getByRole('row')
      .filter({ hasText: 'SEK' })
      .filter({ hasText: 'Importert' })
      .waitFor();
    await screenshot(page, '188-currency-rates');
  });
});
