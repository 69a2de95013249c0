import { startTestServer } from '@nordbok/server/test-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, newPage } from './browser';
import { chooseCompany, describedBy, logIn, screenshot, waitForHeading } from './helpers';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

// The smallest valid PNG: one transparent pixel.
const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

describe.skipIf(!browserAvailable())('company settings: field errors and the logo', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = await newPage(browser);
    await logIn(page, server.url, server.adminEmail, server.adminPassword);
    await chooseCompany(page, 'Fjordkaffe AS');
    await page.getByRole('navigation').getByRole('link', { name: 'Firmaopplysninger' }).click();
    await waitForHeading(page, 'Firmaopplysninger');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows the server's message under an invalid organisation number", async () => {
    const orgNumber = page.getByLabel('Organisasjonsnummer');
    await orgNumber.fill('123456780');
    await orgNumber.press('Enter');

    await page.getByRole('alert').filter({ hasText: 'Noen felt må rettes' }).waitFor();
    expect(await orgNumber.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(orgNumber)).toMatch(/organi[sz]ation number|organisasjonsnummer/i);
    await screenshot(page, '11-field-error');
  });

  it('shows errors of nested fields under the field they belong to', async () => {
    await page.getByLabel('Organisasjonsnummer').fill('921876548');
    const postal = page.getByRole('group', { name: 'Postadresse' });
    const country = postal.getByLabel('Land');
    await country.fill('N0');
    await country.press('Enter');

    await page.getByRole('alert').filter({ hasText: 'Noen felt må rettes' }).waitFor();
    expect(await country.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(country)).toMatch(/country code|landkode/i);
    const visitCountry = page.getByRole('group', { name: 'Besøksadresse' }).getByLabel('Land');
    expect(await visitCountry.getAttribute('aria-invalid')).not.toBe('true');
  });

  it('refuses a logo over 200 KB before sending it', async () => {
    const tooLarge = Buffer.concat([PIXEL_PNG, Buffer.alloc(201 * 1024)]);
    await logoInput(page).setInputFiles({
      name: 'big.png',
      mimeType: 'image/png',
      buffer: tooLarge,
    });
    await page.getByText('Bildet er for stort: bruk en fil under 200 kB.').waitFor();
  });

  it('saves a logo and shows it after a reload', async () => {
    await page.reload();
    await waitForHeading(page, 'Firmaopplysninger');
    await logoInput(page).setInputFiles({
      name: 'logo.png',
      mimeType: 'image/png',
      buffer: PIXEL_PNG,
    });
    await page.getByRole('img', { name: 'Logo for Fjordkaffe AS' }).waitFor();
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await page.getByText('Firmaopplysningene er lagret.').waitFor();

    await page.reload();
    const logo = page.getByRole('img', { name: 'Logo for Fjordkaffe AS' });
    await logo.waitFor();
    expect(await logo.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  });
});

function logoInput(page: Page) {
  // Mantine's file picker is a button in front of a hidden native input, which takes the file.
  return page.locator('input[type="file"]');
}
