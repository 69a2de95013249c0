import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Store } from '../db/database';

const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgres']),
});

export function healthRoutes(store: Store): FastifyPluginAsync {
  return async (app) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/health',
      {
        config: { public: true },
        schema: { tags: ['system'], response: { 200: healthSchema } },
      },
      async () => {
        await sql`select 1`.execute(store.db);
        return { status: 'ok' as const, database: store.dialect };
      },
    );
  };
}
