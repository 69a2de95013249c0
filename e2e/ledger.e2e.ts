import { startTestServer } from '@nordbok/server/test-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiSession, apiLogin } from './api';
import { browserAvailable, launchBrowser, newPage } from './browser';
import { chooseCompany, describedBy, logIn, screenshot, waitForHeading } from './helpers';
import { dotted, enterVoucher, focusedField, openFromMenu, todayInOslo } from './ledger-helpers';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;
interface Posted {
  id: number;
  series: string;
  number: number;
}

const NEW_ACCOUNT = { number: '6861', name: 'Fagbøker' };
const AUDITOR = {
  email: 'revisor@example.no',
  name: 'Rita Revisor',
  password: 'auditor-password-1',
};

/** "Desember 2026": a period as the periods screen names it. */
function periodName(iso: string): string {
  const month = new Intl.DateTimeFormat('nb-NO', { month: 'long', timeZone: 'UTC' }).format(
    new Date(`${iso}T12:00:00Z`),
  );
  return `${month.charAt(0).toUpperCase()}${month.slice(1)} ${iso.slice(0, 4)}`;
}

describe.skipIf(!browserAvailable())('the ledger screens, clicked through', () => {
  let server: TestServer;
  let admin: ApiSession;
  let browser: Browser;
  let page: Page;
  let toDelete: Posted;
  let toFollow: Posted;
  const today = todayInOslo();

  beforeAll(async () => {
    server = await startTestServer();
    const login = await apiLogin(server.url, server.adminEmail, server.adminPassword);
    admin = login.api;
    const demo = login.session.companies.find((c) => c.name === 'Fjordkaffe AS');
    if (!demo) throw new Error('the test server has no demo company');
    // Two vouchers someone else entered today: one to delete, one to find in the ledger.
    const post = async (description: string, amount: number) => {
      const lines = [
        { account: '7790', amount },
        { account: '1920', amount: -amount },
      ];
      const answer = await admin.call<Posted>('POST', `/companies/${demo.id}/vouchers`, {
        date: today,
        description,
        lines,
      });
      expect(answer.status).toBe(201);
      return answer.body;
    };
    const guest = await admin.call('POST', '/users', { ...AUDITOR, language: 'nb' });
    expect(guest.status).toBe(201);
    const member = { email: AUDITOR.email, role: 'guest' };
    expect((await admin.call('POST', `/companies/${demo.id}/members`, member)).status).toBe(201);
    toDelete = await post('Feilført gebyr', 12_300);
    toFollow = await post('Porto og småutgifter', 45_600);
    browser = await launchBrowser();
    page = await newPage(browser);
    await logIn(page, server.url, server.adminEmail, server.adminPassword);
    await chooseCompany(page, 'Fjordkaffe AS');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('adds an account to the chart of accounts and blocks it', async () => {
    await openFromMenu(page, 'Regnskap', 'Kontoplan');
    await page.getByRole('button', { name: 'Ny konto' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny konto' });
    await dialog.getByLabel('Kontonummer').fill(NEW_ACCOUNT.number);
    await dialog.getByLabel('Navn (norsk)').fill(NEW_ACCOUNT.name);
    await dialog.getByLabel('Standard mva-kode').fill('1');
    // The grouping comes from the account just below, 6860.
    await dialog.getByText('Hentet fra konto 6860').waitFor();
    await screenshot(page, '30-chart-new-account', { fullPage: false });
    await dialog.getByRole('button', { name: 'Opprett konto' }).click();
    await page.getByText(`Konto ${NEW_ACCOUNT.number} er opprettet.`).waitFor();

    await page.getByLabel('Søk').fill(NEW_ACCOUNT.number);
    const label = `${NEW_ACCOUNT.number} ${NEW_ACCOUNT.name}`;
    const row = page.getByRole('row').filter({ hasText: NEW_ACCOUNT.name });
    await row.getByRole('button', { name: `Endre konto ${label}` }).click();
    const edit = page.getByRole('dialog', { name: `Endre konto ${label}` });
    expect(await edit.getByLabel('Standard mva-kode').inputValue()).toBe('1');
    await edit.getByLabel('Sperret for føring').check();
    await edit.getByRole('button', { name: 'Lagre' }).click();
    await row.getByText('Sperret').waitFor();
    await page.getByLabel('Søk').fill('');
    await screenshot(page, '31-chart-of-accounts', { fullPage: false });
  });

  it('refuses to delete an account with postings, and says why', async () => {
    await page.getByLabel('Søk').fill('1920');
    await page.getByRole('button', { name: 'Slett konto 1920 Driftskonto i bank' }).click();
    const dialog = page.getByRole('dialog', { name: 'Slett konto 1920 Driftskonto i bank' });
    await dialog.getByRole('button', { name: 'Slett' }).click();
    await dialog
      .getByRole('alert')
      .getByText(/has postings and cannot be deleted/)
      .waitFor();
    await screenshot(page, '32-chart-delete-refused', { fullPage: false });
    await dialog.getByRole('button', { name: 'Lukk' }).click();

    // An account nobody has posted to can go.
    await page.getByLabel('Søk').fill(NEW_ACCOUNT.number);
    const label = `${NEW_ACCOUNT.number} ${NEW_ACCOUNT.name}`;
    await page.getByRole('button', { name: `Slett konto ${label}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Slett' }).click();
    await page.getByText(`Konto ${NEW_ACCOUNT.number} er slettet.`).waitFor();
  });

  it('refuses a voucher in a locked period, at its date', async () => {
    const period = periodName(today);
    await openFromMenu(page, 'Regnskap', 'Regnskapsår og perioder');
    await page.getByRole('button', { name: `Lås ${period}`, exact: true }).click();
    await page.getByText(`${period} er låst.`).waitFor();
    await screenshot(page, '33-fiscal-years');

    await openFromMenu(page, 'Regnskap', 'Bilagsregistrering');
    await enterVoucher(page, {
      description: 'I låst periode',
      debit: '7790',
      credit: '1920',
      amount: '10',
    });
    const date = page.getByLabel('Dato', { exact: true });
    await expect.poll(() => describedBy(date)).toMatch(/is locked/);
    expect(await focusedField(page)).toBe('date');
    await screenshot(page, '34-voucher-in-locked-period');

    await openFromMenu(page, 'Regnskap', 'Regnskapsår og perioder');
    await page.getByRole('button', { name: `Lås opp ${period}` }).click();
    await page.getByText(`${period} er låst opp.`).waitFor();
  });

  it('lists the vouchers, opens one, corrects it and deletes it', async () => {
    const name = `${toDelete.series} ${toDelete.number}`;
    await openFromMenu(page, 'Regnskap', 'Bilag');
    await showToday(page, today);
    await page.getByRole('link', { name, exact: true }).click();
    await waitForHeading(page, `Bilag ${name}`);
    const postings = page.getByRole('table', { name: 'Posteringer' });
    await postings.getByRole('row').filter({ hasText: 'Diverse driftskostnader' }).waitFor();
    await page.getByText('Bilaget er ikke endret etter at det ble ført.').waitFor();

    await page.getByRole('link', { name: 'Rett bilag' }).click();
    await waitForHeading(page, `Rett bilag ${name}`);
    // The correction opens on the first line, the voucher's lines as they were entered.
    await expect.poll(() => focusedField(page)).toBe('lines.0.account');
    await screenshot(page, '35-voucher-correction');
    await page.getByLabel('Bilagstekst').fill('Feilført bankgebyr');
    await page.getByRole('button', { name: 'Lagre rettelsen' }).click();
    await waitForHeading(page, `Bilag ${name}`);
    await page.getByText(`Bilag ${name} er rettet.`).waitFor();
    await page.getByText(/^Rettet · /).waitFor();

    await page.getByRole('button', { name: 'Slett bilag' }).click();
    const dialog = page.getByRole('dialog', { name: `Slette bilag ${name}?` });
    await dialog.getByRole('button', { name: 'Slett bilag' }).click();
    await page.getByText(`Bilag ${name} er slettet.`).waitFor();
    await page.getByRole('main').getByText('Slettet', { exact: true }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Slett bilag' }).count()).toBe(0);
    await screenshot(page, '36-voucher-deleted');

    await page.getByRole('link', { name: '← Tilbake til bilagslisten' }).click();
    await showToday(page, today);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name }) });
    await row.getByText('Slettet').waitFor();
    await screenshot(page, '37-voucher-list');
  });

  it('shows a guest the vouchers without the means to change them', async () => {
    const guest = await newPage(browser);
    await logIn(guest, server.url, AUDITOR.email, AUDITOR.password);
    await chooseCompany(guest, 'Fjordkaffe AS');
    const nav = guest.getByRole('navigation');
    await nav.getByRole('link', { name: 'Regnskap', exact: true }).click();
    await nav.getByRole('link', { name: 'Bilag', exact: true }).waitFor();
    expect(await nav.getByRole('link', { name: 'Bilagsregistrering' }).count()).toBe(0);

    await nav.getByRole('link', { name: 'Bilag', exact: true }).click();
    await showToday(guest, today);
    const name = `${toFollow.series} ${toFollow.number}`;
    await guest.getByRole('link', { name, exact: true }).click();
    await waitForHeading(guest, `Bilag ${name}`);
    await guest.getByRole('table', { name: 'Posteringer' }).waitFor();
    expect(await guest.getByRole('button', { name: 'Slett bilag' }).count()).toBe(0);
    expect(await guest.getByRole('link', { name: 'Rett bilag' }).count()).toBe(0);

    await guest.goto(`${server.url}/#/accounting/entry`);
    await guest.getByText('Du har bare lesetilgang til regnskapet', { exact: false }).waitFor();
    await guest.context().close();
  });

  it('drills down from the trial balance to the general ledger and on to a voucher', async () => {
    await openFromMenu(page, 'Rapporter', 'Saldobalanse');
    await page.getByRole('link', { name: 'Posteringer på 7790 Diverse driftskostnader' }).click();
    await waitForHeading(page, 'Hovedbok');
    const ledger = page.getByRole('table', { name: '7790 Diverse driftskostnader' });
    const name = `${toFollow.series} ${toFollow.number}`;
    // The deleted voucher left the ledger; the other one is there.
    await ledger.getByRole('link', { name, exact: true }).waitFor();
    expect(await ledger.getByText('Feilført', { exact: false }).count()).toBe(0);
    await screenshot(page, '38-general-ledger');

    await ledger.getByRole('link', { name, exact: true }).click();
    await waitForHeading(page, `Bilag ${name}`);
    await page.getByText('Porto og småutgifter', { exact: false }).first().waitFor();
  });

  it('offers the trial balance as a CSV file', async () => {
    await openFromMenu(page, 'Rapporter', 'Saldobalanse');
    const csv = page.getByRole('group', { name: 'Last ned' }).getByRole('link', { name: 'CSV' });
    const href = await csv.getAttribute('href');
    expect(href).toMatch(/\/reports\/trial-balance\?from=\d{4}-\d{2}-\d{2}&to=.*format=csv/);
    const file = await page.evaluate(async (url) => {
      const response = await fetch(url);
      return { type: response.headers.get('content-type'), body: await response.text() };
    }, href ?? '');
    expect(file.type).toMatch(/^text\/csv/);
    expect(file.body).toContain('7790');
  });

  it('shows the income statement, balance sheet and VAT specification', async () => {
    for (const [screen, shot] of [
      ['Resultatregnskap', '39-income-statement'],
      ['Balanse', '40-balance-sheet'],
      ['Mva-spesifikasjon', '41-vat-specification'],
    ] as const) {
      await openFromMenu(page, 'Rapporter', screen);
      await page.getByRole('table', { name: screen }).waitFor();
      await screenshot(page, shot);
    }
  });
});

/** Narrows the voucher list to today, typed the way the date fields take it. */
async function showToday(page: Page, today: string) {
  await page.getByLabel('Fra dato').fill(dotted(today));
  await page.getByLabel('Til dato').fill(dotted(today));
  await page.getByRole('button', { name: 'Vis', exact: true }).click();
  await page.waitForURL(new RegExp(`from=${today}`));
}
