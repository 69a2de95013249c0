export { type Config, loadConfig } from './config';
export { openStore, type Store } from './db/database';
export { buildApp } from './http/app';
export { type RunningServer, startServer } from './server';
