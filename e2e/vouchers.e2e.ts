import { startTestServer } from '@nordbok/server/test-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, newPage } from './browser';
import { chooseCompany, describedBy, logIn, screenshot, waitForHeading } from './helpers';
import {
  ddmm,
  difference,
  dotted,
  fieldValue,
  finishLine,
  focusedField,
  openFromMenu,
  savedVoucher,
  todayInOslo,
  typeAnd,
} from './ledger-helpers';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

// Accounts the demo company never posts to, so the trial balance shows just these vouchers.
const COURSE = { number: '6860', name: 'Kurs, seminarer og møter' };
const OFFICE = { number: '6800', name: 'Kontormateriell' };
const SUNDRY = { number: '7790', name: 'Diverse driftskostnader' };

/** The text of the posting on an account in the detail page's table, spaces made plain. */
async function postingRow(page: Page, account: string) {
  const postings = page.getByRole('table', { name: 'Posteringer' });
  const row = postings.getByRole('row').filter({ hasText: account });
  return ((await row.textContent()) ?? '').replace(/\s/g, ' ');
}

/** The input of an account cell (its list of suggestions carries the same name). */
const accountField = (page: Page, label: string) =>
  page.getByRole('textbox', { name: label, exact: true });

describe.skipIf(!browserAvailable())('voucher entry from the keyboard alone', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let first = 0;
  const today = todayInOslo();

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

  it('opens voucher entry from the accounting menu, on the first field', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Regnskap', exact: true }).click();
    await waitForHeading(page, 'Regnskap');
    await screenshot(page, '19-accounting-overview');
    await openFromMenu(page, 'Regnskap', 'Bilagsregistrering');
    await expect.poll(() => focusedField(page)).toBe('series');
  });

  it('enters a voucher with a VAT code, picking accounts by number and by name', async () => {
    await typeAnd(page, '', 'Tab');
    await typeAnd(page, ddmm(today), 'Tab');
    expect(await describedBy(page.getByLabel('Dato', { exact: true }))).toContain(
      today.slice(0, 4),
    );
    await typeAnd(page, 'Regnskapskurs', 'Tab');
    await typeAnd(page, COURSE.number);
    expect(await focusedField(page)).toBe('lines.0.description');
    await typeAnd(page, 'Kursavgift');
    await typeAnd(page, '2 500');
    // With a debit typed, Enter passes over the credit to the VAT code, filled from the account.
    expect(await focusedField(page)).toBe('lines.0.vatCode');
    expect(await fieldValue(page, 'Mva-kode, linje 1')).toBe('1');
    expect(await difference(page)).toBe('2 500,00');
    await finishLine(page, 0);

    // The next line starts with what balances the voucher.
    expect(await focusedField(page)).toBe('lines.1.account');
    expect(await fieldValue(page, 'Kredit, linje 2')).toBe('2 500,00');
    await page.keyboard.type('driftskonto');
    await page.getByRole('option', { name: /1920/ }).waitFor();
    await screenshot(page, '20-voucher-entry-account-search');
    await typeAnd(page, '');
    expect(await fieldValue(page, 'Konto, linje 2')).toBe('1920');
    expect(await describedBy(accountField(page, 'Konto, linje 2'))).toBe('Driftskonto i bank');
    await finishLine(page, 1);
    expect(await difference(page)).toBe('0,00');
    const vat = page.getByRole('region', { name: 'Mva-linjer som legges til' });
    await vat.getByText('Inngående mva, kode 1').waitFor();
    await vat.getByText('500,00').waitFor();
    await screenshot(page, '21-voucher-entry-balanced');

    await page.keyboard.press('Control+Enter');
    first = await savedVoucher(page);
    expect(first).toBeGreaterThan(0);
    await expect.poll(() => focusedField(page)).toBe('series');
    expect(await fieldValue(page, 'Konto, linje 1')).toBe('');
    expect(await fieldValue(page, 'Dato')).toBe(ddmm(today));
    await screenshot(page, '22-voucher-saved');
  });

  it('copies the previous line with Ctrl+D', async () => {
    await typeAnd(page, '', 'Tab');
    await typeAnd(page, '', 'Tab');
    await typeAnd(page, 'Kontorrekvisita', 'Tab');
    await typeAnd(page, OFFICE.number);
    await typeAnd(page, 'Papir og penner');
    await typeAnd(page, '400');
    await finishLine(page, 0);

    await page.keyboard.press('Control+d');
    await expect.poll(() => focusedField(page)).toBe('lines.1.debit');
    expect(await fieldValue(page, 'Konto, linje 2')).toBe('6800');
    expect(await fieldValue(page, 'Tekst, linje 2')).toBe('Papir og penner');
    await typeAnd(page, '300');
    await finishLine(page, 1);
    expect(await fieldValue(page, 'Kredit, linje 3')).toBe('700,00');
    await typeAnd(page, '1920');
    await finishLine(page, 2);
    expect(await difference(page)).toBe('0,00');

    await page.keyboard.press('Control+Enter');
    expect(await savedVoucher(page, first + 1)).toBe(first + 1);
  });

  it('shows the difference in red until the voucher balances', async () => {
    await typeAnd(page, '', 'Tab');
    await typeAnd(page, dotted(today), 'Tab');
    await typeAnd(page, 'Diverse', 'Tab');
    await typeAnd(page, SUNDRY.number);
    await typeAnd(page, '');
    await typeAnd(page, '150');
    expect(await difference(page)).toBe('150,00');
    const colour = await page
      .getByRole('status', { name: 'Differanse' })
      .evaluate((element) => getComputedStyle(element).color);
    expect(colour).toBe('rgb(240, 62, 62)');
    await finishLine(page, 0);
    await typeAnd(page, '1920');
    await finishLine(page, 1);
    expect(await difference(page)).toBe('0,00');
    await page.keyboard.press('Control+Enter');
    expect(await savedVoucher(page, first + 2)).toBe(first + 2);
  });

  it("refuses an unbalanced voucher with the server's message and saves nothing", async () => {
    await typeAnd(page, '', 'Tab');
    await typeAnd(page, '', 'Tab');
    await typeAnd(page, 'Skjevt bilag', 'Tab');
    await typeAnd(page, SUNDRY.number);
    await typeAnd(page, '');
    await typeAnd(page, '100');
    await finishLine(page, 0);
    await typeAnd(page, '1920');
    await typeAnd(page, '');
    await typeAnd(page, '');
    await page.keyboard.type('90');
    expect(await difference(page)).toBe('10,00');
    await page.keyboard.press('Control+Enter');
    await page
      .getByRole('alert')
      .filter({ hasText: /does not balance/ })
      .first()
      .waitFor();
    await screenshot(page, '23-voucher-unbalanced');
    // The amount of the last line has the keyboard, to be put right there and then.
    await expect.poll(() => focusedField(page)).toBe('lines.1.credit');

    await typeAnd(page, '100', 'Control+Enter');
    // The refused voucher took no number: this one gets the next.
    expect(await savedVoucher(page, first + 3)).toBe(first + 3);
  });

  it('enters a sale to a customer with its open-item fields', async () => {
    const due = new Date(Date.parse(`${today}T12:00:00Z`) + 14 * 86_400_000);
    await typeAnd(page, '', 'Tab');
    await typeAnd(page, '', 'Tab');
    await typeAnd(page, 'Faktura 1001 Hotell Bryggen', 'Tab');
    await typeAnd(page, '1500');
    await typeAnd(page, '');
    await typeAnd(page, '12 500');
    await typeAnd(page, '');
    // Departments and projects are picked by typing part of their name.
    await typeAnd(page, 'kaf');
    expect(await fieldValue(page, 'Avdeling, linje 1')).toBe('KAFE Kafé');
    await typeAnd(page, '');
    // A customer account asks whose invoice it is, its number, due date and KID.
    expect(await focusedField(page)).toBe('lines.0.partyId');
    await page.keyboard.type('hotell');
    await page.getByRole('option', { name: /Hotell Bryggen/ }).waitFor();
    await typeAnd(page, '');
    await typeAnd(page, '1001');
    await typeAnd(page, dotted(due.toISOString().slice(0, 10)));
    await screenshot(page, '25-voucher-entry-customer');
    await typeAnd(page, '1234567897');
    expect(await focusedField(page)).toBe('lines.1.account');
    await typeAnd(page, '3000');
    await finishLine(page, 1);
    const vat = page.getByRole('region', { name: 'Mva-linjer som legges til' });
    await vat.getByText('Utgående mva, kode 3').waitFor();
    await page.keyboard.press('Control+Enter');
    const number = await savedVoucher(page, first + 4);

    await page.getByRole('link', { name: 'Vis bilaget' }).click();
    await waitForHeading(page, `Bilag A ${number}`);
    const postings = page.getByRole('table', { name: 'Posteringer' });
    const row = async (account: string) =>
      ((await postings.getByRole('row').filter({ hasText: account }).textContent()) ?? '').replace(
        /\s/g,
        ' ',
      );
    expect(await row('Fordringer på kunder')).toContain('12 500,00');
    expect(await row('Salg, 25 % mva')).toContain('10 000,00');
    expect(await row('Utgående mva 25 %')).toContain('2 500,00');
    await screenshot(page, '26-voucher-detail');
  });

  it('shows the new amounts in the trial balance', async () => {
    await openFromMenu(page, 'Rapporter', 'Saldobalanse');
    const table = page.getByRole('table', { name: 'Saldobalanse' });
    const row = async (name: string) =>
      ((await table.getByRole('row').filter({ hasText: name }).textContent()) ?? '').replace(
        /\s/g,
        ' ',
      );
    // Net of VAT: 2 500 entered with code 1 is 2 000 on the account and 500 input VAT.
    expect(await row(COURSE.name)).toContain('2 000,00');
    expect(await row(OFFICE.name)).toContain('560,00');
    expect(await row(SUNDRY.name)).toContain('250,00');
    // The closing balances of all accounts add up to nothing.
    const closing = await table.locator('tfoot td').last().textContent();
    expect(closing).toBe('0,00');
    await screenshot(page, '24-trial-balance');
  });

  it('enters an opening balance, saved in series IB on the first day of the year', async () => {
    await openFromMenu(page, 'Regnskap', 'Bilagsregistrering');
    await page.getByRole('switch', { name: 'Åpningsbalanse' }).check({ force: true });
    await page.getByLabel('Dato', { exact: true }).fill(`0101${today.slice(0, 4)}`);
    await page.getByLabel('Bilagstekst').fill('Inngående balanse');
    await accountField(page, 'Konto, linje 1').focus();
    await typeAnd(page, '1920');
    await typeAnd(page, '');
    await page.keyboard.type('10000');
    await finishLine(page, 0);
    await typeAnd(page, '2050');
    await finishLine(page, 1);
    await page.keyboard.press('Control+Enter');
    await page
      .getByRole('status')
      .filter({ hasText: /^Bilag IB \d+ lagret/ })
      .waitFor();
  });

  it('enters amounts excluding VAT, the VAT put on top', async () => {
    await page.getByRole('switch', { name: 'Beløp eks. mva' }).check({ force: true });
    await page.getByLabel('Bilagsserie').focus();
    await typeAnd(page, '', 'Tab');
    await typeAnd(page, '', 'Tab');
    await typeAnd(page, 'Kontorrekvisita netto', 'Tab');
    await typeAnd(page, OFFICE.number);
    await typeAnd(page, '');
    await typeAnd(page, '1 000');
    expect(await fieldValue(page, 'Mva-kode, linje 1')).toBe('1');
    await finishLine(page, 0);
    // The balancing amount proposed includes the 250,00 VAT that will be added.
    expect(await fieldValue(page, 'Kredit, linje 2')).toBe('1 250,00');
    await typeAnd(page, '1920');
    await finishLine(page, 1);
    expect(await difference(page)).toBe('0,00');
    const vat = page.getByRole('region', { name: 'Mva-linjer som legges til' });
    await vat.getByText('250,00').waitFor();
    await screenshot(page, '75-net-entry');
    await page.keyboard.press('Control+Enter');
    const number = await savedVoucher(page, first + 5);

    await page.getByRole('link', { name: 'Vis bilaget' }).click();
    await waitForHeading(page, `Bilag A ${number}`);
    expect(await postingRow(page, OFFICE.number)).toContain('1 000,00');
    expect(await postingRow(page, '2710')).toContain('250,00');
    expect(await postingRow(page, '1920')).toContain('1 250,00');
  });

  it('enters a line in a foreign currency, its NOK amount worked out from the rate', async () => {
    await openFromMenu(page, 'Regnskap', 'Bilagsregistrering');
    await expect.poll(() => focusedField(page)).toBe('series');
    await typeAnd(page, '', 'Tab');
    await typeAnd(page, '', 'Tab');
    await typeAnd(page, 'Konsulent i Tyskland', 'Tab');
    await typeAnd(page, '6790');
    await typeAnd(page, '');
    await typeAnd(page, '');
    await typeAnd(page, '');
    // No VAT code on this one, then Ctrl+M for the currency fields under the line.
    expect(await focusedField(page)).toBe('lines.0.vatCode');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Control+m');
    await expect.poll(() => focusedField(page)).toBe('lines.0.currencyCode');
    await typeAnd(page, 'eur');
    await typeAnd(page, '100,00');
    await page.keyboard.type('11,50');
    expect(await fieldValue(page, 'Debet, linje 1')).toBe('1 150,00');
    await page.keyboard.press('Enter');
    expect(await focusedField(page)).toBe('lines.1.account');
    expect(await fieldValue(page, 'Kredit, linje 2')).toBe('1 150,00');
    await typeAnd(page, '1920');
    await finishLine(page, 1);
    expect(await difference(page)).toBe('0,00');
    await screenshot(page, '76-currency-line');
    await page.keyboard.press('Control+Enter');
    const number = await savedVoucher(page, first + 6);

    await page.getByRole('link', { name: 'Vis bilaget' }).click();
    await waitForHeading(page, `Bilag A ${number}`);
    const row = await postingRow(page, '6790');
    expect(row).toContain('1 150,00');
    expect(row).toContain('EUR 100,00 @ 11.50');
  });

  it('reads in English as well', async () => {
    await page.getByRole('radiogroup', { name: 'Språk' }).getByText('English').click();
    await openFromMenu(page, 'Accounting', 'Voucher entry');
    await expect.poll(() => focusedField(page)).toBe('series');
    await typeAnd(page, '', 'Tab');
    await typeAnd(page, '', 'Tab');
    await typeAnd(page, 'Office supplies', 'Tab');
    await typeAnd(page, 'stationery');
    await typeAnd(page, '');
    await typeAnd(page, '99,50');
    expect(await describedBy(accountField(page, 'Account, line 1'))).toBe(
      'Office stationery and supplies',
    );
    await page.getByRole('region', { name: 'VAT lines to be added' }).getByText('19,90').waitFor();
    await screenshot(page, '27-voucher-entry-english');
    await openFromMenu(page, 'Reports', 'Trial balance');
    await page.getByRole('table', { name: 'Trial balance' }).waitFor();
  });
});
