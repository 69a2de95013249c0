/**
 * Benchmarks: `npm run bench`. Prints figures; asserts nothing.
 *
 *   BENCH_POSTINGS       postings in the ledger for the report timings (default 1 000 000)
 *   BENCH_VOUCHERS       vouchers posted one by one through the service layer (default 20 000)
 *   BENCH_SAFT_LINES     lines in the SAF-T file imported (default 200 000)
 *   NORDBOK_BENCH_PG_URL a PostgreSQL superuser URL: run on PostgreSQL too
 */
import { ledgerBenchmark } from './ledger.bench';
import { saftImportBenchmark } from './saft-import.bench';

const postings = Number(process.env.BENCH_POSTINGS ?? 1_000_000);
const vouchers = Number(process.env.BENCH_VOUCHERS ?? 20_000);
const pgUrl = process.env.NORDBOK_BENCH_PG_URL;
const saftLines = Number(process.env.BENCH_SAFT_LINES ?? 200_000);

await ledgerBenchmark('sqlite', { postings, vouchers });
await saftImportBenchmark('sqlite', saftLines);
if (pgUrl) {
  await ledgerBenchmark('postgres', { postings, vouchers, pgUrl });
  await saftImportBenchmark('postgres', saftLines, pgUrl);
} else console.log('\nPostgreSQL skipped: set NORDBOK_BENCH_PG_URL to include it.');
