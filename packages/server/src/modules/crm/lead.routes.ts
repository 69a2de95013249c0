import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { companyIdOf, userIdOf } from '../../http/access';
import { listParties, partySchema } from '../accounting/party.service';
import { companyItemParams, companyParams } from '../admin/company.routes';
import {
  eventTypeChangesSchema,
  eventTypeSchema,
  leadChangesSchema,
  leadDetailSchema,
  leadSchema,
  leadStatusesInputSchema,
  leadStatusSchema,
  logEventSchema,
  loggedEventSchema,
  newEventTypeSchema,
  newLeadSchema,
} from './lead.schemas';
import {
  changeEventType,
  changeLead,
  createEventType,
  createLead,
  getLead,
  listEventTypes,
  listLeads,
  listStatuses,
  logEvent,
  removeLead,
  saveStatuses,
} from './lead.service';

export const crmRead = { access: { module: 'crm', level: 'read' } } as const;
export const crmWrite = { access: { module: 'crm', level: 'write' } } as const;

const partyParams = companyParams.extend({ partyId: z.coerce.number().int().positive() });

export function leadRoutes(db: Kysely<Database>): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ['crm'];
    const base = '/companies/:companyId/crm';

    // The CRM screens pick contacts without needing access to the ledger.
    app.get(
      `${base}/contacts`,
      {
        config: crmRead,
        schema: {
          tags,
          summary: 'Contacts to pick from (name search)',
          params: companyParams,
          querystring: z.strictObject({ search: z.string().max(100).optional() }),
          response: { 200: z.object({ items: z.array(partySchema) }) },
        },
      },
      async (request) => ({
        items: await listParties(db, companyIdOf(request), { search: request.query.search }),
      }),
    );

    app.get(
      `${base}/lead-statuses`,
      {
        config: crmRead,
        schema: {
          tags,
          summary: 'The lead statuses, coldest first, with their thresholds',
          params: companyParams,
          response: { 200: z.object({ items: z.array(leadStatusSchema) }) },
        },
      },
      async (request) => ({ items: await listStatuses(db, companyIdOf(request)) }),
    );

    app.put(
      `${base}/lead-statuses`,
      {
        config: crmWrite,
        schema: {
          tags,
          summary: 'Replace the list of lead statuses',
          params: companyParams,
          body: leadStatusesInputSchema,
          response: { 200: z.object({ items: z.array(leadStatusSchema) }) },
        },
      },
      async (request) => ({ items: await saveStatuses(db, companyIdOf(request), request.body) }),
    );

    app.get(
      `${base}/event-types`,
      {
        config: crmRead,
        schema: {
          tags,
          params: companyParams,
          response: { 200: z.object({ items: z.array(eventTypeSchema) }) },
        },
      },
      async (request) => ({ items: await listEventTypes(db, companyIdOf(request)) }),
    );

    app.post(
      `${base}/event-types`,
      {
        config: crmWrite,
        schema: {
          tags,
          params: companyParams,
          body: newEventTypeSchema,
          response: { 201: eventTypeSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createEventType(db, companyIdOf(request), request.body)),
    );

    app.patch(
      `${base}/event-types/:id`,
      {
        config: crmWrite,
        schema: {
          tags,
          params: companyItemParams,
          body: eventTypeChangesSchema,
          response: { 200: eventTypeSchema },
        },
      },
      (request) => changeEventType(db, companyIdOf(request), request.params.id, request.body),
    );

    app.get(
      `${base}/leads`,
      {
        config: crmRead,
        schema: {
          tags,
          params: companyParams,
          querystring: z.strictObject({
            statusId: z.coerce.number().int().positive().optional(),
            search: z.string().max(100).optional(),
          }),
          response: { 200: z.object({ items: z.array(leadSchema) }) },
        },
      },
      async (request) => ({ items: await listLeads(db, companyIdOf(request), request.query) }),
    );

    app.post(
      `${base}/leads`,
      {
        config: crmWrite,
        schema: { tags, params: companyParams, body: newLeadSchema, response: { 201: leadSchema } },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createLead(db, companyIdOf(request), request.body, userIdOf(request))),
    );

    app.get(
      `${base}/leads/:partyId`,
      {
        config: crmRead,
        schema: { tags, params: partyParams, response: { 200: leadDetailSchema } },
      },
      (request) => getLead(db, companyIdOf(request), request.params.partyId),
    );

    app.patch(
      `${base}/leads/:partyId`,
      {
        config: crmWrite,
        schema: {
          tags,
          summary: 'Move a lead to another status by hand, or set its points',
          params: partyParams,
          body: leadChangesSchema,
          response: { 200: leadSchema },
        },
      },
      (request) =>
        changeLead(
          db,
          companyIdOf(request),
          request.params.partyId,
          request.body,
          userIdOf(request),
        ),
    );

    app.delete(
      `${base}/leads/:partyId`,
      { config: crmWrite, schema: { tags, params: partyParams } },
      async (request, reply) => {
        await removeLead(db, companyIdOf(request), request.params.partyId);
        return reply.status(204).send();
      },
    );

    app.post(
      `${base}/leads/:partyId/events`,
      {
        config: crmWrite,
        schema: {
          tags,
          summary: 'Log an event on a contact; its points may move the lead up',
          params: partyParams,
          body: logEventSchema,
          response: { 201: loggedEventSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await logEvent(
              db,
              companyIdOf(request),
              request.params.partyId,
              request.body,
              userIdOf(request),
            ),
          ),
    );
  };
}
