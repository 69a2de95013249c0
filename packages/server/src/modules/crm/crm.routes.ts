import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { leadRoutes } from './lead.routes';
import { mailingRoutes } from './mailing.routes';
import { opportunityRoutes } from './opportunity.routes';
import { crmReportRoutes } from './report.routes';

/** Every CRM route: the lead funnel, the sales funnel, the funnel reports and mailings. */
export function crmRoutes(db: Kysely<Database>): FastifyPluginAsync {
  return async (app) => {
    await app.register(leadRoutes(db));
    await app.register(opportunityRoutes(db));
    await app.register(crmReportRoutes(db));
    await app.register(mailingRoutes(db));
  };
}
