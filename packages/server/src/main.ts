import { loadConfig } from './config';
import { startServer } from './server';

const config = loadConfig();
try {
  const server = await startServer(config);
  const where = config.database.kind === 'sqlite' ? config.database.file : 'PostgreSQL';
  console.log(`Nordbok is running on ${server.url} (data: ${where})`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`Nordbok could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
