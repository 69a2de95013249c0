import fs from 'node:fs';
import { startTestServer } from '@nordbok/server/test-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiSession, apiLogin } from './api';
import { browserAvailable, launchBrowser, newPage } from './browser';
import { chooseCompany, describedBy, logIn, screenshot, waitForHeading } from './helpers';
import { openFromMenu, todayInOslo } from './ledger-helpers';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const SUPPLIER = 'Bryggeriutstyr Nord AS';
const ITEM = 'Kaffefilter nr. 4 (forslag)';

/** The date `days` before `iso`. */
function daysBefore(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

describe.skipIf(!browserAvailable())('purchase and remittance proposals', () => {
  let server: TestServer;
  let admin: ApiSession;
  let companyId: number;
  let browser: Browser;
  let page: Page;
  let bill: { id: number; number: number };
  const today = todayInOslo();

  beforeAll(async () => {
    server = await startTestServer();
    const login = await apiLogin(server.url, server.adminEmail, server.adminPassword);
    admin = login.api;
    const demo = login.session.companies.find((c) => c.name === 'Fjordkaffe AS');
    if (!demo) throw new Error('the test server has no demo company');
    companyId = demo.id;
    const post = async <T>(path: string, body: unknown) => {
      const res = await admin.call<T>('POST', `/companies/${companyId}${path}`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    };
    const supplier = await post<{ id: number }>('/parties', { name: SUPPLIER, supplier: true });
    const customer = await post<{ id: number }>('/parties', {
      name: 'Forslagskafeen AS',
      customer: true,
    });
    // None in stock, 4 promised to a customer: 14 short of the reorder point of 10.
    const item = await post<{ id: number }>('/inventory/items', {
      number: '9401',
      kind: 'stock',
      name: ITEM,
      unit: 'stk',
      salesPrice: 9_900,
      costPrice: 3_500,
      reorderPoint: 10,
      reorderQuantity: 24,
      suppliers: [
        { partyId: supplier.id, supplierItemNumber: 'BN-F4', price: 3_200, preferred: true },
      ],
    });
    await post('/documents', {
      kind: 'order',
      partyId: customer.id,
      date: today,
      lines: [{ itemId: item.id, quantity: 4 }],
    });
    bill = await post<{ id: number; number: number }>('/documents', {
      kind: 'bill',
      partyId: supplier.id,
      date: daysBefore(today, 20),
      dueDate: daysBefore(today, 2),
      externalNumber: 'BN-2207',
      kid: '0000531',
      lines: [{ description: 'Varekjøp', quantity: 1, unitPrice: 120_000, account: '4000' }],
    });
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

  it('proposes the item that runs short and orders a changed quantity from its supplier', async () => {
    await openFromMenu(page, 'Innkjøp', 'Innkjøpsforslag');
    const mine = page.getByRole('checkbox', { name: `Bestill ${ITEM}` });
    await mine.waitFor();
    const row = page.getByRole('row').filter({ has: mine });
    await row.getByRole('cell', { name: 'BN-F4', exact: true }).waitFor();
    // On hand 0, 4 on sales orders, available −4; the reorder quantity 24 is suggested.
    await row.getByRole('cell', { name: '−4', exact: true }).waitFor();
    const quantity = page.getByLabel(`Antall av ${ITEM}`);
    await expect.poll(() => quantity.inputValue()).toBe('24');

    // Only this supplier: the demo company may have other items running short.
    for (const box of await page.getByRole('checkbox', { name: /^Velg alle fra / }).all()) {
      if ((await box.getAttribute('aria-label')) !== `Velg alle fra ${SUPPLIER}`) {
        await box.uncheck();
      }
    }
    await quantity.fill('0');
    await expect.poll(() => describedBy(quantity)).toContain('Skriv et antall over null');
    await quantity.fill('30');
    await screenshot(page, '175-purchase-proposal');
    await page.getByRole('button', { name: 'Lag bestillinger (1)' }).click();
    const result = page.getByRole('status').filter({ hasText: 'Laget' });
    const link = result.getByRole('link', {
      name: new RegExp(`^Bestilling \\d+ til ${SUPPLIER}$`),
    });
    await link.waitFor();
    await screenshot(page, '176-purchase-proposal-created');
    await link.click();
    await waitForHeading(page, /^Bestilling \d+/);
    await page.getByRole('cell', { name: ITEM }).first().waitFor();
    await page.getByRole('cell', { name: '32,00', exact: true }).first().waitFor();
  });

  it('pays the bill due, asks for the account number first, and offers the pain.001 file', async () => {
    await openFromMenu(page, 'Innkjøp', 'Betalingsforslag');
    const choose = page.getByRole('checkbox', {
      name: `Betal regning ${bill.number} fra ${SUPPLIER}`,
    });
    await choose.waitFor();
    const row = page.getByRole('row').filter({ has: choose });
    await row.getByRole('cell', { name: 'BN-2207', exact: true }).waitFor();
    await row.getByRole('cell', { name: '0000531', exact: true }).waitFor();
    await row.getByRole('cell', { name: '1 500,00', exact: true }).waitFor();
    await choose.check();
    await page.getByRole('button', { name: 'Betal og lag betalingsfil (1)' }).click();
    const account = page.getByLabel(`Kontonummer for regning ${bill.number} fra ${SUPPLIER}`);
    await expect.poll(() => describedBy(account)).toContain('enter the account number');
    await screenshot(page, '177-remittance-proposal-no-account');

    await account.fill('8601.11.17947');
    await page.getByRole('button', { name: 'Betal og lag betalingsfil (1)' }).click();
    const result = page.getByRole('status').filter({ hasText: 'Registrert' });
    await result
      .getByRole('link', { name: new RegExp(`^Utbetaling \\d+ til ${SUPPLIER}`) })
      .waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      result.getByRole('link', { name: 'Last ned betalingsfil (pain.001)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`betalinger-${today}.xml`);
    const xml = fs.readFileSync((await download.path())!, 'utf8');
    expect(xml).toContain('<Ref>0000531</Ref>');
    expect(xml).toContain('<Id>86011117947</Id>');
    expect(xml).toContain('<InstdAmt Ccy="NOK">1500.00</InstdAmt>');
    await screenshot(page, '178-remittance-paid');
    // The bill is paid and leaves the proposal.
    await expect.poll(() => choose.count()).toBe(0);
  });
});
