import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '../auth/password';
import { languageSchema } from './company.schemas';

export const userSchema = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  language: languageSchema,
  isInstallationAdmin: z.boolean(),
});
export type User = z.infer<typeof userSchema>;

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(200);

export const newUserSchema = z.strictObject({
  email: z.email('Not a valid e-mail address.').max(200),
  name: z.string().trim().min(1, 'A user needs a name.').max(200),
  password: passwordSchema,
  language: languageSchema.optional(),
  isInstallationAdmin: z.boolean().optional(),
});
export type NewUserInput = z.input<typeof newUserSchema>;

export const profileChangesSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  language: languageSchema.optional(),
});
