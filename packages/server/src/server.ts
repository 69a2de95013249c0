import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { bootstrapInstallation } from './bootstrap';
import { type Config, isLoopback } from './config';
import { openStore, type Store } from './db/database';
import { buildApp } from './http/app';
import { countUsers } from './modules/admin/user.store';

export interface RunningServer {
  app: FastifyInstance;
  store: Store;
  url: string;
  close(): Promise<void>;
}

/** Opens the database, prepares the installation and listens. */
export async function startServer(
  config: Config,
  options: { logger?: FastifyServerOptions['logger']; announce?: (line: string) => void } = {},
): Promise<RunningServer> {
  const announce = options.announce ?? ((line: string) => console.log(line));
  const store = await openStore(config.database);
  try {
    const first = await bootstrapInstallation(store, config);
    if (first) {
      announce(
        `Created the administrator ${first.email} and the demo company ${first.company.name}.`,
      );
      if (first.generatedPassword) {
        announce(`Password (shown only this once): ${first.generatedPassword}`);
      }
    }
    await refuseUnsafeAuthSetting(store, config);
    const app = await buildApp({ config, store, logger: options.logger });
    const address = await app.listen({ port: config.port, host: config.host });
    const close = async () => {
      await app.close();
      await store.close();
    };
    return { app, store, url: address.replace('[::1]', 'localhost'), close };
  } catch (error) {
    await store.close();
    throw error;
  }
}

async function refuseUnsafeAuthSetting(store: Store, config: Config) {
  if (!config.authDisabled) return;
  if (!isLoopback(config.host)) {
    throw new Error('NORDBOK_AUTH=off is allowed only when HOST is a loopback address.');
  }
  if ((await countUsers(store.db)) !== 1) {
    throw new Error('NORDBOK_AUTH=off is allowed only for an installation with a single user.');
  }
}
