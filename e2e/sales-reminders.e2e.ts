import { startTestServer } from '@nordbok/server/test-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiSession, apiLogin } from './api';
import { browserAvailable, launchBrowser, newPage } from './browser';
import { chooseCompany, logIn, screenshot, waitForHeading } from './helpers';
import { openFromMenu, todayInOslo } from './ledger-helpers';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const CUSTOMER = 'Seint Betalende Kafé AS';

/** The date `days` before `iso`. */
function daysBefore(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

describe.skipIf(!browserAvailable())('reminders', () => {
  let server: TestServer;
  let admin: ApiSession;
  let companyId: number;
  let browser: Browser;
  let page: Page;
  let invoice: { id: number; number: number };
  const today = todayInOslo();

  beforeAll(async () => {
    server = await startTestServer();
    const login = await apiLogin(server.url, server.adminEmail, server.adminPassword);
    admin = login.api;
    const demo = login.session.companies.find((c) => c.name === 'Fjordkaffe AS');
    if (!demo) throw new Error('the test server has no demo company');
    companyId = demo.id;
    // A customer whose invoice fell due a month ago.
    const party = await admin.call<{ id: number }>('POST', `/companies/${companyId}/parties`, {
      name: CUSTOMER,
      customer: true,
    });
    expect(party.status).toBe(201);
    const created = await admin.call<{ id: number; number: number }>(
      'POST',
      `/companies/${companyId}/documents`,
      {
        kind: 'invoice',
        partyId: party.body.id,
        date: daysBefore(today, 44),
        dueDate: daysBefore(today, 30),
        lines: [{ description: 'Kaffemaskinleie', quantity: 1, unitPrice: 250_000, vatCode: '3' }],
      },
    );
    expect(created.status).toBe(201);
    invoice = created.body;
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

  it('proposes the overdue invoice, creates the reminder and marks the invoice reminded', async () => {
    await openFromMenu(page, 'Salg', 'Purring');
    const mine = page.getByRole('checkbox', { name: `Purr ${CUSTOMER}` });
    await mine.waitFor();
    const row = page.getByRole('row').filter({ has: mine });
    await row.getByRole('link', { name: String(invoice.number), exact: true }).waitFor();
    await row.getByRole('cell', { name: '30', exact: true }).waitFor();
    // 3 125,00 late 30 days at 12,5 %: 32,11; the fee is 35,00.
    await row.getByRole('cell', { name: '32,11', exact: true }).waitFor();
    await row.getByRole('cell', { name: '35,00', exact: true }).waitFor();

    // Only this customer: the demo company may have other late payers.
    for (const box of await page.getByRole('checkbox', { name: /^Purr / }).all()) {
      if ((await box.getAttribute('aria-label')) !== `Purr ${CUSTOMER}`) await box.uncheck();
    }
    await page.getByRole('checkbox', { name: 'med rentenota' }).check();
    await screenshot(page, '160-sales-reminder-proposal');
    await page.getByRole('button', { name: 'Lag purringer (1)' }).click();

    const reminderLink = page.getByRole('link', {
      name: new RegExp(`^Purring \\d+ til ${CUSTOMER}$`),
    });
    await reminderLink.waitFor();
    await page
      .getByRole('link', { name: new RegExp(`^Rentenota \\d+ til ${CUSTOMER}$`) })
      .waitFor();
    await expect.poll(() => mine.count()).toBe(0);
    await screenshot(page, '161-sales-reminders-created');

    await page.goto(`${server.url}/#/sales/documents/${invoice.id}`);
    await waitForHeading(page, new RegExp(`${invoice.number}`));
    await page.getByText('7 Purret').first().waitFor();
    await screenshot(page, '162-sales-invoice-reminded');
  });
});
