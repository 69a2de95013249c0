import { compactNumber, isValidBankAccount, isValidOrgNumber } from '@nordbok/formats';
import { z } from 'zod';
import { MODULES, ROLES } from './permissions';

const text = (max: number) => z.string().trim().max(max);

export const orgNumberSchema = z
  .string()
  .trim()
  .max(20)
  .transform(compactNumber)
  .refine(isValidOrgNumber, {
    message: 'Not a valid organisation number: 9 digits with a correct check digit (MOD11).',
  });

export const bankAccountSchema = z
  .string()
  .trim()
  .max(20)
  .transform(compactNumber)
  .refine(isValidBankAccount, {
    message: 'Not a valid bank account number: 11 digits with a correct check digit (MOD11).',
  });

export const monthSchema = z.number().int().min(1).max(12);
export const languageSchema = z.enum(['nb', 'en']);

export const addressSchema = z.strictObject({
  street: text(200),
  postalCode: text(10),
  city: text(100),
  country: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/, 'Use a two-letter country code such as NO.'),
});

// Logos are stored inline; 300 000 characters of data URL is about 220 KB of image.
const logoSchema = z
  .string()
  .max(300_000, 'The logo is too large: use an image under 200 KB.')
  .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/, 'The logo must be a PNG or JPEG.');

export const companySchema = z.object({
  id: z.number(),
  name: z.string(),
  orgNumber: z.string(),
  vatRegistered: z.boolean(),
  visitAddress: addressSchema,
  postalAddress: addressSchema,
  bankAccount: z.string().nullable(),
  fiscalYearStartMonth: z.number(),
  baseCurrency: z.literal('NOK'),
  documentLanguage: languageSchema,
  email: z.string().nullable(),
  phone: z.string().nullable(),
  logo: z.string().nullable(),
  licenceMaxUsers: z.number(),
  allowVoucherChanges: z.boolean(),
});
export type Company = z.infer<typeof companySchema>;

export const newCompanySchema = z.strictObject({
  name: text(200).min(1, 'A company needs a name.'),
  orgNumber: orgNumberSchema,
  fiscalYearStartMonth: monthSchema.optional(),
  vatRegistered: z.boolean().optional(),
});
export type NewCompany = z.input<typeof newCompanySchema>;

export const companyChangesSchema = z.strictObject({
  name: text(200).min(1, 'A company needs a name.').optional(),
  orgNumber: orgNumberSchema.optional(),
  vatRegistered: z.boolean().optional(),
  visitAddress: addressSchema.optional(),
  postalAddress: addressSchema.optional(),
  bankAccount: bankAccountSchema.nullable().optional(),
  fiscalYearStartMonth: monthSchema.optional(),
  documentLanguage: languageSchema.optional(),
  email: z.email('Not a valid e-mail address.').max(200).nullable().optional(),
  phone: text(30).nullable().optional(),
  logo: logoSchema.nullable().optional(),
  licenceMaxUsers: z.number().int().min(1).max(10_000).optional(),
  allowVoucherChanges: z.boolean().optional(),
});
export type CompanyChanges = z.output<typeof companyChangesSchema>;

export const accessSchema = z.enum(['none', 'read', 'write']);
export const permissionsSchema = z.strictObject(
  Object.fromEntries(MODULES.map((m) => [m, accessSchema])) as Record<
    (typeof MODULES)[number],
    typeof accessSchema
  >,
);
export const roleSchema = z.enum(ROLES);

export const companySummarySchema = z.object({
  id: z.number(),
  name: z.string(),
  orgNumber: z.string(),
  role: roleSchema,
  permissions: permissionsSchema,
});
export type CompanySummary = z.infer<typeof companySummarySchema>;

export const memberSchema = z.object({
  userId: z.number(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  permissions: permissionsSchema,
});
export type Member = z.infer<typeof memberSchema>;

export const grantSchema = z.strictObject({
  role: roleSchema,
  permissions: permissionsSchema.optional(),
});
export const newMemberSchema = grantSchema.extend({ email: z.email().max(200) });
