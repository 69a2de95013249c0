import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importSaft } from '../packages/server/src/modules/saft/saft-import.service';
import { freshStore } from './ledger.bench';

const YEAR = 2024;
const CUSTOMERS = 200;
const SUPPLIERS = 50;

const amount = (ore: number) => (ore / 100).toFixed(2);
/** An element with its content: el('AccountID', 1500) → <AccountID>1500</AccountID>. */
const el = (name: string, ...content: (string | number)[]) =>
  `<${name}>${content.join('')}</${name}>`;
const debit = (ore: number) => `<DebitAmount><Amount>${amount(ore)}</Amount></DebitAmount>`;
const credit = (ore: number) => `<CreditAmount><Amount>${amount(ore)}</Amount></CreditAmount>`;

/** A transaction of a small business's day: a sale, a purchase or a bank fee, 3–4 lines. */
function transaction(i: number): string {
  const date = new Date(Date.UTC(YEAR, 0, 1 + (i % 365))).toISOString().slice(0, 10);
  const net = 10_000 + ((i * 7919) % 1_000_000);
  const vat = Math.round(net / 4);
  const line = (n: number, account: string, body: string) =>
    `<Line><RecordID>${n}</RecordID><AccountID>${account}</AccountID><Description>Linje</Description>${body}</Line>`;
  const tax = (code: string) =>
    el(
      'TaxInformation',
      el('TaxType', 'MVA'),
      el('TaxCode', code),
      el('TaxPercentage', 25),
      el('TaxBase', amount(net)),
      el('TaxAmount', el('Amount', amount(vat))),
    );
  let lines: string;
  if (i % 3 === 0) {
    lines =
      line(1, '1500', `<CustomerID>${10_000 + (i % CUSTOMERS)}</CustomerID>${debit(net + vat)}`) +
      line(2, '3000', `${credit(net)}${tax('3')}`) +
      line(3, '2700', credit(vat));
  } else if (i % 3 === 1) {
    lines =
      line(1, '4300', `${debit(net)}${tax('1')}`) +
      line(2, '2710', debit(vat)) +
      line(3, '2400', `<SupplierID>${20_000 + (i % SUPPLIERS)}</SupplierID>${credit(net + vat)}`);
  } else {
    lines = line(1, '7770', debit(5_000 + (i % 900))) + line(2, '1920', credit(5_000 + (i % 900)));
  }
  const head =
    el('TransactionID', i) +
    el('Period', Number(date.slice(5, 7))) +
    el('PeriodYear', YEAR) +
    el('TransactionDate', date) +
    el('Description', `Bilag ${i}`) +
    el('SystemEntryDate', date) +
    el('GLPostingDate', date);
  return `${el('Transaction', head, lines)}\n`;
}

/** Writes a SAF-T 1.20 file of about `lines` lines, the way another system might. */
async function writeFile(file: string, lines: number) {
  const out = fs.createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const accounts = ['1500', '1920', '2050', '2400', '2700', '2710', '3000', '4300', '7770'];
  const header = el(
    'Header',
    el('AuditFileVersion', '1.20'),
    el('AuditFileCountry', 'NO'),
    el('AuditFileDateCreated', `${YEAR + 1}-01-15`),
    el('SoftwareCompanyName', 'Benk'),
    el('SoftwareID', 'Benk'),
    el('SoftwareVersion', 1),
    el('Company', el('RegistrationNumber', '923609016'), el('Name', 'Benk AS')),
    el('DefaultCurrencyCode', 'NOK'),
    el(
      'SelectionCriteria',
      el('SelectionStartDate', `${YEAR}-01-01`),
      el('SelectionEndDate', `${YEAR}-12-31`),
    ),
    el('TaxAccountingBasis', 'A'),
  );
  const chart = accounts.map((a) =>
    el(
      'Account',
      el('AccountID', a),
      el('AccountDescription', `Konto ${a}`),
      el('StandardAccountID', a.slice(0, 2)),
      el('AccountType', 'GL'),
      el('OpeningDebitBalance', 0),
    ),
  );
  const party = (kind: 'Customer' | 'Supplier', id: number, name: string, account: string) =>
    el(
      kind,
      el('Name', name),
      el(`${kind}ID`, id),
      el('AccountID', account),
      el(kind === 'Customer' ? 'OpeningDebitBalance' : 'OpeningCreditBalance', 0),
    );
  const customers = Array.from({ length: CUSTOMERS }, (_, i) =>
    party('Customer', 10_000 + i, `Kunde ${i}`, '1500'),
  );
  const suppliers = Array.from({ length: SUPPLIERS }, (_, i) =>
    party('Supplier', 20_000 + i, `Leverandør ${i}`, '2400'),
  );
  const masterFiles = el(
    'MasterFiles',
    el('GeneralLedgerAccounts', ...chart),
    el('Customers', ...customers),
    el('Suppliers', ...suppliers),
  );
  const journal = el('JournalID', 'GL') + el('Description', 'Hovedbok') + el('Type', 'GL');
  await write(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<AuditFile xmlns="urn:StandardAuditFile-Taxation-Financial:NO">' +
      `${header}\n${masterFiles}\n<GeneralLedgerEntries><Journal>${journal}\n`,
  );
  let written = 0;
  let i = 0;
  while (written < lines) {
    const t = transaction(i++);
    written += t.split('<Line>').length - 1;
    await write(t);
  }
  await write('</Journal></GeneralLedgerEntries></AuditFile>\n');
  out.end();
  await once(out, 'finish');
  return { transactions: i, lines: written };
}

export async function saftImportBenchmark(
  dialect: 'sqlite' | 'postgres',
  lines: number,
  pgUrl?: string,
) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nordbok-saft-bench-'));
  const file = path.join(dir, 'big.xml');
  const { store, drop } = await freshStore(dialect, pgUrl);
  try {
    const made = await writeFile(file, lines);
    const mb = fs.statSync(file).size / 1e6;
    console.log(`\n== SAF-T import on ${dialect} ==`);
    let peak = process.memoryUsage().rss;
    const started = performance.now();
    let readDone = started;
    const report = await importSaft(store.db, {
      file,
      userId: null,
      onProgress: (p) => {
        peak = Math.max(peak, process.memoryUsage().rss);
        if (p.phase === 'importing' && readDone === started) readDone = performance.now();
      },
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${made.transactions} transactions, ${made.lines} lines, ${mb.toFixed(0)} MB: ` +
        `${seconds.toFixed(1)} s in all (${((readDone - started) / 1000).toFixed(1)} s checking the file), ` +
        `${Math.round(made.lines / seconds)} lines/s`,
    );
    console.log(
      `  ${report.counts.vouchersImported} vouchers, ${report.contradictions.length} contradictions; ` +
        `peak resident memory ${Math.round(peak / 1e6)} MB`,
    );
  } finally {
    await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
