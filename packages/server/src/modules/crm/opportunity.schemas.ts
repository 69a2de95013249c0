import { z } from 'zod';
import { isoDateSchema } from '../accounting/voucher.schemas';

export const OUTCOMES = ['open', 'won', 'lost'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const stageSchema = z.object({
  id: z.number(),
  name: z.string(),
  probability: z.number(),
  position: z.number(),
  outcome: z.enum(OUTCOMES),
  opportunities: z.number(),
});
export type Stage = z.infer<typeof stageSchema>;

/** The whole list of stages in order: the open ones first, then won and lost. */
export const stagesInputSchema = z.strictObject({
  stages: z
    .array(
      z.strictObject({
        id: z.number().int().positive().optional(),
        name: z.string().trim().min(1, 'Give the stage a name.').max(100),
        probability: z
          .number()
          .int('The probability is a whole percentage.')
          .min(0, 'The probability goes from 0 to 100 %.')
          .max(100, 'The probability goes from 0 to 100 %.'),
        outcome: z.enum(OUTCOMES),
      }),
    )
    .min(3)
    .max(20),
});

/** Amounts are whole øre; an opportunity is never negative. */
const amountSchema = z
  .number()
  .int('Amounts are whole øre.')
  .min(0, 'The amount cannot be negative.')
  .refine(Number.isSafeInteger, 'The amount is too large.');

export const opportunitySchema = z.object({
  id: z.number(),
  partyId: z.number(),
  partyName: z.string(),
  title: z.string(),
  amount: z.number(),
  expectedClose: z.string(),
  ownerId: z.number().nullable(),
  ownerName: z.string().nullable(),
  stageId: z.number(),
  stageName: z.string(),
  probability: z.number(),
  outcome: z.enum(OUTCOMES),
  /** amount × probability, rounded half away from zero to øre. */
  weighted: z.number(),
  stageSince: z.string(),
  createdAt: z.string(),
});
export type Opportunity = z.infer<typeof opportunitySchema>;

export const opportunityDetailSchema = opportunitySchema.extend({
  history: z.array(z.object({ stageId: z.number(), stageName: z.string(), enteredAt: z.string() })),
});
export type OpportunityDetail = z.infer<typeof opportunityDetailSchema>;

const title = z.string().trim().min(1, 'Give the opportunity a title.').max(200);

export const newOpportunitySchema = z.strictObject({
  partyId: z.number().int().positive(),
  title,
  amount: amountSchema,
  expectedClose: isoDateSchema,
  ownerId: z.number().int().positive().nullable().optional(),
  /** The first open stage when left out. */
  stageId: z.number().int().positive().optional(),
});

export const opportunityChangesSchema = z.strictObject({
  title: title.optional(),
  amount: amountSchema.optional(),
  expectedClose: isoDateSchema.optional(),
  ownerId: z.number().int().positive().nullable().optional(),
  stageId: z.number().int().positive().optional(),
});

export const opportunityFilterSchema = z.strictObject({
  stageId: z.coerce.number().int().positive().optional(),
  ownerId: z.coerce.number().int().positive().optional(),
  partyId: z.coerce.number().int().positive().optional(),
  outcome: z.enum(OUTCOMES).optional(),
  search: z.string().max(100).optional(),
});

export const ownerSchema = z.object({ id: z.number(), name: z.string() });
