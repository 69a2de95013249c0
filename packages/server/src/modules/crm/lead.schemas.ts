import { z } from 'zod';

const name = z.string().trim().min(1, 'Give it a name.').max(100);
export const pointsSchema = z
  .number()
  .int('Points are whole numbers.')
  .min(0, 'Points go from 0 to 100.')
  .max(100, 'Points go from 0 to 100.');

export const leadStatusSchema = z.object({
  id: z.number(),
  name: z.string(),
  threshold: z.number(),
  position: z.number(),
  leads: z.number(),
});
export type LeadStatus = z.infer<typeof leadStatusSchema>;

/** The whole list of statuses, coldest first; an item without id is a new status. */
export const leadStatusesInputSchema = z.strictObject({
  statuses: z
    .array(
      z.strictObject({ id: z.number().int().positive().optional(), name, threshold: pointsSchema }),
    )
    .min(1, 'The funnel needs at least one status.')
    .max(20),
});

export const eventTypeSchema = z.object({
  id: z.number(),
  name: z.string(),
  points: z.number(),
  active: z.boolean(),
});
export type EventType = z.infer<typeof eventTypeSchema>;

const eventPoints = z
  .number()
  .int('Points are whole numbers.')
  .min(-100, 'An event gives from −100 to 100 points.')
  .max(100, 'An event gives from −100 to 100 points.');

export const newEventTypeSchema = z.strictObject({ name, points: eventPoints });
export const eventTypeChangesSchema = z.strictObject({
  name: name.optional(),
  points: eventPoints.optional(),
  active: z.boolean().optional(),
});

export const leadSchema = z.object({
  partyId: z.number(),
  name: z.string(),
  customerNumber: z.number().nullable(),
  points: z.number(),
  statusId: z.number(),
  statusName: z.string(),
  statusSince: z.string(),
  createdAt: z.string(),
  lastEventAt: z.string().nullable(),
});
export type Lead = z.infer<typeof leadSchema>;

export const newLeadSchema = z.strictObject({
  partyId: z.number().int().positive(),
  /** Any status; the coldest when left out. */
  statusId: z.number().int().positive().optional(),
  /** The status's threshold when left out. */
  points: pointsSchema.optional(),
});

export const leadChangesSchema = z.strictObject({
  statusId: z.number().int().positive().optional(),
  points: pointsSchema.optional(),
});

const isoTime = z.iso.datetime({ offset: true, message: 'Use an ISO 8601 time.' });

export const logEventSchema = z.strictObject({
  eventTypeId: z.number().int().positive(),
  /** Now when left out; may lie in the past (an event noted afterwards). */
  occurredAt: isoTime.optional(),
  note: z.string().trim().max(500).optional(),
});

export const leadEventSchema = z.object({
  id: z.number(),
  eventTypeId: z.number().nullable(),
  name: z.string(),
  points: z.number(),
  occurredAt: z.string(),
});

export const statusReachedSchema = z.object({
  statusId: z.number(),
  statusName: z.string(),
  reachedAt: z.string(),
});

export const leadDetailSchema = leadSchema.extend({
  events: z.array(leadEventSchema),
  history: z.array(statusReachedSchema),
});
export type LeadDetail = z.infer<typeof leadDetailSchema>;

export const loggedEventSchema = z.object({
  lead: leadSchema,
  /** The statuses the event moved the lead into, in order (empty when it stayed). */
  moved: z.array(z.string()),
});
