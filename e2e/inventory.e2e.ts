import { startTestServer } from '@nordbok/server/test-server';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, newPage } from './browser';
import { chooseCompany, logIn, screenshot, waitForHeading } from './helpers';
import { openFromMenu } from './ledger-helpers';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const main = (page: Page) => page.getByRole('main');
/** The item picker's text field (its label also names the list of choices). */
const itemInput = (within: Locator) =>
  within.locator('input').and(within.getByLabel('Vare', { exact: true }));

describe.skipIf(!browserAvailable())('inventory', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
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

  it('searches the demo items and opens an item card from the keyboard', async () => {
    await openFromMenu(page, 'Lager', 'Varer');
    await page.getByRole('cell', { name: 'Fjordblend 250 g' }).waitFor();
    await screenshot(page, '110-inventory-items');
    const search = page.getByLabel('Søk', { exact: true });
    await search.fill('yirga');
    await page.getByRole('cell', { name: 'Råkaffe Etiopia Yirgacheffe' }).waitFor();
    await expect.poll(() => page.getByRole('row').count()).toBe(3);
    await search.press('Enter');
    await waitForHeading(page, '1001 Råkaffe Etiopia Yirgacheffe');
    await page.getByRole('tab', { name: 'Bevegelser' }).waitFor();
    await page.getByRole('cell', { name: 'Inngående beholdning' }).first().waitFor();
    await screenshot(page, '111-inventory-item-card', { fullPage: false });
    await page.getByRole('tab', { name: 'Prishistorikk' }).click();
    await page.getByRole('cell', { name: 'Varemottak (snittpris)' }).first().waitFor();
    await page.getByRole('tab', { name: 'Dokumentlinjer' }).click();
    // The demo buys green coffee with purchase orders, receipts and bills.
    const lines = page.getByRole('table', { name: 'Dokumentlinjer' });
    await lines
      .getByRole('link', { name: /^Regning \d+$/ })
      .first()
      .waitFor();
    await lines
      .getByRole('link', { name: /^Bestilling \d+$/ })
      .first()
      .waitFor();
    await lines.getByText('Kaffeimportøren AS').first().waitFor();
    await screenshot(page, '114-inventory-item-card-documents', { fullPage: false });
    await lines
      .getByRole('link', { name: /^Bestilling \d+$/ })
      .first()
      .click();
    await expect.poll(() => page.url()).toMatch(/#\/purchasing\/documents\/\d+$/);
    await waitForHeading(page, /^Bestilling \d+/);
  });

  it('creates a new item in a group, refusing an unknown account first', async () => {
    await page.goto(`${server.url}/#/inventory/items/new`);
    await waitForHeading(page, 'Ny vare');
    await page.getByLabel('Varenr.').fill('5099');
    await page.getByLabel('Varegruppe').selectOption({ label: 'UTSTYR Utstyr og tilbehør' });
    await page.getByRole('textbox', { name: /^Navn\s*\*?$/ }).fill('Kaffevekt med timer');
    await page.getByLabel('Salgspris').fill('399,00');
    await page.getByLabel('Kostpris').fill('180');
    await page.getByLabel('Bestillingspunkt').fill('4');
    await page.getByLabel('Salgskonto').fill('3999');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await expect
      .poll(() => page.getByText('Account 3999 is not in the chart.').count())
      .toBeGreaterThan(0);
    await screenshot(page, '112-inventory-item-form-error');
    await page.getByLabel('Salgskonto').fill('');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await waitForHeading(page, '5099 Kaffevekt med timer');
    // Accounts and VAT codes came from the group.
    await page.getByText('3000 / 3').waitFor();
    await screenshot(page, '113-inventory-new-item-card');
  });

  it('keeps item groups and warehouses', async () => {
    await openFromMenu(page, 'Lager', 'Varegrupper');
    await page.getByRole('cell', { name: 'Råkaffe', exact: true }).waitFor();
    await main(page).getByLabel('Kode', { exact: true }).fill('TE');
    await main(page).getByLabel('Navn', { exact: true }).fill('Te');
    await page.getByLabel('Under gruppe').selectOption({ label: 'KAFFE Kaffe' });
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByRole('cell', { name: 'Te', exact: true }).waitFor();
    // Putting Kaffe under its own sub-group is refused.
    const kaffe = page
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: 'KAFFE', exact: true }) });
    await kaffe.getByRole('button', { name: 'Endre' }).click();
    await page.getByLabel('Under gruppe').selectOption({ label: 'TE Te' });
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('A group cannot lie under itself').waitFor();
    await screenshot(page, '114-inventory-groups');
    await page.getByRole('button', { name: 'Avbryt' }).click();

    await openFromMenu(page, 'Lager', 'Lagre');
    await page.getByRole('cell', { name: 'Brenneri' }).waitFor();
    await main(page).getByLabel('Kode', { exact: true }).fill('LAGER2');
    await main(page).getByLabel('Navn', { exact: true }).fill('Utsalg Torgallmenningen');
    await page.getByRole('button', { name: 'Legg til lager' }).click();
    await page.getByRole('cell', { name: 'Utsalg Torgallmenningen' }).waitFor();
    await page
      .getByRole('row')
      .filter({ hasText: 'Utsalg Torgallmenningen' })
      .getByRole('button', { name: 'Endre' })
      .click();
    await main(page).getByLabel('Navn', { exact: true }).fill('Utsalg Torget');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await page.getByRole('cell', { name: 'Utsalg Torget' }).waitFor();
    await screenshot(page, '115-inventory-warehouses');
  });

  it('enters a receipt and a transfer, and refuses an issue beyond stock', async () => {
    await openFromMenu(page, 'Lager', 'Lagerbevegelser');
    await itemInput(main(page)).fill('5099');
    await page.getByRole('option', { name: '5099 Kaffevekt med timer' }).click();
    await main(page).getByLabel('Lager', { exact: true }).selectOption({ label: 'KAFE Kafé' });
    await page.getByLabel('Antall').fill('10');
    await page.getByLabel('Enhetskost').fill('175');
    await page.getByRole('button', { name: 'Bokfør' }).click();
    await page.getByText('Lagerverdien er bokført.').waitFor();
    await page.getByRole('cell', { name: '5099 Kaffevekt med timer' }).waitFor();
    await screenshot(page, '116-inventory-receipt');

    await page.getByLabel('Type').selectOption({ label: 'Uttak' });
    await itemInput(main(page)).fill('5099');
    await page.getByRole('option', { name: '5099 Kaffevekt med timer' }).click();
    await main(page).getByLabel('Lager', { exact: true }).selectOption({ label: 'KAFE Kafé' });
    await page.getByLabel('Antall').fill('12');
    await page.getByRole('button', { name: 'Bokfør' }).click();
    await page.getByRole('alert').filter({ hasText: 'Not enough 5099' }).waitFor();
    await screenshot(page, '117-inventory-negative-refused');

    await page.getByLabel('Type').selectOption({ label: 'Overføring' });
    await page.getByLabel('Antall').fill('4');
    await page.getByLabel('Til lager').selectOption({ label: 'BRENN Brenneri' });
    await page.getByRole('button', { name: 'Bokfør' }).click();
    await page.getByText('2 bevegelser bokført.').waitFor();
  });

  it('shows the stock list per warehouse and the reorder report', async () => {
    await openFromMenu(page, 'Lager', 'Lagerliste');
    const row = page.getByRole('row').filter({ hasText: 'Kaffevekt med timer' });
    await expect
      .poll(async () => (await row.textContent())?.replace(/\s/g, ' '))
      .toContain('1 750,00');
    await page.getByRole('columnheader', { name: 'Brenneri' }).waitFor();
    await screenshot(page, '118-inventory-stock-list');
    await page.getByLabel('Per dato').fill(`01.01.${new Date().getUTCFullYear()}`);
    await expect.poll(() => row.count()).toBe(0);

    await openFromMenu(page, 'Lager', 'Bestillingsforslag');
    await page.getByRole('heading', { name: /Nordisk Kaffeutstyr AS/ }).waitFor();
    await screenshot(page, '119-inventory-reorder');
  });

  it('counts a warehouse and posts the difference', async () => {
    await openFromMenu(page, 'Lager', 'Varetelling');
    await main(page).getByLabel('Lager', { exact: true }).selectOption({ label: 'KAFE Kafé' });
    const field = page.getByLabel('Talt antall Kaffevekt med timer');
    await field.fill('5');
    await page.getByRole('row').filter({ has: field }).getByText('−1').waitFor();
    await screenshot(page, '120-inventory-count');
    await page.getByRole('button', { name: /Bokfør 1 telling/ }).click();
    await page.getByText('Tellingen er bokført med 1 avvik.').waitFor();
  });

  it('adjusts prices with a preview and refuses a rule making prices negative', async () => {
    await openFromMenu(page, 'Lager', 'Prisjustering');
    await page.getByLabel('Varegruppe').selectOption({ label: 'BAKST Bakst' });
    await page.getByLabel('Verdi').fill('5');
    await page.getByLabel('Avrunding').selectOption({ label: 'Til hele kroner' });
    await page.getByRole('button', { name: 'Forhåndsvis' }).click();
    const bun = page.getByRole('row').filter({ hasText: 'Kanelbolle' });
    await expect
      .poll(async () => (await bun.textContent())?.replace(/\s/g, ' '))
      .toContain('44,00');
    await screenshot(page, '121-inventory-price-preview');
    await page.getByRole('button', { name: /Bruk på 6 varer/ }).click();
    await page.getByText('6 priser er endret.').waitFor();

    await page.getByLabel('Endring').selectOption({ label: 'Beløp (kr)' });
    await page.getByLabel('Verdi').fill('-100');
    await page.getByRole('button', { name: 'Forhåndsvis' }).click();
    await page.getByRole('alert').filter({ hasText: 'ville blitt negative' }).waitFor();
    expect(await page.getByRole('button', { name: /Bruk på/ }).isDisabled()).toBe(true);
  });

  it('looks up a price and keeps price lists and discounts', async () => {
    await openFromMenu(page, 'Lager', 'Priser og rabatter');
    await page.getByText('Horeca · NOK').waitFor();
    const lookup = page.getByRole('form', { name: 'Prisoppslag' });
    await itemInput(lookup).fill('3005');
    await page.getByRole('option', { name: '3005 Fjordblend 1 kg' }).click();
    await lookup.getByLabel('Kunde').selectOption({ label: 'Hotell Bryggen AS' });
    await lookup.getByLabel('Antall').fill('12');
    await lookup.getByRole('button', { name: 'Finn pris' }).click();
    await page.getByRole('status').filter({ hasText: '399,00 NOK fra prisliste' }).waitFor();
    await screenshot(page, '122-inventory-prices');
  });

  it('edits a line of a price list from the keyboard, with errors under the fields', async () => {
    await openFromMenu(page, 'Lager', 'Priser og rabatter');
    const edit = page.getByRole('button', { name: 'Endre prislisten Horeca' });
    await edit.focus();
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'Endre prislisten Horeca' });
    const name = form.getByLabel('Navn', { exact: true });
    // The form opens with the cursor in the name and the saved lines filled in.
    await expect.poll(() => name.evaluate((e) => e === document.activeElement)).toBe(true);
    const breakPrice = form.getByLabel('Pris', { exact: true }).nth(1);
    expect(await breakPrice.inputValue()).toBe('399,00');
    expect(await form.getByLabel('Fra antall').nth(1).inputValue()).toBe('10');
    expect(await itemInput(form).nth(1).inputValue()).toBe('3005 Fjordblend 1 kg');

    // A price that is no amount is caught before sending, under its field.
    await breakPrice.fill('tre hundre');
    await breakPrice.press('Enter');
    await form.getByText('Skriv prisen i kroner, for eksempel 149,00.').waitFor();

    // A date that is no date stops the saving, with the cursor put in that field.
    await breakPrice.fill('389,50');
    await form.getByLabel('Gyldig fra').fill('3102');
    await breakPrice.press('Enter');
    await form.getByText('Ugyldig dato').waitFor();
    await expect
      .poll(() => form.getByLabel('Gyldig fra').evaluate((e) => e === document.activeElement))
      .toBe(true);

    // The server's refusal of the dates is shown under the field it concerns.
    await form.getByLabel('Gyldig fra').fill('0112');
    await form.getByLabel('Gyldig til').fill('01.11');
    await form.getByLabel('Gyldig til').press('Enter');
    const toError = form.locator('.mantine-InputWrapper-error');
    await expect.poll(() => toError.count()).toBe(1);
    await screenshot(page, '126-inventory-price-list-edit');

    await form.getByLabel('Gyldig fra').fill('');
    await form.getByLabel('Gyldig til').fill('');
    await breakPrice.press('Enter');
    await page.getByText('Prislisten Horeca er lagret.').waitFor();
    const horeca = page.locator('.mantine-Paper-root').filter({ hasText: 'Horeca · NOK' });
    await expect
      .poll(async () => (await horeca.textContent())?.replace(/\s/g, ' '))
      .toContain('389,50');
    // Saved, the cursor is back on the list's edit button.
    await expect.poll(() => edit.evaluate((e) => e === document.activeElement)).toBe(true);
    // Esc leaves a changed form without saving.
    await page.keyboard.press('Enter');
    await breakPrice.fill('1,00');
    await page.keyboard.press('Escape');
    await expect.poll(() => form.count()).toBe(0);
    await expect.poll(() => edit.evaluate((e) => e === document.activeElement)).toBe(true);
    expect((await horeca.textContent())?.replace(/\s/g, ' ')).toContain('389,50');

    const lookup = page.getByRole('form', { name: 'Prisoppslag' });
    await itemInput(lookup).fill('3005');
    await page.getByRole('option', { name: '3005 Fjordblend 1 kg' }).click();
    await lookup.getByLabel('Kunde').selectOption({ label: 'Hotell Bryggen AS' });
    await lookup.getByLabel('Antall').fill('12');
    await lookup.getByLabel('Dato').fill('0101');
    await lookup.getByRole('button', { name: 'Finn pris' }).click();
    await page.getByRole('status').filter({ hasText: '389,50 NOK fra prisliste' }).waitFor();
  });

  it('imports items from CSV after a preview with per-row errors', async () => {
    await openFromMenu(page, 'Lager', 'Vareimport');
    const bad =
      'Varenummer;Navn;Enhet;Salgspris\n8101;Kaffefilter 102;pk;39,00\n8102;Spesialboks;boks;10,00\n';
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'varer.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByText('Unknown unit "boks"').waitFor();
    expect(await page.getByRole('button', { name: /Les inn/ }).isDisabled()).toBe(true);
    await screenshot(page, '123-inventory-import-errors');
    const good = 'Varenummer;Navn;Enhet;Salgspris\n8101;Kaffefilter 102;pk;39,00\n';
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'varer.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.getByText('Filen er i orden: 1 nye og 0 endrede varer.').waitFor();
    await page.getByRole('button', { name: 'Les inn 1 vare' }).click();
    await page.getByText('1 varer opprettet og 0 oppdatert.').waitFor();
  });

  it('reports turnover from invoice lines and says what it is based on', async () => {
    await openFromMenu(page, 'Lager', 'Vareomsetning');
    await page.getByText('Grunnlaget er faktura- og kreditnotalinjer').waitFor();
    // The demo company's invoices give every row a margin.
    await page.getByRole('columnheader', { name: 'Varekost' }).waitFor();
    await page.getByRole('row').nth(1).waitFor();
    await screenshot(page, '124-inventory-turnover');
  });
  it('speaks English when the user does', async () => {
    await page.getByRole('radiogroup', { name: 'Språk' }).getByText('English').click();
    await openFromMenu(page, 'Inventory', 'Stock list');
    await page.getByRole('columnheader', { name: 'Value' }).waitFor();
    await openFromMenu(page, 'Inventory', 'Items');
    // Items show their English name where they have one.
    await page.getByRole('cell', { name: 'Fjord blend 250 g' }).waitFor();
    await page.getByText('Structured item').first().waitFor();
    await screenshot(page, '125-inventory-items-english', { fullPage: false });
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('Norsk').click();
  });
});
