import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { requireMembership, requireSession } from '../../http/access';
import { isoDateSchema } from '../accounting/voucher.schemas';
import { companyParams } from '../admin/company.routes';
import { requireInstallationAdmin } from '../admin/user.routes';
import { findUserById } from '../admin/user.store';
import { exportSaft, prepareSaftExport } from './saft.service';
import { findImportJob, startImportJob } from './saft-import.jobs';

const saftQuery = z
  .strictObject({ from: isoDateSchema, to: isoDateSchema })
  .refine((q) => q.from <= q.to, {
    message: 'The start date must not be after the end date.',
    path: ['from'],
  });

/** The largest SAF-T file taken over HTTP: a year of a few million lines fits well. */
const MAX_IMPORT_BYTES = 2 * 1024 ** 3;
const XML_TYPES = ['application/xml', 'text/xml', 'application/octet-stream'];

const importQuery = z.strictObject({ fileName: z.string().max(255).optional() });
const importStarted = z.object({ jobId: z.string() });

/**
 * Saves an uploaded file to a temporary file as it arrives, so a large file never sits in
 * memory; a file over the limit is cut off with 413 and removed.
 */
async function saveUpload(body: unknown): Promise<string> {
  if (!body || typeof (body as Readable).pipe !== 'function') {
    throw AppError.field('file', 'Send the SAF-T file as the request body (application/xml).');
  }
  const file = path.join(os.tmpdir(), `nordbok-saft-${randomUUID()}.xml`);
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > MAX_IMPORT_BYTES)
        done(new AppError('validation', 'The file is larger than 2 GB.'));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(body as Readable, limit, fs.createWriteStream(file));
  } catch (error) {
    await fs.promises.rm(file, { force: true });
    throw error;
  }
  if (size === 0) {
    await fs.promises.rm(file, { force: true });
    throw AppError.field('file', 'The file is empty.');
  }
  return file;
}

export function saftRoutes(db: Kysely<Database>): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    // SAF-T files come as the raw body, streamed to disk by the route.
    app.addContentTypeParser(XML_TYPES, (_request, payload, done) => done(null, payload));

    const start = async (
      request: Parameters<typeof requireSession>[0],
      fileName: string | undefined,
      companyId: number | undefined,
    ) => {
      const userId = requireSession(request).user_id;
      const file = await saveUpload(request.body);
      return startImportJob(
        db,
        { file, fileName: fileName || 'SAF-T.xml', companyId, userId },
        (error) => request.log.error({ err: error }, 'SAF-T import failed'),
      );
    };

    app.post(
      '/saft-imports',
      {
        bodyLimit: MAX_IMPORT_BYTES,
        schema: {
          tags: ['saft'],
          summary: 'Import a SAF-T file into a new company, or the one it was imported into before',
          querystring: importQuery,
          response: { 202: importStarted },
        },
      },
      async (request, reply) => {
        await requireInstallationAdmin(db, request);
        const job = await start(request, request.query.fileName, undefined);
        return reply.status(202).send({ jobId: job.id });
      },
    );

    app.post(
      '/companies/:companyId/saft-imports',
      {
        config: { access: 'administrator' },
        bodyLimit: MAX_IMPORT_BYTES,
        schema: {
          tags: ['saft'],
          summary: 'Import a SAF-T file into this (empty) company',
          params: companyParams,
          querystring: importQuery,
          response: { 202: importStarted },
        },
      },
      async (request, reply) => {
        const { companyId } = requireMembership(request);
        const job = await start(request, request.query.fileName, companyId);
        return reply.status(202).send({ jobId: job.id });
      },
    );

    app.get(
      '/saft-imports/:jobId',
      {
        schema: {
          tags: ['saft'],
          summary: 'How an import is getting on, and its report when it is done',
          params: z.strictObject({ jobId: z.string().uuid() }),
        },
      },
      async (request) => findImportJob(request.params.jobId, requireSession(request).user_id),
    );

    app.get(
      '/companies/:companyId/saft-imports',
      {
        config: { access: 'administrator' },
        schema: {
          tags: ['saft'],
          summary: 'Earlier imports with their reports',
          params: companyParams,
        },
      },
      async (request) => {
        const { companyId } = requireMembership(request);
        const rows = await db
          .selectFrom('saft_imports')
          .selectAll()
          .where('company_id', '=', companyId)
          .orderBy('id', 'desc')
          .execute();
        return {
          items: rows.map((r) => ({
            id: r.id,
            fileName: r.file_name,
            version: r.version,
            vouchers: r.vouchers,
            importedAt: r.imported_at,
            report: JSON.parse(r.report) as unknown,
          })),
        };
      },
    );

    app.get(
      '/companies/:companyId/saft',
      {
        config: { access: { module: 'reports', level: 'read' } },
        schema: {
          tags: ['reports'],
          summary: 'SAF-T Financial 1.30 file for a date range',
          params: companyParams,
          querystring: saftQuery,
        },
      },
      async (request, reply) => {
        const { companyId } = requireMembership(request);
        const user = await findUserById(db, requireSession(request).user_id);
        const { from, to } = request.query;
        // Checked before the first byte, so a refusal is still an ordinary problem response.
        const { createdAt, fileName } = await prepareSaftExport(db, companyId, { from, to });
        const body = new PassThrough();
        const options = { from, to, createdAt, userName: user?.name ?? 'Nordbok' };
        exportSaft(db, companyId, options, body).then(
          () => body.end(),
          (error: unknown) => {
            request.log.error({ err: error }, 'SAF-T export failed');
            body.destroy(error instanceof Error ? error : new Error(String(error)));
          },
        );
        return reply
          .header('content-disposition', `attachment; filename="${fileName}"`)
          .type('application/xml; charset=utf-8')
          .send(body);
      },
    );
  };
}
