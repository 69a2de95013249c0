import type { Kysely } from 'kysely';
import { now } from '../../db/database';
import type { Database } from '../../db/schema';

/** Sub-ledger postings (on the control accounts of one kind) with their party. */
export function subledgerPostings(
  db: Kysely<Database>,
  companyId: number,
  filter: { kind: 'customer' | 'supplier'; partyId?: number | undefined; to?: string | undefined },
) {
  let query = db
    .selectFrom('postings')
    .innerJoin('accounts', (j) =>
      j
        .onRef('accounts.company_id', '=', 'postings.company_id')
        .onRef('accounts.number', '=', 'postings.account'),
    )
    .innerJoin('vouchers', 'vouchers.id', 'postings.voucher_id')
    .select([
      'postings.id',
      'postings.voucher_id',
      'postings.date',
      'postings.account',
      'postings.amount',
      'postings.party_id',
      'postings.invoice_number',
      'postings.due_date',
      'postings.kid',
      'postings.description',
      'vouchers.series',
      'vouchers.number',
      'vouchers.description as voucher_description',
    ])
    .where('postings.company_id', '=', companyId)
    .where('accounts.subledger', '=', filter.kind)
    .where('postings.party_id', 'is not', null);
  if (filter.partyId !== undefined) query = query.where('postings.party_id', '=', filter.partyId);
  if (filter.to !== undefined) query = query.where('postings.date', '<=', filter.to);
  return query.orderBy('postings.date').orderBy('postings.id').execute();
}

export function settlementsOf(db: Kysely<Database>, companyId: number, postingIds: number[]) {
  if (postingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('settlements')
    .selectAll()
    .where('company_id', '=', companyId)
    .where((eb) =>
      eb.or([eb('item_posting_id', 'in', postingIds), eb('payment_posting_id', 'in', postingIds)]),
    )
    .execute();
}

export async function insertSettlement(
  db: Kysely<Database>,
  companyId: number,
  s: { itemId: number; paymentId: number; amount: number; matchedBy: string },
) {
  const row = await db
    .insertInto('settlements')
    .values({
      company_id: companyId,
      item_posting_id: s.itemId,
      payment_posting_id: s.paymentId,
      amount: s.amount,
      matched_by: s.matchedBy,
      created_at: now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return row;
}

export function findSettlement(db: Kysely<Database>, companyId: number, id: number) {
  return db
    .selectFrom('settlements')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function deleteSettlement(db: Kysely<Database>, companyId: number, id: number) {
  return db
    .deleteFrom('settlements')
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute();
}

/** Item candidates for a payment: same control account, matching KID or party + invoice number. */
export function findItemsForPayment(
  db: Kysely<Database>,
  companyId: number,
  p: { account: string; kid: string | null; partyId: number | null; invoiceNumber: string | null },
) {
  return db
    .selectFrom('postings')
    .select(['id', 'amount', 'party_id', 'kid', 'invoice_number'])
    .where('company_id', '=', companyId)
    .where('account', '=', p.account)
    .where((eb) => {
      const keys = [];
      if (p.kid) keys.push(eb('kid', '=', p.kid));
      if (p.invoiceNumber && p.partyId) {
        keys.push(
          eb.and([eb('invoice_number', '=', p.invoiceNumber), eb('party_id', '=', p.partyId)]),
        );
      }
      return eb.or(keys);
    })
    .orderBy('date')
    .execute();
}

/**
 * Serialises settling within a company: a no-op update takes the company row's lock until
 * the transaction ends, so two payments posted at once cannot both settle the same open
 * amount. (SQLite runs one writer at a time anyway.)
 */
export async function lockSettlements(db: Kysely<Database>, companyId: number) {
  await db
    .updateTable('companies')
    .set((eb) => ({ name: eb.ref('name') }))
    .where('id', '=', companyId)
    .execute();
}
