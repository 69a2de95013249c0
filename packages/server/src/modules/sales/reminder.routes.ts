import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { companyIdOf, userIdOf } from '../../http/access';
import { isoDateSchema } from '../accounting/voucher.schemas';
import { companyParams } from '../admin/company.routes';
import { requireInstallationAdmin } from '../admin/user.routes';
import {
  createReminders,
  latePaymentRateInputSchema,
  latePaymentRateSchema,
  listLatePaymentRates,
  newRemindersSchema,
  reminderProposal,
  reminderProposalSchema,
  reminderQuerySchema,
  remindersResultSchema,
  saveLatePaymentRate,
} from './reminder.service';

/** Reminders and interest notes, and the late-payment rates they are computed from. */
export function reminderRoutes(db: Kysely<Database>): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ['sales'];
    const base = '/companies/:companyId';
    const ratesSchema = z.object({ items: z.array(latePaymentRateSchema) });

    app.get(
      `${base}/late-payment-rates`,
      {
        config: { access: 'member' },
        schema: { tags, params: companyParams, response: { 200: ratesSchema } },
      },
      async () => ({ items: await listLatePaymentRates(db) }),
    );
    // The rates are the law's and the same for every company of the installation.
    app.put(
      '/late-payment-rates/:validFrom',
      {
        schema: {
          tags,
          params: z.strictObject({ validFrom: isoDateSchema }),
          body: latePaymentRateInputSchema,
          response: { 200: latePaymentRateSchema },
        },
      },
      async (request) => {
        await requireInstallationAdmin(db, request);
        return saveLatePaymentRate(db, request.params.validFrom, request.body);
      },
    );
    app.get(
      `${base}/reminder-proposal`,
      {
        config: { access: { module: 'sales', level: 'read' } },
        schema: {
          tags,
          params: companyParams,
          querystring: reminderQuerySchema,
          response: { 200: reminderProposalSchema },
        },
      },
      (request) => reminderProposal(db, companyIdOf(request), request.query.date),
    );
    app.post(
      `${base}/reminders`,
      {
        config: { access: { module: 'sales', level: 'write' } },
        schema: {
          tags,
          params: companyParams,
          body: newRemindersSchema,
          response: { 201: remindersResultSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await createReminders(
              db,
              { companyId: companyIdOf(request), userId: userIdOf(request) },
              request.body,
            ),
          ),
    );
  };
}
