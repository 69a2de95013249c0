import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { companyIdOf } from '../../http/access';
import { companyItemParams, companyParams } from '../admin/company.routes';
import { contactSummarySchema } from './contact.schemas';
import {
  addMembers,
  changeSegment,
  countRule,
  createSegment,
  deleteSegment,
  getSegment,
  installPredefined,
  listSegments,
  removeMember,
  segmentInputSchema,
  segmentMembers,
  segmentSchema,
  segmentTrend,
} from './segment.service';

// Segments are CRM screens, so the CRM module's access governs them.
const read = { access: { module: 'crm', level: 'read' } } as const;
const write = { access: { module: 'crm', level: 'write' } } as const;
const day = z.iso.date();

export function segmentRoutes(db: Kysely<Database>): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ['segments'];
    const base = '/companies/:companyId/segments';
    const list = z.object({ items: z.array(segmentSchema) });

    app.get(
      base,
      { config: read, schema: { tags, params: companyParams, response: { 200: list } } },
      async (request) => ({ items: await listSegments(db, companyIdOf(request)) }),
    );

    app.post(
      base,
      {
        config: write,
        schema: {
          tags,
          params: companyParams,
          body: segmentInputSchema,
          response: { 201: segmentSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createSegment(db, companyIdOf(request), request.body)),
    );

    app.post(
      `${base}/count`,
      {
        config: read,
        schema: {
          tags,
          params: companyParams,
          body: z.strictObject({
            rule: z.unknown(),
            parentId: z.number().int().positive().nullable().optional(),
          }),
          response: { 200: z.object({ count: z.number() }) },
        },
      },
      async (request) => ({
        count: await countRule(db, companyIdOf(request), request.body.rule, request.body.parentId),
      }),
    );

    app.post(
      `${base}/predefined`,
      { config: write, schema: { tags, params: companyParams, response: { 200: list } } },
      async (request) => ({ items: await installPredefined(db, companyIdOf(request)) }),
    );

    app.get(
      `${base}/:id`,
      {
        config: read,
        schema: { tags, params: companyItemParams, response: { 200: segmentSchema } },
      },
      async (request) => getSegment(db, companyIdOf(request), request.params.id),
    );

    app.put(
      `${base}/:id`,
      {
        config: write,
        schema: {
          tags,
          params: companyItemParams,
          body: segmentInputSchema,
          response: { 200: segmentSchema },
        },
      },
      async (request) => changeSegment(db, companyIdOf(request), request.params.id, request.body),
    );

    app.delete(
      `${base}/:id`,
      { config: write, schema: { tags, params: companyItemParams } },
      async (request, reply) => {
        await deleteSegment(db, companyIdOf(request), request.params.id);
        return reply.code(204).send();
      },
    );

    app.get(
      `${base}/:id/members`,
      {
        config: read,
        schema: {
          tags,
          params: companyItemParams,
          querystring: z.strictObject({
            limit: z.coerce.number().int().min(1).max(1000).optional(),
          }),
          response: { 200: z.object({ items: z.array(contactSummarySchema) }) },
        },
      },
      async (request) => ({
        items: await segmentMembers(
          db,
          companyIdOf(request),
          request.params.id,
          request.query.limit,
        ),
      }),
    );

    app.post(
      `${base}/:id/members`,
      {
        config: write,
        schema: {
          tags,
          params: companyItemParams,
          body: z.strictObject({ partyIds: z.array(z.number().int().positive()).min(1).max(1000) }),
        },
      },
      async (request, reply) => {
        await addMembers(db, companyIdOf(request), request.params.id, request.body.partyIds);
        return reply.code(204).send();
      },
    );

    app.delete(
      `${base}/:id/members/:partyId`,
      {
        config: write,
        schema: {
          tags,
          params: companyItemParams.extend({ partyId: z.coerce.number().int().positive() }),
        },
      },
      async (request, reply) => {
        await removeMember(db, companyIdOf(request), request.params.id, request.params.partyId);
        return reply.code(204).send();
      },
    );

    app.get(
      `${base}/:id/trend`,
      {
        config: read,
        schema: {
          tags,
          params: companyItemParams,
          querystring: z.strictObject({ from: day, to: day, compareTo: day.optional() }),
          response: {
            200: z.object({
              points: z.array(z.object({ day: z.string(), size: z.number() })),
              comparison: z.object({
                earlierEnd: z.string(),
                laterEnd: z.string(),
                earlier: z.number().nullable(),
                later: z.number().nullable(),
                change: z.number().nullable(),
                percent: z.number().nullable(),
              }),
            }),
          },
        },
      },
      async (request) => segmentTrend(db, companyIdOf(request), request.params.id, request.query),
    );
  };
}
