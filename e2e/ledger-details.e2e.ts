import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestServer } from '@nordbok/server/test-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiSession, apiLogin } from './api';
import { browserAvailable, launchBrowser, newPage } from './browser';
import { chooseCompany, logIn, screenshot, tinyPng, waitForHeading } from './helpers';
import { openFromMenu, todayInOslo } from './ledger-helpers';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

describe.skipIf(!browserAvailable())('departments, receipts and voucher changes', () => {
  let server: TestServer;
  let admin: ApiSession;
  let companyId: number;
  let browser: Browser;
  let page: Page;
  let voucherId: number;
  const today = todayInOslo();

  beforeAll(async () => {
    server = await startTestServer();
    const login = await apiLogin(server.url, server.adminEmail, server.adminPassword);
    admin = login.api;
    const demo = login.session.companies.find((c) => c.name === 'Fjordkaffe AS');
    if (!demo) throw new Error('the test server has no demo company');
    companyId = demo.id;
    const lines = [
      { account: '6800', amount: 34_900 },
      { account: '1920', amount: -34_900 },
    ];
    const body = { date: today, description: 'Kontorrekvisita', lines };
    const posted = await admin.call<{ id: number }>(
      'POST',
      `/companies/${companyId}/vouchers`,
      body,
    );
    expect(posted.status).toBe(201);
    voucherId = posted.body.id;
    browser = await launchBrowser();
    page = await newPage(browser);
    await logIn(page, server.url, server.adminEmail, server.adminPassword);
    await chooseCompany(page, 'Fjordkaffe AS');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('adds a department with a sub-department, shown indented', async () => {
    await openFromMenu(page, 'Regnskap', 'Avdelinger og prosjekter');
    const form = page.getByRole('form', { name: 'Avdelinger' });
    await form.getByLabel('Kode').fill('SERV');
    await form.getByLabel('Navn').fill('Servering');
    await form.getByRole('button', { name: 'Legg til' }).click();
    await page.getByText('Servering er lagt til.').waitFor();
    await form.getByLabel('Kode').fill('SERV-UTE');
    await form.getByLabel('Navn').fill('Uteservering');
    await form.getByLabel('Under').selectOption({ label: 'SERV Servering' });
    await form.getByRole('button', { name: 'Legg til' }).click();
    await page.getByText('Uteservering er lagt til.').waitFor();
    const table = page.getByRole('table', { name: 'Avdelinger' });
    const rows = await table.getByRole('row').allTextContents();
    const parent = rows.findIndex((row) => row.includes('Servering') && row.startsWith('SERV'));
    expect(rows[parent + 1]).toContain('Uteservering');
    const indent = (code: string) =>
      table
        .getByRole('cell', { name: code, exact: true })
        .evaluate((cell) => Number.parseFloat(getComputedStyle(cell).paddingLeft));
    expect(await indent('SERV-UTE')).toBeGreaterThan(await indent('SERV'));
    // A level cannot be moved under itself by way of its own child.
    await table.getByLabel('Nivå over Servering').selectOption({ label: 'SERV-UTE Uteservering' });
    await page.getByText('A level cannot be placed under itself.').waitFor();
    await screenshot(page, '60-departments');
  });

  it('attaches a PNG receipt to a voucher and previews it', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nordbok-')), 'kvittering.png');
    fs.writeFileSync(file, tinyPng());
    await page.goto(`${server.url}/#/accounting/vouchers/${voucherId}`);
    await waitForHeading(page, /^Bilag A \d+$/);
    await page.getByText('Ingen vedlegg ennå.').waitFor();
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByText('kvittering.png er lagt ved.').waitFor();
    await page.getByRole('link', { name: 'kvittering.png' }).waitFor();
    const preview = page.getByRole('img', { name: 'Forhåndsvisning av kvittering.png' });
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(16);
    await screenshot(page, '61-voucher-receipt');
  });

  it('offers no correcting or deleting once the company forbids changes', async () => {
    await page.getByRole('button', { name: 'Slett bilag' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Firmaopplysninger' }).click();
    await waitForHeading(page, 'Firmaopplysninger');
    const allow = page.getByLabel('Tillat endring og sletting av bokførte bilag');
    expect(await allow.isChecked()).toBe(true);
    await allow.uncheck();
    await screenshot(page, '62-settings-voucher-changes');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await expect
      .poll(async () => {
        const company = await admin.call<{ allowVoucherChanges: boolean }>(
          'GET',
          `/companies/${companyId}`,
        );
        return company.body.allowVoucherChanges;
      })
      .toBe(false);

    await page.goto(`${server.url}/#/accounting/vouchers/${voucherId}`);
    await page
      .getByText('Firmaet tillater ikke endring eller sletting av bokførte bilag.')
      .waitFor();
    expect(await page.getByRole('button', { name: 'Slett bilag' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Rett bilag' }).count()).toBe(0);
    await screenshot(page, '63-voucher-changes-not-allowed');
    const refused = await admin.call('DELETE', `/companies/${companyId}/vouchers/${voucherId}`);
    expect(refused.status).toBe(403);
  });
});
