import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { companyIdOf, requireSession } from '../../http/access';
import { companyItemParams, companyParams } from '../admin/company.routes';
import { crmRead, crmWrite } from './lead.routes';
import {
  mailingDetailSchema,
  mailingInputSchema,
  mailingSchema,
  previewInputSchema,
  templateChangesSchema,
  templateInputSchema,
  templateSchema,
} from './mailing.schemas';
import {
  changeTemplate,
  createTemplate,
  deleteTemplate,
  getMailing,
  lettersPdf,
  listMailings,
  listTemplates,
  preview,
  startMailing,
} from './mailing.service';
import { MERGE_FIELDS } from './merge-fields';
import {
  readSendingSettings,
  saveSendingSettings,
  sendingSettingsInputSchema,
  sendingSettingsSchema,
  viewOf,
} from './sending-settings';

export function mailingRoutes(db: Kysely<Database>): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ['crm'];
    const base = '/companies/:companyId/crm';

    app.get(
      `${base}/merge-fields`,
      {
        config: crmRead,
        schema: {
          tags,
          summary: 'The merge fields templates may use, with what each holds',
          params: companyParams,
          response: {
            200: z.object({
              items: z.array(z.object({ name: z.string(), description: z.string() })),
            }),
          },
        },
      },
      async () => ({
        items: Object.entries(MERGE_FIELDS).map(([name, description]) => ({ name, description })),
      }),
    );

    app.get(
      `${base}/templates`,
      {
        config: crmRead,
        schema: {
          tags,
          params: companyParams,
          response: { 200: z.object({ items: z.array(templateSchema) }) },
        },
      },
      async (request) => ({ items: await listTemplates(db, companyIdOf(request)) }),
    );

    app.post(
      `${base}/templates`,
      {
        config: crmWrite,
        schema: {
          tags,
          params: companyParams,
          body: templateInputSchema,
          response: { 201: templateSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createTemplate(db, companyIdOf(request), request.body)),
    );

    app.patch(
      `${base}/templates/:id`,
      {
        config: crmWrite,
        schema: {
          tags,
          params: companyItemParams,
          body: templateChangesSchema,
          response: { 200: templateSchema },
        },
      },
      (request) => changeTemplate(db, companyIdOf(request), request.params.id, request.body),
    );

    app.delete(
      `${base}/templates/:id`,
      { config: crmWrite, schema: { tags, params: companyItemParams } },
      async (request, reply) => {
        await deleteTemplate(db, companyIdOf(request), request.params.id);
        return reply.status(204).send();
      },
    );

    app.post(
      `${base}/templates/preview`,
      {
        config: crmRead,
        schema: {
          tags,
          summary: 'A text with its merge fields filled in for a contact',
          params: companyParams,
          body: previewInputSchema,
          response: { 200: z.object({ subject: z.string(), body: z.string() }) },
        },
      },
      (request) => preview(db, companyIdOf(request), request.body),
    );

    app.get(
      `${base}/mailings`,
      {
        config: crmRead,
        schema: {
          tags,
          params: companyParams,
          response: { 200: z.object({ items: z.array(mailingSchema) }) },
        },
      },
      async (request) => ({ items: await listMailings(db, companyIdOf(request)) }),
    );

    app.post(
      `${base}/mailings`,
      {
        config: crmWrite,
        schema: {
          tags,
          summary: 'Send a template to contacts; the sending goes on after the answer',
          params: companyParams,
          body: mailingInputSchema,
          response: { 202: mailingSchema },
        },
      },
      async (request, reply) => {
        const userId = requireSession(request).user_id;
        const mailing = await startMailing(
          db,
          companyIdOf(request),
          request.body,
          userId,
          (error) => request.log.error({ err: error }, 'Mailing failed'),
        );
        return reply.status(202).send(mailing);
      },
    );

    app.get(
      `${base}/mailings/:id`,
      {
        config: crmRead,
        schema: {
          tags,
          summary: 'A mailing with its progress and each recipient’s result',
          params: companyItemParams,
          response: { 200: mailingDetailSchema },
        },
      },
      (request) => getMailing(db, companyIdOf(request), request.params.id),
    );

    app.get(
      `${base}/mailings/:id/letters.pdf`,
      {
        config: crmRead,
        schema: { tags, summary: 'The letters of a mailing as one PDF', params: companyItemParams },
      },
      async (request, reply) => {
        const pdf = await lettersPdf(db, companyIdOf(request), request.params.id);
        return reply
          .header('content-disposition', `attachment; filename="brev-${request.params.id}.pdf"`)
          .type('application/pdf')
          .send(pdf);
      },
    );

    app.get(
      `${base}/sending-settings`,
      {
        config: crmRead,
        schema: {
          tags,
          summary: 'SMTP and SMS settings, without passwords',
          params: companyParams,
          response: { 200: sendingSettingsSchema },
        },
      },
      async (request) => viewOf(await readSendingSettings(db, companyIdOf(request))),
    );

    app.put(
      `${base}/sending-settings`,
      {
        config: { access: 'administrator' },
        schema: {
          tags,
          params: companyParams,
          body: sendingSettingsInputSchema,
          response: { 200: sendingSettingsSchema },
        },
      },
      (request) => saveSendingSettings(db, companyIdOf(request), request.body),
    );
  };
}
