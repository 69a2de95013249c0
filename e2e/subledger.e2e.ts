import { startTestServer } from '@nordbok/server/test-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiSession, apiLogin } from './api';
import { browserAvailable, launchBrowser, newPage } from './browser';
import { chooseCompany, logIn, screenshot } from './helpers';
import { openFromMenu, todayInOslo } from './ledger-helpers';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;
interface Posted {
  id: number;
  series: string;
  number: number;
}

const CUSTOMER = 'Fana Kaffebar AS';
/** A KID with a valid MOD10 check digit. */
const KID = '20267779';

/** Picks a party in a searchable select by typing part of its name. */
async function chooseParty(page: Page, label: string, name: string) {
  const input = page.getByLabel(label, { exact: true }).and(page.locator('input'));
  await input.fill(name.slice(0, 8));
  await page.getByRole('option', { name: new RegExp(name) }).click();
}

describe.skipIf(!browserAvailable())('customers, open items and sub-ledger reports', () => {
  let server: TestServer;
  let admin: ApiSession;
  let companyId: number;
  let browser: Browser;
  let page: Page;
  const today = todayInOslo();

  const post = async (description: string, lines: unknown[]) => {
    const body = { date: today, description, lines };
    const answer = await admin.call<Posted>('POST', `/companies/${companyId}/vouchers`, body);
    expect(answer.status).toBe(201);
    return answer.body;
  };

  beforeAll(async () => {
    server = await startTestServer();
    const login = await apiLogin(server.url, server.adminEmail, server.adminPassword);
    admin = login.api;
    const demo = login.session.companies.find((c) => c.name === 'Fjordkaffe AS');
    if (!demo) throw new Error('the test server has no demo company');
    companyId = demo.id;
    browser = await launchBrowser();
    page = await newPage(browser);
    await logIn(page, server.url, server.adminEmail, server.adminPassword);
    await chooseCompany(page, 'Fjordkaffe AS');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('adds a customer to the register', async () => {
    await openFromMenu(page, 'Regnskap', 'Kunder og leverandører');
    await page.getByRole('cell', { name: 'Hotell Bryggen AS' }).waitFor();
    await page.getByRole('button', { name: 'Ny kunde/leverandør' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny kunde/leverandør' });
    await dialog.getByLabel('Navn').fill(CUSTOMER);
    await dialog.getByLabel('Org.nr.').fill('915 000 053');
    await screenshot(page, '50-new-customer', { fullPage: false });
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await page.getByRole('cell', { name: CUSTOMER }).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await screenshot(page, '51-customers');
  });

  it('matches an invoice with a payment by hand, and undoes it', async () => {
    const found = await admin.call<{ items: { id: number }[] }>(
      'GET',
      `/companies/${companyId}/parties?kind=customer&search=${encodeURIComponent(CUSTOMER)}`,
    );
    const partyId = found.body.items[0]?.id;
    expect(partyId).toBeDefined();
    const invoice = await post('Faktura 7001 Fana Kaffebar', [
      {
        account: '1500',
        amount: 125_000,
        partyId,
        invoiceNumber: '7001',
        dueDate: today,
        kid: KID,
      },
      { account: '3000', amount: -125_000 },
    ]);
    // Paid without KID or invoice number, so nothing matches it by itself.
    const payment = await post('Innbetaling Fana Kaffebar', [
      { account: '1920', amount: 125_000 },
      { account: '1500', amount: -125_000, partyId },
    ]);

    await openFromMenu(page, 'Regnskap', 'Åpne poster');
    await chooseParty(page, 'Kunde', CUSTOMER);
    const chooseInvoice = page.getByRole('radio', { name: `Velg A ${invoice.number}` });
    const choosePayment = page.getByRole('radio', { name: `Velg A ${payment.number}` });
    await chooseInvoice.check();
    await choosePayment.check();
    await page.getByRole('cell', { name: KID }).waitFor();
    await screenshot(page, '52-open-items-chosen');
    await page.getByRole('button', { name: 'Avstem' }).click();
    await page.getByText('Postene er avstemt.').waitFor();
    // Both are closed now, so the list of open items has neither.
    await expect.poll(() => chooseInvoice.count()).toBe(0);
    await page.getByText('Ingen åpne poster.').first().waitFor();

    await page.getByLabel('Vis også lukkede poster').check();
    const invoiceRow = page.getByRole('row').filter({ hasText: 'Faktura 7001' });
    await invoiceRow.getByText('Lukket').waitFor();
    await invoiceRow.getByText(`Avstemt 1 250,00 mot A ${payment.number} (manuelt)`).waitFor();
    await screenshot(page, '53-open-items-settled');

    await invoiceRow.getByRole('button', { name: 'Opphev' }).click();
    await page.getByText('Avstemmingen er opphevet.').waitFor();
    await expect.poll(() => invoiceRow.getByText('Lukket').count()).toBe(0);
    expect(await chooseInvoice.isEnabled()).toBe(true);
    await page.getByLabel('Vis også lukkede poster').uncheck();
    await chooseInvoice.waitFor();
    await screenshot(page, '54-open-items-reopened');
  });

  it('shows aged open items, the balance list and the customer specification', async () => {
    await openFromMenu(page, 'Rapporter', 'Aldersfordelte åpne poster');
    const table = page.getByRole('table', { name: 'Aldersfordelte åpne poster' });
    await table.getByRole('cell', { name: 'Bergen Sjømat AS' }).waitFor();
    await table.getByRole('cell', { name: CUSTOMER }).waitFor();
    await screenshot(page, '55-aged-open-items');
    await page.getByText('Saldoliste', { exact: true }).click();
    const balances = page.getByRole('table', { name: 'Saldoliste' });
    await balances.getByRole('cell', { name: 'Bergen Sjømat AS' }).waitFor();
    expect(await balances.getByRole('columnheader').allTextContents()).toEqual([
      'Nummer',
      'Navn',
      'Saldo',
    ]);
    await screenshot(page, '56-balance-list');

    await openFromMenu(page, 'Rapporter', 'Kunde-/leverandørspesifikasjon');
    await page.getByRole('heading', { name: /Hotell Bryggen AS/ }).waitFor();
    await page.getByRole('heading', { name: /Bergen Sjømat AS/ }).waitFor();
    await screenshot(page, '57-customer-ledger');
    const fana = page.getByRole('table', { name: new RegExp(CUSTOMER) });
    await fana.getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: /^Bilag A \d+$/ }).waitFor();
  });
});
