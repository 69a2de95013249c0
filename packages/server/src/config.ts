import path from 'node:path';

export type DatabaseConfig =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string; poolSize: number };

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseConfig;
  /** Password protection off: only for a single-user installation bound to loopback. */
  authDisabled: boolean;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  /** Where the built web app lives; served at / when present. */
  webDir: string;
  logLevel: string;
  /** Mark cookies Secure (set when Nordbok is served over HTTPS, e.g. behind a proxy). */
  secureCookies: boolean;
}

type Env = Record<string, string | undefined>;

const DEFAULT_WEB_DIR = path.resolve(import.meta.dirname, '../../web/dist');

export function loadConfig(env: Env = process.env): Config {
  const dataDir = path.resolve(env.NORDBOK_DATA_DIR ?? 'data');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    database: databaseConfig(env, dataDir),
    authDisabled: env.NORDBOK_AUTH === 'off',
    adminEmail: env.NORDBOK_ADMIN_EMAIL,
    adminPassword: env.NORDBOK_ADMIN_PASSWORD,
    webDir: env.NORDBOK_WEB_DIR ?? DEFAULT_WEB_DIR,
    logLevel: env.LOG_LEVEL ?? 'info',
    secureCookies: env.NORDBOK_SECURE_COOKIES === 'true',
  };
}

function databaseConfig(env: Env, dataDir: string): DatabaseConfig {
  const url = env.DATABASE_URL;
  if (url) return { kind: 'postgres', url, poolSize: Number(env.DATABASE_POOL_SIZE ?? 10) };
  return { kind: 'sqlite', file: path.join(dataDir, 'nordbok.sqlite') };
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}
