import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { requireMembership, requireSession } from '../../http/access';
import { companyParams } from '../admin/company.routes';
import {
  closeVatTerm,
  reopenVatTerm,
  saveTermLength,
  vatReturn,
  vatReturnXml,
} from './vat.service';
import { TERM_LENGTHS } from './vat-term';

const termParams = companyParams.extend({
  year: z.coerce.number().int().min(2000).max(2999),
  term: z.coerce.number().int().min(1).max(12),
});

const returnQuery = z.strictObject({ format: z.enum(['json', 'xml']).optional() });

const settingsBody = z.strictObject({ termLength: z.enum(TERM_LENGTHS) });

/** A remark is written into the XML, whose text type holds at most 4000 characters. */
const remarkText = z.string().trim().max(4000, 'A remark has at most 4000 characters.');

/**
 * Optional remarks for the return being closed: on the whole of it, or on single lines.
 * The body itself may be left out (Fastify then gives null).
 */
const closeBody = z
  .strictObject({
    remark: remarkText.optional(),
    lineRemarks: z
      .array(z.strictObject({ key: z.string().max(100), text: remarkText }))
      .max(200)
      .optional(),
  })
  .nullish();

export function vatRoutes(db: Kysely<Database>): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/companies/:companyId/vat-returns/:year/:term',
      {
        config: { access: { module: 'accounting', level: 'read' } },
        schema: {
          tags: ['vat'],
          summary: 'The VAT return (mva-melding) of a term: JSON in øre, or XML in kroner',
          params: termParams,
          querystring: returnQuery,
        },
      },
      async (request, reply) => {
        const { companyId } = requireMembership(request);
        const { year, term } = request.params;
        if (request.query.format !== 'xml') return vatReturn(db, companyId, year, term);
        const xml = await vatReturnXml(db, companyId, year, term);
        return reply
          .header('content-disposition', `attachment; filename="mva-${year}-${term}.xml"`)
          .type('application/xml; charset=utf-8')
          .send(xml);
      },
    );
    app.post(
      '/companies/:companyId/vat-returns/:year/:term/close',
      {
        config: { access: 'administrator' },
        schema: {
          tags: ['vat'],
          summary:
            'Close a VAT term, or the correction of a reopened one: post the settlement of ' +
            'what is not yet settled to 2740, record the version and lock its periods',
          params: termParams,
          body: closeBody,
        },
      },
      async (request, reply) => {
        const { companyId } = requireMembership(request);
        const ctx = { companyId, userId: requireSession(request).user_id };
        const { year, term } = request.params;
        const closing = await closeVatTerm(db, ctx, year, term, request.body ?? {});
        return reply.status(201).send(closing);
      },
    );
    app.post(
      '/companies/:companyId/vat-returns/:year/:term/reopen',
      {
        config: { access: 'administrator' },
        schema: {
          tags: ['vat'],
          summary: 'Reopen a closed VAT term for correction: unlock its periods',
          params: termParams,
        },
      },
      async (request) => {
        const { companyId } = requireMembership(request);
        const ctx = { companyId, userId: requireSession(request).user_id };
        const { year, term } = request.params;
        return reopenVatTerm(db, ctx, year, term);
      },
    );
    app.put(
      '/companies/:companyId/vat-settings',
      {
        config: { access: 'administrator' },
        schema: {
          tags: ['vat'],
          summary: "Set the company's VAT term length",
          params: companyParams,
          body: settingsBody,
        },
      },
      async (request) => {
        const { companyId } = requireMembership(request);
        await saveTermLength(db, companyId, request.body.termLength);
        return { termLength: request.body.termLength };
      },
    );
  };
}
