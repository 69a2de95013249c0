import { type Kysely, sql } from 'kysely';
import { inTransaction, now } from '../../db/database';
import type { Database, PartyRow } from '../../db/schema';
import { AppError } from '../../errors';
import {
  type Contact,
  type ContactInput,
  type ContactSummary,
  contactInputSchema,
} from './contact.schemas';
import { queryWords, reindexContact } from './contact-search';
import { raiseContactEvent } from './segment-events';

/**
 * The contact register: organisations and persons kept in the ledger's `parties` table,
 * with contact persons, addresses and tags beside it. A contact may be a lead and a
 * customer and a supplier at once; the customer/supplier numbers are the sub-ledgers' keys.
 */

const FIRST_NUMBER = { customer: 10_000, supplier: 20_000 } as const;
/** Up to this many contacts matching a search word are fetched by id before sorting. */
const CANDIDATE_LIMIT = 2000;

type SummaryRow = PartyRow & { lead_status: string | null; lead_points: number | null };

export function toSummary(r: SummaryRow): ContactSummary {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    orgNumber: r.org_number,
    email: r.email,
    phone: r.phone,
    customerNumber: r.customer_number,
    supplierNumber: r.supplier_number,
    isLead: r.is_lead === 1 || r.lead_points !== null,
    leadStatus: r.lead_status,
    leadPoints: Number(r.lead_points ?? 0),
  };
}

/**
 * Parties with their lead status and points, which the CRM module keeps (crm_leads); read
 * here in the same query so a list of contacts costs one round trip.
 */
function partiesWithLead(db: Kysely<Database>, companyId: number) {
  return db
    .selectFrom('parties')
    .leftJoin('crm_leads', (j) =>
      j.onRef('crm_leads.party_id', '=', 'parties.id').on('crm_leads.company_id', '=', companyId),
    )
    .leftJoin('crm_lead_statuses', 'crm_lead_statuses.id', 'crm_leads.status_id')
    .selectAll('parties')
    .select(['crm_leads.points as lead_points', 'crm_lead_statuses.name as lead_status'])
    .where('parties.company_id', '=', companyId);
}

export interface ContactFilter {
  q?: string | undefined;
  role?: 'customer' | 'supplier' | 'lead' | undefined;
  kind?: 'organisation' | 'person' | undefined;
  tag?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/**
 * Finds contacts by the start of any word of their name, e-mail, phone, org number or
 * customer/supplier number (every word of the query must match), sorted by name. Each
 * word is an indexed range on contact_search_terms.
 */
export async function searchContacts(
  db: Kysely<Database>,
  companyId: number,
  filter: ContactFilter = {},
): Promise<ContactSummary[]> {
  let query = partiesWithLead(db, companyId);
  const words = queryWords(filter.q ?? '');
  const termRange = (word: string) =>
    db
      .selectFrom('contact_search_terms')
      .select('party_id')
      .where('company_id', '=', companyId)
      .where('term', '>=', word)
      .where('term', '<', `${word}\uffff`);
  // The longest word is usually the most selective. When it matches few contacts their ids
  // are fetched first, which makes the rest a small sort (bench/contacts.bench.ts measured
  // this; a filter alone scans every contact of the company when few match).
  const driver = [...words].sort((a, b) => b.length - a.length)[0];
  for (const word of words) {
    if (word === driver) {
      const ids = await termRange(word)
        .distinct()
        .limit(CANDIDATE_LIMIT + 1)
        .execute();
      if (ids.length === 0) return [];
      if (ids.length <= CANDIDATE_LIMIT) {
        query = query.where(
          'parties.id',
          'in',
          ids.map((r) => r.party_id),
        );
      } else {
        // Many matches: join the word's contacts and sort them, rather than walking every
        // contact in name order (which PostgreSQL prefers and which is slow when the matches
        // sort late).
        query = query.innerJoin(
          termRange(word).distinct().as('hits'),
          'hits.party_id',
          'parties.id',
        );
      }
      continue;
    }
    // Both databases run this as one pass over the word's index range into a hash or
    // temporary index, then walk the contacts in name order until a page is found.
    query = query.where('parties.id', 'in', termRange(word));
  }
  if (filter.role === 'customer') query = query.where('parties.customer_number', 'is not', null);
  if (filter.role === 'supplier') query = query.where('parties.supplier_number', 'is not', null);
  if (filter.role === 'lead') {
    query = query.where((eb) =>
      eb.or([eb('parties.is_lead', '=', 1), eb('crm_leads.party_id', 'is not', null)]),
    );
  }
  if (filter.kind) query = query.where('parties.kind', '=', filter.kind);
  if (filter.tag) {
    const tag = filter.tag;
    query = query.where('parties.id', 'in', (eb) =>
      eb
        .selectFrom('contact_tags')
        .innerJoin('tags', 'tags.id', 'contact_tags.tag_id')
        .select('contact_tags.party_id')
        .where('tags.company_id', '=', companyId)
        .where('tags.name', '=', tag),
    );
  }
  const rows = await query
    .orderBy('parties.name')
    .orderBy('parties.id')
    .limit(Math.min(filter.limit ?? 50, 500))
    .offset(filter.offset ?? 0)
    .execute();
  return rows.map(toSummary);
}

async function partyRow(db: Kysely<Database>, companyId: number, id: number) {
  const row = await partiesWithLead(db, companyId).where('parties.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not-found', 'No such contact.');
  return row;
}

export async function getContact(
  db: Kysely<Database>,
  companyId: number,
  id: number,
): Promise<Contact> {
  const row = await partyRow(db, companyId, id);
  const [persons, addresses, tags] = await Promise.all([
    db
      .selectFrom('contact_persons')
      .selectAll()
      .where('party_id', '=', id)
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('contact_addresses')
      .selectAll()
      .where('party_id', '=', id)
      .orderBy('id')
      .execute(),
    tagsOf(db, companyId, id),
  ]);
  return {
    ...toSummary(row),
    website: row.website,
    notes: row.notes,
    paymentTermsDays: row.payment_terms_days,
    blocked: row.blocked === 1,
    createdAt: row.created_at,
    persons: persons.map((p) => ({
      id: p.id,
      name: p.name,
      role: p.role,
      email: p.email,
      phone: p.phone,
    })),
    addresses: addresses.map((a) => ({
      id: a.id,
      kind: a.kind,
      line1: a.line1,
      line2: a.line2,
      postalCode: a.postal_code,
      city: a.city,
      countryCode: a.country_code,
    })),
    tags,
  };
}

export async function tagsOf(db: Kysely<Database>, companyId: number, partyId: number) {
  const rows = await db
    .selectFrom('contact_tags')
    .innerJoin('tags', 'tags.id', 'contact_tags.tag_id')
    .select('tags.name')
    .where('contact_tags.company_id', '=', companyId)
    .where('contact_tags.party_id', '=', partyId)
    .orderBy('tags.name')
    .execute();
  return rows.map((r) => r.name);
}

export async function listTags(db: Kysely<Database>, companyId: number) {
  const rows = await db
    .selectFrom('tags')
    .leftJoin('contact_tags', 'contact_tags.tag_id', 'tags.id')
    .select([
      'tags.id',
      'tags.name',
      (eb) => eb.fn.count<number>('contact_tags.party_id').as('count'),
    ])
    .where('tags.company_id', '=', companyId)
    .groupBy(['tags.id', 'tags.name'])
    .orderBy('tags.name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, count: Number(r.count) }));
}

/**
 * A customer or supplier number: the given one if free (a clear field error if another
 * contact has it), the next free one from 10000/20000 when only the flag is set, the
 * current one when unchanged.
 */
async function chooseNumber(
  db: Kysely<Database>,
  companyId: number,
  kind: 'customer' | 'supplier',
  wanted: boolean | undefined,
  given: number | null | undefined,
  current: { id: number; number: number | null } | null,
): Promise<number | null> {
  const column = `${kind}_number` as const;
  if (given !== undefined && given !== null) {
    if (current?.number === given) return given;
    let taken = db
      .selectFrom('parties')
      .select('id')
      .where('company_id', '=', companyId)
      .where(column, '=', given);
    if (current) taken = taken.where('id', '!=', current.id);
    if (await taken.executeTakeFirst()) {
      throw AppError.field(
        `${kind}Number`,
        `${kind === 'customer' ? 'Customer' : 'Supplier'} number ${given} is already in use.`,
        'duplicate',
      );
    }
    return given;
  }
  if (given === null || wanted === false) {
    if (current?.number != null) await refuseIfUsedInLedger(db, companyId, current.id, kind);
    return null;
  }
  if (current?.number != null) return current.number;
  if (!wanted) return null;
  const row = await db
    .selectFrom('parties')
    .select((eb) => eb.fn.max(column).as('last'))
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  return Math.max(Number(row?.last ?? 0) + 1, FIRST_NUMBER[kind]);
}

/** A customer/supplier with sub-ledger postings keeps its number. */
async function refuseIfUsedInLedger(
  db: Kysely<Database>,
  companyId: number,
  partyId: number,
  kind: 'customer' | 'supplier',
) {
  const used = await db
    .selectFrom('postings')
    .innerJoin('accounts', (j) =>
      j.onRef('accounts.number', '=', 'postings.account').on('accounts.company_id', '=', companyId),
    )
    .select('postings.id')
    .where('postings.company_id', '=', companyId)
    .where('postings.party_id', '=', partyId)
    .where('accounts.subledger', '=', kind)
    .limit(1)
    .executeTakeFirst();
  if (used) {
    throw AppError.field(
      `${kind}Number`,
      `This contact has postings in the ${kind} ledger and keeps its ${kind} number.`,
      'in-use',
    );
  }
}

export async function createContact(
  db: Kysely<Database>,
  companyId: number,
  input: ContactInput,
): Promise<Contact> {
  const data = contactInputSchema.parse(input);
  const id = await inTransaction(db, async (trx) => {
    const customerNumber = await chooseNumber(
      trx,
      companyId,
      'customer',
      data.customer,
      data.customerNumber,
      null,
    );
    const supplierNumber = await chooseNumber(
      trx,
      companyId,
      'supplier',
      data.supplier,
      data.supplierNumber,
      null,
    );
    const row = await trx
      .insertInto('parties')
      .values({
        company_id: companyId,
        kind: data.kind ?? 'organisation',
        name: data.name,
        org_number: data.orgNumber ?? null,
        email: data.email ?? null,
        phone: data.phone ?? null,
        website: data.website ?? null,
        notes: data.notes ?? null,
        payment_terms_days: data.paymentTermsDays ?? null,
        is_lead: data.isLead ? 1 : 0,
        blocked: data.blocked ? 1 : 0,
        customer_number: customerNumber,
        supplier_number: supplierNumber,
        created_at: now(),
        updated_at: now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeParts(trx, companyId, row.id, data, false);
    await reindexContact(trx, companyId, row.id);
    await raiseContactEvent(trx, companyId, row.id, { type: 'contact.created' });
    return row.id;
  });
  return getContact(db, companyId, id);
}

/** Replaces a contact's fields; persons, addresses and tags given replace the old ones. */
export async function updateContact(
  db: Kysely<Database>,
  companyId: number,
  id: number,
  input: ContactInput,
): Promise<Contact> {
  const data = contactInputSchema.parse(input);
  await inTransaction(db, async (trx) => {
    const current = await partyRow(trx, companyId, id);
    const customerNumber = await chooseNumber(
      trx,
      companyId,
      'customer',
      data.customer,
      data.customerNumber,
      { id, number: current.customer_number },
    );
    const supplierNumber = await chooseNumber(
      trx,
      companyId,
      'supplier',
      data.supplier,
      data.supplierNumber,
      { id, number: current.supplier_number },
    );
    await trx
      .updateTable('parties')
      .set({
        kind: data.kind ?? current.kind,
        name: data.name,
        org_number: data.orgNumber ?? null,
        email: data.email ?? null,
        phone: data.phone ?? null,
        website: data.website ?? null,
        notes: data.notes ?? null,
        payment_terms_days: data.paymentTermsDays ?? null,
        is_lead: data.isLead === undefined ? current.is_lead : data.isLead ? 1 : 0,
        blocked: data.blocked === undefined ? current.blocked : data.blocked ? 1 : 0,
        customer_number: customerNumber,
        supplier_number: supplierNumber,
        updated_at: now(),
      })
      .where('company_id', '=', companyId)
      .where('id', '=', id)
      .execute();
    await writeParts(trx, companyId, id, data, true);
    await reindexContact(trx, companyId, id);
  });
  return getContact(db, companyId, id);
}

async function writeParts(
  db: Kysely<Database>,
  companyId: number,
  partyId: number,
  data: ReturnType<typeof contactInputSchema.parse>,
  replace: boolean,
) {
  if (data.persons) {
    if (replace) await db.deleteFrom('contact_persons').where('party_id', '=', partyId).execute();
    if (data.persons.length > 0) {
      await db
        .insertInto('contact_persons')
        .values(
          data.persons.map((p, position) => ({
            company_id: companyId,
            party_id: partyId,
            name: p.name,
            role: p.role ?? null,
            email: p.email ?? null,
            phone: p.phone ?? null,
            position,
          })),
        )
        .execute();
    }
  }
  if (data.addresses) {
    if (replace) await db.deleteFrom('contact_addresses').where('party_id', '=', partyId).execute();
    if (data.addresses.length > 0) {
      await db
        .insertInto('contact_addresses')
        .values(
          data.addresses.map((a) => ({
            company_id: companyId,
            party_id: partyId,
            kind: a.kind,
            line1: a.line1,
            line2: a.line2 ?? null,
            postal_code: a.postalCode ?? null,
            city: a.city ?? null,
            country_code: a.countryCode ?? 'NO',
          })),
        )
        .execute();
    }
  }
  if (data.tags) await setTags(db, companyId, partyId, data.tags);
}

/** Makes a contact's tags exactly `names`, creating tags that do not exist yet. */
export async function setTags(
  db: Kysely<Database>,
  companyId: number,
  partyId: number,
  names: string[],
) {
  const wanted = [...new Set(names.map((n) => n.trim()).filter(Boolean))];
  const had = new Set(await tagsOf(db, companyId, partyId));
  await db.deleteFrom('contact_tags').where('party_id', '=', partyId).execute();
  for (const name of wanted) {
    const tagId = await tagId_(db, companyId, name);
    await db
      .insertInto('contact_tags')
      .values({ company_id: companyId, party_id: partyId, tag_id: tagId, created_at: now() })
      .execute();
    if (!had.has(name)) {
      await raiseContactEvent(db, companyId, partyId, { type: 'tag.added', tag: name });
    }
  }
}

/** Adds one tag to a contact (nothing if it has it). */
export async function addTag(
  db: Kysely<Database>,
  companyId: number,
  partyId: number,
  name: string,
) {
  await inTransaction(db, async (trx) => {
    await partyRow(trx, companyId, partyId);
    const names = await tagsOf(trx, companyId, partyId);
    if (!names.includes(name)) await setTags(trx, companyId, partyId, [...names, name]);
  });
}

async function tagId_(db: Kysely<Database>, companyId: number, name: string) {
  const found = await db
    .selectFrom('tags')
    .select('id')
    .where('company_id', '=', companyId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (found) return found.id;
  const row = await db
    .insertInto('tags')
    .values({ company_id: companyId, name })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Deletes a contact that nothing in the ledger refers to. */
export async function deleteContact(db: Kysely<Database>, companyId: number, id: number) {
  await inTransaction(db, async (trx) => {
    await partyRow(trx, companyId, id);
    const used = await trx
      .selectFrom('postings')
      .select('id')
      .where('company_id', '=', companyId)
      .where('party_id', '=', id)
      .limit(1)
      .executeTakeFirst();
    if (used) {
      throw new AppError(
        'conflict',
        'This contact has postings in the ledger and cannot be deleted.',
      );
    }
    await trx
      .deleteFrom('parties')
      .where('company_id', '=', companyId)
      .where('id', '=', id)
      .execute();
  });
}

/** How many contacts a company has (for the list's header). */
export async function countContacts(db: Kysely<Database>, companyId: number) {
  const row = await db
    .selectFrom('parties')
    .select(sql<number>`count(*)`.as('n'))
    .where('company_id', '=', companyId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
