import { startTestServer } from '@nordbok/server/test-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, newPage } from './browser';
import { chooseCompany, logIn, screenshot, waitForHeading } from './helpers';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const NEW_COMPANY = 'Nordlys Regnskap AS';
// A valid MOD11 organisation number, different from the demo company's.
const NEW_ORG_NUMBER = '923609016';

describe.skipIf(!browserAvailable())('the app shell, clicked through as an administrator', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('logs in and lands in the demo company', async () => {
    await page.goto(server.url);
    await waitForHeading(page, 'Logg inn');
    await screenshot(page, '01-login');
    await logIn(page, server.url, server.adminEmail, 'wrong password');
    await page.getByRole('alert').filter({ hasText: /./ }).waitFor();
    await screenshot(page, '02-login-failed');

    await logIn(page, server.url, server.adminEmail, server.adminPassword);
    await chooseCompany(page, 'Fjordkaffe AS', '03-company-picker');
    await waitForHeading(page, /^Velkommen/);
    await screenshot(page, '04-home');
  });

  it('shows every business area and opens one from the menu', async () => {
    const nav = page.getByRole('navigation');
    for (const area of ['Kontakter', 'CRM', 'Salg', 'Innkjøp', 'Lager', 'Regnskap', 'Rapporter']) {
      await nav.getByRole('link', { name: area, exact: true }).waitFor();
    }
    await nav.getByRole('link', { name: 'Salg', exact: true }).click();
    await waitForHeading(page, 'Salg');
    await screenshot(page, '05-sales-area');
  });

  it('creates a company and switches to it', async () => {
    await page.getByRole('button', { name: 'Fjordkaffe AS' }).click();
    await page.getByRole('menuitem', { name: 'Nytt firma …' }).click();
    await waitForHeading(page, 'Nytt firma');
    await page.getByLabel('Firmanavn').fill(NEW_COMPANY);
    await page.getByLabel('Organisasjonsnummer').fill(NEW_ORG_NUMBER);
    await page.getByLabel('Regnskapsåret starter i').selectOption({ label: 'Juli' });
    await screenshot(page, '06-new-company');
    await page.getByLabel('Organisasjonsnummer').press('Enter');

    await page.getByRole('button', { name: `Bytt til ${NEW_COMPANY}` }).click();
    await page.getByRole('button', { name: NEW_COMPANY }).waitFor();
    await waitForHeading(page, /^Velkommen/);
  });

  it('saves a company setting that is still there after a reload', async () => {
    await openCompanySettings(page);
    const visit = page.getByRole('group', { name: 'Besøksadresse' });
    await visit.getByLabel('Poststed').fill('Tromsø');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await page.getByText('Firmaopplysningene er lagret.').waitFor();
    await screenshot(page, '07-company-settings');

    await page.reload();
    await waitForHeading(page, 'Firmaopplysninger');
    const city = page.getByRole('group', { name: 'Besøksadresse' }).getByLabel('Poststed');
    expect(await city.inputValue()).toBe('Tromsø');
    expect(await page.getByLabel('Regnskapsåret starter i').inputValue()).toBe('7');
  });

  it('shows the users of the company', async () => {
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: 'Brukere' }).click();
    await waitForHeading(page, 'Brukere');
    const me = page.getByRole('region').filter({ hasText: server.adminEmail });
    expect(await me.getByLabel('Rolle').inputValue()).toBe('administrator');
    await screenshot(page, '08-users');
  });

  it('switches to English and keeps it for the user', async () => {
    await page.getByRole('radiogroup', { name: 'Språk' }).getByText('English').click();
    const nav = page.getByRole('navigation');
    for (const area of ['Contacts', 'Sales', 'Purchasing', 'Inventory', 'Accounting', 'Reports']) {
      await nav.getByRole('link', { name: area, exact: true }).waitFor();
    }
    await page.reload();
    await nav.getByRole('link', { name: 'Contacts', exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await screenshot(page, '09-english');
  });

  it('keeps the menu within reach on a phone-sized screen', async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    const nav = page.getByRole('navigation');
    await page.getByRole('button', { name: 'Show or hide the menu' }).click();
    await nav.getByRole('link', { name: 'Sales', exact: true }).click();
    await waitForHeading(page, 'Sales');
    await page.waitForFunction(() => {
      const menu = document.querySelector('nav');
      return menu !== null && menu.getBoundingClientRect().right <= 0;
    });
    await screenshot(page, '15-phone');
    await page.getByRole('button', { name: 'Show or hide the menu' }).click();
    await nav.getByRole('radiogroup', { name: 'Language' }).waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, '16-phone-menu');
    await page.getByRole('button', { name: 'Show or hide the menu' }).click();
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('logs out and lands on the login page', async () => {
    await page.getByRole('button', { name: /^User menu for/ }).click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await page.getByRole('button', { name: /^(Log in|Logg inn)$/ }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: /^(Log in|Logg inn)$/ }).waitFor();
  });

  it('says so when the session has ended by itself', async () => {
    await logIn(page, server.url, server.adminEmail, server.adminPassword);
    await chooseCompany(page, NEW_COMPANY);
    // The cookie disappearing is what an expired or revoked session looks like to the browser.
    await page.context().clearCookies();
    await page.getByRole('navigation').getByRole('link', { name: 'Company details' }).click();
    await page.getByText('Your session has expired. Please log in again.').waitFor();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
  });
});

async function openCompanySettings(page: Page) {
  const nav = page.getByRole('navigation');
  const link = nav.getByRole('link', { name: 'Firmaopplysninger' });
  if (!(await link.isVisible())) await nav.getByRole('button', { name: 'Innstillinger' }).click();
  await link.click();
  await waitForHeading(page, 'Firmaopplysninger');
}
