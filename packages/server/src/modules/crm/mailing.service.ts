import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import PDFDocument from 'pdfkit';
import type { z } from 'zod';
import { inTransaction, now } from '../../db/database';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { getCompany } from '../admin/company.service';
import type { Contact } from '../contacts/contact.schemas';
import { getContact } from '../contacts/contact.service';
import { segmentMembers } from '../contacts/segment.service';
import { logOnTimeline } from './crm-timeline';
import type {
  Channel,
  Mailing,
  MailingDetail,
  mailingInputSchema,
  previewInputSchema,
  Template,
  templateChangesSchema,
  templateInputSchema,
} from './mailing.schemas';
import { checkMergeFields, type MergeValues, merge } from './merge-fields';
import { readSendingSettings, type SendingSettings } from './sending-settings';
import { linkMobility, type SmsProvider } from './sms-provider';

type Db = Kysely<Database>;

// ---------------------------------------------------------------- templates

function toTemplate(r: {
  id: number;
  name: string;
  channel: string;
  subject: string;
  body: string;
  updated_at: string;
}): Template {
  return {
    id: r.id,
    name: r.name,
    channel: r.channel as Channel,
    subject: r.subject,
    body: r.body,
    updatedAt: r.updated_at,
  };
}

function checkTemplate(t: {
  subject?: string | undefined;
  body?: string | undefined;
  channel?: Channel | undefined;
}) {
  if (t.subject !== undefined) checkMergeFields(t.subject, 'subject');
  if (t.body !== undefined) checkMergeFields(t.body, 'body');
}

export async function listTemplates(db: Db, companyId: number): Promise<Template[]> {
  const rows = await db
    .selectFrom('crm_templates')
    .selectAll()
    .where('company_id', '=', companyId)
    .orderBy('name')
    .execute();
  return rows.map(toTemplate);
}

async function findTemplate(db: Db, companyId: number, id: number, field?: string) {
  const row = await db
    .selectFrom('crm_templates')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) {
    const message = `Template ${id} does not exist.`;
    throw field ? AppError.field(field, message, 'unknown') : new AppError('not-found', message);
  }
  return toTemplate(row);
}

async function refuseDuplicateName(db: Db, companyId: number, name: string, id = 0) {
  const twin = await db
    .selectFrom('crm_templates')
    .select('id')
    .where('company_id', '=', companyId)
    .where('name', '=', name)
    .where('id', '!=', id)
    .executeTakeFirst();
  if (twin) throw AppError.field('name', `There is already a template "${name}".`, 'duplicate');
}

export async function createTemplate(
  db: Db,
  companyId: number,
  input: z.output<typeof templateInputSchema>,
): Promise<Template> {
  checkTemplate(input);
  return inTransaction(db, async (trx) => {
    await refuseDuplicateName(trx, companyId, input.name);
    const row = await trx
      .insertInto('crm_templates')
      .values({ company_id: companyId, ...input, updated_at: now() })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toTemplate(row);
  });
}

export async function changeTemplate(
  db: Db,
  companyId: number,
  id: number,
  changes: z.output<typeof templateChangesSchema>,
): Promise<Template> {
  checkTemplate(changes);
  return inTransaction(db, async (trx) => {
    await findTemplate(trx, companyId, id);
    if (changes.name) await refuseDuplicateName(trx, companyId, changes.name, id);
    await trx
      .updateTable('crm_templates')
      .set({ ...changes, updated_at: now() })
      .where('company_id', '=', companyId)
      .where('id', '=', id)
      .execute();
    return findTemplate(trx, companyId, id);
  });
}

export async function deleteTemplate(db: Db, companyId: number, id: number) {
  const result = await db
    .deleteFrom('crm_templates')
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!result.numDeletedRows) throw new AppError('not-found', `Template ${id} does not exist.`);
}

// ---------------------------------------------------------------- merging

const osloDate = (at = new Date()) =>
  new Intl.DateTimeFormat('nb-NO', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'Europe/Oslo',
  }).format(at);

function postalAddress(contact: Contact) {
  const byKind = (kind: string) => contact.addresses.find((a) => a.kind === kind);
  return byKind('invoice') ?? byKind('visit') ?? contact.addresses[0] ?? null;
}

function valuesOf(contact: Contact, companyName: string): MergeValues {
  const person = contact.persons[0];
  const address = postalAddress(contact);
  return {
    navn: contact.name,
    kontaktperson: person?.name ?? (contact.kind === 'person' ? contact.name : ''),
    kundenummer: contact.customerNumber === null ? '' : String(contact.customerNumber),
    orgnr: contact.orgNumber ?? '',
    epost: contact.email ?? person?.email ?? '',
    telefon: contact.phone ?? person?.phone ?? '',
    adresse: address?.line1 ?? '',
    postnummer: address?.postalCode ?? '',
    poststed: address?.city ?? '',
    firma: companyName,
    dato: osloDate(),
  };
}

const EXAMPLE: Contact = {
  id: 0,
  kind: 'organisation',
  name: 'Eksempel AS',
  orgNumber: '999999999',
  email: 'post@eksempel.no',
  phone: '+4799999999',
  customerNumber: 10001,
  supplierNumber: null,
  isLead: false,
  leadStatus: null,
  leadPoints: 0,
  website: null,
  notes: null,
  paymentTermsDays: null,
  blocked: false,
  createdAt: '',
  persons: [{ id: 0, name: 'Kari Nordmann', role: null, email: null, phone: null }],
  addresses: [
    {
      id: 0,
      kind: 'visit',
      line1: 'Strandkaien 1',
      line2: null,
      postalCode: '5013',
      city: 'Bergen',
      countryCode: 'NO',
    },
  ],
  tags: [],
};

/** The text as a chosen contact (or an example contact) would get it. */
export async function preview(
  db: Db,
  companyId: number,
  input: z.output<typeof previewInputSchema>,
): Promise<{ subject: string; body: string }> {
  checkMergeFields(input.subject, 'subject');
  checkMergeFields(input.body, 'body');
  const company = await getCompany(db, companyId);
  const contact = input.partyId ? await getContact(db, companyId, input.partyId) : EXAMPLE;
  const values = valuesOf(contact, company.name);
  return { subject: merge(input.subject, values), body: merge(input.body, values) };
}

// ---------------------------------------------------------------- mailings

/** Where a channel writes to, or the reason the contact is skipped. */
function addressFor(channel: Channel, contact: Contact): { address: string } | { skip: string } {
  const person = contact.persons[0];
  if (channel === 'email') {
    const email = contact.email ?? person?.email;
    return email ? { address: email } : { skip: 'no-email' };
  }
  if (channel === 'sms') {
    const phone = contact.phone ?? person?.phone;
    return phone ? { address: phone } : { skip: 'no-phone' };
  }
  const a = postalAddress(contact);
  if (!a) return { skip: 'no-address' };
  return {
    address: [a.line1, a.line2, `${a.postalCode ?? ''} ${a.city ?? ''}`.trim()]
      .filter(Boolean)
      .join(', '),
  };
}

/**
 * The contacts of a mailing: those chosen one by one and the members of the chosen
 * segments (which the contact register works out), each once.
 */
async function recipientIds(
  db: Db,
  companyId: number,
  input: z.output<typeof mailingInputSchema>,
): Promise<number[]> {
  const ids = new Set(input.partyIds);
  for (const [index, segmentId] of input.segmentIds.entries()) {
    let members: { id: number }[];
    try {
      members = await segmentMembers(db, companyId, segmentId, MAX_RECIPIENTS);
    } catch (error) {
      if (error instanceof AppError && error.code === 'not-found')
        throw AppError.field(
          `segmentIds.${index}`,
          `Segment ${segmentId} does not exist.`,
          'unknown',
        );
      throw error;
    }
    for (const m of members) ids.add(m.id);
  }
  if (ids.size > MAX_RECIPIENTS)
    throw AppError.field('segmentIds', `A mailing goes to at most ${MAX_RECIPIENTS} contacts.`);
  return [...ids];
}

const MAX_RECIPIENTS = 10_000;

/**
 * Starts a mailing: every recipient's text is merged and stored (or the contact is skipped
 * with the reason), in one transaction; the sending itself runs afterwards, one recipient
 * at a time, and the mailing can be followed while it runs.
 */
export async function startMailing(
  db: Db,
  companyId: number,
  input: z.output<typeof mailingInputSchema>,
  userId: number | null,
  log: (error: unknown) => void,
): Promise<Mailing> {
  const ids = await recipientIds(db, companyId, input);
  if (ids.length === 0)
    throw AppError.field('partyIds', 'Choose at least one contact or a segment with members.');
  const template = await findTemplate(db, companyId, input.templateId, 'templateId');
  const settings = await readSendingSettings(db, companyId);
  if (template.channel === 'email' && !settings.smtp)
    throw AppError.field('templateId', 'Set up the SMTP server before sending e-mail.', 'no-smtp');
  if (template.channel === 'sms' && !settings.sms)
    throw AppError.field('templateId', 'Set up the SMS provider before sending SMS.', 'no-sms');
  const company = await getCompany(db, companyId);
  const id = await inTransaction(db, async (trx) => {
    const mailing = await trx
      .insertInto('crm_mailings')
      .values({
        company_id: companyId,
        channel: template.channel,
        template_name: template.name,
        subject: template.subject,
        body: template.body,
        state: 'running',
        created_by: userId,
        created_at: now(),
        finished_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [index, partyId] of ids.entries()) {
      let contact: Contact;
      try {
        contact = await getContact(trx, companyId, partyId);
      } catch {
        throw AppError.field(`partyIds.${index}`, `Contact ${partyId} does not exist.`, 'unknown');
      }
      const values = valuesOf(contact, company.name);
      const where = addressFor(template.channel, contact);
      await trx
        .insertInto('crm_mailing_recipients')
        .values({
          company_id: companyId,
          mailing_id: mailing.id,
          party_id: partyId,
          name: contact.name,
          address: 'address' in where ? where.address : null,
          subject: merge(template.subject, values),
          body: merge(template.body, values),
          status: 'address' in where ? 'pending' : 'skipped',
          reason: 'skip' in where ? where.skip : null,
          sent_at: null,
        })
        .execute();
    }
    return mailing.id;
  });
  void runMailing(db, companyId, id, settings, userId).catch(log);
  return findMailing(db, companyId, id);
}

interface Sender {
  send(recipient: { address: string; subject: string; body: string }): Promise<void>;
  close(): void;
}

function senderFor(channel: Channel, settings: SendingSettings): Sender {
  if (channel === 'letter') {
    // A letter is "sent" when it is in the mailing's PDF, which is made from the stored text.
    return { send: async () => {}, close: () => {} };
  }
  if (channel === 'email') {
    const smtp = settings.smtp;
    if (!smtp) throw new Error('No SMTP server is set up.');
    const transport = nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
    });
    const from = smtp.fromName ? { name: smtp.fromName, address: smtp.from } : smtp.from;
    return {
      async send(r) {
        await transport.sendMail({ from, to: r.address, subject: r.subject, text: r.body });
      },
      close: () => transport.close(),
    };
  }
  const sms = settings.sms;
  if (!sms) throw new Error('No SMS provider is set up.');
  const provider: SmsProvider = linkMobility(sms);
  return {
    async send(r) {
      await provider.send(r.address, r.body);
    },
    close: () => {},
  };
}

const TIMELINE_TITLE: Record<Channel, string> = { letter: 'Brev', email: 'E-post', sms: 'SMS' };

/** Sends to each pending recipient in turn, recording each result and logging it on the contact. */
export async function runMailing(
  db: Db,
  companyId: number,
  mailingId: number,
  settings: SendingSettings,
  userId: number | null,
) {
  const mailing = await db
    .selectFrom('crm_mailings')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('id', '=', mailingId)
    .executeTakeFirstOrThrow();
  const channel = mailing.channel as Channel;
  const sender = senderFor(channel, settings);
  try {
    const pending = await db
      .selectFrom('crm_mailing_recipients')
      .selectAll()
      .where('mailing_id', '=', mailingId)
      .where('status', '=', 'pending')
      .orderBy('id')
      .execute();
    for (const r of pending) {
      let status = 'sent';
      let reason: string | null = null;
      try {
        await sender.send({ address: r.address ?? '', subject: r.subject, body: r.body });
      } catch (error) {
        status = 'failed';
        reason = (error as Error).message.slice(0, 500) || 'Unknown error';
      }
      const at = now();
      await inTransaction(db, async (trx) => {
        await trx
          .updateTable('crm_mailing_recipients')
          .set({ status, reason, sent_at: status === 'sent' ? at : null })
          .where('id', '=', r.id)
          .execute();
        if (r.party_id !== null) {
          const what =
            channel === 'sms' ? mailing.template_name : r.subject || mailing.template_name;
          await logOnTimeline(trx, companyId, r.party_id, {
            kind: 'mailing',
            title: `${TIMELINE_TITLE[channel]}: ${what}${status === 'failed' ? ' (feilet)' : ''}`,
            body: status === 'failed' ? reason : r.body.slice(0, 2000),
            occurredAt: at,
            sourceId: mailingId,
            userId,
          });
        }
      });
    }
  } finally {
    sender.close();
    await db
      .updateTable('crm_mailings')
      .set({ state: 'done', finished_at: now() })
      .where('id', '=', mailingId)
      .execute();
  }
}

async function counts(db: Db, mailingIds: number[]) {
  if (mailingIds.length === 0) return new Map<number, Record<string, number>>();
  const rows = await db
    .selectFrom('crm_mailing_recipients')
    .select(['mailing_id', 'status'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('mailing_id', 'in', mailingIds)
    .groupBy(['mailing_id', 'status'])
    .execute();
  const result = new Map<number, Record<string, number>>();
  for (const r of rows) {
    const entry = result.get(r.mailing_id) ?? {};
    entry[r.status] = Number(r.n);
    result.set(r.mailing_id, entry);
  }
  return result;
}

type MailingRow = {
  id: number;
  channel: string;
  template_name: string;
  subject: string;
  state: string;
  created_at: string;
  finished_at: string | null;
};

function toMailing(r: MailingRow, c: Record<string, number> = {}): Mailing {
  const [pending, sent, failed, skipped] = ['pending', 'sent', 'failed', 'skipped'].map(
    (s) => c[s] ?? 0,
  ) as [number, number, number, number];
  return {
    id: r.id,
    channel: r.channel as Channel,
    templateName: r.template_name,
    subject: r.subject,
    state: r.state === 'done' ? 'done' : 'running',
    createdAt: r.created_at,
    finishedAt: r.finished_at,
    total: pending + sent + failed + skipped,
    pending,
    sent,
    failed,
    skipped,
  };
}

export async function listMailings(db: Db, companyId: number): Promise<Mailing[]> {
  const rows = await db
    .selectFrom('crm_mailings')
    .selectAll()
    .where('company_id', '=', companyId)
    .orderBy('id', 'desc')
    .limit(100)
    .execute();
  const c = await counts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toMailing(r, c.get(r.id)));
}

async function findMailing(db: Db, companyId: number, id: number): Promise<Mailing> {
  const row = await db
    .selectFrom('crm_mailings')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('not-found', `Mailing ${id} does not exist.`);
  return toMailing(row, (await counts(db, [id])).get(id));
}

export async function getMailing(db: Db, companyId: number, id: number): Promise<MailingDetail> {
  const mailing = await findMailing(db, companyId, id);
  const recipients = await db
    .selectFrom('crm_mailing_recipients')
    .select([
      'id',
      'party_id as partyId',
      'name',
      'address',
      'status',
      'reason',
      'sent_at as sentAt',
    ])
    .where('mailing_id', '=', id)
    .orderBy('id')
    .execute();
  return {
    ...mailing,
    recipients: recipients.map((r) => ({
      ...r,
      status: r.status as MailingDetail['recipients'][number]['status'],
    })),
  };
}

/** A letter mailing as one PDF, a page per recipient who got a letter. */
export async function lettersPdf(db: Db, companyId: number, id: number): Promise<Buffer> {
  const mailing = await findMailing(db, companyId, id);
  if (mailing.channel !== 'letter')
    throw new AppError('not-found', `Mailing ${id} has no letters.`);
  const company = await getCompany(db, companyId);
  const letters = await db
    .selectFrom('crm_mailing_recipients')
    .selectAll()
    .where('mailing_id', '=', id)
    .where('status', '=', 'sent')
    .orderBy('id')
    .execute();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: mailing.templateName, Author: company.name, Creator: 'Nordbok' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  letters.forEach((letter, i) => {
    if (i > 0) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(14).text(company.name);
    doc.moveDown(2);
    doc.font('Helvetica').fontSize(11).text(letter.name);
    for (const line of (letter.address ?? '').split(', ')) doc.text(line);
    doc.moveDown(2);
    doc.text(osloDate(new Date(letter.sent_at ?? mailing.createdAt)), { align: 'right' });
    doc.moveDown();
    if (letter.subject) doc.font('Helvetica-Bold').fontSize(12).text(letter.subject).moveDown();
    doc.font('Helvetica').fontSize(11).text(letter.body, { lineGap: 2 });
  });
  if (letters.length === 0) doc.text('—');
  doc.end();
  return done;
}
