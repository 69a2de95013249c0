import { DOCUMENT_KINDS } from '@nordbok/core';
import { z } from 'zod';
import { currencySchema, isoDateSchema } from '../accounting/voucher.schemas';
import { quantitySchema } from '../inventory/quantity';

/**
 * The document API. Quantities are units with up to three decimals (stored as thousandths),
 * prices and amounts are øre in the document's currency, discounts are basis points
 * (12,5 % = 1250).
 */
const id = z.number().int().positive();
const ore = z.number().int().refine(Number.isSafeInteger, 'The amount is too large.');

export const documentKindSchema = z.enum(DOCUMENT_KINDS);

export const newLineSchema = z.strictObject({
  itemId: id.nullable().optional(),
  description: z.string().trim().max(400).optional(),
  quantity: quantitySchema,
  unit: z.string().trim().max(20).optional(),
  /** Left out on an item line: the price the item's price lists give this customer. */
  unitPrice: ore.optional(),
  discount: z.number().int().min(0).max(10_000).optional(),
  vatCode: z.string().max(3).nullable().optional(),
  account: z
    .string()
    .regex(/^\d{4,6}$/, 'An account number has 4 to 6 digits.')
    .nullable()
    .optional(),
  departmentId: id.nullable().optional(),
  projectId: id.nullable().optional(),
  warehouseId: id.nullable().optional(),
});
export type NewLine = z.infer<typeof newLineSchema>;

export const newDocumentSchema = z.strictObject({
  kind: documentKindSchema,
  partyId: id,
  date: isoDateSchema,
  dueDate: isoDateSchema.nullable().optional(),
  /** A foreign currency; its rate is the one entered, else the day's rate in the rate table. */
  currency: currencySchema.shape.code.nullable().optional(),
  rate: currencySchema.shape.rate.nullable().optional(),
  ourReference: z.string().trim().max(100).optional(),
  yourReference: z.string().trim().max(100).optional(),
  salespersonId: id.nullable().optional(),
  departmentId: id.nullable().optional(),
  projectId: id.nullable().optional(),
  warehouseId: id.nullable().optional(),
  /** A bill's number from the supplier. */
  externalNumber: z.string().trim().max(40).nullable().optional(),
  /** A bill's KID from the supplier (customer invoices get theirs from the settings). */
  kid: z.string().trim().max(25).nullable().optional(),
  text: z.string().trim().max(2000).optional(),
  /** Cash sale or purchase: paid at once into or out of `paymentAccount` (default cash 1900). */
  cash: z.boolean().optional(),
  paymentAccount: z
    .string()
    .regex(/^\d{4,6}$/)
    .nullable()
    .optional(),
  /** The stored receipt (an attachment id) for a cash purchase or a bill. */
  attachmentId: id.nullable().optional(),
  lines: z.array(newLineSchema).max(1000),
});
export type NewDocument = z.infer<typeof newDocumentSchema>;

export const carryForwardSchema = z.strictObject({
  kind: documentKindSchema,
  date: isoDateSchema,
  /** Lines to take and how much of each; left out: all that remains of every line. */
  lines: z.array(z.strictObject({ lineId: id, quantity: quantitySchema })).optional(),
  dueDate: isoDateSchema.nullable().optional(),
  text: z.string().trim().max(2000).optional(),
});
export type CarryForward = z.infer<typeof carryForwardSchema>;

/** Group invoicing: one invoice for everything that remains on several documents of one customer. */
export const groupInvoiceSchema = z.strictObject({
  documentIds: z.array(id).min(1).max(500),
  date: isoDateSchema,
});

export const documentEventSchema = z.strictObject({
  kind: z.enum(['sent', 'viewed', 'note']),
  text: z.string().trim().max(500).optional(),
});

export const documentQuerySchema = z.strictObject({
  kind: documentKindSchema.optional(),
  /** 'sales' or 'purchase': every kind of that side. */
  side: z.enum(['sales', 'purchase']).optional(),
  status: z.coerce.number().int().min(0).max(9).optional(),
  partyId: z.coerce.number().int().positive().optional(),
  salespersonId: z.coerce.number().int().positive().optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  /** A document number or KID (digits), or part of the customer's or supplier's name. */
  q: z.string().trim().max(100).optional(),
  /** Only claims with something left to pay. */
  unpaid: z.coerce.boolean().optional(),
  /** The `nextCursor` of the previous page. */
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export type DocumentQuery = z.infer<typeof documentQuerySchema>;

export const documentSummarySchema = z.object({
  id: z.number(),
  kind: documentKindSchema,
  number: z.number(),
  date: z.string(),
  dueDate: z.string().nullable(),
  partyId: z.number(),
  partyName: z.string(),
  status: z.number(),
  currency: z.string().nullable(),
  net: z.number(),
  gross: z.number(),
  /** What remains to pay on a claim (document currency), else 0. */
  open: z.number(),
  salespersonId: z.number().nullable(),
  yourReference: z.string(),
});
export type DocumentSummary = z.infer<typeof documentSummarySchema>;

export const documentPageSchema = z.object({
  items: z.array(documentSummarySchema),
  nextCursor: z.string().nullable(),
  /** How many documents match, counted for the first page only (null on later pages). */
  total: z.number().nullable(),
});

const linkSchema = z.object({
  documentId: z.number(),
  kind: documentKindSchema,
  number: z.number(),
  lineId: z.number().nullable(),
  /** The line on this document the link starts or ends at. */
  ownLineId: z.number().nullable(),
  quantity: z.number(),
  amount: z.number(),
});

export const documentLineSchema = z.object({
  id: z.number(),
  lineNo: z.number(),
  itemId: z.number().nullable(),
  itemNumber: z.string().nullable(),
  description: z.string(),
  quantity: z.number(),
  unit: z.string(),
  unitPrice: z.number(),
  discount: z.number(),
  net: z.number(),
  vatCode: z.string().nullable(),
  account: z.string().nullable(),
  departmentId: z.number().nullable(),
  projectId: z.number().nullable(),
  warehouseId: z.number().nullable(),
  cost: z.number(),
  margin: z.number(),
  /** Margin in basis points of the net; null when the net is zero. */
  marginPercent: z.number().nullable(),
  /** Units carried forward to later documents, and what remains. */
  carried: z.number(),
  remaining: z.number(),
  status: z.number(),
});
export type DocumentLine = z.infer<typeof documentLineSchema>;

export const documentSchema = documentSummarySchema.extend({
  ourReference: z.string(),
  departmentId: z.number().nullable(),
  projectId: z.number().nullable(),
  warehouseId: z.number().nullable(),
  rate: z.string().nullable(),
  kid: z.string().nullable(),
  externalNumber: z.string().nullable(),
  text: z.string(),
  cash: z.boolean(),
  paymentAccount: z.string().nullable(),
  attachmentId: z.number().nullable(),
  voucherId: z.number().nullable(),
  creditsDocumentId: z.number().nullable(),
  reminderLevel: z.number(),
  vat: z.number(),
  grossNok: z.number(),
  cost: z.number(),
  margin: z.number(),
  marginPercent: z.number().nullable(),
  paid: z.number(),
  vatByCode: z.array(
    z.object({ code: z.string(), rate: z.number(), base: z.number(), vat: z.number() }),
  ),
  lines: z.array(documentLineSchema),
  /** Documents this one was carried forward from, and documents carried forward from it. */
  sources: z.array(linkSchema),
  targets: z.array(linkSchema),
  events: z.array(
    z.object({
      id: z.number(),
      lineId: z.number().nullable(),
      kind: z.string(),
      text: z.string(),
      at: z.string(),
      userName: z.string().nullable(),
    }),
  ),
  /** Kinds this document can be carried forward to now. */
  nextKinds: z.array(documentKindSchema),
  editable: z.boolean(),
});
export type Document = z.infer<typeof documentSchema>;

/** A line an item has on a document, for the item card. */
export const itemDocumentLineSchema = z.object({
  documentId: z.number(),
  kind: documentKindSchema,
  number: z.number(),
  date: z.string(),
  partyId: z.number(),
  partyName: z.string(),
  /** Units; negative on a credit note. */
  quantity: z.number(),
  unit: z.string(),
  /** Øre in the document's currency. */
  unitPrice: z.number(),
  discount: z.number(),
  net: z.number(),
  currency: z.string().nullable(),
  /** The line's status 0–9. */
  status: z.number(),
});
export type ItemDocumentLine = z.infer<typeof itemDocumentLineSchema>;
