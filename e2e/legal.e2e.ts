import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestServer } from '@nordbok/server/test-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiSession, apiLogin } from './api';
import { browserAvailable, launchBrowser, newPage } from './browser';
import { chooseCompany, logIn, screenshot } from './helpers';
import {
  finishLine,
  focusedField,
  openFromMenu,
  savedVoucher,
  todayInOslo,
  typeAnd,
} from './ledger-helpers';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** Clicks a link that the browser saves as a file, and gives the file's name and text. */
async function download(page: Page, link: ReturnType<Page['getByRole']>) {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const saved = await file.path();
  return { name: file.suggestedFilename(), text: fs.readFileSync(saved, 'utf8') };
}

/** Waits for running CSS transitions (a dialog fading in) to end, so a screenshot shows it. */
async function transitionsDone(page: Page) {
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
}

describe.skipIf(!browserAvailable())('the legal-output screens, clicked through', () => {
  let server: TestServer;
  let admin: ApiSession;
  let companyId: number;
  let browser: Browser;
  let page: Page;
  let tempDir: string;
  const today = todayInOslo();
  const year = Number(today.slice(0, 4));

  beforeAll(async () => {
    server = await startTestServer();
    const login = await apiLogin(server.url, server.adminEmail, server.adminPassword);
    admin = login.api;
    const demo = login.session.companies.find((c) => c.name === 'Fjordkaffe AS');
    if (!demo) throw new Error('the test server has no demo company');
    companyId = demo.id;
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nordbok-legal-'));
    browser = await launchBrowser();
    page = await newPage(browser);
    await logIn(page, server.url, server.adminEmail, server.adminPassword);
    await chooseCompany(page, 'Fjordkaffe AS');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  });

  it('shows the VAT return of term 1, its XML file, and closes the term', async () => {
    // The answer the screen is built on, checked first so a change of shape is caught here.
    const answer = await admin.call<Record<string, unknown>>(
      'GET',
      `/companies/${companyId}/vat-returns/${year}/1`,
    );
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body)).toEqual(
      expect.arrayContaining(['lines', 'total', 'warnings', 'closed', 'termLength']),
    );

    await openFromMenu(page, 'Regnskap', 'Mva-melding');
    await page.getByLabel('År').selectOption(String(year));
    await page.getByLabel('Termin', { exact: true }).selectOption('1');
    await page.getByText(`Periode 01.01.${year}–28.02.${year}`).waitFor();
    const table = page.getByRole('table', { name: 'Mva-melding' });
    await table.getByRole('link', { name: 'Posteringer med mva-kode 3', exact: true }).waitFor();
    await table.getByRole('link', { name: 'Posteringer med mva-kode 31', exact: true }).waitFor();
    await expect(table.getByRole('row').filter({ hasText: 'Sum mva' }).count()).resolves.toBe(1);
    await screenshot(page, '80-vat-return');

    const xml = page.getByRole('link', { name: 'Last ned XML' });
    const href = (await xml.getAttribute('href')) ?? '';
    expect(href).toContain(`/vat-returns/${year}/1?format=xml`);
    const file = await page.request.get(new URL(href, server.url).toString());
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toMatch(/^application\/xml/);

    await page.getByRole('button', { name: 'Lukk termin' }).click();
    const dialog = page.getByRole('dialog', { name: `Lukke 1. termin ${year}?` });
    await dialog.waitFor();
    await transitionsDone(page);
    await screenshot(page, '80-vat-return-confirm-close', { fullPage: false });
    await dialog.getByRole('button', { name: 'Lukk termin' }).click();
    const closed = page.getByRole('status').filter({ hasText: 'Lukket (versjon 1)' });
    await closed.waitFor();
    const settlement = closed.getByRole('link', { name: /^Oppgjørsbilag / });
    await settlement.waitFor();
    await expect(page.getByRole('button', { name: 'Lukk termin' }).count()).resolves.toBe(0);
    await screenshot(page, '80-vat-return-closed');

    // Closing twice is refused; the screen offers it no more, but another user's tab might.
    const again = await admin.call('POST', `/companies/${companyId}/vat-returns/${year}/1/close`);
    expect(again.status).toBe(409);
    await settlement.click();
    await page.getByRole('heading', { level: 1, name: /Bilag/ }).waitFor();
  });

  it('reopens the closed term for correction and closes the correction as version 2', async () => {
    await openFromMenu(page, 'Regnskap', 'Mva-melding');
    await page.getByLabel('År').selectOption(String(year));
    await page.getByLabel('Termin', { exact: true }).selectOption('1');
    const closed = page.getByRole('status').filter({ hasText: 'Lukket (versjon 1)' });
    await closed.waitFor();
    await closed.getByText('kan i stedet føres i neste åpne termin').waitFor();

    await page.getByRole('button', { name: 'Gjenåpne for korrigering' }).click();
    const reopen = page.getByRole('dialog', {
      name: `Gjenåpne 1. termin ${year} for korrigering?`,
    });
    await reopen.waitFor();
    await transitionsDone(page);
    await screenshot(page, '81-vat-return-confirm-reopen', { fullPage: false });
    await reopen.getByRole('button', { name: 'Gjenåpne for korrigering' }).click();
    await page.getByRole('status').filter({ hasText: 'Gjenåpnet for korrigering' }).waitFor();

    // A sale forgotten in February, posted now that the term is open again.
    const forgotten = await admin.call('POST', `/companies/${companyId}/vouchers`, {
      date: `${year}-02-15`,
      description: 'Glemt salg',
      lines: [
        { account: '1920', amount: 125_000 },
        { account: '3000', amount: -125_000, vatCode: '3' },
      ],
    });
    expect(forgotten.status).toBe(201);
    await page.reload();
    const correcting = page.getByRole('status').filter({ hasText: 'Gjenåpnet for korrigering' });
    await correcting.getByText(/Ikke avregnet ennå: 250,00/).waitFor();
    await screenshot(page, '81-vat-return-correcting');

    await page.getByRole('button', { name: 'Lukk korrigering' }).click();
    const dialog = page.getByRole('dialog', { name: `Lukke korrigeringen av 1. termin ${year}?` });
    await dialog.getByLabel('Merknad til meldingen').fill('Glemt salg 15. februar er tatt med.');
    await transitionsDone(page);
    await screenshot(page, '81-vat-return-confirm-correction', { fullPage: false });
    await dialog.getByRole('button', { name: 'Lukk korrigering' }).click();

    await page.getByRole('status').filter({ hasText: 'Lukket (versjon 2)' }).waitFor();
    const history = page.getByRole('table', { name: 'Versjoner' });
    const rows = history.getByRole('row');
    await rows.filter({ hasText: '2 (korrigering)' }).waitFor();
    await expect(rows.filter({ hasText: '1 (opprinnelig)' }).count()).resolves.toBe(1);
    const correction = rows.filter({ hasText: '2 (korrigering)' });
    expect(await correction.textContent()).toContain('Glemt salg 15. februar er tatt med.');
    await correction.getByRole('link').waitFor();
    await screenshot(page, '81-vat-return-corrected');

    const href =
      (await page.getByRole('link', { name: 'Last ned XML' }).getAttribute('href')) ?? '';
    const xml = await (await page.request.get(new URL(href, server.url).toString())).text();
    expect(xml).toContain('<beskrivelse>Glemt salg 15. februar er tatt med.</beskrivelse>');
  });

  it('marks a bad debt as tap på krav in voucher entry, reported on a line of its own', async () => {
    await openFromMenu(page, 'Regnskap', 'Bilagsregistrering');
    await expect.poll(() => focusedField(page)).toBe('series');
    await typeAnd(page, '', 'Tab');
    await typeAnd(page, '1504', 'Tab');
    await typeAnd(page, 'Tap på kundefordring', 'Tab');
    await typeAnd(page, '7830');
    await typeAnd(page, '');
    await typeAnd(page, '1250');
    expect(await focusedField(page)).toBe('lines.0.vatCode');
    await page.keyboard.type('1');
    // The specification is asked for with the mouse; its field then joins the line's path.
    await page.getByRole('button', { name: 'Mva-spesifikasjon på linje 1' }).click();
    const field = page.getByLabel('Spesifikasjon i mva-meldingen');
    await field.selectOption('tapPåKrav');
    await field.focus();
    await page.keyboard.press('Enter');
    expect(await focusedField(page)).toBe('lines.1.account');
    await typeAnd(page, '1920');
    await finishLine(page, 1);
    await screenshot(page, '82-entry-vat-specification');
    await page.keyboard.press('Control+Enter');
    await savedVoucher(page);

    await openFromMenu(page, 'Regnskap', 'Mva-melding');
    await page.getByLabel('År').selectOption(String(year));
    await page.getByLabel('Termin', { exact: true }).selectOption('2');
    const table = page.getByRole('table', { name: 'Mva-melding' });
    const row = table.getByRole('row').filter({ hasText: 'Tap på krav' });
    await row.waitFor();
    expect(await row.textContent()).toContain('−250,00');
    await screenshot(page, '82-vat-return-specification');
  });

  it('shows the business specification with sales income and downloads it as CSV', async () => {
    await openFromMenu(page, 'Rapporter', 'Næringsspesifikasjon');
    await page.getByLabel('År').selectOption(String(year));
    const table = page.getByRole('table', { name: 'Næringsspesifikasjon' });
    const sales = table
      .getByRole('row')
      .filter({ hasText: /Salgsinntekt/i })
      .first();
    await sales.waitFor();
    expect(await sales.textContent()).toContain('3000');
    await sales.getByRole('button', { name: /^Vis kontoene under/ }).click();
    await table
      .getByRole('cell', { name: /^3000 / })
      .first()
      .waitFor();
    await screenshot(page, '80-naeringsspesifikasjon');

    const csv = await download(page, page.getByRole('link', { name: 'CSV', exact: true }));
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.text).toContain('3000');
  });

  it('downloads the SAF-T file under its official name', async () => {
    await openFromMenu(page, 'Rapporter', 'SAF-T-eksport');
    await page.getByText(`til og med 31.12.${year}`).waitFor();
    await screenshot(page, '80-saft');
    const saft = await download(page, page.getByRole('link', { name: 'Last ned SAF-T-fil' }));
    expect(saft.name.startsWith('SAF-T Financial_921876548_')).toBe(true);
    expect(saft.text).toContain('<AuditFile');
  });

  it('previews and posts a payroll file, and refuses one with an unknown account', async () => {
    const day = `${today.slice(0, 7)}-01`;
    const header = 'Dato;Konto;Avdeling;Prosjekt;Beløp;Tekst';
    const good = path.join(tempDir, 'lonn.csv');
    fs.writeFileSync(
      good,
      [header, `${day};5000;;;42000,00;Lønn`, `${day};1920;;;-42000,00;Utbetalt lønn`].join('\n'),
    );
    await openFromMenu(page, 'Regnskap', 'Lønnsimport');
    const accountColumn = page.getByRole('textbox', { name: /^Konto/ });
    await expect(accountColumn.inputValue()).resolves.toBe('Konto');
    const post = page.getByRole('button', { name: 'Bokfør' });
    expect(await post.isDisabled()).toBe(true);

    await page.locator('input[type="file"]').setInputFiles(good);
    await page.getByRole('button', { name: 'Forhåndsvis' }).click();
    await page.getByText('Filen er i orden og kan bokføres.').waitFor();
    await screenshot(page, '80-payroll-preview');
    await post.click();
    const posted = page.getByRole('status').filter({ hasText: /^Bilag L \d+ bokført/ });
    await posted.waitFor();
    await screenshot(page, '80-payroll-posted');

    const bad = path.join(tempDir, 'feil.csv');
    fs.writeFileSync(
      bad,
      [header, `${day};9998;;;100,00;Feil konto`, `${day};1920;;;-100,00;Motpost`].join('\n'),
    );
    await page.locator('input[type="file"]').setInputFiles(bad);
    await page.getByRole('button', { name: 'Forhåndsvis' }).click();
    await page.getByText('Rett feilene i filen før den kan bokføres.').waitFor();
    const error = page.getByRole('table').getByRole('alert');
    expect(await error.count()).toBe(1);
    expect(await error.textContent()).toContain('9998');
    expect(await post.isDisabled()).toBe(true);
    await screenshot(page, '80-payroll-errors');
  });
});
