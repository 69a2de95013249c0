import { isValidOrgNumber } from '@nordbok/formats';
import { z } from 'zod';

/**
 * Phone numbers are stored in E.164. A Norwegian number may be typed with 8 digits and
 * spaces ("900 12 345") or with +47/0047; other countries need their + and country code.
 */
export function normalisePhone(input: string): string | null {
  const compact = input.replace(/[\s\-().]/g, '').replace(/^00/, '+');
  if (/^\d{8}$/.test(compact)) return `+47${compact}`;
  if (/^\+47/.test(compact)) return /^\+47\d{8}$/.test(compact) ? compact : null;
  return /^\+[1-9]\d{6,14}$/.test(compact) ? compact : null;
}

const PHONE_MESSAGE =
  'Not a phone number: 8 digits for Norway (+47), or + and country code for other countries.';

export const phoneSchema = z
  .string()
  .trim()
  .max(30)
  .transform((value, ctx) => {
    const phone = normalisePhone(value);
    if (phone === null) {
      ctx.addIssue({ code: 'custom', message: PHONE_MESSAGE });
      return z.NEVER;
    }
    return phone;
  });

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'Not an e-mail address.' }));

const orgNumber = z
  .string()
  .trim()
  .max(20)
  .transform((v) => v.replace(/\s/g, ''))
  .refine(isValidOrgNumber, {
    message: 'Not a valid organisation number: 9 digits with a correct check digit (MOD11).',
  });

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const optionalText = (max: number) =>
  z.preprocess(blankToNull, z.string().trim().max(max).nullable().optional());

export const contactKindSchema = z.enum(['organisation', 'person']);
export const addressKindSchema = z.enum(['visit', 'invoice', 'delivery']);

export const contactPersonInputSchema = z.strictObject({
  name: z.string().trim().min(1, 'A contact person needs a name.').max(200),
  role: optionalText(100),
  email: z.preprocess(blankToNull, emailSchema.nullable().optional()),
  phone: z.preprocess(blankToNull, phoneSchema.nullable().optional()),
});

export const addressInputSchema = z.strictObject({
  kind: addressKindSchema,
  line1: z.string().trim().min(1, 'An address needs a street or post box.').max(200),
  line2: optionalText(200),
  postalCode: optionalText(20),
  city: optionalText(100),
  countryCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'A country is two letters (ISO 3166), e.g. NO.')
    .optional(),
});

const partyNumber = z.number().int().min(1).max(999_999_999);

export const contactInputSchema = z.strictObject({
  kind: contactKindSchema.optional(),
  name: z.string().trim().min(1, 'A contact needs a name.').max(200),
  orgNumber: z.preprocess(blankToNull, orgNumber.nullable().optional()),
  email: z.preprocess(blankToNull, emailSchema.nullable().optional()),
  phone: z.preprocess(blankToNull, phoneSchema.nullable().optional()),
  website: optionalText(300),
  notes: optionalText(10_000),
  paymentTermsDays: z.number().int().min(0).max(365).nullable().optional(),
  isLead: z.boolean().optional(),
  /** Blocked for new sales and purchase documents (credit notes and payments still go). */
  blocked: z.boolean().optional(),
  /** A customer/supplier number is given from 10000/20000 when the flag is set without one. */
  customer: z.boolean().optional(),
  supplier: z.boolean().optional(),
  customerNumber: partyNumber.nullable().optional(),
  supplierNumber: partyNumber.nullable().optional(),
  persons: z.array(contactPersonInputSchema).max(100).optional(),
  addresses: z.array(addressInputSchema).max(20).optional(),
  tags: z.array(z.string().trim().min(1).max(50)).max(50).optional(),
});
export type ContactInput = z.input<typeof contactInputSchema>;

export const contactPersonSchema = z.object({
  id: z.number(),
  name: z.string(),
  role: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});

export const addressSchema = z.object({
  id: z.number(),
  kind: addressKindSchema,
  line1: z.string(),
  line2: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  countryCode: z.string(),
});

export const contactSummarySchema = z.object({
  id: z.number(),
  kind: contactKindSchema,
  name: z.string(),
  orgNumber: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  customerNumber: z.number().nullable(),
  supplierNumber: z.number().nullable(),
  isLead: z.boolean(),
  leadStatus: z.string().nullable(),
  leadPoints: z.number(),
});
export type ContactSummary = z.infer<typeof contactSummarySchema>;

export const contactSchema = contactSummarySchema.extend({
  website: z.string().nullable(),
  notes: z.string().nullable(),
  paymentTermsDays: z.number().nullable(),
  blocked: z.boolean(),
  createdAt: z.string(),
  persons: z.array(contactPersonSchema),
  addresses: z.array(addressSchema),
  tags: z.array(z.string()),
});
export type Contact = z.infer<typeof contactSchema>;
