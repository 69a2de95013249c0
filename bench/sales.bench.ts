import { type Kysely, sql } from 'kysely';
import type { Database } from '../packages/server/src/db/schema';
import { createParty } from '../packages/server/src/modules/accounting/party.service';
import { createCompany } from '../packages/server/src/modules/admin/company.service';
import type { DocumentQuery } from '../packages/server/src/modules/sales/document.schemas';
import {
  createDocument,
  listDocuments,
} from '../packages/server/src/modules/sales/document.service';
import { freshStore } from './ledger.bench';

interface Options {
  /** Invoices created one by one through the service. */
  invoices: number;
  /** Documents bulk-loaded for the list timings. */
  documents: number;
  pgUrl?: string;
}

const YEAR = new Date().getUTCFullYear();
const KINDS = [
  ['invoice', 30],
  ['order', 20],
  ['shipment', 15],
  ['quote', 8],
  ['credit_note', 2],
  ['payment', 10],
  ['purchase_order', 4],
  ['goods_receipt', 4],
  ['bill', 6],
  ['supplier_payment', 1],
] as const;

/**
 * Sales documents: an invoice of 20 lines created and posted through the service (voucher,
 * VAT, claim, timeline) BENCH_SALES_INVOICES times, then a company with BENCH_DOCUMENTS
 * documents bulk-loaded and the document list timed with each filter and a deep page.
 */
export async function salesBenchmark(dialect: 'sqlite' | 'postgres', options: Options) {
  const { store, drop } = await freshStore(dialect, options.pgUrl);
  try {
    const db = store.db;
    console.log(`\n== Sales documents on ${dialect} ==`);
    await invoiceTimings(db, options.invoices);
    await listTimings(db, options.documents);
  } finally {
    await drop();
  }
}

async function invoiceTimings(db: Kysely<Database>, runs: number) {
  const company = await createCompany(db, { name: 'Fakturabenk AS', orgNumber: '923609024' }, null);
  const ctx = { companyId: company.id, userId: null };
  const customer = (await createParty(db, company.id, { name: 'Kunde AS', customer: true })).id;
  const lines = Array.from({ length: 20 }, (_, i) => ({
    description: `Linje ${i + 1}`,
    quantity: 1 + (i % 4) * 0.5,
    unitPrice: 12_345 + i * 1_001,
    discount: i % 5 === 0 ? 1000 : 0,
    vatCode: i % 3 === 0 ? '31' : '3',
    account: i % 3 === 0 ? '3030' : '3000',
  }));
  const invoice = (n: number) =>
    createDocument(db, ctx, {
      kind: 'invoice',
      partyId: customer,
      date: `${YEAR}-${String(1 + (n % 12)).padStart(2, '0')}-15`,
      lines,
    });
  for (let i = 0; i < 5; i++) await invoice(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await invoice(i);
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  console.log(
    `invoice with 20 lines created and posted, ${runs} runs: ` +
      `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms (target < 50 ms)`,
  );
}

async function listTimings(db: Kysely<Database>, count: number) {
  const company = await createCompany(
    db,
    { name: 'Dokumentbenk AS', orgNumber: '923609032' },
    null,
  );
  const started = performance.now();
  const parties = await bulkParties(db, company.id, 2_000);
  await bulkDocuments(db, company.id, parties, count);
  await sql`analyze`.execute(db);
  console.log(
    `${count} documents for ${parties.length} customers and suppliers bulk-loaded in ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const party = parties[17]!;
  const cases: [string, DocumentQuery][] = [
    ['no filter, page 1', {}],
    ['kind = invoice', { kind: 'invoice' }],
    ['kind = invoice, status = 4 (posted, unpaid)', { kind: 'invoice', status: 4 }],
    ['status = 0 (any kind)', { status: 0 }],
    ['side = sales', { side: 'sales' }],
    ['one customer', { partyId: party }],
    ['one customer, invoices', { partyId: party, kind: 'invoice' }],
    ['date range, one month', { from: `${YEAR}-03-01`, to: `${YEAR}-03-31` }],
    ['invoices in one month', { kind: 'invoice', from: `${YEAR}-03-01`, to: `${YEAR}-03-31` }],
    ['unpaid claims', { unpaid: true }],
    ['q = a document number', { q: '4711' }],
    ['q = part of a name', { q: 'kunde 17' }],
  ];
  console.log('listDocuments, 50 a page (median of 5):');
  for (const [name, query] of cases) {
    const ms = await median(() => listDocuments(db, company.id, query));
    console.log(`  ${name.padEnd(48)}${ms.toFixed(1).padStart(9)} ms`);
  }
  // A deep page: follow the cursor 40 pages in, then time the next page.
  for (const [name, query] of [
    ['no filter', {}],
    ['kind = invoice', { kind: 'invoice' }],
  ] as [string, DocumentQuery][]) {
    let cursor: string | null = null;
    for (let i = 0; i < 40; i++) {
      const page: { nextCursor: string | null } = await listDocuments(db, company.id, {
        ...query,
        ...(cursor ? { cursor } : {}),
      });
      cursor = page.nextCursor;
    }
    const ms = await median(() =>
      listDocuments(db, company.id, { ...query, ...(cursor ? { cursor } : {}) }),
    );
    console.log(`  ${`${name}, page 41 by cursor`.padEnd(48)}${ms.toFixed(1).padStart(9)} ms`);
  }
}

async function bulkParties(db: Kysely<Database>, companyId: number, count: number) {
  const created_at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < count; i += 500) {
      const rows = [];
      for (let k = i; k < Math.min(count, i + 500); k++) {
        rows.push({
          company_id: companyId,
          name: `Kunde ${k} AS`,
          customer_number: k % 10 === 9 ? null : 10_000 + k,
          supplier_number: k % 10 === 9 ? 50_000 + k : null,
          created_at,
        });
      }
      await trx.insertInto('parties').values(rows).execute();
    }
  });
  return (
    await db
      .selectFrom('parties')
      .select('id')
      .where('company_id', '=', companyId)
      .orderBy('id')
      .execute()
  ).map((r) => r.id);
}

/** Documents over three years, kinds in a plausible mix, statuses that fit each kind. */
async function bulkDocuments(
  db: Kysely<Database>,
  companyId: number,
  parties: number[],
  count: number,
) {
  const weights = KINDS.flatMap(([kind, w]) => Array<string>(w).fill(kind));
  const numbers = new Map<string, number>();
  const stamp = new Date().toISOString();
  const statusOf = (kind: string, n: number) => {
    if (['quote', 'order', 'purchase_order'].includes(kind)) return [0, 1, 2, 3, 3, 3, 9][n % 7]!;
    if (['shipment', 'goods_receipt'].includes(kind)) return 3;
    if (['invoice', 'bill'].includes(kind)) return [6, 6, 6, 6, 6, 4, 5, 7, 8][n % 9]!;
    return 6;
  };
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < count; i += 1000) {
      const rows = [];
      for (let k = i; k < Math.min(count, i + 1000); k++) {
        const kind = weights[(k * 7919) % weights.length]!;
        const number = (numbers.get(kind) ?? 0) + 1;
        numbers.set(kind, number);
        const day = Math.floor((k / count) * 3 * 365);
        const date = new Date(Date.UTC(YEAR - 2, 0, 1 + day)).toISOString().slice(0, 10);
        const purchase = ['purchase_order', 'goods_receipt', 'bill', 'supplier_payment'].includes(
          kind,
        );
        const pool = purchase
          ? parties.filter((_, n) => n % 10 === 9)
          : parties.filter((_, n) => n % 10 !== 9);
        const gross = 10_000 + ((k * 104_729) % 2_000_000);
        const status = statusOf(kind, k);
        rows.push({
          company_id: companyId,
          kind,
          number,
          party_id: pool[(k * 31) % pool.length]!,
          date,
          due_date: ['invoice', 'bill', 'credit_note'].includes(kind) ? date : null,
          status,
          currency: null,
          rate: null,
          your_reference: k % 5 === 0 ? `Ref ${k}` : '',
          salesperson_id: null,
          department_id: null,
          project_id: null,
          warehouse_id: null,
          kid: null,
          external_number: null,
          payment_account: null,
          attachment_id: null,
          voucher_id: null,
          stock_batch_id: null,
          credits_document_id: null,
          recurring_id: null,
          net: Math.round(gross * 0.8),
          vat: gross - Math.round(gross * 0.8),
          gross,
          gross_nok: gross,
          paid: status === 6 ? gross : status === 5 ? Math.round(gross / 2) : 0,
          created_by: null,
          created_at: stamp,
          updated_at: stamp,
        });
      }
      await trx.insertInto('documents').values(rows).execute();
    }
  });
  // Each kind's next number continues after the loaded ones.
  await db
    .insertInto('document_numbers')
    .values([...numbers].map(([kind, n]) => ({ company_id: companyId, kind, next: n })))
    .execute();
}

async function median(run: () => Promise<unknown>, times = 5): Promise<number> {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await run();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(times / 2)]!;
}
