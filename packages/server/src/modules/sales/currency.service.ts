import { parseExchangeRates, type RateFileError } from '@nordbok/formats';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { inTransaction } from '../../db/database';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { currencySchema, isoDateSchema } from '../accounting/voucher.schemas';

/**
 * Exchange rates, NOK per one unit of a currency on a day, shared by every company of the
 * installation (Norges Bank's rates are the same for all). A foreign-currency document
 * without a rate of its own takes the latest rate on or before its date.
 */

export const currencyCodeSchema = currencySchema.shape.code;
export const rateValueSchema = currencySchema.shape.rate;

export const currencyRateSchema = z.object({
  currency: z.string(),
  date: z.string(),
  /** NOK per one unit, a decimal string like "11.4532". */
  rate: z.string(),
  /** `manual` when typed in, `import` when read from a file. */
  source: z.string(),
});
export type CurrencyRate = z.infer<typeof currencyRateSchema>;

export const currencyRateQuerySchema = z.strictObject({
  currency: z
    .string()
    .transform((c) => c.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{3}$/, 'A currency is a three-letter ISO code.'))
    .optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
});

export const currencyRateListSchema = z.object({
  items: z.array(currencyRateSchema),
  /** Every currency with at least one rate, for a filter. */
  currencies: z.array(z.string()),
});

export const rateInputSchema = z.strictObject({ rate: rateValueSchema });

export const rateImportSchema = z.strictObject({
  csv: z.string().max(20_000_000),
  /** Import the good rows of a file that has wrong ones too. */
  skipErrors: z.boolean().optional(),
});

export const rateImportResultSchema = z.object({
  imported: z.number(),
  errors: z.array(z.object({ line: z.number(), message: z.string() })),
});
export type RateImportResult = z.infer<typeof rateImportResultSchema>;

/** Newest first, at most `limit` (500 unless told). */
export async function listRates(
  db: Kysely<Database>,
  query: z.infer<typeof currencyRateQuerySchema>,
): Promise<z.infer<typeof currencyRateListSchema>> {
  let q = db.selectFrom('currency_rates').select(['currency', 'date', 'rate', 'source']);
  if (query.currency) q = q.where('currency', '=', query.currency);
  if (query.from) q = q.where('date', '>=', query.from);
  if (query.to) q = q.where('date', '<=', query.to);
  const [items, currencies] = await Promise.all([
    q
      .orderBy('date', 'desc')
      .orderBy('currency')
      .limit(query.limit ?? 500)
      .execute(),
    db.selectFrom('currency_rates').select('currency').distinct().orderBy('currency').execute(),
  ]);
  return { items, currencies: currencies.map((c) => c.currency) };
}

/** Sets the rate of a currency on a day, replacing one already there. */
export async function setRate(
  db: Kysely<Database>,
  currency: string,
  date: string,
  rate: string,
): Promise<CurrencyRate> {
  if (!/[1-9]/.test(rate)) {
    throw AppError.field('rate', 'A rate is more than zero NOK per unit.');
  }
  await upsert(db, [{ currency, date, rate, source: 'manual' }]);
  return { currency, date, rate, source: 'manual' };
}

export async function deleteRate(db: Kysely<Database>, currency: string, date: string) {
  const result = await db
    .deleteFrom('currency_rates')
    .where('currency', '=', currency)
    .where('date', '=', date)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) {
    throw new AppError('not-found', `There is no ${currency} rate on ${date}.`);
  }
}

/**
 * Reads a rate file (Norges Bank's CSV or lines of `CUR;YYYY-MM-DD;rate`) and stores its
 * rates. A file with a wrong row imports nothing, so that it can be corrected and imported
 * whole, unless `skipErrors` asks for the good rows anyway.
 */
export async function importRates(
  db: Kysely<Database>,
  csv: string,
  skipErrors = false,
): Promise<RateImportResult> {
  const { rates, errors } = parseExchangeRates(csv);
  const sorted = (list: RateFileError[]) => [...list].sort((a, b) => a.line - b.line);
  if (errors.length > 0 && !skipErrors) return { imported: 0, errors: sorted(errors) };
  await inTransaction(db, (trx) =>
    upsert(
      trx,
      rates.map((r) => ({ ...r, source: 'import' })),
    ),
  );
  return { imported: rates.length, errors: sorted(errors) };
}

async function upsert(db: Kysely<Database>, rows: CurrencyRate[]) {
  // Small batches keep well within SQLite's limit on bound parameters.
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('currency_rates')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc.columns(['currency', 'date']).doUpdateSet((eb) => ({
          rate: eb.ref('excluded.rate'),
          source: eb.ref('excluded.source'),
        })),
      )
      .execute();
  }
}
