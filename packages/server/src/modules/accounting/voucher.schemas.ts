import { isIsoDate, VAT_SPECIFICATIONS } from '@nordbok/core';
import { z } from 'zod';

export const isoDateSchema = z.string().refine(isIsoDate, 'Use a real date written YYYY-MM-DD.');

/** Amounts are signed integer øre: debit positive, credit negative. */
export const oreSchema = z
  .number()
  .int('Amounts are whole øre.')
  .refine(Number.isSafeInteger, 'The amount is too large.');

/** An amount in a foreign currency: minor units (cents) and the NOK rate for one unit. */
export const currencySchema = z.strictObject({
  code: z
    .string()
    .regex(/^[A-Z]{3}$/, 'A currency is a three-letter ISO code.')
    .refine((c) => c !== 'NOK', 'NOK is the base currency: leave the currency out.'),
  amount: z.number().int('Currency amounts are whole cents.'),
  rate: z.string().regex(/^\d{1,6}(\.\d{1,6})?$/, 'Write the rate like 11.4532.'),
});

const id = z.number().int().positive();

export const voucherLineSchema = z.strictObject({
  account: z.string().regex(/^\d{4,6}$/, 'An account number has 4 to 6 digits.'),
  /** NOK in øre; may be left out on a currency line, where it is amount × rate. */
  amount: oreSchema.optional(),
  vatCode: z.string().max(3).nullable().optional(),
  /**
   * Marks the line for a specification line of the VAT return (mvaSpesifikasjon.xml); only
   * with a VAT code the code list allows it on, which the posting rules check.
   */
  vatSpecification: z.enum(VAT_SPECIFICATIONS).nullable().optional(),
  entry: z.enum(['gross', 'net']).optional(),
  description: z.string().trim().max(200).optional(),
  departmentId: id.nullable().optional(),
  projectId: id.nullable().optional(),
  /** The customer or supplier, on a sub-ledger control account (1500, 2400). */
  partyId: id.nullable().optional(),
  invoiceNumber: z.string().trim().max(40).nullable().optional(),
  dueDate: isoDateSchema.nullable().optional(),
  kid: z.string().trim().max(25).nullable().optional(),
  currency: currencySchema.nullable().optional(),
});
export type VoucherLineInput = z.infer<typeof voucherLineSchema>;

export const newVoucherSchema = z.strictObject({
  series: z.string().max(4).optional(),
  date: isoDateSchema,
  description: z.string().trim().min(1, 'Describe the voucher.').max(200),
  opening: z.boolean().optional(),
  lines: z.array(voucherLineSchema).min(2, 'A voucher needs at least two lines.').max(1000),
});
export type NewVoucherInput = z.infer<typeof newVoucherSchema>;

export const postingSchema = z.object({
  id: z.number(),
  lineNo: z.number(),
  account: z.string(),
  amount: z.number(),
  vatCode: z.string().nullable(),
  vatKind: z.enum(['base', 'output', 'input']).nullable(),
  vatSpecification: z.enum(VAT_SPECIFICATIONS).nullable(),
  description: z.string(),
  departmentId: z.number().nullable(),
  projectId: z.number().nullable(),
  partyId: z.number().nullable(),
  invoiceNumber: z.string().nullable(),
  dueDate: z.string().nullable(),
  kid: z.string().nullable(),
  currency: z.object({ code: z.string(), amount: z.number(), rate: z.string() }).nullable(),
});

export const voucherSchema = z.object({
  id: z.number(),
  series: z.string(),
  number: z.number(),
  fiscalYear: z.number(),
  period: z.number(),
  date: z.string(),
  description: z.string(),
  status: z.enum(['posted', 'deleted']),
  postings: z.array(postingSchema),
});
export type Voucher = z.infer<typeof voucherSchema>;
