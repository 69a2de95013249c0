/**
 * Benchmarks: `npm run bench`. Prints figures; asserts nothing.
 *
 *   BENCH_POSTINGS       postings in the ledger for the report timings (default 1 000 000)
 *   BENCH_VOUCHERS       vouchers posted one by one through the service layer (default 20 000)
 *   NORDBOK_BENCH_PG_URL a PostgreSQL superuser URL: run on PostgreSQL too
 */
import { ledgerBenchmark } from './ledger.bench';

const postings = Number(process.env.BENCH_POSTINGS ?? 1_000_000);
const vouchers = Number(process.env.BENCH_VOUCHERS ?? 20_000);
const pgUrl = process.env.NORDBOK_BENCH_PG_URL;

await ledgerBenchmark('sqlite', { postings, vouchers });
if (pgUrl) await ledgerBenchmark('postgres', { postings, vouchers, pgUrl });
else console.log('\nPostgreSQL skipped: set NORDBOK_BENCH_PG_URL to include it.');
