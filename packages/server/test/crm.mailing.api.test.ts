import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiClient, adminWithCompany } from './support/api';
import { describeEachStore } from './support/stores';

interface Received {
  from: string;
  to: string[];
  data: string;
}

/** A real SMTP server on loopback that keeps what it receives; one address always fails. */
async function startSmtp() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    onAuth(auth, _session, callback) {
      if (auth.username === 'nordbok' && auth.password === 'hemmelig')
        callback(null, { user: 'nordbok' });
      else callback(new Error('Wrong user or password'));
    },
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('bounce@')) callback(new Error('Mailbox unavailable'));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { received, port, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A stand-in for the SMS provider's REST API on loopback. */
async function startSmsStandIn() {
  const requests: {
    auth: string | undefined;
    url: string | undefined;
    body: Record<string, unknown>;
  }[] = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => {
      const body = JSON.parse(text) as Record<string, unknown>;
      requests.push({ auth: req.headers.authorization, url: req.url, body });
      const refused = body.destination === '+4790000002';
      res.writeHead(refused ? 400 : 200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          refused
            ? { resultCode: 2105, description: 'Invalid destination' }
            : { messageId: `m${requests.length}`, resultCode: 1005, description: 'Queued' },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    requests,
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describeEachStore('crm mass mailing', (store) => {
  let api: ApiClient;
  let base: string;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let sms: Awaited<ReturnType<typeof startSmsStandIn>>;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    smtp = await startSmtp();
    sms = await startSmsStandIn();
    ({ api, base } = await adminWithCompany(store(), 'Utsending AS'));
    const contacts = [
      {
        name: 'Fjellkafé AS',
        email: 'post@fjellkafe.no',
        phone: '90000001',
        customer: true,
        persons: [{ name: 'Ola Fjell' }],
        addresses: [{ kind: 'visit', line1: 'Fjellveien 2', postalCode: '5014', city: 'Bergen' }],
      },
      { name: 'Sprett AS', email: 'bounce@sprett.no', phone: '90000002' },
      { name: 'Uten Adresse AS' },
    ];
    for (const c of contacts) {
      const created = await api.post(`${base}/contacts`, c);
      expect(created.statusCode).toBe(201);
      ids[c.name] = created.data.id;
    }
  });

  afterAll(async () => {
    await smtp?.close();
    await sms?.close();
  });

  async function finished(id: number) {
    for (let i = 0; i < 100; i += 1) {
      const mailing = (await api.get(`${base}/crm/mailings/${id}`)).data;
      if (mailing.state === 'done') return mailing;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('The mailing did not finish.');
  }

  it('refuses a template with an unknown merge field, naming it', async () => {
    const response = await api.post(`${base}/crm/templates`, {
      name: 'Feil',
      channel: 'email',
      subject: 'Hei {{navn}}',
      body: 'Hei {{fornavn}} og {{ navn }}',
    });
    expect(response.statusCode).toBe(400);
    expect(response.data.errors[0]).toMatchObject({ field: 'body', code: 'unknown-merge-field' });
    expect(response.data.errors[0].message).toContain('{{fornavn}}');
    const fields = (await api.get(`${base}/crm/merge-fields`)).data.items.map(
      (f: { name: string }) => f.name,
    );
    expect(fields).toEqual(expect.arrayContaining(['navn', 'kontaktperson', 'kundenummer']));
  });

  it('previews a template for a contact', async () => {
    const preview = await api.post(`${base}/crm/templates/preview`, {
      subject: 'Til {{navn}}',
      body: 'Hei {{kontaktperson}}, kundenummer {{kundenummer}}. Hilsen {{firma}}',
      partyId: ids['Fjellkafé AS'],
    });
    expect(preview.data.subject).toBe('Til Fjellkafé AS');
    expect(preview.data.body).toMatch(/^Hei Ola Fjell, kundenummer 1\d{4}\. Hilsen Utsending AS$/);
  });

  it('keeps passwords out of the settings it returns', async () => {
    const saved = await api.put(`${base}/crm/sending-settings`, {
      smtp: {
        host: '127.0.0.1',
        port: smtp.port,
        secure: false,
        user: 'nordbok',
        password: 'hemmelig',
        from: 'salg@utsending.no',
        fromName: 'Utsending AS',
      },
      sms: {
        provider: 'linkmobility',
        baseUrl: sms.url,
        username: 'kunde',
        password: 'sms-hemmelig',
        platformId: 'COMMON_API',
        platformPartnerId: '1234',
        source: 'Utsending',
      },
    });
    expect(saved.statusCode).toBe(200);
    expect(JSON.stringify(saved.data)).not.toContain('hemmelig');
    expect(saved.data.smtp.passwordSet).toBe(true);
    // Saving without a password keeps the one saved (the SMTP test below signs in with it).
    const { passwordSet: _s, ...smtpSettings } = saved.data.smtp;
    const kept = await api.put(`${base}/crm/sending-settings`, { smtp: smtpSettings });
    expect(kept.data.smtp.passwordSet).toBe(true);
    expect(JSON.stringify((await api.get(`${base}/crm/sending-settings`)).data)).not.toContain(
      'hemmelig',
    );
  });

  it('sends e-mail through SMTP with a result per recipient, skipping contacts without e-mail', async () => {
    const template = await api.post(`${base}/crm/templates`, {
      name: 'Høsttilbud',
      channel: 'email',
      subject: 'Tilbud til {{navn}}',
      body: 'Hei {{kontaktperson}}!\n\nNy kaffe fra {{firma}}.',
    });
    expect(template.statusCode).toBe(201);
    const started = await api.post(`${base}/crm/mailings`, {
      templateId: template.data.id,
      partyIds: [ids['Fjellkafé AS'], ids['Sprett AS'], ids['Uten Adresse AS']],
    });
    expect(started.statusCode).toBe(202);
    const mailing = await finished(started.data.id);
    expect(mailing).toMatchObject({ total: 3, sent: 1, failed: 1, skipped: 1, pending: 0 });
    const byName = Object.fromEntries(
      mailing.recipients.map((r: { name: string; status: string; reason: string | null }) => [
        r.name,
        r,
      ]),
    );
    expect(byName['Fjellkafé AS'].status).toBe('sent');
    expect(byName['Sprett AS']).toMatchObject({ status: 'failed' });
    expect(byName['Sprett AS'].reason).toMatch(/Mailbox unavailable/);
    expect(byName['Uten Adresse AS']).toMatchObject({ status: 'skipped', reason: 'no-email' });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.to).toEqual(['post@fjellkafe.no']);
    expect(smtp.received[0]?.from).toBe('salg@utsending.no');
    expect(smtp.received[0]?.data).toContain('Hei Ola Fjell!');
    const timeline = await store()
      .db.selectFrom('contact_timeline')
      .select(['party_id', 'kind', 'title'])
      .where('kind', '=', 'mailing')
      .execute();
    expect(timeline.map((t) => t.party_id).sort()).toEqual(
      [ids['Fjellkafé AS'], ids['Sprett AS']].sort(),
    );
    expect(timeline.find((t) => t.party_id === ids['Fjellkafé AS'])?.title).toBe(
      'E-post: Tilbud til Fjellkafé AS',
    );
  });

  it('sends SMS through the provider with basic auth and the documented body', async () => {
    const template = await api.post(`${base}/crm/templates`, {
      name: 'SMS-påminnelse',
      channel: 'sms',
      body: 'Hei {{navn}}, husk kaffesmaking i morgen!',
    });
    const started = await api.post(`${base}/crm/mailings`, {
      templateId: template.data.id,
      partyIds: [ids['Fjellkafé AS'], ids['Sprett AS'], ids['Uten Adresse AS']],
    });
    const mailing = await finished(started.data.id);
    expect(mailing).toMatchObject({ sent: 1, failed: 1, skipped: 1 });
    expect(sms.requests[0]).toEqual({
      auth: `Basic ${Buffer.from('kunde:sms-hemmelig').toString('base64')}`,
      url: '/sms/send',
      body: {
        source: 'Utsending',
        destination: '+4790000001',
        userData: 'Hei Fjellkafé AS, husk kaffesmaking i morgen!',
        platformId: 'COMMON_API',
        platformPartnerId: '1234',
      },
    });
    const failed = mailing.recipients.find((r: { name: string }) => r.name === 'Sprett AS');
    expect(failed.reason).toContain('Invalid destination');
  });

  it('makes letters as one PDF, skipping contacts without an address', async () => {
    const template = await api.post(`${base}/crm/templates`, {
      name: 'Brev',
      channel: 'letter',
      subject: 'Invitasjon',
      body: 'Kjære {{kontaktperson}}\n\nVelkommen til {{firma}}.',
    });
    const started = await api.post(`${base}/crm/mailings`, {
      templateId: template.data.id,
      partyIds: [ids['Fjellkafé AS'], ids['Uten Adresse AS']],
    });
    const mailing = await finished(started.data.id);
    expect(mailing).toMatchObject({ sent: 1, skipped: 1 });
    const pdf = await api.get(`${base}/crm/mailings/${mailing.id}/letters.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('sends to the members of a segment together with chosen contacts, each once', async () => {
    const segment = await api.post(`${base}/segments`, { name: 'Utvalgte', kind: 'static' });
    expect(segment.statusCode).toBe(201);
    await api.post(`${base}/segments/${segment.data.id}/members`, {
      partyIds: [ids['Fjellkafé AS'], ids['Uten Adresse AS']],
    });
    const template = (await api.get(`${base}/crm/templates`)).data.items.find(
      (t: { name: string }) => t.name === 'Høsttilbud',
    );
    const before = smtp.received.length;
    const started = await api.post(`${base}/crm/mailings`, {
      templateId: template.id,
      partyIds: [ids['Fjellkafé AS']],
      segmentIds: [segment.data.id],
    });
    expect(started.statusCode).toBe(202);
    const mailing = await finished(started.data.id);
    expect(mailing).toMatchObject({ total: 2, sent: 1, skipped: 1 });
    expect(smtp.received.length - before).toBe(1);
    const unknown = await api.post(`${base}/crm/mailings`, {
      templateId: template.id,
      segmentIds: [99999],
    });
    expect(unknown.data.errors[0].field).toBe('segmentIds.0');
  });

  it('refuses to send e-mail without SMTP settings and to unknown contacts', async () => {
    const template = (await api.get(`${base}/crm/templates`)).data.items.find(
      (t: { channel: string }) => t.channel === 'email',
    );
    const unknown = await api.post(`${base}/crm/mailings`, {
      templateId: template.id,
      partyIds: [99999],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.data.errors[0].field).toBe('partyIds.0');
    await api.put(`${base}/crm/sending-settings`, { smtp: null });
    const response = await api.post(`${base}/crm/mailings`, {
      templateId: template.id,
      partyIds: [ids['Fjellkafé AS']],
    });
    expect(response.statusCode).toBe(400);
    expect(response.data.errors[0].code).toBe('no-smtp');
  });
});
