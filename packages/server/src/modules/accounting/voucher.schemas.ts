import { isIsoDate } from '@nordbok/core';
import { z } from 'zod';

export const isoDateSchema = z.string().refine(isIsoDate, 'Use a real date written YYYY-MM-DD.');

/** Amounts are signed integer øre: debit positive, credit negative. */
export const oreSchema = z
  .number()
  .int('Amounts are whole øre.')
  .refine(Number.isSafeInteger, 'The amount is too large.');

export const voucherLineSchema = z.strictObject({
  account: z.string().regex(/^\d{4,6}$/, 'An account number has 4 to 6 digits.'),
  amount: oreSchema,
  vatCode: z.string().max(3).nullable().optional(),
  entry: z.enum(['gross', 'net']).optional(),
  description: z.string().trim().max(200).optional(),
});

export const newVoucherSchema = z.strictObject({
  series: z.string().max(4).optional(),
  date: isoDateSchema,
  description: z.string().trim().min(1, 'Describe the voucher.').max(200),
  opening: z.boolean().optional(),
  lines: z.array(voucherLineSchema).min(2, 'A voucher needs at least two lines.').max(1000),
});
export type NewVoucherInput = z.infer<typeof newVoucherSchema>;

export const postingSchema = z.object({
  lineNo: z.number(),
  account: z.string(),
  amount: z.number(),
  vatCode: z.string().nullable(),
  vatKind: z.enum(['base', 'output', 'input']).nullable(),
  description: z.string(),
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
