import { startTestServer } from '@nordbok/server/test-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiSession, apiLogin } from './api';
import { browserAvailable, launchBrowser, newPage } from './browser';
import { chooseCompany, logIn, screenshot, waitForHeading } from './helpers';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const GUEST = { email: 'revisor@example.no', name: 'Rita Revisor', password: 'guest-password-123' };
const NEWCOMER = { email: 'ny@example.no', name: 'Nils Ny', password: 'newcomer-password-1' };
const SECOND_COMPANY = { name: 'Nordlys Regnskap AS', orgNumber: '923609016' };

describe.skipIf(!browserAvailable())('access as a guest, and without a usable company', () => {
  let server: TestServer;
  let admin: ApiSession;
  let demoId: number;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    const login = await apiLogin(server.url, server.adminEmail, server.adminPassword);
    admin = login.api;
    const demo = login.session.companies.find((c) => c.name === 'Fjordkaffe AS');
    if (!demo) throw new Error('the test server has no demo company');
    demoId = demo.id;
    await expectStatus(admin.call('POST', '/users', { ...GUEST, language: 'nb' }), 201);
    await grant(admin, demoId, GUEST.email, 'guest');
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows a guest the company settings read-only, without a save button', async () => {
    await logIn(page, server.url, GUEST.email, GUEST.password);
    await chooseCompany(page, 'Fjordkaffe AS');
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: 'Firmaopplysninger' }).click();
    await waitForHeading(page, 'Firmaopplysninger');
    await page.getByText('Du har bare lesetilgang til firmaopplysningene.').waitFor();

    const name = page.getByLabel('Firmanavn');
    expect(await name.inputValue()).toBe('Fjordkaffe AS');
    expect(await name.isEditable()).toBe(false);
    const city = page.getByRole('group', { name: 'Besøksadresse' }).getByLabel('Poststed');
    expect(await city.isEditable()).toBe(false);
    expect(await page.getByRole('button', { name: 'Lagre' }).count()).toBe(0);
    // A guest does not manage users, so that page is not offered.
    expect(await nav.getByRole('link', { name: 'Brukere' }).count()).toBe(0);
    await screenshot(page, '10-guest-settings-read-only');
  });

  it('refuses the guest when changing the company through the API anyway', async () => {
    const answer = await page.evaluate(async (id) => {
      const session = await fetch('/api/v1/auth/session').then((r) => r.json());
      const response = await fetch(`/api/v1/companies/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ phone: '+47 99 99 99 99' }),
      });
      const problem = await response.json();
      return { status: response.status, code: problem.code };
    }, demoId);
    expect(answer.status).toBe(403);
    // The token was right, so the refusal is about the guest's access, not about CSRF.
    expect(answer.code).not.toBe('csrf');
  });

  it('explains a full licence when switching company', async () => {
    const created = await admin.call<{ id: number }>('POST', '/companies', SECOND_COMPANY);
    expect(created.status).toBe(201);
    await grant(admin, created.body.id, GUEST.email, 'user');
    // The administrator's own session is active in the demo company and takes its one seat.
    await expectStatus(admin.call('PATCH', `/companies/${demoId}`, { licenceMaxUsers: 1 }), 200);
    await page.reload();

    await switchCompany(page, SECOND_COMPANY.name);
    await page.getByRole('button', { name: SECOND_COMPANY.name }).waitFor();
    await switchCompany(page, 'Fjordkaffe AS');
    await page.getByText('Kunne ikke bytte firma').waitFor();
    await page.getByText(/licence for Fjordkaffe AS allows 1 concurrent user/).waitFor();
    // Let the notification finish sliding in before the picture is taken.
    await page.waitForTimeout(500);
    await screenshot(page, '12-licence-limit-on-switch');
  });

  it('offers the remaining companies when access to the current one is taken away', async () => {
    const member = await memberId(admin, demoId, GUEST.email);
    const second = await admin.call<{ items: { id: number; name: string }[] }>('GET', '/companies');
    const nordlys = second.body.items.find((c) => c.name === SECOND_COMPANY.name);
    if (!nordlys) throw new Error('the second company is missing');
    await expectStatus(admin.call('DELETE', `/companies/${nordlys.id}/members/${member}`), 204);

    await page.reload();
    await waitForHeading(page, 'Velg firma');
    await page.getByRole('button', { name: /Fjordkaffe AS/ }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Kunne ikke velge firmaet' });
    await alert.getByText(/allows 1 concurrent user/).waitFor();
    await screenshot(page, '03-company-picker-licence-limit');
  });

  it('tells a user without any company to ask for access', async () => {
    await expectStatus(admin.call('POST', '/users', { ...NEWCOMER, language: 'nb' }), 201);
    const fresh = await newPage(browser);
    await logIn(fresh, server.url, NEWCOMER.email, NEWCOMER.password);
    await waitForHeading(fresh, 'Velg firma');
    await fresh.getByText('Du har ikke tilgang til noe firma ennå.', { exact: false }).waitFor();
    await screenshot(fresh, '03-company-picker-empty');
    await fresh.context().close();
  });
});

describe.skipIf(!browserAvailable())('logging in too often', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows the server's reason when sign-ins are throttled", async () => {
    const page = await newPage(browser);
    await page.goto(server.url);
    const failed = page.getByRole('alert').filter({ hasText: 'Innloggingen mislyktes' });
    for (let attempt = 0; attempt < 6; attempt++) {
      await logIn(page, server.url, 'nobody@example.no', `wrong-${attempt}`);
      await failed.waitFor();
      if (await failed.getByText(/too many/i).isVisible()) break;
    }
    await failed.getByText(/too many/i).waitFor();
    await screenshot(page, '02-login-throttled');
  });
});

async function expectStatus(call: Promise<{ status: number }>, status: number) {
  expect((await call).status).toBe(status);
}

async function grant(admin: ApiSession, companyId: number, email: string, role: string) {
  await expectStatus(admin.call('POST', `/companies/${companyId}/members`, { email, role }), 201);
}

async function memberId(admin: ApiSession, companyId: number, email: string) {
  const members = await admin.call<{ items: { userId: number; email: string }[] }>(
    'GET',
    `/companies/${companyId}/members`,
  );
  const member = members.body.items.find((m) => m.email === email);
  if (!member) throw new Error(`${email} is not a member of company ${companyId}`);
  return member.userId;
}

async function switchCompany(page: Page, name: string) {
  await page.getByRole('button', { name: /^(Fjordkaffe AS|Nordlys Regnskap AS)$/ }).click();
  await page.getByRole('menuitem', { name }).click();
}
