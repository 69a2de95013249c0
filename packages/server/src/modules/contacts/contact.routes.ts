import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { companyIdOf, requireSession } from '../../http/access';
import { companyItemParams, companyParams } from '../admin/company.routes';
import { opportunitySchema } from '../crm/opportunity.schemas';
import { listOpportunities } from '../crm/opportunity.service';
import { contactInputSchema, contactSchema, contactSummarySchema } from './contact.schemas';
import {
  countContacts,
  createContact,
  deleteContact,
  getContact,
  listTags,
  searchContacts,
  updateContact,
} from './contact.service';
import { segmentKindSchema, segmentsOfContact } from './segment.service';
import { addTimelineEntry, readTimeline, timelineItemSchema } from './timeline.service';

const read = { access: { module: 'contacts', level: 'read' } } as const;
const write = { access: { module: 'contacts', level: 'write' } } as const;
// The card's opportunity and segment panels show CRM data, so the CRM's access governs them.
const crmRead = { access: { module: 'crm', level: 'read' } } as const;

/** The contact register: search, create/change/delete, tags and the contact card's timeline. */
export function contactRoutes(db: Kysely<Database>): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ['contacts'];
    const base = '/companies/:companyId';

    app.get(
      `${base}/contacts`,
      {
        config: read,
        schema: {
          tags,
          params: companyParams,
          querystring: z.strictObject({
            q: z.string().max(200).optional(),
            role: z.enum(['customer', 'supplier', 'lead']).optional(),
            kind: z.enum(['organisation', 'person']).optional(),
            tag: z.string().max(50).optional(),
            limit: z.coerce.number().int().min(1).max(500).optional(),
            offset: z.coerce.number().int().min(0).optional(),
          }),
          response: {
            200: z.object({ items: z.array(contactSummarySchema), total: z.number() }),
          },
        },
      },
      async (request) => {
        const companyId = companyIdOf(request);
        const [items, total] = await Promise.all([
          searchContacts(db, companyId, request.query),
          countContacts(db, companyId),
        ]);
        return { items, total };
      },
    );

    app.post(
      `${base}/contacts`,
      {
        config: write,
        schema: {
          tags,
          params: companyParams,
          body: contactInputSchema,
          response: { 201: contactSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createContact(db, companyIdOf(request), request.body)),
    );

    app.get(
      `${base}/contacts/:id`,
      {
        config: read,
        schema: { tags, params: companyItemParams, response: { 200: contactSchema } },
      },
      async (request) => getContact(db, companyIdOf(request), request.params.id),
    );

    app.put(
      `${base}/contacts/:id`,
      {
        config: write,
        schema: {
          tags,
          params: companyItemParams,
          body: contactInputSchema,
          response: { 200: contactSchema },
        },
      },
      async (request) => updateContact(db, companyIdOf(request), request.params.id, request.body),
    );

    app.delete(
      `${base}/contacts/:id`,
      { config: write, schema: { tags, params: companyItemParams } },
      async (request, reply) => {
        await deleteContact(db, companyIdOf(request), request.params.id);
        return reply.code(204).send();
      },
    );

    app.get(
      `${base}/contact-tags`,
      {
        config: read,
        schema: {
          tags,
          params: companyParams,
          response: {
            200: z.object({
              items: z.array(z.object({ id: z.number(), name: z.string(), count: z.number() })),
            }),
          },
        },
      },
      async (request) => ({ items: await listTags(db, companyIdOf(request)) }),
    );

    app.get(
      `${base}/contacts/:id/timeline`,
      {
        config: read,
        schema: {
          tags,
          params: companyItemParams,
          response: { 200: z.object({ items: z.array(timelineItemSchema) }) },
        },
      },
      async (request) => {
        const companyId = companyIdOf(request);
        await getContact(db, companyId, request.params.id);
        return { items: await readTimeline(db, companyId, request.params.id) };
      },
    );

    app.get(
      `${base}/contacts/:id/opportunities`,
      {
        config: crmRead,
        schema: {
          tags,
          params: companyItemParams,
          response: { 200: z.object({ items: z.array(opportunitySchema) }) },
        },
      },
      async (request) => {
        const companyId = companyIdOf(request);
        await getContact(db, companyId, request.params.id);
        return { items: await listOpportunities(db, companyId, { partyId: request.params.id }) };
      },
    );

    app.get(
      `${base}/contacts/:id/segments`,
      {
        config: crmRead,
        schema: {
          tags,
          params: companyItemParams,
          response: {
            200: z.object({
              items: z.array(
                z.object({ id: z.number(), name: z.string(), kind: segmentKindSchema }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const companyId = companyIdOf(request);
        await getContact(db, companyId, request.params.id);
        return { items: await segmentsOfContact(db, companyId, request.params.id) };
      },
    );

    app.post(
      `${base}/contacts/:id/notes`,
      {
        config: write,
        schema: {
          tags,
          params: companyItemParams,
          body: z.strictObject({
            title: z.string().trim().min(1, 'Write something.').max(300),
            body: z.string().max(10_000).optional(),
          }),
          response: { 201: z.object({ id: z.number() }) },
        },
      },
      async (request, reply) => {
        const entry = await addTimelineEntry(db, companyIdOf(request), request.params.id, {
          kind: 'note',
          title: request.body.title,
          body: request.body.body ?? null,
          source: 'contacts',
          userId: requireSession(request).user_id,
        });
        return reply.code(201).send(entry);
      },
    );
  };
}
