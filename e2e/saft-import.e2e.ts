import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestServer } from '@nordbok/server/test-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consistentYear, saft } from '../packages/server/test/support/saft-fixture';
import { browserAvailable, launchBrowser, newPage } from './browser';
import { chooseCompany, logIn, screenshot } from './helpers';
import { openFromMenu } from './ledger-helpers';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

describe.skipIf(!browserAvailable())('SAF-T import, clicked through', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let dir: string;

  beforeAll(async () => {
    server = await startTestServer();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nordbok-saft-e2e-'));
    browser = await launchBrowser();
    page = await newPage(browser);
    await logIn(page, server.url, server.adminEmail, server.adminPassword);
    await chooseCompany(page, 'Fjordkaffe AS');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const file = (name: string, xml: string) => {
    const target = path.join(dir, name);
    fs.writeFileSync(target, xml);
    return target;
  };

  it('refuses to fill a company that keeps its own books', async () => {
    await openFromMenu(page, 'Rapporter', 'SAF-T-import');
    const xml = saft({ ...consistentYear('1.30'), orgNumber: '974760673' });
    await page.locator('input[type="file"]').setInputFiles(file('regnskap.xml', xml));
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Importen ble avvist' });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('already has vouchers of its own');
  });

  it('names the line of a broken file', async () => {
    const xml = saft({ ...consistentYear('1.30'), orgNumber: '974760673' }).replace(
      '<AccountID>1920</AccountID>\n',
      '<AccountID>1999</AccountID>\n',
    );
    await page.getByText('Ny bedrift fra filen').click();
    await page.locator('input[type="file"]').setInputFiles(file('feil.xml', xml));
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    const alert = page
      .getByRole('alert')
      .filter({ hasText: /Line \d+: Transaction GL\/2: account 1999/ });
    await alert.waitFor();
    await screenshot(page, '90-saft-import-refused');
  });

  it('creates a company from a file, shows its contradictions and opens it', async () => {
    const year = consistentYear('1.20');
    // The bank opens 100 kr too high: the opening balance no longer sums to zero.
    year.accounts[1] = ['1920', 'Bank', 210_000, 260_000];
    const xml = saft({ ...year, orgNumber: '974760673' });
    await page.locator('input[type="file"]').setInputFiles(file('annet-system.xml', xml));
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await page.getByText('Importert AS er opprettet fra filen').waitFor();
    await page.getByText('2 bilag importert (5 linjer)').waitFor();
    const table = page.getByRole('table', { name: 'Motsigelser i filen' });
    const row = table.getByRole('row').filter({ hasText: 'Inngående balanse går ikke i null' });
    await expect(row.textContent()).resolves.toContain('100,00');
    await page.getByText('Differanser i filen er ført på konto 2999').waitFor();
    await screenshot(page, '91-saft-import-report');

    await page.getByRole('button', { name: 'Åpne Importert AS' }).click();
    await page
      .getByRole('button', { name: /Importert AS/ })
      .first()
      .waitFor();
    await openFromMenu(page, 'Rapporter', 'SAF-T-import');
    const earlier = page.getByRole('table', { name: 'Tidligere importer' });
    await earlier.getByRole('row').filter({ hasText: 'annet-system.xml' }).waitFor();
    await screenshot(page, '92-saft-import-history');
  });
});
