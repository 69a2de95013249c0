/**
 * Benchmarks: `npm run bench`. Prints figures; asserts nothing.
 *
 *   BENCH_POSTINGS       postings in the ledger for the report timings (default 1 000 000)
 *   BENCH_VOUCHERS       vouchers posted one by one through the service layer (default 20 000)
 *   BENCH_SAFT_LINES     lines in the SAF-T file imported (default 200 000)
 *   BENCH_INVENTORY_ITEMS  items in the inventory benchmark (default 50 000)
 *   BENCH_STOCK_MOVEMENTS  stock movements in it (default 1 000 000)
 *   BENCH_STOCK_ENTRIES    receipt + issue pairs posted through the service (default 1 000)
 *   BENCH_CONTACTS       contacts in the contact search benchmark (default 50 000)
 *   BENCH_CRM_LEADS      leads (and as many opportunities) in the CRM benchmark (default 20 000)
 *   BENCH_SALES_INVOICES invoices of 20 lines posted one by one (default 200)
 *   BENCH_DOCUMENTS      documents in the document list benchmark (default 100 000)
 *   NORDBOK_BENCH_PG_URL a PostgreSQL superuser URL: run on PostgreSQL too
 */
import { contactCardBenchmark } from './contact-card.bench';
import { contactsBenchmark } from './contacts.bench';
import { crmBenchmark } from './crm.bench';
import { inventoryBenchmark } from './inventory.bench';
import { ledgerBenchmark } from './ledger.bench';
import { saftImportBenchmark } from './saft-import.bench';
import { salesBenchmark } from './sales.bench';

const postings = Number(process.env.BENCH_POSTINGS ?? 1_000_000);
const vouchers = Number(process.env.BENCH_VOUCHERS ?? 20_000);
const pgUrl = process.env.NORDBOK_BENCH_PG_URL;
const saftLines = Number(process.env.BENCH_SAFT_LINES ?? 200_000);
const contacts = Number(process.env.BENCH_CONTACTS ?? 50_000);
const crmLeads = Number(process.env.BENCH_CRM_LEADS ?? 20_000);
const sales = {
  invoices: Number(process.env.BENCH_SALES_INVOICES ?? 200),
  documents: Number(process.env.BENCH_DOCUMENTS ?? 100_000),
};
const stock = {
  items: Number(process.env.BENCH_INVENTORY_ITEMS ?? 50_000),
  movements: Number(process.env.BENCH_STOCK_MOVEMENTS ?? 1_000_000),
  entries: Number(process.env.BENCH_STOCK_ENTRIES ?? 1_000),
};

await ledgerBenchmark('sqlite', { postings, vouchers });
await saftImportBenchmark('sqlite', saftLines);
await inventoryBenchmark('sqlite', stock);
await contactsBenchmark('sqlite', contacts);
await contactCardBenchmark('sqlite');
await crmBenchmark('sqlite', crmLeads);
await salesBenchmark('sqlite', sales);
if (pgUrl) {
  await ledgerBenchmark('postgres', { postings, vouchers, pgUrl });
  await saftImportBenchmark('postgres', saftLines, pgUrl);
  await inventoryBenchmark('postgres', { ...stock, pgUrl });
  await contactsBenchmark('postgres', contacts, pgUrl);
  await contactCardBenchmark('postgres', pgUrl);
  await crmBenchmark('postgres', crmLeads, pgUrl);
  await salesBenchmark('postgres', { ...sales, pgUrl });
} else console.log('\nPostgreSQL skipped: set NORDBOK_BENCH_PG_URL to include it.');
