import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expandLines, type Posting, VAT_ACCOUNTS } from '@nordbok/core';
import { openStore, type Store } from '@nordbok/server';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../packages/server/src/db/schema';
import { createParty } from '../packages/server/src/modules/accounting/party.service';
import { trialBalance } from '../packages/server/src/modules/accounting/report.service';
import { incomeStatement } from '../packages/server/src/modules/accounting/statement.service';
import {
  postVoucher,
  postVouchers,
} from '../packages/server/src/modules/accounting/voucher.service';
import { createCompany } from '../packages/server/src/modules/admin/company.service';

interface Options {
  postings: number;
  vouchers: number;
  pgUrl?: string;
}

const YEAR = new Date().getUTCFullYear();

/** A voucher of a small business's day: a sale, a purchase or a bank fee, on a day of the year. */
function sampleVoucher(i: number, supplier: number) {
  const day = new Date(Date.UTC(YEAR, 0, 1 + (i % 365))).toISOString().slice(0, 10);
  const amount = 10_000 + ((i * 7919) % 1_000_000);
  const kinds = [
    [
      { account: '1920', amount },
      { account: '3000', amount: -amount, vatCode: '3' },
    ],
    [
      { account: '4300', amount, vatCode: '1' },
      { account: '2400', amount: -amount, partyId: supplier },
    ],
    [
      { account: '7770', amount: 5_000 + (i % 900) },
      { account: '1920', amount: -(5_000 + (i % 900)) },
    ],
  ];
  return { date: day, description: `Bilag ${i}`, lines: kinds[i % 3]! };
}

export async function ledgerBenchmark(dialect: 'sqlite' | 'postgres', options: Options) {
  const { store, drop } = await freshStore(dialect, options.pgUrl);
  try {
    const company = await createCompany(
      store.db,
      { name: 'Benk AS', orgNumber: '923609016' },
      null,
    );
    console.log(`\n== Ledger on ${dialect} ==`);
    const supplier = (
      await createParty(store.db, company.id, { name: 'Grossist AS', supplier: true })
    ).id;
    await postThroughService(store, company.id, options.vouchers, supplier);
    await bulkLoad(store.db, company.id, options.postings, supplier);
    await reportTimings(store.db, company.id);
  } finally {
    await drop();
  }
}

async function postThroughService(
  store: Store,
  companyId: number,
  count: number,
  supplier: number,
) {
  const ctx = { companyId, userId: null };
  const memory: number[] = [];
  let started = performance.now();
  for (let i = 0; i < count; i++) {
    await postVoucher(store.db, ctx, sampleVoucher(i, supplier));
    if (i % Math.max(1, Math.floor(count / 5)) === 0) memory.push(process.memoryUsage().rss);
  }
  const single = (performance.now() - started) / 1000;
  started = performance.now();
  for (let i = 0; i < count; i += 100) {
    const batch = Array.from({ length: Math.min(100, count - i) }, (_, k) =>
      sampleVoucher(count + i + k, supplier),
    );
    await postVouchers(store.db, ctx, batch);
    if (i % Math.max(100, Math.floor(count / 5)) === 0) memory.push(process.memoryUsage().rss);
  }
  const batched = (performance.now() - started) / 1000;
  const mb = memory.map((m) => `${Math.round(m / 1e6)}`).join(' → ');
  console.log(`posting through the service layer (${count} vouchers each way):`);
  console.log(`  one voucher a transaction:     ${Math.round(count / single)} vouchers/s`);
  console.log(`  100 vouchers a transaction:    ${Math.round(count / batched)} vouchers/s`);
  console.log(`  resident memory MB along the way: ${mb}`);
}

/** Fills the ledger up to `target` postings quickly, with the same rows the service writes. */
async function bulkLoad(db: Kysely<Database>, companyId: number, target: number, supplier: number) {
  const have = Number(
    (
      await db
        .selectFrom('postings')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const started = performance.now();
  let postings = have;
  let i = 1_000_000;
  let number = 1_000_000;
  while (postings < target) {
    const batch: { date: string; description: string; postings: Posting[] }[] = [];
    for (let b = 0; b < 2000 && postings < target; b++, i++) {
      const v = sampleVoucher(i, supplier);
      const expanded = expandLines(v.date, v.lines, VAT_ACCOUNTS);
      batch.push({ ...v, postings: expanded });
      postings += expanded.length;
    }
    await db.transaction().execute(async (trx) => {
      const ids = await trx
        .insertInto('vouchers')
        .values(
          batch.map((v) => ({
            company_id: companyId,
            series: 'A',
            number: number++,
            fiscal_year: YEAR,
            period: Number(v.date.slice(5, 7)),
            date: v.date,
            description: v.description,
            status: 'posted',
            created_by: null,
            created_at: v.date,
            modified_at: v.date,
          })),
        )
        .returning('id')
        .execute();
      const rows = batch.flatMap((v, k) =>
        v.postings.map((p, n) => ({
          company_id: companyId,
          voucher_id: ids[k]!.id,
          line_no: n + 1,
          date: v.date,
          account: p.account,
          amount: p.amount,
          vat_code: p.vatCode,
          vat_kind: p.vatKind,
        })),
      );
      for (let c = 0; c < rows.length; c += 2000) {
        await trx
          .insertInto('postings')
          .values(rows.slice(c, c + 2000))
          .execute();
      }
    });
  }
  await rebuildDayTotals(db, companyId);
  const seconds = (performance.now() - started) / 1000;
  console.log(`bulk-loaded to ${postings} postings in ${seconds.toFixed(1)} s`);
}

async function rebuildDayTotals(db: Kysely<Database>, companyId: number) {
  await db.deleteFrom('account_day_totals').where('company_id', '=', companyId).execute();
  await sql`insert into account_day_totals
      (company_id, account, date, opening, department_id, project_id, debit, credit)
    select company_id, account, date, 0, coalesce(department_id, 0), coalesce(project_id, 0),
      sum(case when amount > 0 then amount else 0 end),
      sum(case when amount < 0 then -amount else 0 end)
    from postings where company_id = ${companyId}
    group by company_id, account, date, department_id, project_id`.execute(db);
}

/** The same trial balance computed by scanning every posting: what the day totals save. */
function naiveTrialBalance(db: Kysely<Database>, companyId: number, from: string, to: string) {
  return sql`select account,
      sum(case when date < ${from} then amount else 0 end) as opening,
      sum(case when date >= ${from} and amount > 0 then amount else 0 end) as debit,
      sum(case when date >= ${from} and amount < 0 then -amount else 0 end) as credit
    from postings where company_id = ${companyId} and date <= ${to} group by account`.execute(db);
}

async function median(run: () => Promise<unknown>, times = 7): Promise<number> {
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

async function reportTimings(db: Kysely<Database>, companyId: number) {
  const ranges = [
    ['whole year', `${YEAR}-01-01`, `${YEAR}-12-31`],
    ['one month', `${YEAR}-06-01`, `${YEAR}-06-30`],
  ] as const;
  console.log('trial balance (median of 7)      day totals     naive scan of postings');
  for (const [label, from, to] of ranges) {
    const range = { from, to, startMonth: 1, language: 'nb' as const };
    const fast = await median(() => trialBalance(db, companyId, range));
    const slow = await median(() => naiveTrialBalance(db, companyId, from, to), 3);
    console.log(
      `  ${label.padEnd(31)}${fast.toFixed(1).padStart(8)} ms${slow.toFixed(1).padStart(17)} ms`,
    );
  }
  console.log('income statement with last year and budget (median of 7)');
  for (const [label, from, to] of ranges) {
    const range = { from, to, startMonth: 1, language: 'nb' as const };
    const ms = await median(() => incomeStatement(db, companyId, range));
    console.log(`  ${label.padEnd(31)}${ms.toFixed(1).padStart(8)} ms`);
  }
}

export async function freshStore(dialect: 'sqlite' | 'postgres', pgUrl?: string) {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nordbok-bench-'));
    const store = await openStore({ kind: 'sqlite', file: path.join(dir, 'bench.sqlite') });
    return {
      store,
      drop: async () => {
        await store.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `nordbok_bench_${randomBytes(4).toString('hex')}`;
  const admin = async (q: string) => {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    await client.query(q);
    await client.end();
  };
  await admin(`create database ${name}`);
  const url = new URL(pgUrl!);
  url.pathname = `/${name}`;
  const store = await openStore({ kind: 'postgres', url: url.toString(), poolSize: 4 });
  return {
    store,
    drop: async () => {
      await store.close();
      await admin(`drop database ${name} with (force)`);
    },
  };
}
