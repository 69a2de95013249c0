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
    `<TaxInformation><TaxType>MVA</TaxType><TaxCode>${code}</TaxCode><TaxPercentage>25</TaxPercentage><TaxBase>${amount(net)}</TaxBase><TaxAmount><Amount>${amount(vat)}</Amount></TaxAmount></TaxInformation>`;
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
  return `<Transaction><TransactionID>${i}</TransactionID><Period>${Number(date.slice(5, 7))}</Period><PeriodYear>${YEAR}</PeriodYear><TransactionDate>${date}</TransactionDate><Description>Bilag ${i}</Description><SystemEntryDate>${date}</SystemEntryDate><GLPostingDate>${date}</GLPostingDate>${lines}</Transaction>\n`;
}

/** Writes a SAF-T 1.20 file of about `lines` lines, the way another system might. */
async function writeFile(file: string, lines: number) {
  const out = fs.createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const accounts = ['1500', '1920', '2050', '2400', '2700', '2710', '3000', '4300', '7770'];
  await write(`<?xml version="1.0" encoding="UTF-8"?>
<AuditFile xmlns="urn:StandardAuditFile-Taxation-Financial:NO"><Header><AuditFileVersion>1.20</AuditFileVersion><AuditFileCountry>NO</AuditFileCountry><AuditFileDateCreated>${YEAR + 1}-01-15</AuditFileDateCreated><SoftwareCompanyName>Benk</SoftwareCompanyName><SoftwareID>Benk</SoftwareID><SoftwareVersion>1</SoftwareVersion><Company><RegistrationNumber>923609016</RegistrationNumber><Name>Benk AS</Name></Company><DefaultCurrencyCode>NOK</DefaultCurrencyCode><SelectionCriteria><SelectionStartDate>${YEAR}-01-01</SelectionStartDate><SelectionEndDate>${YEAR}-12-31</SelectionEndDate></SelectionCriteria><TaxAccountingBasis>A</TaxAccountingBasis></Header>
<MasterFiles><GeneralLedgerAccounts>${accounts.map((a) => `<Account><AccountID>${a}</AccountID><AccountDescription>Konto ${a}</AccountDescription><StandardAccountID>${a.slice(0, 2)}</StandardAccountID><AccountType>GL</AccountType><OpeningDebitBalance>0</OpeningDebitBalance></Account>`).join('')}</GeneralLedgerAccounts>
<Customers>${Array.from({ length: CUSTOMERS }, (_, i) => `<Customer><Name>Kunde ${i}</Name><CustomerID>${10_000 + i}</CustomerID><AccountID>1500</AccountID><OpeningDebitBalance>0</OpeningDebitBalance></Customer>`).join('')}</Customers>
<Suppliers>${Array.from({ length: SUPPLIERS }, (_, i) => `<Supplier><Name>Leverandør ${i}</Name><SupplierID>${20_000 + i}</SupplierID><AccountID>2400</AccountID><OpeningCreditBalance>0</OpeningCreditBalance></Supplier>`).join('')}</Suppliers>
</MasterFiles><GeneralLedgerEntries><Journal><JournalID>GL</JournalID><Description>Hovedbok</Description><Type>GL</Type>
`);
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
