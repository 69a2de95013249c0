import { startTestServer } from '@nordbok/server/test-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin } from './api';
import { browserAvailable, launchBrowser, newPage } from './browser';
import { chooseCompany, describedBy, logIn, screenshot, waitForHeading } from './helpers';
import { openFromMenu } from './ledger-helpers';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const main = (page: Page) => page.getByRole('main');
/** An element's text with no-break spaces read as plain ones ("1 490,00"). */
const textOf = async (page: Page, name: string) =>
  ((await page.getByTestId(name).textContent()) ?? '').replace(/\s/g, ' ');

/** The name of the field that has the keyboard: its aria-label, else its label's text. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const field = document.activeElement as HTMLInputElement | null;
    return field?.getAttribute('aria-label') ?? field?.labels?.[0]?.textContent ?? null;
  });

/** The item picker of a line in the editor. */
const itemField = (page: Page, line: number) =>
  page.getByRole('combobox', { name: `Vare, linje ${line}`, exact: true });

/** Picks an item in a line's picker from the keyboard: its number, ↓ and Enter. */
async function pickItem(page: Page, number: string, name: string) {
  await page.keyboard.type(number);
  await page.getByRole('option', { name: `${number} ${name}` }).waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

/** Picks the customer in the editor's customer field, which has the keyboard. */
async function pickCustomer(page: Page, name: string) {
  await page.keyboard.type(name);
  await page.getByRole('option', { name: new RegExp(`^${name}`) }).waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

/** The status shown in the document's header, e.g. "4 Bokført". */
async function headerStatus(page: Page) {
  return (await page.getByTestId('document-status').textContent()) ?? '';
}

/** Closes the notices in the corner, so a screenshot shows the buttons under them. */
async function dismissNotices(page: Page) {
  for (const close of await page.locator('.mantine-Notification-closeButton').all()) {
    await close.click().catch(() => {});
  }
  await expect.poll(() => page.locator('.mantine-Notification-root').count()).toBe(0);
}

/** The cells of a line on the document screen, as shown. */
async function lineCells(page: Page, lineNo: number) {
  const cells = await page.getByTestId(`line-${lineNo}`).getByRole('cell').allTextContents();
  return cells.map((c) => c.replace(/\s/g, ' '));
}

describe.skipIf(!browserAvailable())('sales documents', () => {
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

  it('sells two courses on an invoice typed from the keyboard, and takes the payment', async () => {
    await openFromMenu(page, 'Salg', 'Salgsdokumenter');
    await page.getByRole('button', { name: 'Hva betyr statusene?' }).click();
    await page.getByText('Alt på dokumentet er overført til neste ledd.').waitFor();
    // The legend fades in.
    await page.waitForTimeout(400);
    await screenshot(page, '100-sales-list', { fullPage: false });
    await page.keyboard.press('Escape');
    // Arrow keys move through the rows and Enter opens one (the mouse, resting over a row,
    // would choose the row it is on).
    await page.mouse.move(0, 0);
    const second = page.locator('#document-results tbody tr').nth(1);
    const secondNumber = (await second.getByRole('link').textContent()) ?? '';
    await page.getByLabel('Søk', { exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: new RegExp(` ${secondNumber}$`) }).waitFor();
    await page.goBack();
    await waitForHeading(page, 'Salgsdokumenter');

    // The list comes a page at a time.
    const count = page.getByText(/^Viser \d+ av \d+$/);
    expect(await count.textContent()).toMatch(/^Viser 50 av/);
    await page.getByRole('button', { name: 'Vis flere' }).click();
    await expect.poll(() => count.textContent()).toMatch(/^Viser 100 av/);

    await page.getByLabel('Søk', { exact: true }).focus();
    await page.keyboard.press('Alt+N');
    await waitForHeading(page, 'Ny faktura');
    await pickCustomer(page, 'Hotell Bryggen AS');

    await itemField(page, 1).focus();
    await pickItem(page, '6001', 'Baristakurs, grunnkurs');
    // Choosing the item fills the line and puts the cursor in its quantity.
    await expect
      .poll(() => page.getByLabel('Beskrivelse, linje 1').inputValue())
      .toBe('Baristakurs, grunnkurs');
    await expect.poll(() => focusedName(page)).toBe('Antall, linje 1');
    await expect.poll(() => page.getByLabel('Pris, linje 1').inputValue()).toBe('1490,00');
    await page.keyboard.type('2');
    // On through unit, price, discount, VAT code and account to a new line.
    for (let i = 0; i < 6; i++) await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('Vare, linje 2');
    await pickItem(page, '6003', 'Kaffesmaking for bedrifter');
    await expect.poll(() => page.getByLabel('Pris, linje 2').inputValue()).toBe('1800,00');
    await page.keyboard.type('1,5');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('1750');
    await page.keyboard.press('Enter');
    await page.keyboard.type('10');
    // 2 × 1 490 + 1,5 × 1 750 less 10 % = 2 980 + 2 362,50; VAT 25 % of 5 342,50.
    const totals = page.getByRole('table', { name: 'Summer' });
    await expect
      .poll(async () => ((await totals.textContent()) ?? '').replace(/\s/g, ' '))
      .toContain('6 678,13');
    await screenshot(page, '101-invoice-editor');
    await page.keyboard.press('Control+Enter');

    await page.getByRole('heading', { level: 1, name: /^Faktura \d+$/ }).waitFor();
    await page.getByText('4 Bokført').first().waitFor();
    const kid = main(page).getByText('KID', { exact: true });
    await kid.waitFor();
    expect(await headerStatus(page)).toBe('4 Bokført');
    expect(await textOf(page, 'line-2')).toContain('2 362,50');
    await dismissNotices(page);
    await screenshot(page, '101-invoice');
    // The invoice as a PDF to print or send.
    const pdfHref = await main(page).getByRole('link', { name: 'PDF' }).getAttribute('href');
    const pdf = await page.request.get(new URL(pdfHref ?? '', server.url).toString());
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 4).toString()).toBe('%PDF');

    await page.getByRole('button', { name: 'Registrer betaling' }).click();
    const dialog = page.getByRole('dialog');
    expect((await dialog.getByLabel('Beløp (NOK)').inputValue()).replace(/\s/g, ' ')).toBe(
      '6678,13',
    );
    expect(await dialog.getByLabel('Konto').inputValue()).toBe('1920');
    await page.waitForTimeout(300); // the dialog fades in
    await screenshot(page, '103-payment', { fullPage: false });
    await dialog.getByRole('button', { name: 'Registrer betaling' }).click();
    await page.getByText('Betalingen er registrert.').waitFor();
    await expect.poll(() => headerStatus(page)).toBe('6 Betalt');
  });

  it('asks what to do with a payment larger than what is open', async () => {
    await page.goto(`${server.url}/#/sales/documents/new?kind=invoice`);
    await waitForHeading(page, 'Ny faktura');
    await pickCustomer(page, 'Bergen Sjømat AS');
    await itemField(page, 1).focus();
    await pickItem(page, '6002', 'Cupping-kveld');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByRole('heading', { level: 1, name: /^Faktura \d+$/ }).waitFor();
    await page.getByRole('button', { name: 'Registrer betaling' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Beløp (NOK)').fill('600');
    await dialog.getByRole('button', { name: 'Registrer betaling' }).click();
    await dialog.getByText('Velg hva som skal skje med det som er betalt for mye.').waitFor();
    await dialog.getByLabel('Behold på konto som forskudd fra kunden').check();
    await dialog.getByRole('button', { name: 'Registrer betaling' }).click();
    await page.getByText('Betalingen er registrert.').waitFor();
    await expect.poll(() => headerStatus(page)).toBe('6 Betalt');
  });

  it('carries an order forward in two steps, with links both ways', async () => {
    await page.goto(`${server.url}/#/sales/documents/new?kind=order`);
    await waitForHeading(page, 'Ny ordre');
    await pickCustomer(page, 'Vestland Kontorservice AS');
    await itemField(page, 1).focus();
    await pickItem(page, '5002', 'Termokopp 350 ml');
    await page.keyboard.type('5');
    await page.keyboard.press('Control+Enter');
    const orderHeading = page.getByRole('heading', { level: 1, name: /^Ordre \d+$/ });
    await orderHeading.waitFor();
    const orderTitle = (await orderHeading.textContent()) ?? '';
    const orderUrl = page.url();
    expect(await headerStatus(page)).toBe('0 Registrert');

    // The order may still be changed: its reference is put in afterwards.
    await page.getByRole('link', { name: 'Endre' }).click();
    await waitForHeading(page, `Endre ${orderTitle.replace('Ordre', 'ordre')}`);
    expect(await page.getByLabel('Antall, linje 1').inputValue()).toBe('5');
    await page.getByLabel('Deres referanse').fill('PO-77');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await waitForHeading(page, orderTitle);
    await main(page).getByText('PO-77').waitFor();

    // Carrying forward more than remains is refused on that line's quantity.
    await page.getByRole('button', { name: 'Overfør til …' }).click();
    let dialog = page.getByRole('dialog');
    expect(await dialog.getByLabel('Overfør til').inputValue()).toBe('shipment');
    const take = dialog.getByLabel('Overfør antall, linje 1');
    expect(await take.inputValue()).toBe('5');
    await take.fill('7');
    await dialog.getByRole('button', { name: 'Lag vareutsendelse' }).click();
    await expect.poll(() => take.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(take)).toMatch(/5 stk left to carry forward; 7 is more than that/);
    await screenshot(page, '104-carry-forward-too-much', { fullPage: false });

    await take.fill('3');
    await screenshot(page, '102-carry-forward', { fullPage: false });
    await dialog.getByRole('button', { name: 'Lag vareutsendelse' }).click();
    await page.getByRole('heading', { level: 1, name: /^Vareutsendelse \d+$/ }).waitFor();
    await main(page).getByRole('link', { name: orderTitle }).click();
    await waitForHeading(page, orderTitle);
    await expect.poll(() => headerStatus(page)).toBe('2 Delvis overført');
    const cells = await lineCells(page, 1);
    expect(cells.slice(9, 11)).toEqual(['3', '2']);
    await main(page)
      .getByRole('link', { name: /^Vareutsendelse \d+$/ })
      .waitFor();

    await page.getByRole('button', { name: 'Overfør til …' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Overfør til').selectOption({ label: 'Faktura' });
    expect(await dialog.getByLabel('Overfør antall, linje 1').inputValue()).toBe('2');
    await dialog.getByRole('button', { name: 'Lag faktura' }).click();
    const invoiceHeading = page.getByRole('heading', { level: 1, name: /^Faktura \d+$/ });
    await invoiceHeading.waitFor();
    const invoiceTitle = (await invoiceHeading.textContent()) ?? '';
    await main(page).getByRole('link', { name: orderTitle }).waitFor();
    await page.goto(orderUrl);
    await waitForHeading(page, orderTitle);
    await expect.poll(() => headerStatus(page)).toBe('3 Overført');
    await main(page).getByRole('link', { name: invoiceTitle }).waitFor();
    await main(page)
      .getByRole('link', { name: /^Vareutsendelse \d+$/ })
      .waitFor();
    await dismissNotices(page);
    await screenshot(page, '105-order-carried');

    // Crediting the invoice: a credit note for all of it, and the invoice is credited.
    await main(page).getByRole('link', { name: invoiceTitle }).click();
    await waitForHeading(page, invoiceTitle);
    const invoiceUrl = page.url();
    await page.getByRole('button', { name: 'Krediter' }).click();
    dialog = page.getByRole('dialog');
    expect(await dialog.getByLabel('Overfør til').inputValue()).toBe('credit_note');
    await dialog.getByRole('button', { name: 'Lag kreditnota' }).click();
    await page.getByRole('heading', { level: 1, name: /^Kreditnota \d+$/ }).waitFor();
    await main(page).getByRole('link', { name: invoiceTitle }).waitFor();
    await page.goto(invoiceUrl);
    await waitForHeading(page, invoiceTitle);
    await expect.poll(() => headerStatus(page)).toBe('8 Kreditert');
  });

  it('makes one invoice of two orders on the group invoicing screen', async () => {
    const { api, session } = await apiLogin(server.url, server.adminEmail, server.adminPassword);
    const companyId = session.companies.find((c) => c.name === 'Fjordkaffe AS')!.id;
    const at = (path: string) => `/companies/${companyId}${path}`;
    const customers = await api.call<{ items: { id: number; name: string }[] }>(
      'GET',
      at(`/contacts?q=${encodeURIComponent('Bergen Sjømat')}&role=customer`),
    );
    const partyId = customers.body.items.find((c) => c.name === 'Bergen Sjømat AS')!.id;
    const items = await api.call<{ items: { id: number; number: string }[] }>(
      'GET',
      at('/inventory/items?search=6002'),
    );
    const itemId = items.body.items.find((i) => i.number === '6002')!.id;
    const orders: number[] = [];
    for (const quantity of [2, 3]) {
      const order = await api.call<{ number: number }>('POST', at('/documents'), {
        kind: 'order',
        partyId,
        date: new Date().toISOString().slice(0, 10),
        lines: [{ itemId, quantity }],
      });
      expect(order.status).toBe(201);
      orders.push(order.body.number);
    }

    await openFromMenu(page, 'Salg', 'Samlefaktura');
    await pickCustomer(page, 'Bergen Sjømat AS');
    for (const number of orders) await page.getByLabel(`Ta med Ordre ${number}`).check();
    await screenshot(page, '108-group-invoice');
    await page.getByRole('button', { name: 'Lag samlefaktura av 2 dokumenter' }).click();
    await page.getByRole('heading', { level: 1, name: /^Faktura \d+$/ }).waitFor();
    for (const number of orders) {
      await main(page)
        .getByRole('link', { name: `Ordre ${number}` })
        .waitFor();
    }
    // 5 cupping evenings at 450 kr.
    expect(await textOf(page, 'line-2')).toContain('1 350,00');
  });

  it('keeps the sales settings', async () => {
    await openFromMenu(page, 'Salg', 'Salgsinnstillinger');
    await page.getByLabel('Betalingsfrist (dager)').fill('10');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Salgsinnstillingene er lagret.').waitFor();
    await page.reload();
    await waitForHeading(page, 'Salgsinnstillinger');
    await expect.poll(() => page.getByLabel('Betalingsfrist (dager)').inputValue()).toBe('10');
    await screenshot(page, '106-sales-settings');
  });

  it('lists the documents in English when the user reads English', async () => {
    await openFromMenu(page, 'Salg', 'Salgsdokumenter');
    await page.getByRole('radiogroup', { name: 'Språk' }).getByText('English').click();
    await waitForHeading(page, 'Sales documents');
    for (const heading of ['Number', 'Type', 'Date', 'Customer', 'Net', 'Gross', 'Status']) {
      await page.getByRole('columnheader', { name: heading, exact: true }).first().waitFor();
    }
    await page.getByRole('tab', { name: 'Invoices' }).click();
    await main(page).getByRole('table').getByText('6 Paid').first().waitFor();
    await screenshot(page, '107-sales-list-english', { fullPage: false });
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('Norsk').click();
    await waitForHeading(page, 'Salgsdokumenter');
  });
});
