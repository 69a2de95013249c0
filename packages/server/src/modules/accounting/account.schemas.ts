import { z } from 'zod';

export const accountSchema = z.object({
  number: z.string(),
  nameNb: z.string(),
  nameEn: z.string(),
  kind: z.string(),
  vatCode: z.string().nullable(),
  groupingCategory: z.string(),
  groupingCode: z.string(),
  subledger: z.enum(['customer', 'supplier']).nullable(),
  blocked: z.boolean(),
});
export type Account = z.infer<typeof accountSchema>;

const name = z.string().trim().min(1, 'An account needs a name.').max(120);

export const accountChangesSchema = z.strictObject({
  nameNb: name.optional(),
  nameEn: name.optional(),
  vatCode: z.string().max(3).nullable().optional(),
  groupingCategory: z.string().max(100).optional(),
  groupingCode: z.string().max(20).optional(),
  blocked: z.boolean().optional(),
});
export type AccountChanges = z.infer<typeof accountChangesSchema>;

export const newAccountSchema = z.strictObject({
  number: z.string().regex(/^[1-8]\d{3}$/, 'An account number has 4 digits, starting with 1 to 8.'),
  nameNb: name,
  nameEn: name.optional(),
  vatCode: z.string().max(3).nullable().optional(),
  groupingCategory: z.string().max(100),
  groupingCode: z.string().max(20),
});
export type NewAccount = z.infer<typeof newAccountSchema>;
