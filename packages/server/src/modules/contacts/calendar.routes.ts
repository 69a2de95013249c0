import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { companyIdOf, requireSession } from '../../http/access';
import { companyItemParams, companyParams } from '../admin/company.routes';
import {
  appointmentInputSchema,
  appointmentSchema,
  changeAppointment,
  createAppointment,
  deleteAppointment,
  getAppointment,
  listAppointments,
} from './calendar.service';

// The calendar is a CRM screen, so the CRM module's access governs it.
const read = { access: { module: 'crm', level: 'read' } } as const;
const write = { access: { module: 'crm', level: 'write' } } as const;
const optionalId = z.coerce.number().int().positive().optional();

export function calendarRoutes(db: Kysely<Database>): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ['calendar'];
    const base = '/companies/:companyId/appointments';

    app.get(
      base,
      {
        config: read,
        schema: {
          tags,
          params: companyParams,
          querystring: z.strictObject({
            from: z.iso.datetime({ offset: true }),
            to: z.iso.datetime({ offset: true }),
            partyId: optionalId,
            userId: optionalId,
            opportunityId: optionalId,
          }),
          response: { 200: z.object({ items: z.array(appointmentSchema) }) },
        },
      },
      async (request) => ({
        items: await listAppointments(db, companyIdOf(request), request.query),
      }),
    );

    app.post(
      base,
      {
        config: write,
        schema: {
          tags,
          params: companyParams,
          body: appointmentInputSchema,
          response: { 201: appointmentSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await createAppointment(
              db,
              companyIdOf(request),
              request.body,
              requireSession(request).user_id,
            ),
          ),
    );

    app.get(
      `${base}/:id`,
      {
        config: read,
        schema: { tags, params: companyItemParams, response: { 200: appointmentSchema } },
      },
      async (request) => getAppointment(db, companyIdOf(request), request.params.id),
    );

    app.put(
      `${base}/:id`,
      {
        config: write,
        schema: {
          tags,
          params: companyItemParams,
          body: appointmentInputSchema,
          response: { 200: appointmentSchema },
        },
      },
      async (request) =>
        changeAppointment(db, companyIdOf(request), request.params.id, request.body),
    );

    app.delete(
      `${base}/:id`,
      { config: write, schema: { tags, params: companyItemParams } },
      async (request, reply) => {
        await deleteAppointment(db, companyIdOf(request), request.params.id);
        return reply.code(204).send();
      },
    );
  };
}
