import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { isoDateSchema } from '../accounting/voucher.schemas';
import { companyParams } from '../admin/company.routes';
import {
  currencyCodeSchema,
  currencyRateListSchema,
  currencyRateQuerySchema,
  currencyRateSchema,
  deleteRate,
  importRates,
  listRates,
  rateImportResultSchema,
  rateImportSchema,
  rateInputSchema,
  setRate,
} from './currency.service';

const member = { access: 'member' } as const;
const settingsWrite = { access: { module: 'settings', level: 'write' } } as const;

const rateParams = companyParams.extend({ currency: currencyCodeSchema, date: isoDateSchema });

/** The exchange rates documents in foreign currencies are converted at. */
export function currencyRoutes(db: Kysely<Database>): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ['sales'];
    const base = '/companies/:companyId/currency-rates';

    // A rate file may be posted as it is; the parser is this plugin's own.
    app.addContentTypeParser(
      ['text/csv', 'text/plain'],
      { parseAs: 'string', bodyLimit: 20_000_000 },
      (_request, body, done) => done(null, body),
    );

    app.get(
      base,
      {
        config: member,
        schema: {
          tags,
          params: companyParams,
          querystring: currencyRateQuerySchema,
          response: { 200: currencyRateListSchema },
        },
      },
      (request) => listRates(db, request.query),
    );
    app.put(
      `${base}/:currency/:date`,
      {
        config: settingsWrite,
        schema: {
          tags,
          summary: 'Sets the rate of a currency on a day (NOK per one unit)',
          params: rateParams,
          body: rateInputSchema,
          response: { 200: currencyRateSchema },
        },
      },
      (request) => setRate(db, request.params.currency, request.params.date, request.body.rate),
    );
    app.delete(
      `${base}/:currency/:date`,
      { config: settingsWrite, schema: { tags, params: rateParams } },
      async (request, reply) => {
        await deleteRate(db, request.params.currency, request.params.date);
        return reply.status(204).send();
      },
    );
    app.post(
      `${base}/import`,
      {
        config: settingsWrite,
        bodyLimit: 20_000_000,
        schema: {
          tags,
          summary:
            "Imports rates from Norges Bank's CSV or lines of CUR;YYYY-MM-DD;rate, posted as text/csv or as JSON {csv}",
          params: companyParams,
          querystring: z.strictObject({ skipErrors: z.enum(['true', 'false']).optional() }),
          body: z.union([z.string(), rateImportSchema]),
          response: { 200: rateImportResultSchema },
        },
      },
      (request) => {
        const body = request.body;
        const fromQuery = request.query.skipErrors === 'true';
        return typeof body === 'string'
          ? importRates(db, body, fromQuery)
          : importRates(db, body.csv, body.skipErrors ?? fromQuery);
      },
    );
  };
}
