import { type DocumentKind, STATUS } from '@nordbok/core';
import { compactNumber, isValidBankAccount, isValidKid, writePain001 } from '@nordbok/formats';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { inTransaction } from '../../db/database';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { isoDateSchema } from '../accounting/voucher.schemas';
import type { PostingContext } from '../accounting/voucher.service';
import { getCompany } from '../admin/company.service';
import { fromMilli, quantitySchema, toMilli } from '../inventory/quantity';
import { reorderReport } from '../inventory/reports.service';
import { type Document, documentSchema } from './document.schemas';
import { createDocument, getDocument, KIND_NAMES } from './document.service';
import { registerPayment } from './payment.service';

const id = z.number().int().positive();

/** Documents still waiting to be carried forward: open, sent or partly carried. */
const OPEN_STATUSES = [STATUS.open, STATUS.sent, STATUS.partlyCarried];

const today = () => new Date().toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------
// Purchase proposal (innkjøpsforslag)

export const purchaseProposalQuerySchema = z.strictObject({
  /** The day the orders are to be made; today when left out. */
  date: isoDateSchema.optional(),
});

export const purchaseProposalSchema = z.object({
  date: z.string(),
  suppliers: z.array(
    z.object({
      /** Null: items without a preferred supplier, which must get one before they are ordered. */
      partyId: z.number().nullable(),
      name: z.string().nullable(),
      supplierNumber: z.number().nullable(),
      items: z.array(
        z.object({
          itemId: z.number(),
          number: z.string(),
          name: z.string(),
          unit: z.string(),
          onHand: z.number(),
          /** Still to be delivered on open sales orders. */
          openSales: z.number(),
          /** Still to be received on open purchase orders. */
          onOrder: z.number(),
          /** On hand − open sales + on order. */
          available: z.number(),
          reorderPoint: z.number(),
          reorderQuantity: z.number(),
          /** The reorder quantity, or what brings the available stock up to the reorder point when that is more. */
          suggested: z.number(),
          supplierItemNumber: z.string(),
          /** The supplier's price in øre per unit. */
          price: z.number(),
          leadDays: z.number(),
        }),
      ),
    }),
  ),
});
export type PurchaseProposal = z.infer<typeof purchaseProposalSchema>;

/** What remains on open lines of open documents of a kind, in thousandths per item. */
async function remainingByItem(
  db: Kysely<Database>,
  companyId: number,
  kind: DocumentKind,
): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('document_lines as l')
    .innerJoin('documents as d', 'd.id', 'l.document_id')
    .select((eb) => ['l.item_id', eb.fn.sum<number>(sql`l.quantity - l.carried`).as('remaining')])
    .where('d.company_id', '=', companyId)
    .where('d.kind', '=', kind)
    .where('d.status', 'in', OPEN_STATUSES)
    .where('l.status', '!=', STATUS.cancelled)
    .where('l.item_id', 'is not', null)
    .groupBy('l.item_id')
    .execute();
  return new Map(rows.map((r) => [r.item_id!, Number(r.remaining)]));
}

/**
 * Stock items that will run short, per preferred supplier: on hand, less what open sales
 * orders still are to deliver, plus what open purchase orders still are to bring, is below
 * the item's reorder point. The suggestion is the reorder quantity, or what brings that
 * figure back up to the reorder point when more is needed.
 */
export async function purchaseProposal(
  db: Kysely<Database>,
  companyId: number,
  date: string = today(),
): Promise<PurchaseProposal> {
  const [openSales, onOrder] = await Promise.all([
    remainingByItem(db, companyId, 'order'),
    remainingByItem(db, companyId, 'purchase_order'),
  ]);
  const expected = new Map<number, number>();
  for (const itemId of new Set([...openSales.keys(), ...onOrder.keys()])) {
    expected.set(itemId, (onOrder.get(itemId) ?? 0) - (openSales.get(itemId) ?? 0));
  }
  const report = await reorderReport(db, companyId, expected);
  return {
    date,
    suppliers: report.suppliers.map((s) => ({
      ...s,
      items: s.items.map((i) => {
        const available = toMilli(i.onHand) + (expected.get(i.itemId) ?? 0);
        const missing = toMilli(i.reorderPoint) - available;
        return {
          ...i,
          openSales: fromMilli(openSales.get(i.itemId) ?? 0),
          onOrder: fromMilli(onOrder.get(i.itemId) ?? 0),
          available: fromMilli(available),
          suggested: fromMilli(Math.max(toMilli(i.reorderQuantity), missing)),
        };
      }),
    })),
  };
}

export const purchaseOrdersFromProposalSchema = z.strictObject({
  date: isoDateSchema,
  lines: z
    .array(
      z.strictObject({
        itemId: id,
        supplierId: id,
        quantity: quantitySchema.refine((q) => q > 0, 'Order more than zero.'),
      }),
    )
    .min(1, 'Choose at least one item to order.')
    .max(1000),
});
export type PurchaseOrdersFromProposal = z.infer<typeof purchaseOrdersFromProposalSchema>;

export const createdPurchaseOrdersSchema = z.object({
  orders: z.array(documentSchema),
});

/**
 * Makes one purchase order per supplier from the chosen proposal lines, all or none. Prices
 * come from the item's supplier price (else its cost price), as on any purchase order.
 */
export async function createPurchaseOrders(
  db: Kysely<Database>,
  ctx: PostingContext,
  input: PurchaseOrdersFromProposal,
): Promise<{ orders: Document[] }> {
  const bySupplier = new Map<number, number[]>();
  input.lines.forEach((l, i) => {
    bySupplier.set(l.supplierId, [...(bySupplier.get(l.supplierId) ?? []), i]);
  });
  const ids = await inTransaction(db, async (trx) => {
    const made: number[] = [];
    for (const [supplierId, indexes] of bySupplier) {
      const supplier = await trx
        .selectFrom('parties')
        .select(['name', 'supplier_number'])
        .where('company_id', '=', ctx.companyId)
        .where('id', '=', supplierId)
        .executeTakeFirst();
      if (!supplier) {
        throw AppError.field(`lines.${indexes[0]}.supplierId`, 'No such supplier.', 'unknown');
      }
      if (supplier.supplier_number === null) {
        throw AppError.field(
          `lines.${indexes[0]}.supplierId`,
          `${supplier.name} is not registered as a supplier: mark them as one on their contact card first.`,
        );
      }
      const order = await createDocument(trx, ctx, {
        kind: 'purchase_order',
        partyId: supplierId,
        date: input.date,
        text: 'Fra innkjøpsforslag',
        lines: indexes.map((i) => ({
          itemId: input.lines[i]!.itemId,
          quantity: input.lines[i]!.quantity,
        })),
      }).catch((e: unknown) => {
        throw toRequestLines(e, indexes);
      });
      made.push(order.id);
    }
    return made;
  });
  const orders: Document[] = [];
  for (const orderId of ids) orders.push(await getDocument(db, ctx.companyId, orderId));
  return { orders };
}

/** A field error on an order's line n points at the request line it came from. */
function toRequestLines(e: unknown, indexes: readonly number[]) {
  if (!(e instanceof AppError) || e.fields.length === 0) return e;
  return new AppError(
    e.code,
    e.message,
    e.fields.map((f) => {
      const m = /^lines\.(\d+)(\..*)?$/.exec(f.field);
      const index = m ? indexes[Number(m[1])] : undefined;
      if (!m || index === undefined) return { ...f, field: 'lines' };
      return { ...f, field: `lines.${index}${m[2] ?? ''}` };
    }),
  );
}

// ---------------------------------------------------------------------------------------
// Remittance proposal (betalingsforslag)

export const remittanceProposalQuerySchema = z.strictObject({
  /** Bills due on or before this day; today when left out. */
  dueBy: isoDateSchema.optional(),
});

const billToPaySchema = z.object({
  documentId: z.number(),
  number: z.number(),
  partyId: z.number(),
  partyName: z.string(),
  supplierNumber: z.number().nullable(),
  date: z.string(),
  dueDate: z.string().nullable(),
  /** The supplier's invoice number. */
  externalNumber: z.string().nullable(),
  kid: z.string().nullable(),
  currency: z.string().nullable(),
  gross: z.number(),
  /** What is left to pay, in øre of the bill's currency. */
  open: z.number(),
  /**
   * The supplier's bank account. The contact register keeps no bank accounts yet, so this
   * is null and the account is entered when the remittance is made.
   */
  creditorAccount: z.string().nullable(),
});

export const remittanceProposalSchema = z.object({
  dueBy: z.string(),
  bills: z.array(billToPaySchema),
  /** What the bills in NOK have open together. */
  total: z.number(),
});
export type RemittanceProposal = z.infer<typeof remittanceProposalSchema>;

/** Unpaid bills due on or before a day, the earliest first. */
export async function remittanceProposal(
  db: Kysely<Database>,
  companyId: number,
  dueBy: string = today(),
): Promise<RemittanceProposal> {
  const rows = await db
    .selectFrom('documents as d')
    .innerJoin('parties as p', 'p.id', 'd.party_id')
    .select([
      'd.id',
      'd.number',
      'd.party_id',
      'p.name',
      'p.supplier_number',
      'd.date',
      'd.due_date',
      'd.external_number',
      'd.kid',
      'd.currency',
      'd.gross',
      'd.paid',
    ])
    .where('d.company_id', '=', companyId)
    .where('d.kind', '=', 'bill')
    .where('d.status', 'not in', [STATUS.paid, STATUS.credited, STATUS.cancelled])
    .where(sql<boolean>`abs(d.gross) - d.paid > 0`)
    .where('d.due_date', '<=', dueBy)
    .orderBy('d.due_date')
    .orderBy('p.name')
    .orderBy('d.id')
    .execute();
  const bills = rows.map((r) => ({
    documentId: r.id,
    number: r.number,
    partyId: r.party_id,
    partyName: r.name,
    supplierNumber: r.supplier_number,
    date: r.date,
    dueDate: r.due_date,
    externalNumber: r.external_number,
    kid: r.kid,
    currency: r.currency,
    gross: Number(r.gross),
    open: Math.abs(Number(r.gross)) - Number(r.paid),
    creditorAccount: null,
  }));
  return {
    dueBy,
    bills,
    total: bills.filter((b) => b.currency === null).reduce((s, b) => s + b.open, 0),
  };
}

export const newRemittanceSchema = z.strictObject({
  /** The day the bank is to pay (and the payments are posted). */
  date: isoDateSchema,
  documentIds: z.array(id).min(1, 'Choose at least one bill to pay.').max(500),
  /** The ledger account the money leaves (the bank account in the sales settings when left out). */
  account: z
    .string()
    .regex(/^\d{4,6}$/, 'An account number has 4 to 6 digits.')
    .optional(),
  /** The account number each bill is paid to (the contact register keeps none). */
  creditorAccounts: z
    .array(z.strictObject({ documentId: id, account: z.string().trim().max(20) }))
    .max(500)
    .optional(),
});
export type NewRemittance = z.infer<typeof newRemittanceSchema>;

export const remittanceSchema = z.object({
  payments: z.array(documentSchema),
  /** The pain.001.001.03 credit transfer file to send to the bank. */
  pain001: z.string(),
  fileName: z.string(),
});

const billName = (doc: { number: number; partyName: string; externalNumber: string | null }) =>
  `${KIND_NAMES.bill} ${doc.number} from ${doc.partyName}${doc.externalNumber ? ` (invoice ${doc.externalNumber})` : ''}`;

/**
 * Pays bills: one supplier payment per bill for what is open on it, all in one transaction,
 * and the bank file that makes the transfers. Either every bill is paid and the file is
 * written, or nothing is.
 */
export async function createRemittance(
  db: Kysely<Database>,
  ctx: PostingContext,
  input: NewRemittance,
): Promise<z.infer<typeof remittanceSchema>> {
  const company = await getCompany(db, ctx.companyId);
  if (!company.bankAccount || !isValidBankAccount(compactNumber(company.bankAccount))) {
    throw new AppError(
      'validation',
      "The company has no valid bank account number to pay from: enter it in the company's settings first.",
    );
  }
  const seen = new Set<number>();
  input.documentIds.forEach((documentId, i) => {
    if (seen.has(documentId)) {
      throw AppError.field(`documentIds.${i}`, 'The same bill is chosen twice.', 'duplicate');
    }
    seen.add(documentId);
  });
  const accounts = new Map(
    (input.creditorAccounts ?? []).map((c) => [c.documentId, compactNumber(c.account)]),
  );
  const result = await inTransaction(db, async (trx) => {
    const bills: { doc: Document; creditorAccount: string }[] = [];
    for (const [i, documentId] of input.documentIds.entries()) {
      const at = `documentIds.${i}`;
      const doc = await getDocument(trx, ctx.companyId, documentId).catch(() => {
        throw AppError.field(at, `There is no bill ${documentId}.`, 'unknown');
      });
      if (doc.kind !== 'bill') {
        throw AppError.field(
          at,
          `${KIND_NAMES[doc.kind]} ${doc.number} is not a bill; only bills are paid by remittance.`,
        );
      }
      if (doc.open <= 0) throw AppError.field(at, `${billName(doc)} is already paid.`, 'paid');
      if (doc.currency) {
        throw AppError.field(
          at,
          `${billName(doc)} is in ${doc.currency}; a remittance file pays NOK only, so pay it by hand in the bank.`,
        );
      }
      const creditorAccount = accounts.get(documentId);
      if (!creditorAccount) {
        throw AppError.field(
          at,
          `${billName(doc)}: enter the account number to pay it to.`,
          'no-account',
        );
      }
      if (!isValidBankAccount(creditorAccount)) {
        throw AppError.field(
          at,
          `${billName(doc)}: "${creditorAccount}" is not a valid Norwegian account number (11 digits with a valid check digit).`,
          'invalid-account',
        );
      }
      bills.push({ doc, creditorAccount });
    }
    const payments: Document[] = [];
    for (const { doc } of bills) {
      payments.push(
        await registerPayment(trx, ctx, {
          direction: 'out',
          partyId: doc.partyId,
          date: input.date,
          amount: doc.open,
          ...(input.account ? { account: input.account } : {}),
          allocations: [{ documentId: doc.id, amount: doc.open }],
          text: `Remittering ${KIND_NAMES.bill.toLowerCase()} ${doc.number} ${doc.partyName}`.slice(
            0,
            200,
          ),
        }),
      );
    }
    let pain001: string;
    try {
      pain001 = writePain001({
        messageId: `NB-${ctx.companyId}-${payments[0]!.id}-${payments.length}`,
        createdAt: new Date(),
        debtor: {
          name: company.name,
          orgNumber: company.orgNumber,
          account: company.bankAccount!,
        },
        executionDate: input.date,
        payments: bills.map(({ doc, creditorAccount }, i) => {
          // A bill's KID that does not check out would be refused by the bank: the
          // supplier's invoice number goes in the message instead.
          const kid = doc.kid && isValidKid(doc.kid) ? doc.kid : null;
          return {
            endToEndId: `UTB-${payments[i]!.number}`,
            amount: doc.open,
            creditorName: doc.partyName,
            creditorAccount,
            kid,
            text: kid ? null : `Faktura ${doc.externalNumber ?? doc.number}`,
          };
        }),
      });
    } catch (e) {
      if (e instanceof RangeError) throw new AppError('validation', e.message);
      throw e;
    }
    return { payments, pain001 };
  });
  return { ...result, fileName: `betalinger-${input.date}.xml` };
}
