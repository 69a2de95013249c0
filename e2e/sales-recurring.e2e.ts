import { startTestServer } from '@nordbok/server/test-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin } from './api';
import { browserAvailable, launchBrowser, newPage } from './browser';
import { chooseCompany, logIn, screenshot, waitForHeading } from './helpers';
import { dotted, openFromMenu, todayInOslo } from './ledger-helpers';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const main = (page: Page) => page.getByRole('main');

/** The first day of the month of `iso`, and of the month after. */
const firstOfMonth = (iso: string) => `${iso.slice(0, 7)}-01`;
function firstOfNextMonth(iso: string): string {
  const d = new Date(`${firstOfMonth(iso)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
}

describe.skipIf(!browserAvailable())('recurring documents', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const today = todayInOslo();

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

  it('makes a monthly invoice, runs the proposal and moves the next date on', async () => {
    await openFromMenu(page, 'Salg', 'Faste oppdrag');
    await page.getByRole('link', { name: 'Nytt fast oppdrag' }).click();
    await waitForHeading(page, 'Nytt fast oppdrag');

    // The customer field has the keyboard.
    await page.keyboard.type('Hotell Bryggen AS');
    await page.getByRole('option', { name: /^Hotell Bryggen AS/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('textbox', { name: /^Beskrivelse\s*\*?$/ }).fill('Månedlig baristakurs');
    await page.getByLabel('Neste dato').fill(dotted(firstOfMonth(today)));
    // An item line without a price: each invoice takes the customer's price on its date.
    await page.getByRole('combobox', { name: 'Vare, linje 1', exact: true }).focus();
    await page.keyboard.type('6001');
    await page.getByRole('option', { name: '6001 Baristakurs, grunnkurs' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByLabel('Beskrivelse, linje 1').inputValue())
      .toBe('Baristakurs, grunnkurs');
    expect(await page.getByLabel('Pris, linje 1').inputValue()).toBe('');
    await screenshot(page, '120-recurring-form');
    await page.getByRole('button', { name: 'Lagre' }).click();

    await waitForHeading(page, 'Faste oppdrag');
    const row = main(page)
      .getByRole('table', { name: 'Faste oppdrag' })
      .getByRole('row', { name: /Månedlig baristakurs/ });
    await row.waitFor();
    expect((await row.textContent())?.replace(/\s/g, ' ')).toContain('1 862,50');
    expect(await row.textContent()).toContain(dotted(firstOfMonth(today)));

    // Today's proposal holds this month's invoice at the customer's price.
    const proposal = main(page).getByRole('table', { name: 'Forslag' });
    const due = proposal.getByRole('row', { name: /Månedlig baristakurs/ });
    await due.waitFor();
    expect((await due.textContent())?.replace(/\s/g, ' ')).toContain('1 862,50');
    await screenshot(page, '121-recurring-proposal');

    const run = main(page).getByRole('button', { name: /^Kjør \(\d+\)$/ });
    await run.click();
    const made = main(page).getByRole('link', { name: /^Faktura \d+ datert/ });
    await expect.poll(() => made.count()).toBeGreaterThan(0);
    // The next date has moved on a month, and the series has its document.
    await expect
      .poll(async () => (await row.textContent()) ?? '')
      .toContain(dotted(firstOfNextMonth(today)));
    await main(page)
      .getByText(/Ingen faste oppdrag forfaller/)
      .waitFor();
    await screenshot(page, '122-recurring-run');

    const link = made.filter({ hasText: dotted(firstOfMonth(today)) }).first();
    await link.click();
    await page.getByRole('heading', { level: 1, name: /^Faktura \d+$/ }).waitFor();
    await main(page).getByText('Baristakurs, grunnkurs').first().waitFor();
    await main(page).getByText('Månedlig baristakurs').first().waitFor();
  });

  it('lists a subscription started by an invoice and renews it from the proposal', async () => {
    const { api, session } = await apiLogin(server.url, server.adminEmail, server.adminPassword);
    const company = session.companies.find((c) => c.name === 'Fjordkaffe AS')!;
    const base = `/companies/${company.id}`;
    const party = (
      await api.call<{ items: { id: number; name: string }[] }>(
        'GET',
        `${base}/parties?search=${encodeURIComponent('Hotell Bryggen')}`,
      )
    ).body.items[0]!;
    const item = (
      await api.call<{ items: { id: number; number: string }[] }>(
        'GET',
        `${base}/inventory/items?search=7001`,
      )
    ).body.items.find((i) => i.number === '7001')!;
    const invoice = await api.call<{ id: number }>('POST', `${base}/documents`, {
      kind: 'invoice',
      partyId: party.id,
      date: today,
      lines: [{ itemId: item.id, quantity: 1 }],
    });
    expect(invoice.status).toBe(201);
    const started = await api.call<{ items: { endDate: string }[] }>(
      'POST',
      `${base}/subscriptions/from-document/${invoice.body.id}`,
    );
    expect(started.body.items).toHaveLength(1);
    const end = started.body.items[0]!.endDate;

    await openFromMenu(page, 'Salg', 'Abonnementer');
    const list = main(page).getByRole('table', { name: 'Abonnementer' });
    const row = list.getByRole('row', { name: /Kaffeabonnement 500 g/ });
    await row.waitFor();
    expect(await row.textContent()).toContain(dotted(end));
    // A month's subscription started today ends within 30 days: it is up for renewal.
    const renewals = main(page).getByRole('table', { name: 'Fornyelser' });
    await renewals.getByRole('row', { name: /Kaffeabonnement 500 g/ }).waitFor();
    await screenshot(page, '123-subscriptions');
    await main(page).getByRole('button', { name: 'Forny de automatiske' }).click();
    await page.getByText('1 faktura er laget.').waitFor();
    await main(page)
      .getByRole('link', { name: /^Faktura \d+ datert/ })
      .waitFor();
    await expect.poll(async () => (await row.textContent()) ?? '').not.toContain(dotted(end));
    await screenshot(page, '124-subscriptions-renewed');
  });
});
