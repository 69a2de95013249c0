import type { AddressInfo } from 'node:net';
import { startTestServer } from '@nordbok/server/test-server';
import type { Browser, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, newPage } from './browser';
import { chooseCompany, logIn, screenshot } from './helpers';
import { openFromMenu } from './ledger-helpers';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

describe.skipIf(!browserAvailable())('crm mass mailing', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let smtp: SMTPServer;
  let smtpPort = 0;
  const received: string[] = [];

  beforeAll(async () => {
    // A real SMTP server on loopback receives what the screen sends.
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        stream.on('data', () => {});
        stream.on('end', () => {
          received.push(...session.envelope.rcptTo.map((r) => r.address));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpPort = (smtp.server.address() as AddressInfo).port;
    server = await startTestServer();
    browser = await launchBrowser();
    page = await newPage(browser);
    await logIn(page, server.url, server.adminEmail, server.adminPassword);
    await chooseCompany(page, 'Fjordkaffe AS');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  });

  it('saves the SMTP server without showing the password again', async () => {
    await openFromMenu(page, 'CRM', 'E-post og SMS');
    const form = page.getByRole('region', { name: 'E-post (SMTP)' });
    await form.getByLabel('Server').fill('127.0.0.1');
    await form.getByLabel('Port', { exact: true }).fill(String(smtpPort));
    await form.getByLabel('Brukernavn').fill('');
    await form.getByLabel('Passord').fill('hemmelig');
    await form.getByLabel('Avsenderadresse').fill('post@fjordkaffe.no');
    await form.getByRole('button', { name: 'Lagre e-post' }).click();
    await page.getByText('Innstillingene er lagret.').waitFor();
    expect(await form.getByLabel('Passord').inputValue()).toBe('');
    await expect
      .poll(() => form.getByLabel('Passord').getAttribute('placeholder'))
      .toContain('Lagret');
    await screenshot(page, '87-crm-sending-settings');
  });

  it('previews a template, sends it to two contacts and shows each result', async () => {
    await openFromMenu(page, 'CRM', 'Masseutsendelse');
    await page.getByLabel('Mal', { exact: true }).first().click();
    await page.getByRole('option', { name: 'Smakekveld (E-post)' }).click();
    const editor = page.getByRole('form', { name: 'Rediger mal' });
    await expect.poll(() => editor.getByLabel('Navn på malen').inputValue()).toBe('Smakekveld');
    // An unknown merge field is refused, naming it.
    const body = editor.getByLabel('Tekst');
    await body.fill('Hei {{fornavn}}!');
    await editor.getByRole('button', { name: 'Lagre mal' }).click();
    await page
      .getByText(/Unknown merge field \{\{fornavn\}\}/)
      .first()
      .waitFor();
    await body.fill('Hei ');
    await page.getByRole('button', { name: 'Sett inn {{kontaktperson}}' }).click();
    await page.keyboard.type(', velkommen til smakekveld hos {{firma}}.');
    await editor.getByRole('button', { name: 'Lagre mal' }).click();
    await page.getByText('Malen «Smakekveld» er lagret.').waitFor();

    await page.getByRole('button', { name: 'Forhåndsvisning' }).click();
    await page
      .getByRole('region', { name: 'Forhåndsvisning' })
      .getByText('Hei Kari Nordmann, velkommen til smakekveld hos Fjordkaffe AS.')
      .waitFor();

    const recipients = page.getByRole('region', { name: 'Mottakere' });
    const pick = recipients.getByLabel('Mottakere');
    for (const name of ['Hotell Bryggen AS', 'Bergen Sjømat AS']) {
      await pick.fill(name);
      await page.getByRole('option', { name, exact: true }).click();
    }
    await recipients.getByRole('button', { name: 'Send til 2 kontakter' }).click();
    const result = page.getByRole('region', { name: 'Resultat' });
    await result.getByText('Ferdig: 2 sendt, 0 feilet, 0 hoppet over.').waitFor();
    expect(await result.getByRole('row').filter({ hasText: 'Sendt' }).count()).toBe(2);
    expect(received).toHaveLength(2);
    await screenshot(page, '88-crm-mailing');
  });
});
