import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { requireSession } from '../../http/access';
import { newUserSchema, profileChangesSchema, userSchema } from './user.schemas';
import { allUsers, changeProfile, createUser } from './user.service';
import { findUserById } from './user.store';

/** Only the installation's administrators manage users and companies across the install. */
export async function requireInstallationAdmin(db: Kysely<Database>, request: FastifyRequest) {
  const user = await findUserById(db, requireSession(request).user_id);
  if (user?.is_installation_admin !== 1) {
    throw new AppError('forbidden', 'Only an administrator of the installation can do this.');
  }
}

export function userRoutes(db: Kysely<Database>): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ['users'];

    app.get(
      '/users',
      { schema: { tags, response: { 200: z.object({ items: z.array(userSchema) }) } } },
      async (request) => {
        await requireInstallationAdmin(db, request);
        return { items: await allUsers(db) };
      },
    );

    app.post(
      '/users',
      { schema: { tags, body: newUserSchema, response: { 201: userSchema } } },
      async (request, reply) => {
        await requireInstallationAdmin(db, request);
        return reply.status(201).send(await createUser(db, request.body));
      },
    );

    app.patch(
      '/me',
      { schema: { tags, body: profileChangesSchema, response: { 200: userSchema } } },
      (request) => changeProfile(db, requireSession(request).user_id, request.body),
    );
  };
}
