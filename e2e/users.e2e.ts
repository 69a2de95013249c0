import { startTestServer } from '@nordbok/server/test-server';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, newPage } from './browser';
import { chooseCompany, logIn, screenshot, waitForHeading } from './helpers';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const SELLER = { name: 'Siri Selger', email: 'siri@fjordkaffe.no', password: 'siri-password-1' };

describe.skipIf(!browserAvailable())('users and profile, as the installation administrator', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = await newPage(browser);
    await logIn(page, server.url, server.adminEmail, server.adminPassword);
    await chooseCompany(page, 'Fjordkaffe AS');
    await page.getByRole('navigation').getByRole('link', { name: 'Brukere' }).click();
    await waitForHeading(page, 'Brukere');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates a user and gives them access to the company', async () => {
    const create = page.getByRole('region', { name: 'Opprett bruker' });
    await create.getByLabel('Navn').fill(SELLER.name);
    await create.getByLabel('E-post').fill(SELLER.email);
    await create.getByLabel('Passord').fill(SELLER.password);
    await create.getByLabel('Passord').press('Enter');
    await page.getByText(`${SELLER.name} er opprettet.`, { exact: false }).waitFor();

    const add = page.getByRole('region', { name: 'Gi en bruker tilgang' });
    expect(await add.getByLabel('E-post').inputValue()).toBe(SELLER.email);
    await add.getByRole('button', { name: 'Gi tilgang' }).click();
    await memberCard(page, SELLER.name).waitFor();
    expect(await memberCard(page, SELLER.name).getByLabel('Rolle').inputValue()).toBe('user');
  });

  it('changes the access of one area and keeps it after a reload', async () => {
    const card = memberCard(page, SELLER.name);
    await card.getByLabel('Regnskap').selectOption({ label: 'Ingen' });
    await card.getByRole('button', { name: 'Lagre tilgang' }).click();
    await page.getByText(`Tilgangen for ${SELLER.name} er lagret.`).waitFor();
    await screenshot(page, '13-users-with-member');

    await page.reload();
    await waitForHeading(page, 'Brukere');
    const reloaded = memberCard(page, SELLER.name);
    expect(await reloaded.getByLabel('Regnskap').inputValue()).toBe('none');
    expect(await reloaded.getByLabel('Salg').inputValue()).toBe('write');
  });

  it('shows the member only the areas they have access to', async () => {
    const theirs = await newPage(browser);
    await logIn(theirs, server.url, SELLER.email, SELLER.password);
    await chooseCompany(theirs, 'Fjordkaffe AS');
    const nav = theirs.getByRole('navigation');
    await nav.getByRole('link', { name: 'Salg', exact: true }).waitFor();
    expect(await nav.getByRole('link', { name: 'Regnskap', exact: true }).count()).toBe(0);
    // Users may read but not change the company settings, and do not manage users.
    await nav.getByRole('link', { name: 'Firmaopplysninger' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Brukere' }).count()).toBe(0);

    await theirs.goto(`${server.url}/#/accounting`);
    await theirs.getByText('Du har ikke tilgang til Regnskap i dette firmaet.').waitFor();
    await theirs.context().close();
  });

  it('offers guests no more than read access', async () => {
    const card = memberCard(page, SELLER.name);
    await card.getByLabel('Rolle').selectOption('guest');
    const options = await card.getByLabel('Salg').locator('option').allTextContents();
    expect(options).toEqual(['Ingen', 'Lese']);
    await card.getByLabel('Rolle').selectOption('user');
  });

  it('removes access after asking once more', async () => {
    await memberCard(page, SELLER.name).getByRole('button', { name: 'Fjern tilgang' }).click();
    const dialog = page.getByRole('dialog', { name: 'Fjerne tilgang?' });
    await dialog.getByRole('button', { name: 'Fjern tilgang' }).click();
    await page.getByText(`Tilgangen for ${SELLER.name} er fjernet.`).waitFor();
    await memberCard(page, SELLER.name).waitFor({ state: 'detached' });
  });

  it('changes the name and language on the profile page', async () => {
    await page.getByRole('button', { name: /^Brukermeny for/ }).click();
    await page.getByRole('menuitem', { name: 'Min profil' }).click();
    await waitForHeading(page, 'Min profil');
    await screenshot(page, '14-profile');
    await page.getByLabel('Navn').fill('Ada Administrator');
    await page.getByRole('combobox', { name: 'Språk' }).selectOption('en');
    await page.getByLabel('Navn').press('Enter');

    await waitForHeading(page, 'My profile');
    await page.getByRole('button', { name: 'User menu for Ada Administrator' }).waitFor();
  });
});

function memberCard(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}
