import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { companyIdOf, userIdOf } from '../../http/access';
import { companyParams } from '../admin/company.routes';
import {
  createdPurchaseOrdersSchema,
  createPurchaseOrders,
  createRemittance,
  newRemittanceSchema,
  purchaseOrdersFromProposalSchema,
  purchaseProposal,
  purchaseProposalQuerySchema,
  purchaseProposalSchema,
  remittanceProposal,
  remittanceProposalQuerySchema,
  remittanceProposalSchema,
  remittanceSchema,
} from './proposal.service';

const read = { access: { module: 'purchasing', level: 'read' } } as const;
const write = { access: { module: 'purchasing', level: 'write' } } as const;

/** Purchase proposals (what to order) and remittance proposals (which bills to pay). */
export function proposalRoutes(db: Kysely<Database>): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ['purchasing'];
    const base = '/companies/:companyId';

    app.get(
      `${base}/purchase-proposal`,
      {
        config: read,
        schema: {
          tags,
          params: companyParams,
          querystring: purchaseProposalQuerySchema,
          response: { 200: purchaseProposalSchema },
        },
      },
      (request) => purchaseProposal(db, companyIdOf(request), request.query.date),
    );
    app.post(
      `${base}/purchase-proposal`,
      {
        config: write,
        schema: {
          tags,
          params: companyParams,
          body: purchaseOrdersFromProposalSchema,
          response: { 201: createdPurchaseOrdersSchema },
        },
      },
      async (request, reply) => {
        const ctx = { companyId: companyIdOf(request), userId: userIdOf(request) };
        return reply.status(201).send(await createPurchaseOrders(db, ctx, request.body));
      },
    );
    app.get(
      `${base}/remittance-proposal`,
      {
        config: read,
        schema: {
          tags,
          params: companyParams,
          querystring: remittanceProposalQuerySchema,
          response: { 200: remittanceProposalSchema },
        },
      },
      (request) => remittanceProposal(db, companyIdOf(request), request.query.dueBy),
    );
    app.post(
      `${base}/remittances`,
      {
        config: write,
        schema: {
          tags,
          params: companyParams,
          body: newRemittanceSchema,
          response: { 201: remittanceSchema },
        },
      },
      async (request, reply) => {
        const ctx = { companyId: companyIdOf(request), userId: userIdOf(request) };
        return reply.status(201).send(await createRemittance(db, ctx, request.body));
      },
    );
  };
}
