import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { requireMembership, requireSession } from '../../http/access';
import {
  companyChangesSchema,
  companySchema,
  companySummarySchema,
  newCompanySchema,
} from './company.schemas';
import { changeCompany, companiesOfUser, createCompany, getCompany } from './company.service';
import { requireInstallationAdmin } from './user.routes';

export const companyParams = z.strictObject({ companyId: z.coerce.number().int().positive() });

/** A company route about one thing of the company, by its id: /companies/:companyId/…/:id. */
export const companyItemParams = companyParams.extend({ id: z.coerce.number().int().positive() });

export function companyRoutes(db: Kysely<Database>): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ['companies'];

    app.get(
      '/companies',
      { schema: { tags, response: { 200: z.object({ items: z.array(companySummarySchema) }) } } },
      async (request) => ({ items: await companiesOfUser(db, requireSession(request).user_id) }),
    );

    app.post(
      '/companies',
      { schema: { tags, body: newCompanySchema, response: { 201: companySchema } } },
      async (request, reply) => {
        await requireInstallationAdmin(db, request);
        const company = await createCompany(db, request.body, requireSession(request).user_id);
        return reply.status(201).send(company);
      },
    );

    app.get(
      '/companies/:companyId',
      {
        config: { access: { module: 'settings', level: 'read' } },
        schema: { tags, params: companyParams, response: { 200: companySchema } },
      },
      (request) => getCompany(db, requireMembership(request).companyId),
    );

    app.patch(
      '/companies/:companyId',
      {
        config: { access: { module: 'settings', level: 'write' } },
        schema: {
          tags,
          params: companyParams,
          body: companyChangesSchema,
          response: { 200: companySchema },
        },
      },
      async (request) => {
        if (request.body.licenceMaxUsers !== undefined) {
          await requireInstallationAdmin(db, request);
        }
        return changeCompany(db, requireMembership(request).companyId, request.body);
      },
    );
  };
}
