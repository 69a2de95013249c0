import { startTestServer } from '@nordbok/server/test-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, newPage } from './browser';
import { chooseCompany, describedBy, logIn, screenshot, waitForHeading } from './helpers';
import { openFromMenu } from './ledger-helpers';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

describe.skipIf(!browserAvailable())('contact register and contact card', () => {
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

  it('searches as one types and opens a card with the keyboard', async () => {
    await openFromMenu(page, 'Kontakter', 'Kontaktregister');
    const search = page.getByLabel('Søk', { exact: true });
    await expect.poll(() => search.evaluate((e) => e === document.activeElement)).toBe(true);
    await page.getByRole('link', { name: 'Hotell Bryggen AS' }).waitFor();
    await screenshot(page, '60-contacts-list', { fullPage: false });

    await page.keyboard.type('hotell');
    await expect.poll(() => page.locator('#contact-results tbody tr').count()).toBeLessThan(5);
    await page.getByRole('link', { name: 'Hotell Bryggen AS' }).waitFor();
    await screenshot(page, '61-contacts-search');
    // Hits are sorted by name; the arrow key moves to the one wanted.
    const rows = page.locator('#contact-results tbody tr');
    const index = (await rows.allTextContents()).findIndex((t) => t.startsWith('Hotell Bryggen'));
    for (let i = 0; i < index; i += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await waitForHeading(page, 'Hotell Bryggen AS');
    // The card shows the ledger's vouchers for a customer the demo ledger invoiced.
    await page.getByRole('heading', { name: 'Tidslinje' }).waitFor();
  });

  it('shows persons, addresses and the ledger in the timeline of a customer', async () => {
    await openFromMenu(page, 'Kontakter', 'Kontaktregister');
    await page.getByLabel('Søk', { exact: true }).fill('hotell bryggen');
    await page.getByRole('link', { name: 'Hotell Bryggen AS' }).click();
    await waitForHeading(page, 'Hotell Bryggen AS');
    const timeline = page.getByRole('table', { name: 'Tidslinje' });
    await timeline
      .getByRole('link', { name: /^Bilag / })
      .first()
      .waitFor();
    await page.getByRole('heading', { name: 'Kontaktpersoner' }).waitFor();

    await page.getByLabel('Notat', { exact: true }).fill('Ønsker prøvesmaking av ny espresso');
    await page.getByRole('button', { name: 'Lagre notat' }).click();
    await timeline.getByText('Ønsker prøvesmaking av ny espresso').waitFor();
    await screenshot(page, '62-contact-card');
  });

  it('shows the opportunities and segments of a contact, and opens an opportunity', async () => {
    await openFromMenu(page, 'Kontakter', 'Kontaktregister');
    await page.getByLabel('Søk', { exact: true }).fill('hotell bryggen');
    await page.getByRole('link', { name: 'Hotell Bryggen AS' }).click();
    await waitForHeading(page, 'Hotell Bryggen AS');
    // The demo gives Hotell Bryggen an open opportunity, and puts it on the Christmas gift
    // list (a static segment) and among active customers (a dynamic one).
    const deals = page.getByRole('table', { name: 'Salgsmuligheter' });
    const deal = deals.getByRole('row').filter({ hasText: 'Barista-kurs' });
    await deal.waitFor();
    expect(await deal.textContent()).toMatch(/Tilbud sendt.*\d.*Administrator/);
    const segments = page.getByRole('table', { name: 'Segmenter' });
    await segments
      .getByRole('row')
      .filter({ hasText: 'Julegaveliste' })
      .getByText('Statisk')
      .waitFor();
    await segments
      .getByRole('row')
      .filter({ hasText: 'Aktive kunder' })
      .getByText('Dynamisk')
      .waitFor();
    await screenshot(page, '65-contact-card-crm-panels');

    await deal.getByRole('button', { name: 'Barista-kurs' }).click();
    const dialog = page.getByRole('dialog', { name: 'Salgsmulighet' });
    await dialog.waitFor();
    await expect.poll(() => dialog.getByLabel('Tittel').first().inputValue()).toBe('Barista-kurs');
    await screenshot(page, '66-contact-card-opportunity');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('lists a customer’s documents with their status and links the timeline to them', async () => {
    await openFromMenu(page, 'Kontakter', 'Kontaktregister');
    await page.getByLabel('Søk', { exact: true }).fill('hotell bryggen');
    await page.getByRole('link', { name: 'Hotell Bryggen AS' }).click();
    await waitForHeading(page, 'Hotell Bryggen AS');
    // The demo invoices Hotell Bryggen once a month for its shipments.
    const documents = page.getByRole('table', { name: 'Dokumenter' });
    const invoice = documents
      .getByRole('row')
      .filter({ hasText: /Faktura \d+/ })
      .first();
    await invoice.waitFor();
    expect(await invoice.textContent()).toMatch(/Betalt|betalt|Bokført|Purret|Kreditert/);
    await documents
      .getByRole('link', { name: /^Vareutsendelse \d+$/ })
      .first()
      .waitFor();
    await screenshot(page, '67-contact-card-documents');
    const timeline = page.getByRole('table', { name: 'Tidslinje' });
    await timeline
      .getByRole('link', { name: /^Faktura \d+$/ })
      .first()
      .click();
    await expect.poll(() => page.url()).toMatch(/#\/sales\/documents\/\d+$/);
    await waitForHeading(page, /^Faktura \d+/);
  });

  it('creates a contact with a person, an address and tags, refusing a bad e-mail', async () => {
    await openFromMenu(page, 'Kontakter', 'Kontaktregister');
    await page.keyboard.press('Alt+n');
    await waitForHeading(page, 'Ny kontakt');
    await page.getByLabel(/^Navn\s*\*?$/).fill('Skansen Kaffekjøkken AS');
    await page.getByLabel('Organisasjonsnummer').fill('923 609 016');
    const email = page.getByLabel('E-post', { exact: true });
    await email.fill('post(at)skansen');
    await page.getByLabel('Telefon', { exact: true }).fill('55 31 20 00');
    await page.getByRole('button', { name: 'Legg til kontaktperson' }).click();
    await page.getByLabel('Navn 1').fill('Mona Skansen');
    await page.getByLabel('Rolle 1').fill('Daglig leder');
    await page.getByRole('button', { name: 'Legg til adresse' }).click();
    await page.getByLabel('Adresse 1').fill('Skansemyren 3');
    await page.getByLabel('Postnr. 1').fill('5015');
    await page.getByLabel('Poststed 1').fill('Bergen');
    const tags = page.getByPlaceholder('Skriv og trykk Enter');
    await tags.fill('kafé');
    await tags.press('Enter');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await expect.poll(() => describedBy(email)).toContain('Not an e-mail address');
    await screenshot(page, '63-contact-form-error');

    await email.fill('post@skansen.no');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await waitForHeading(page, 'Skansen Kaffekjøkken AS');
    await page.getByText('Mona Skansen').waitFor();
    await page.getByText('Skansemyren 3').waitFor();
    await page.getByText('+47 55 31 20 00').waitFor();
    await screenshot(page, '64-contact-created');

    await page.getByRole('link', { name: 'Endre' }).click();
    await waitForHeading(page, 'Endre kontakt');
    await page.getByLabel(/^Navn\s*\*?$/).fill('Skansen Kaffekjøkken og Bar AS');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await waitForHeading(page, 'Skansen Kaffekjøkken og Bar AS');
  });
});
