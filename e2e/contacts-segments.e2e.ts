import { startTestServer } from '@nordbok/server/test-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { browserAvailable, launchBrowser, newPage } from './browser';
import { chooseCompany, logIn, screenshot, waitForHeading } from './helpers';
import { openFromMenu } from './ledger-helpers';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

describe.skipIf(!browserAvailable())('segments', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

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

  it('shows the tree with sizes, a segment’s members and trend', async () => {
    await openFromMenu(page, 'CRM', 'Segmenter');
    const tree = page.getByRole('navigation', { name: 'Segmenter' });
    await tree
      .getByRole('link', { name: /^Kaféer\b/ })
      .first()
      .click();
    await waitForHeading(page, 'Segmenter');
    await page.getByRole('heading', { name: 'Kaféer', level: 2 }).waitFor();
    await page.getByRole('table', { name: 'Medlemmer' }).getByRole('link').first().waitFor();
    await page.getByRole('img').first().waitFor();
    await page.getByText(/^Endring siste 30 dager/).waitFor();
    await screenshot(page, '68-segments');
  });

  it('makes a dynamic sub-segment with a live count, refusing a bad rule', async () => {
    await page.getByRole('button', { name: 'Nytt segment' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nytt segment' });
    await dialog.getByLabel(/^Navn/).fill('Aktive kaféer');
    const rule = dialog.getByLabel('Regel (JSON)');
    await rule.fill('{ "field": "shoeSize", "op": "eq", "value": 42 }');
    await dialog.getByText(/Unknown field "shoeSize"/).waitFor();
    await rule.fill('{ "field": "lastPurchase", "op": "withinDays", "value": 365 }');
    await dialog.getByText(/^\d+ kontakter passer regelen$/).waitFor();
    await screenshot(page, '69-segment-editor', { fullPage: false });
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Segmentet Aktive kaféer er lagret.').waitFor();
    await page.getByRole('heading', { name: 'Aktive kaféer', level: 2 }).waitFor();
    // It was made under the chosen segment, so it shows in the tree below Kaféer.
    await page
      .getByRole('navigation', { name: 'Segmenter' })
      .getByRole('link', { name: /^Aktive kaféer/ })
      .waitFor();
  });
});
