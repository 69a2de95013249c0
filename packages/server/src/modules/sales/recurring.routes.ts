import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { companyIdOf, userIdOf } from '../../http/access';
import { companyItemParams, companyParams } from '../admin/company.routes';
import {
  cancelSubscription,
  changeRecurring,
  createRecurring,
  deleteRecurring,
  getRecurring,
  getSubscription,
  listRecurring,
  listSubscriptions,
  proposalQuerySchema,
  proposalSchema,
  recurringInputSchema,
  recurringProposal,
  recurringQuerySchema,
  recurringSchema,
  renewalItemSchema,
  renewalProposal,
  renewalRunSchema,
  renewSubscriptions,
  runInputSchema,
  runRecurring,
  runResultSchema,
  subscribeFromDocument,
  subscriptionQuerySchema,
  subscriptionSchema,
} from './recurring.service';

const salesRead = { access: { module: 'sales', level: 'read' } } as const;
const salesWrite = { access: { module: 'sales', level: 'write' } } as const;
const documentParams = companyParams.extend({ documentId: z.coerce.number().int().positive() });

const ctxOf = (request: FastifyRequest) => ({
  companyId: companyIdOf(request),
  userId: userIdOf(request),
});

/** Recurring documents (faste oppdrag), their runs, and subscriptions with their renewals. */
export function recurringRoutes(db: Kysely<Database>): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ['sales'];
    const base = '/companies/:companyId';

    app.get(
      `${base}/recurring`,
      {
        config: salesRead,
        schema: {
          tags,
          params: companyParams,
          querystring: recurringQuerySchema,
          response: { 200: z.object({ items: z.array(recurringSchema) }) },
        },
      },
      async (request) => ({
        items: await listRecurring(db, companyIdOf(request), request.query),
      }),
    );
    app.get(
      `${base}/recurring/:id`,
      {
        config: salesRead,
        schema: { tags, params: companyItemParams, response: { 200: recurringSchema } },
      },
      (request) => getRecurring(db, companyIdOf(request), request.params.id),
    );
    app.post(
      `${base}/recurring`,
      {
        config: salesWrite,
        schema: {
          tags,
          params: companyParams,
          body: recurringInputSchema,
          response: { 201: recurringSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createRecurring(db, companyIdOf(request), request.body)),
    );
    app.put(
      `${base}/recurring/:id`,
      {
        config: salesWrite,
        schema: {
          tags,
          params: companyItemParams,
          body: recurringInputSchema,
          response: { 200: recurringSchema },
        },
      },
      (request) => changeRecurring(db, companyIdOf(request), request.params.id, request.body),
    );
    app.delete(
      `${base}/recurring/:id`,
      { config: salesWrite, schema: { tags, params: companyItemParams } },
      async (request, reply) => {
        await deleteRecurring(db, companyIdOf(request), request.params.id);
        return reply.status(204).send();
      },
    );
    app.get(
      `${base}/recurring-proposal`,
      {
        config: salesRead,
        schema: {
          tags,
          summary: 'The documents a recurring run on the date would make, with their amounts',
          params: companyParams,
          querystring: proposalQuerySchema,
          response: { 200: proposalSchema },
        },
      },
      (request) => recurringProposal(db, companyIdOf(request), request.query.date),
    );
    app.post(
      `${base}/recurring-run`,
      {
        config: salesWrite,
        schema: {
          tags,
          summary: 'Make the due recurring documents and move their next dates',
          params: companyParams,
          body: runInputSchema,
          response: { 200: runResultSchema },
        },
      },
      (request) => runRecurring(db, ctxOf(request), request.body),
    );

    app.get(
      `${base}/subscriptions`,
      {
        config: salesRead,
        schema: {
          tags,
          params: companyParams,
          querystring: subscriptionQuerySchema,
          response: { 200: z.object({ items: z.array(subscriptionSchema) }) },
        },
      },
      async (request) => ({
        items: await listSubscriptions(db, companyIdOf(request), request.query),
      }),
    );
    app.get(
      `${base}/subscriptions/:id`,
      {
        config: salesRead,
        schema: { tags, params: companyItemParams, response: { 200: subscriptionSchema } },
      },
      (request) => getSubscription(db, companyIdOf(request), request.params.id),
    );
    app.post(
      `${base}/subscriptions/:id/cancel`,
      {
        config: salesWrite,
        schema: {
          tags,
          summary: 'Stop renewing a subscription; it runs to its end date',
          params: companyItemParams,
          response: { 200: subscriptionSchema },
        },
      },
      (request) => cancelSubscription(db, companyIdOf(request), request.params.id),
    );
    app.post(
      `${base}/subscriptions/from-document/:documentId`,
      {
        config: salesWrite,
        schema: {
          tags,
          summary: 'Start the subscriptions of the subscription items on an invoice or order',
          params: documentParams,
          response: { 200: z.object({ items: z.array(subscriptionSchema) }) },
        },
      },
      async (request) => ({
        items: await subscribeFromDocument(db, ctxOf(request), request.params.documentId),
      }),
    );
    app.get(
      `${base}/subscription-renewals`,
      {
        config: salesRead,
        schema: {
          tags,
          summary: 'Subscriptions ending within 30 days of the date, with their next period',
          params: companyParams,
          querystring: proposalQuerySchema,
          response: {
            200: z.object({ date: z.string(), items: z.array(renewalItemSchema) }),
          },
        },
      },
      (request) => renewalProposal(db, companyIdOf(request), request.query.date),
    );
    app.post(
      `${base}/subscription-renewals`,
      {
        config: salesWrite,
        schema: {
          tags,
          summary: 'Invoice the next period of the automatic (or the chosen) subscriptions',
          params: companyParams,
          body: renewalRunSchema,
          response: { 200: runResultSchema },
        },
      },
      (request) => renewSubscriptions(db, ctxOf(request), request.body),
    );
  };
}
