import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { requireMembership, requireSession } from '../../http/access';
import { companyParams } from '../admin/company.routes';
import { crmRead, crmWrite } from './lead.routes';
import {
  newOpportunitySchema,
  opportunityChangesSchema,
  opportunityDetailSchema,
  opportunityFilterSchema,
  opportunitySchema,
  ownerSchema,
  stageSchema,
  stagesInputSchema,
} from './opportunity.schemas';
import {
  changeOpportunity,
  createOpportunity,
  deleteOpportunity,
  getOpportunity,
  listOpportunities,
  listOwners,
  listStages,
  saveStages,
} from './opportunity.service';

const idParams = companyParams.extend({ id: z.coerce.number().int().positive() });

export function opportunityRoutes(db: Kysely<Database>): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ['crm'];
    const base = '/companies/:companyId/crm';
    const company = (request: Parameters<typeof requireMembership>[0]) =>
      requireMembership(request).companyId;
    const user = (request: Parameters<typeof requireSession>[0]) => requireSession(request).user_id;

    app.get(
      `${base}/stages`,
      {
        config: crmRead,
        schema: {
          tags,
          summary: 'The stages of the sales funnel, in order',
          params: companyParams,
          response: { 200: z.object({ items: z.array(stageSchema) }) },
        },
      },
      async (request) => ({ items: await listStages(db, company(request)) }),
    );

    app.put(
      `${base}/stages`,
      {
        config: crmWrite,
        schema: {
          tags,
          summary: 'Replace the list of stages',
          params: companyParams,
          body: stagesInputSchema,
          response: { 200: z.object({ items: z.array(stageSchema) }) },
        },
      },
      async (request) => ({ items: await saveStages(db, company(request), request.body) }),
    );

    app.get(
      `${base}/owners`,
      {
        config: crmRead,
        schema: {
          tags,
          summary: 'The users who may own opportunities',
          params: companyParams,
          response: { 200: z.object({ items: z.array(ownerSchema) }) },
        },
      },
      async (request) => ({ items: await listOwners(db, company(request)) }),
    );

    app.get(
      `${base}/opportunities`,
      {
        config: crmRead,
        schema: {
          tags,
          params: companyParams,
          querystring: opportunityFilterSchema,
          response: { 200: z.object({ items: z.array(opportunitySchema) }) },
        },
      },
      async (request) => ({ items: await listOpportunities(db, company(request), request.query) }),
    );

    app.post(
      `${base}/opportunities`,
      {
        config: crmWrite,
        schema: {
          tags,
          params: companyParams,
          body: newOpportunitySchema,
          response: { 201: opportunitySchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createOpportunity(db, company(request), request.body, user(request))),
    );

    app.get(
      `${base}/opportunities/:id`,
      {
        config: crmRead,
        schema: { tags, params: idParams, response: { 200: opportunityDetailSchema } },
      },
      (request) => getOpportunity(db, company(request), request.params.id),
    );

    app.patch(
      `${base}/opportunities/:id`,
      {
        config: crmWrite,
        schema: {
          tags,
          summary: 'Change an opportunity or move it to another stage',
          params: idParams,
          body: opportunityChangesSchema,
          response: { 200: opportunitySchema },
        },
      },
      (request) =>
        changeOpportunity(db, company(request), request.params.id, request.body, user(request)),
    );

    app.delete(
      `${base}/opportunities/:id`,
      { config: crmWrite, schema: { tags, params: idParams } },
      async (request, reply) => {
        await deleteOpportunity(db, company(request), request.params.id);
        return reply.status(204).send();
      },
    );
  };
}
