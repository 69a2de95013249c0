import { z } from 'zod';
import { companySummarySchema } from '../admin/company.schemas';
import { userSchema } from '../admin/user.schemas';

export const loginSchema = z.strictObject({
  email: z.string().trim().min(1, 'Enter your e-mail address.').max(200),
  password: z.string().min(1, 'Enter your password.').max(200),
});

export const sessionViewSchema = z.object({
  user: userSchema,
  csrfToken: z.string(),
  currentCompanyId: z.number().nullable(),
  companies: z.array(companySummarySchema),
});
