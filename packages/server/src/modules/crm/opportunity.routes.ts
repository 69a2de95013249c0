import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { companyIdOf, userIdOf } from '../../http/access';
import { companyItemParams, companyParams } from '../admin/company.routes';
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

export function opportunityRoutes(db: Kysely<Database>): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ['crm'];
    const base = '/companies/:companyId/crm';

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
      async (request) => ({ items: await listStages(db, companyIdOf(request)) }),
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
      async (request) => ({ items: await saveStages(db, companyIdOf(request), request.body) }),
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
      async (request) => ({ items: await listOwners(db, companyIdOf(request)) }),
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
      async (request) => ({
        items: await listOpportunities(db, companyIdOf(request), request.query),
      }),
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
          .send(await createOpportunity(db, companyIdOf(request), request.body, userIdOf(request))),
    );

    app.get(
      `${base}/opportunities/:id`,
      {
        config: crmRead,
        schema: { tags, params: companyItemParams, response: { 200: opportunityDetailSchema } },
      },
      (request) => getOpportunity(db, companyIdOf(request), request.params.id),
    );

    app.patch(
      `${base}/opportunities/:id`,
      {
        config: crmWrite,
        schema: {
          tags,
          summary: 'Change an opportunity or move it to another stage',
          params: companyItemParams,
          body: opportunityChangesSchema,
          response: { 200: opportunitySchema },
        },
      },
      (request) =>
        changeOpportunity(
          db,
          companyIdOf(request),
          request.params.id,
          request.body,
          userIdOf(request),
        ),
    );

    app.delete(
      `${base}/opportunities/:id`,
      { config: crmWrite, schema: { tags, params: companyItemParams } },
      async (request, reply) => {
        await deleteOpportunity(db, companyIdOf(request), request.params.id);
        return reply.status(204).send();
      },
    );
  };
}
