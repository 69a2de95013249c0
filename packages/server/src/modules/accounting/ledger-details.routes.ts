import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { requireMembership, requireSession } from '../../http/access';
import { companyParams } from '../admin/company.routes';
import {
  ATTACHMENT_TYPES,
  type AttachmentType,
  attach,
  attachmentContent,
  attachmentsOf,
  MAX_ATTACHMENT_BYTES,
} from './attachment.service';
import {
  changeDimension,
  createDimension,
  dimensionChangesSchema,
  dimensionSchema,
  listDimensions,
  newDimensionSchema,
} from './dimension.service';
import { openItems, settle, subledger, unsettle } from './open-item.service';
import { createParty, listParties, newPartySchema, partySchema } from './party.service';
import { isoDateSchema } from './voucher.schemas';

const read = { access: { module: 'accounting', level: 'read' } } as const;
const write = { access: { module: 'accounting', level: 'write' } } as const;
const kindSchema = z.enum(['customer', 'supplier']);
const id = z.coerce.number().int().positive();

const openItemSchema = z.object({
  postingId: z.number(),
  voucherId: z.number(),
  series: z.string(),
  number: z.number(),
  date: z.string(),
  dueDate: z.string().nullable(),
  account: z.string(),
  partyId: z.number(),
  invoiceNumber: z.string().nullable(),
  kid: z.string().nullable(),
  description: z.string(),
  amount: z.number(),
  open: z.number(),
  settlements: z.array(
    z.object({ id: z.number(), postingId: z.number(), amount: z.number(), matchedBy: z.string() }),
  ),
});

/** Parties, departments and projects, open items and voucher attachments. */
export function ledgerDetailRoutes(db: Kysely<Database>): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ['accounting'];
    const base = '/companies/:companyId';
    const ctx = (request: Parameters<typeof requireMembership>[0]) => ({
      companyId: requireMembership(request).companyId,
      userId: requireSession(request).user_id,
    });

    app.get(
      `${base}/parties`,
      {
        config: read,
        schema: {
          tags,
          params: companyParams,
          querystring: z.strictObject({
            kind: kindSchema.optional(),
            search: z.string().max(100).optional(),
          }),
          response: { 200: z.object({ items: z.array(partySchema) }) },
        },
      },
      async (request) => ({ items: await listParties(db, ctx(request).companyId, request.query) }),
    );

    app.post(
      `${base}/parties`,
      {
        config: write,
        schema: {
          tags,
          params: companyParams,
          body: newPartySchema,
          response: { 201: partySchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createParty(db, ctx(request).companyId, request.body)),
    );

    for (const table of ['departments', 'projects'] as const) {
      app.get(
        `${base}/${table}`,
        {
          config: read,
          schema: {
            tags,
            params: companyParams,
            response: { 200: z.object({ items: z.array(dimensionSchema) }) },
          },
        },
        async (request) => ({ items: await listDimensions(db, table, ctx(request).companyId) }),
      );
      app.post(
        `${base}/${table}`,
        {
          config: write,
          schema: {
            tags,
            params: companyParams,
            body: newDimensionSchema,
            response: { 201: dimensionSchema },
          },
        },
        async (request, reply) =>
          reply
            .status(201)
            .send(await createDimension(db, table, ctx(request).companyId, request.body)),
      );
      app.patch(
        `${base}/${table}/:id`,
        {
          config: write,
          schema: {
            tags,
            params: companyParams.extend({ id }),
            body: dimensionChangesSchema,
            response: { 200: dimensionSchema },
          },
        },
        (request) =>
          changeDimension(db, table, ctx(request).companyId, request.params.id, request.body),
      );
    }

    app.get(
      `${base}/open-items`,
      {
        config: read,
        schema: {
          tags,
          params: companyParams,
          querystring: z.strictObject({
            kind: kindSchema,
            partyId: id.optional(),
            at: isoDateSchema.optional(),
            all: z.enum(['true', 'false']).optional(),
          }),
          response: { 200: z.object({ items: z.array(openItemSchema) }) },
        },
      },
      async (request) => {
        const { all, ...filter } = request.query;
        const list = all === 'true' ? subledger : openItems;
        return { items: await list(db, ctx(request).companyId, filter) };
      },
    );

    app.post(
      `${base}/settlements`,
      {
        config: write,
        schema: {
          tags,
          params: companyParams,
          body: z.strictObject({
            itemPostingId: z.number().int().positive(),
            paymentPostingId: z.number().int().positive(),
            amount: z.number().int().optional(),
          }),
        },
      },
      async (request, reply) =>
        reply.status(201).send(await settle(db, ctx(request), request.body)),
    );

    app.delete(
      `${base}/settlements/:id`,
      { config: write, schema: { tags, params: companyParams.extend({ id }) } },
      async (request, reply) => {
        await unsettle(db, ctx(request), request.params.id);
        return reply.status(204).send();
      },
    );

    registerAttachmentRoutes(app, db, base, ctx);
  };
}

function registerAttachmentRoutes(
  plain: FastifyInstance,
  db: Kysely<Database>,
  base: string,
  ctx: (request: Parameters<typeof requireMembership>[0]) => { companyId: number; userId: number },
) {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const tags = ['attachments'];
  acceptAttachmentUploads(app);

  app.post(
    `${base}/vouchers/:voucherId/attachments`,
    {
      config: write,
      bodyLimit: MAX_ATTACHMENT_BYTES,
      schema: { tags, params: companyParams.extend({ voucherId: id }) },
    },
    async (request, reply) => {
      const info = await attach(
        db,
        ctx(request).companyId,
        request.params.voucherId,
        uploadOf(request),
      );
      return reply.status(201).send(info);
    },
  );

  app.get(
    `${base}/vouchers/:voucherId/attachments`,
    { config: read, schema: { tags, params: companyParams.extend({ voucherId: id }) } },
    async (request) => ({
      items: await attachmentsOf(db, ctx(request).companyId, request.params.voucherId),
    }),
  );

  app.get(
    `${base}/attachments/:id`,
    { config: read, schema: { tags, params: companyParams.extend({ id }) } },
    async (request, reply) => {
      return sendAttachment(
        reply,
        await attachmentContent(db, ctx(request).companyId, request.params.id),
      );
    },
  );
}

/** Receipts arrive as the raw file with its own content type and the name in x-file-name. */
export function acceptAttachmentUploads(app: FastifyInstance) {
  for (const type of ATTACHMENT_TYPES) {
    app.addContentTypeParser(
      type,
      { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES },
      (_r, body, done) => done(null, body),
    );
  }
}

/** The uploaded file of a request that `acceptAttachmentUploads` let in. */
export function uploadOf(request: FastifyRequest) {
  const type = String(request.headers['content-type'] ?? '').split(';')[0] as AttachmentType;
  if (!ATTACHMENT_TYPES.includes(type) || !Buffer.isBuffer(request.body)) {
    throw AppError.field('file', 'Attach a PDF, JPEG or PNG file.');
  }
  const name = decodeURIComponent(String(request.headers['x-file-name'] ?? 'bilag')).slice(0, 200);
  return { name, type, content: request.body };
}

/** Sends a stored receipt for the browser to show inline. */
export function sendAttachment(
  reply: FastifyReply,
  file: { fileName: string; contentType: string; content: Buffer },
) {
  const name = encodeURIComponent(file.fileName);
  return reply
    .type(file.contentType)
    .header('content-disposition', `inline; filename*=UTF-8''${name}`)
    .send(file.content);
}
