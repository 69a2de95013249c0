import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  escapeXml,
  formatAmount,
  SAFT_FILE_NAME,
  type SaftMasterFiles,
  SaftWriter,
  saftFileName,
} from '../src/index';

/** A slow sink with a tiny buffer, so the writer has to wait for 'drain'. */
function slowSink() {
  const chunks: string[] = [];
  const out = new Writable({
    highWaterMark: 16,
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      setImmediate(done);
    },
  });
  return { out, text: () => chunks.join('') };
}

const master: SaftMasterFiles = {
  accounts: [
    {
      id: '1500',
      description: 'Kundefordringer',
      groupingCategory: 'balanseverdiForOmloepsmiddel',
      groupingCode: '1500',
      opening: 0,
      closing: -125_050,
    },
  ],
  customers: [],
  suppliers: [],
  taxCodes: [],
  analysis: [],
};

const header = {
  dateCreated: '2025-03-01',
  software: { companyName: 'Nordbok', id: 'Nordbok', version: '0.1.0' },
  company: {
    orgNumber: '923609016',
    name: 'A & B',
    addresses: [],
    contact: { firstName: 'Kari', lastName: 'Nordmann' },
    vatRegistered: false,
  },
  selection: { start: '2025-01-01', end: '2025-12-31' },
};

describe('the SAF-T writer', () => {
  it('formats øre with two decimals and refuses fractions', () => {
    expect(formatAmount(123_456)).toBe('1234.56');
    expect(formatAmount(-5)).toBe('-0.05');
    expect(formatAmount(0)).toBe('0.00');
    expect(() => formatAmount(1.5)).toThrow(RangeError);
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    expect(escapeXml('a<b>&"c\'\u0001d')).toBe('a&lt;b&gt;&amp;&quot;c&apos;d');
  });

  it('names files SAF-T Financial_<orgnr>_<Oslo time>_<n>_<total>.xml', () => {
    const name = saftFileName('999999999', new Date('2016-04-01T21:59:11Z'));
    expect(name).toBe('SAF-T Financial_999999999_20160401235911_1_1.xml');
    expect(name).toMatch(SAFT_FILE_NAME);
  });

  it('streams a file through a slow stream, one side per balance and line', async () => {
    const sink = slowSink();
    const writer = new SaftWriter(sink.out);
    await writer.begin(header, master, { entries: 1, debit: 1_000, credit: 1_000 });
    writer.journal({ id: 'A', description: 'Diverse', type: 'A' });
    const lines = Array.from({ length: 2_000 }, (_, i) => ({
      recordId: String(i + 1),
      accountId: '1920',
      analysis: [],
      description: `Linje ${i}`,
      amount: i % 2 === 0 ? 1 : -1,
      tax: [],
    }));
    await writer.transaction({
      id: 'A1',
      period: 1,
      periodYear: 2025,
      date: '2025-01-05',
      description: 'Test',
      systemEntryDate: '2025-01-05',
      glPostingDate: '2025-01-05',
      lines,
    });
    await writer.end();
    const xml = sink.text();
    expect(xml).toContain('<Name>A &amp; B</Name>');
    expect(xml).toMatch(
      /<OpeningDebitBalance>0.00<\/OpeningDebitBalance>\s*<ClosingCreditBalance>1250.50</,
    );
    expect(xml.match(/<DebitAmount>/g)?.length).toBe(1_000);
    expect(xml.match(/<CreditAmount>/g)?.length).toBe(1_000);
    expect(xml.trimEnd().endsWith('</AuditFile>')).toBe(true);
  });
});
