import { z } from 'zod';

export const CHANNELS = ['letter', 'email', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

export const templateSchema = z.object({
  id: z.number(),
  name: z.string(),
  channel: z.enum(CHANNELS),
  subject: z.string(),
  body: z.string(),
  updatedAt: z.string(),
});
export type Template = z.infer<typeof templateSchema>;

export const templateInputSchema = z.strictObject({
  name: z.string().trim().min(1, 'Give the template a name.').max(100),
  channel: z.enum(CHANNELS),
  /** The e-mail's subject or the letter's heading; SMS has none. */
  subject: z.string().max(300).default(''),
  body: z.string().min(1, 'Write the text.').max(50_000),
});
export const templateChangesSchema = templateInputSchema.partial();

export const previewInputSchema = z.strictObject({
  subject: z.string().max(300).default(''),
  body: z.string().max(50_000),
  /** A contact to fill the fields from; an example contact when left out. */
  partyId: z.number().int().positive().optional(),
});

export const mailingInputSchema = z.strictObject({
  templateId: z.number().int().positive(),
  /** The contacts to write to. */
  partyIds: z.array(z.number().int().positive()).max(10_000).default([]),
  /** The members of these segments are added to the contacts above. */
  segmentIds: z.array(z.number().int().positive()).max(50).default([]),
});

export const recipientSchema = z.object({
  id: z.number(),
  partyId: z.number().nullable(),
  name: z.string(),
  address: z.string().nullable(),
  status: z.enum(['pending', 'sent', 'failed', 'skipped']),
  reason: z.string().nullable(),
  sentAt: z.string().nullable(),
});

export const mailingSchema = z.object({
  id: z.number(),
  channel: z.enum(CHANNELS),
  templateName: z.string(),
  subject: z.string(),
  state: z.enum(['running', 'done']),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  total: z.number(),
  pending: z.number(),
  sent: z.number(),
  failed: z.number(),
  skipped: z.number(),
});
export type Mailing = z.infer<typeof mailingSchema>;

export const mailingDetailSchema = mailingSchema.extend({ recipients: z.array(recipientSchema) });
export type MailingDetail = z.infer<typeof mailingDetailSchema>;
