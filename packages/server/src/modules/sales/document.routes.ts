import { type DocumentKind, sideOf } from '@nordbok/core';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { requireMembership, requireModuleAccess, userIdOf } from '../../http/access';
import {
  attach,
  attachmentContent,
  attachmentsOf,
  MAX_ATTACHMENT_BYTES,
} from '../accounting/attachment.service';
import {
  acceptAttachmentUploads,
  sendAttachment,
  uploadOf,
} from '../accounting/ledger-details.routes';
import { companyParams } from '../admin/company.routes';
import { allows } from '../admin/permissions';
import { documentPdf } from './document.pdf';
import {
  carryForwardSchema,
  documentEventSchema,
  documentPageSchema,
  documentQuerySchema,
  documentSchema,
  groupInvoiceSchema,
  newDocumentSchema,
} from './document.schemas';
import {
  cancelDocument,
  carryForward,
  createDocument,
  getDocument,
  groupInvoice,
  KIND_NAMES,
  listDocuments,
  recordEvent,
  updateDocument,
} from './document.service';
import { newPaymentSchema, registerPayment } from './payment.service';
import { getSalesSettings, salesSettingsSchema, saveSalesSettings } from './sales-settings';

const member = { access: 'member' } as const;
const documentParams = companyParams.extend({ documentId: z.coerce.number().int().positive() });

/** A document belongs to the sales or the purchasing module by its kind. */
const moduleOf = (kind: DocumentKind) => (sideOf(kind) === 'sales' ? 'sales' : 'purchasing');

function ctxFor(request: FastifyRequest, kind: DocumentKind, level: 'read' | 'write') {
  const { companyId } = requireModuleAccess(request, moduleOf(kind), level);
  return { companyId, userId: userIdOf(request) };
}

/** The document chain of sales and purchasing, payments and the sales settings. */
export function documentRoutes(db: Kysely<Database>): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ['sales'];
    const base = '/companies/:companyId';

    /** Loads a document the member may see (read) or change (write). */
    const documentFor = async (
      request: FastifyRequest<{ Params: z.infer<typeof documentParams> }>,
      level: 'read' | 'write',
    ) => {
      const { companyId } = requireMembership(request);
      const doc = await getDocument(db, companyId, request.params.documentId);
      return { doc, ctx: ctxFor(request, doc.kind, level) };
    };

    app.get(
      `${base}/documents`,
      {
        config: member,
        schema: {
          tags,
          params: companyParams,
          querystring: documentQuerySchema,
          response: { 200: documentPageSchema },
        },
      },
      async (request) => {
        const query = request.query;
        const m = requireMembership(request);
        const canSales = allows(m.permissions.sales, 'read');
        const canPurchasing = allows(m.permissions.purchasing, 'read');
        const side = query.kind ? sideOf(query.kind) : query.side;
        if (side) ctxFor(request, side === 'sales' ? 'invoice' : 'bill', 'read');
        else if (!canSales || !canPurchasing) {
          if (!canSales && !canPurchasing) {
            throw new AppError('forbidden', 'You have no read access to sales or purchasing.');
          }
          return listDocuments(db, m.companyId, {
            ...query,
            side: canSales ? 'sales' : 'purchase',
          });
        }
        return listDocuments(db, m.companyId, query);
      },
    );
    app.get(
      `${base}/documents/:documentId`,
      {
        config: member,
        schema: { tags, params: documentParams, response: { 200: documentSchema } },
      },
      async (request) => (await documentFor(request, 'read')).doc,
    );
    app.post(
      `${base}/documents`,
      {
        config: member,
        schema: {
          tags,
          params: companyParams,
          body: newDocumentSchema,
          response: { 201: documentSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await createDocument(db, ctxFor(request, request.body.kind, 'write'), request.body),
          ),
    );
    app.put(
      `${base}/documents/:documentId`,
      {
        config: member,
        schema: {
          tags,
          params: documentParams,
          body: newDocumentSchema,
          response: { 200: documentSchema },
        },
      },
      async (request) => {
        const { ctx } = await documentFor(request, 'write');
        return updateDocument(db, ctx, request.params.documentId, request.body);
      },
    );
    app.post(
      `${base}/documents/:documentId/carry-forward`,
      {
        config: member,
        schema: {
          tags,
          params: documentParams,
          body: carryForwardSchema,
          response: { 201: documentSchema },
        },
      },
      async (request, reply) => {
        const { ctx } = await documentFor(request, 'write');
        return reply
          .status(201)
          .send(await carryForward(db, ctx, request.params.documentId, request.body));
      },
    );
    app.post(
      `${base}/documents/:documentId/events`,
      {
        config: member,
        schema: {
          tags,
          params: documentParams,
          body: documentEventSchema,
          response: { 200: documentSchema },
        },
      },
      async (request) => {
        const { ctx } = await documentFor(request, 'write');
        return recordEvent(db, ctx, request.params.documentId, request.body);
      },
    );
    app.post(
      `${base}/documents/:documentId/cancel`,
      {
        config: member,
        schema: { tags, params: documentParams, response: { 200: documentSchema } },
      },
      async (request) => {
        const { ctx } = await documentFor(request, 'write');
        return cancelDocument(db, ctx, request.params.documentId);
      },
    );
    // The receipts of a document are kept with its voucher: a bill's invoice from the
    // supplier, the till receipt of a cash purchase.
    acceptAttachmentUploads(app);
    const voucherOf = (doc: { voucherId: number | null; kind: DocumentKind; number: number }) => {
      if (!doc.voucherId) {
        throw new AppError(
          'conflict',
          `${KIND_NAMES[doc.kind]} ${doc.number} has no voucher to keep a receipt with.`,
        );
      }
      return doc.voucherId;
    };
    app.get(
      `${base}/documents/:documentId/attachments`,
      { config: member, schema: { tags, params: documentParams } },
      async (request) => {
        const { doc, ctx } = await documentFor(request, 'read');
        return {
          items: doc.voucherId ? await attachmentsOf(db, ctx.companyId, doc.voucherId) : [],
        };
      },
    );
    app.post(
      `${base}/documents/:documentId/attachments`,
      { config: member, bodyLimit: MAX_ATTACHMENT_BYTES, schema: { tags, params: documentParams } },
      async (request, reply) => {
        const { doc, ctx } = await documentFor(request, 'write');
        const saved = await attach(db, ctx.companyId, voucherOf(doc), uploadOf(request));
        return reply.status(201).send(saved);
      },
    );
    app.get(
      `${base}/documents/:documentId/attachments/:attachmentId`,
      {
        config: member,
        schema: {
          tags,
          params: documentParams.extend({ attachmentId: z.coerce.number().int().positive() }),
        },
      },
      async (request, reply) => {
        const { doc, ctx } = await documentFor(request, 'read');
        const file = await attachmentContent(db, ctx.companyId, request.params.attachmentId);
        if (file.voucherId !== doc.voucherId) {
          throw new AppError('not-found', 'The document has no such attachment.');
        }
        return sendAttachment(reply, file);
      },
    );
    app.get(
      `${base}/documents/:documentId/pdf`,
      { config: member, schema: { tags, params: documentParams } },
      async (request, reply) => {
        const { ctx } = await documentFor(request, 'read');
        const file = await documentPdf(db, ctx.companyId, request.params.documentId);
        return reply
          .type('application/pdf')
          .header(
            'content-disposition',
            `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
          )
          .send(file.content);
      },
    );
    app.post(
      `${base}/group-invoices`,
      {
        config: member,
        schema: {
          tags,
          params: companyParams,
          body: groupInvoiceSchema,
          response: { 201: documentSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await groupInvoice(db, ctxFor(request, 'invoice', 'write'), request.body)),
    );
    app.post(
      `${base}/payments`,
      {
        config: member,
        schema: {
          tags,
          params: companyParams,
          body: newPaymentSchema,
          response: { 201: documentSchema },
        },
      },
      async (request, reply) => {
        const kind = request.body.direction === 'in' ? 'payment' : 'supplier_payment';
        return reply
          .status(201)
          .send(await registerPayment(db, ctxFor(request, kind, 'write'), request.body));
      },
    );
    app.get(
      `${base}/sales-settings`,
      {
        config: { access: { module: 'sales', level: 'read' } },
        schema: { tags, params: companyParams, response: { 200: salesSettingsSchema } },
      },
      (request) => getSalesSettings(db, Number(request.params.companyId)),
    );
    app.put(
      `${base}/sales-settings`,
      {
        config: { access: { module: 'settings', level: 'write' } },
        schema: {
          tags,
          params: companyParams,
          body: salesSettingsSchema,
          response: { 200: salesSettingsSchema },
        },
      },
      (request) => saveSalesSettings(db, Number(request.params.companyId), request.body),
    );
  };
}
