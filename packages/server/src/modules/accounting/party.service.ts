import type { Kysely } from 'kysely';
import { z } from 'zod';
import { now } from '../../db/database';
import type { Database, PartyRow } from '../../db/schema';
import { AppError } from '../../errors';
import { orgNumberSchema } from '../admin/company.schemas';
import { reindexContact } from '../contacts/contact-search';

/**
 * Customers and suppliers as far as the ledger needs them (the full contact register with
 * persons, addresses and tags is modules/contacts, over the same table): a name, an organisation number
 * and the customer and/or supplier number that the sub-ledgers are kept by. Numbers are
 * given from 10000 (customers) and 20000 (suppliers) unless chosen.
 */
export const partySchema = z.object({
  id: z.number(),
  name: z.string(),
  orgNumber: z.string().nullable(),
  customerNumber: z.number().nullable(),
  supplierNumber: z.number().nullable(),
});
export type Party = z.infer<typeof partySchema>;

const partyNumber = z.number().int().min(1).max(999_999_999);

export const newPartySchema = z
  .strictObject({
    name: z.string().trim().min(1, 'A customer or supplier needs a name.').max(200),
    orgNumber: orgNumberSchema.nullable().optional(),
    customer: z.boolean().optional(),
    supplier: z.boolean().optional(),
    customerNumber: partyNumber.optional(),
    supplierNumber: partyNumber.optional(),
  })
  .refine((p) => p.customer || p.supplier || p.customerNumber || p.supplierNumber, {
    message: 'Say whether this is a customer, a supplier or both.',
    path: ['customer'],
  });
export type NewParty = z.input<typeof newPartySchema>;

const FIRST_NUMBER = { customer: 10_000, supplier: 20_000 } as const;

function toParty(r: PartyRow): Party {
  return {
    id: r.id,
    name: r.name,
    orgNumber: r.org_number,
    customerNumber: r.customer_number,
    supplierNumber: r.supplier_number,
  };
}

export async function listParties(
  db: Kysely<Database>,
  companyId: number,
  filter: { kind?: 'customer' | 'supplier' | undefined; search?: string | undefined } = {},
): Promise<Party[]> {
  let query = db.selectFrom('parties').selectAll().where('company_id', '=', companyId);
  if (filter.kind) query = query.where(`${filter.kind}_number`, 'is not', null);
  if (filter.search) query = query.where('name', 'like', `%${filter.search}%`);
  return (await query.orderBy('name').limit(1000).execute()).map(toParty);
}

export async function createParty(db: Kysely<Database>, companyId: number, input: NewParty) {
  const data = newPartySchema.parse(input);
  return db.transaction().execute(async (trx) => {
    const customerNumber = await chooseNumber(
      trx,
      companyId,
      'customer',
      data.customer,
      data.customerNumber,
    );
    const supplierNumber = await chooseNumber(
      trx,
      companyId,
      'supplier',
      data.supplier,
      data.supplierNumber,
    );
    const row = await trx
      .insertInto('parties')
      .values({
        company_id: companyId,
        name: data.name,
        org_number: data.orgNumber ?? null,
        customer_number: customerNumber,
        supplier_number: supplierNumber,
        created_at: now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await reindexContact(trx, companyId, row.id);
    return toParty(row);
  });
}

async function chooseNumber(
  db: Kysely<Database>,
  companyId: number,
  kind: 'customer' | 'supplier',
  wanted: boolean | undefined,
  given: number | undefined,
): Promise<number | null> {
  const column = `${kind}_number` as const;
  if (given !== undefined) {
    const taken = await db
      .selectFrom('parties')
      .select('id')
      .where('company_id', '=', companyId)
      .where(column, '=', given)
      .executeTakeFirst();
    if (taken)
      throw AppError.field(
        `${kind}Number`,
        `${kind} number ${given} is already in use.`,
        'duplicate',
      );
    return given;
  }
  if (!wanted) return null;
  const row = await db
    .selectFrom('parties')
    .select((eb) => eb.fn.max(column).as('last'))
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  return Math.max(Number(row?.last ?? 0) + 1, FIRST_NUMBER[kind]);
}
