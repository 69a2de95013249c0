import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Config } from '../config';
import type { Store } from '../db/database';
import { AppError } from '../errors';
import { accountingRoutes } from '../modules/accounting/accounting.routes';
import { budgetRoutes } from '../modules/accounting/budget.routes';
import { ledgerDetailRoutes } from '../modules/accounting/ledger-details.routes';
import { naeringRoutes } from '../modules/accounting/naering.routes';
import { reportRoutes } from '../modules/accounting/report.routes';
import { subledgerReportRoutes } from '../modules/accounting/subledger-report.routes';
import { companyRoutes } from '../modules/admin/company.routes';
import { memberRoutes } from '../modules/admin/member.routes';
import { userRoutes } from '../modules/admin/user.routes';
import { auditRoutes } from '../modules/audit/audit.routes';
import { authRoutes } from '../modules/auth/auth.routes';
import { calendarRoutes } from '../modules/contacts/calendar.routes';
import { contactRoutes } from '../modules/contacts/contact.routes';
import { segmentRoutes } from '../modules/contacts/segment.routes';
import { crmRoutes } from '../modules/crm/crm.routes';
import { inventoryRoutes } from '../modules/inventory/inventory.routes';
import { payrollRoutes } from '../modules/payroll/payroll.routes';
import { saftRoutes } from '../modules/saft/saft.routes';
import { currencyRoutes } from '../modules/sales/currency.routes';
import { documentRoutes } from '../modules/sales/document.routes';
import { proposalRoutes } from '../modules/sales/proposal.routes';
import { recurringRoutes } from '../modules/sales/recurring.routes';
import { reminderRoutes } from '../modules/sales/reminder.routes';
import { salespeopleRoutes } from '../modules/sales/salespeople.routes';
import { vatRoutes } from '../modules/vat/vat.routes';
import { registerAccessChecks } from './access';
import { healthRoutes } from './health.routes';
import { handleError, sendProblem } from './problem';
import { registerSessions } from './sessions';

export const API_VERSION = '0.1.0';

export interface AppOptions {
  config: Config;
  store: Store;
  logger?: FastifyServerOptions['logger'];
}

/** The whole HTTP application: API under /api/v1 and the web app at /. */
export async function buildApp({ config, store, logger }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ?? loggerOptions(config.logLevel),
    genReqId: () => randomUUID(),
    requestIdHeader: 'x-request-id',
    bodyLimit: 1024 * 1024,
    trustProxy: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Nordbok API', version: API_VERSION },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'nordbok_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  registerSessions(app, store.db, config);
  registerAccessChecks(app, store.db);

  await app.register(
    async (api) => {
      await api.register(healthRoutes(store));
      await api.register(authRoutes(store.db, config));
      await api.register(userRoutes(store.db));
      await api.register(companyRoutes(store.db));
      await api.register(memberRoutes(store.db));
      await api.register(accountingRoutes(store.db));
      await api.register(reportRoutes(store.db));
      await api.register(budgetRoutes(store.db));
      await api.register(ledgerDetailRoutes(store.db));
      await api.register(subledgerReportRoutes(store.db));
      await api.register(naeringRoutes(store.db));
      await api.register(payrollRoutes(store.db));
      await api.register(auditRoutes(store.db));
      await api.register(saftRoutes(store.db));
      await api.register(vatRoutes(store.db));
      await api.register(inventoryRoutes(store.db));
      await api.register(documentRoutes(store.db));
      await api.register(recurringRoutes(store.db));
      await api.register(reminderRoutes(store.db));
      await api.register(salespeopleRoutes(store.db));
      await api.register(currencyRoutes(store.db));
      await api.register(proposalRoutes(store.db));
      await api.register(contactRoutes(store.db));
      await api.register(calendarRoutes(store.db));
      await api.register(segmentRoutes(store.db));
      await api.register(crmRoutes(store.db));
      api.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, () =>
        app.swagger(),
      );
    },
    { prefix: '/api/v1' },
  );

  await serveWebApp(app, config.webDir);
  return app;
}

async function serveWebApp(app: FastifyInstance, webDir: string) {
  const index = path.join(webDir, 'index.html');
  const hasWeb = fs.existsSync(index);
  if (hasWeb) await app.register(fastifyStatic, { root: webDir, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !hasWeb || request.method !== 'GET') {
      const error = new AppError('not-found', `No such endpoint: ${request.method} ${request.url}`);
      return handleError(error, request, reply);
    }
    // Client-side routes all load the single page.
    return reply.type('text/html').sendFile('index.html');
  });
  if (!hasWeb) {
    app.get('/', { config: { public: true } }, (request, reply) =>
      sendProblem(
        reply,
        request,
        404,
        'not-found',
        'The web app is not built: run npm run build:web.',
      ),
    );
  }
}

/** Structured logs: method, path and status with the request id; never headers or bodies. */
export function loggerOptions(level: string) {
  return {
    level,
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        method: req.method,
        path: req.url.split('?')[0],
        id: req.id,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    redact: ['password', '*.password', 'email', '*.email'],
  };
}
