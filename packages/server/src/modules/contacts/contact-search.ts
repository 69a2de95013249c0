import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** What a contact is found by. */
export interface Searchable {
  name: string;
  orgNumber: string | null;
  customerNumber: number | null;
  supplierNumber: number | null;
  email: string | null;
  phone: string | null;
}

/**
 * Splits text into the lower-cased words a search matches by prefix. Accents are kept
 * (æ, ø, å are letters of their own in Norwegian), punctuation separates words.
 */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}@.]+/u)
    .map((w) => w.replace(/^\.+|\.+$/g, ''))
    .filter((w) => w.length > 0);
}

/**
 * The index terms of a contact: every word of its name, the whole e-mail address and its
 * parts, the phone's digits with and without the country code, the org number and the
 * customer and supplier numbers.
 */
export function searchTermsOf(c: Searchable): string[] {
  const terms = new Set<string>(wordsOf(c.name));
  if (c.email) {
    const email = c.email.toLowerCase();
    terms.add(email);
    for (const w of email.split(/[@.]/)) if (w) terms.add(w);
  }
  if (c.phone) {
    const digits = c.phone.replace(/\D/g, '');
    terms.add(digits);
    if (digits.startsWith('47') && digits.length === 10) terms.add(digits.slice(2));
  }
  if (c.orgNumber) terms.add(c.orgNumber.replace(/\s/g, ''));
  if (c.customerNumber !== null) terms.add(String(c.customerNumber));
  if (c.supplierNumber !== null) terms.add(String(c.supplierNumber));
  return [...terms].map((t) => t.slice(0, 100));
}

/** Words of a search query: phone-like input with spaces ("900 12 345") becomes one word. */
export function queryWords(query: string): string[] {
  const trimmed = query.trim();
  if (/^\+?[\d\s]+$/.test(trimmed)) {
    const digits = trimmed.replace(/\D/g, '');
    return digits ? [digits] : [];
  }
  return wordsOf(trimmed).slice(0, 5);
}

/** Rewrites one contact's search terms from its row; call inside the write's transaction. */
export async function reindexContact(db: Kysely<Database>, companyId: number, partyId: number) {
  const row = await db
    .selectFrom('parties')
    .select(['name', 'org_number', 'customer_number', 'supplier_number', 'email', 'phone'])
    .where('company_id', '=', companyId)
    .where('id', '=', partyId)
    .executeTakeFirst();
  await db.deleteFrom('contact_search_terms').where('party_id', '=', partyId).execute();
  if (!row) return;
  const terms = searchTermsOf({
    name: row.name,
    orgNumber: row.org_number,
    customerNumber: row.customer_number,
    supplierNumber: row.supplier_number,
    email: row.email,
    phone: row.phone,
  });
  // Persons' names and e-mails find their organisation too.
  const persons = await db
    .selectFrom('contact_persons')
    .select(['name', 'email'])
    .where('party_id', '=', partyId)
    .execute();
  const all = new Set(terms);
  for (const p of persons) {
    for (const w of wordsOf(p.name)) all.add(w);
    if (p.email) all.add(p.email.toLowerCase());
  }
  if (all.size === 0) return;
  await db
    .insertInto('contact_search_terms')
    .values([...all].map((term) => ({ company_id: companyId, party_id: partyId, term })))
    .execute();
}
