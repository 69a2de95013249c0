import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAIN001_NAMESPACE, type Pain001Remittance, writePain001 } from '../src/index';
import { REFERENCE_DIR, schemaErrors } from './support/xmllint';

const XSD = path.join(REFERENCE_DIR, 'iso20022/pain.001.001.03.xsd');

const remittance = (change: Partial<Pain001Remittance> = {}): Pain001Remittance => ({
  messageId: 'REM-2026-0001',
  createdAt: '2026-03-01T09:30:00Z',
  debtor: { name: 'Fjord & Fjell AS', orgNumber: '923 609 016', account: '1503.25.12345' },
  executionDate: '2026-03-02',
  payments: [
    {
      endToEndId: 'BILL-17',
      amount: 125_000,
      creditorName: 'Kontorrekvisita AS',
      creditorAccount: '12345678903',
      kid: '00123400005674',
      text: null,
    },
    {
      endToEndId: 'BILL-18',
      amount: 99_956,
      creditorName: 'Hansen <Regnskap> & Co',
      creditorAccount: '8601 11 17947',
      kid: null,
      text: 'Faktura 2026-044 "mars"',
    },
  ],
  ...change,
});

const between = (xml: string, tag: string) =>
  [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]);
const compact = (xml: string) => xml.replace(/>\s+</g, '><');

describe('writePain001', () => {
  it('writes a file that the pain.001.001.03 schema accepts', () => {
    const xml = writePain001(remittance());
    expect(schemaErrors(xml, XSD)).toBeNull();
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(xml).toContain(`<Document xmlns="${PAIN001_NAMESPACE}">`);
  });

  it('states the number of transfers and their sum with 2 decimals', () => {
    const xml = writePain001(remittance());
    expect(between(xml, 'NbOfTxs')).toEqual(['2', '2']);
    expect(between(xml, 'CtrlSum')).toEqual(['2249.56', '2249.56']);
    expect(compact(xml)).toContain('<InstdAmt Ccy="NOK">1250.00</InstdAmt>');
    expect(compact(xml)).toContain('<InstdAmt Ccy="NOK">999.56</InstdAmt>');
  });

  it('writes the header, the payer and the execution date', () => {
    const xml = compact(writePain001(remittance()));
    expect(xml).toContain(
      '<GrpHdr><MsgId>REM-2026-0001</MsgId><CreDtTm>2026-03-01T09:30:00Z</CreDtTm>',
    );
    expect(xml).toContain(
      '<InitgPty><Nm>Fjord &amp; Fjell AS</Nm><Id><OrgId><Othr><Id>923609016</Id></Othr></OrgId></Id></InitgPty>',
    );
    expect(xml).toContain('<PmtInfId>REM-2026-0001</PmtInfId><PmtMtd>TRF</PmtMtd>');
    expect(xml).toContain('<ReqdExctnDt>2026-03-02</ReqdExctnDt>');
    expect(xml).toContain(
      '<DbtrAcct><Id><Othr><Id>15032512345</Id><SchmeNm><Cd>BBAN</Cd></SchmeNm></Othr></Id><Ccy>NOK</Ccy></DbtrAcct>',
    );
    expect(xml).toContain('<DbtrAgt><FinInstnId/></DbtrAgt>');
  });

  it('sends a KID as a structured SCOR reference', () => {
    const xml = compact(writePain001(remittance()));
    expect(xml).toContain(
      '<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp>' +
        '<Ref>00123400005674</Ref></CdtrRefInf></Strd></RmtInf>',
    );
    expect(xml).toContain(
      '<CdtrAcct><Id><Othr><Id>12345678903</Id><SchmeNm><Cd>BBAN</Cd></SchmeNm></Othr></Id></CdtrAcct>',
    );
  });

  it('sends a text without a KID as unstructured, escaped', () => {
    const xml = compact(writePain001(remittance()));
    expect(xml).toContain('<RmtInf><Ustrd>Faktura 2026-044 &quot;mars&quot;</Ustrd></RmtInf>');
    expect(xml).toContain('<Cdtr><Nm>Hansen &lt;Regnskap&gt; &amp; Co</Nm></Cdtr>');
    expect(xml).toContain('<Id>86011117947</Id>');
  });

  it('prefers the KID when a payment has both', () => {
    const [first] = remittance().payments;
    const xml = writePain001(remittance({ payments: [{ ...first!, text: 'Ignored' }] }));
    expect(xml).not.toContain('Ustrd');
    expect(xml).toContain('<Ref>00123400005674</Ref>');
  });

  it('leaves the remittance information out when there is neither KID nor text', () => {
    const [, second] = remittance().payments;
    const xml = writePain001(remittance({ payments: [{ ...second!, text: '  ' }] }));
    expect(xml).not.toContain('RmtInf');
    expect(schemaErrors(xml, XSD)).toBeNull();
  });

  it('cuts long texts and names to 140 characters and still validates', () => {
    const [, second] = remittance().payments;
    const long = 'Æ'.repeat(150);
    const xml = writePain001(
      remittance({
        debtor: { ...remittance().debtor, name: 'Ø'.repeat(200) },
        payments: [{ ...second!, text: long, creditorName: long }],
      }),
    );
    expect(between(xml, 'Ustrd')[0]).toBe('Æ'.repeat(140));
    expect(between(xml, 'Nm')[0]).toBe('Ø'.repeat(140));
    expect(schemaErrors(xml, XSD)).toBeNull();
  });

  it('writes a BIC for the payer’s bank when given, and a Date as UTC', () => {
    const xml = compact(
      writePain001(
        remittance({
          createdAt: new Date('2026-03-01T08:15:30.123Z'),
          debtor: { ...remittance().debtor, bic: 'dnbanokk' },
        }),
      ),
    );
    expect(xml).toContain('<DbtrAgt><FinInstnId><BIC>DNBANOKK</BIC></FinInstnId></DbtrAgt>');
    expect(xml).toContain('<CreDtTm>2026-03-01T08:15:30Z</CreDtTm>');
    expect(
      schemaErrors(
        writePain001(remittance({ debtor: { ...remittance().debtor, bic: 'DNBANOKKXXX' } })),
        XSD,
      ),
    ).toBeNull();
  });

  it('handles one payment of 1 øre and large sums exactly', () => {
    const [first] = remittance().payments;
    const xml = writePain001(
      remittance({
        payments: [
          { ...first!, endToEndId: 'A', amount: 1 },
          { ...first!, endToEndId: 'B', amount: 9_999_999_999_99 },
        ],
      }),
    );
    expect(between(xml, 'CtrlSum')[0]).toBe('10000000000.00');
    expect(compact(xml)).toContain('<InstdAmt Ccy="NOK">0.01</InstdAmt>');
    expect(schemaErrors(xml, XSD)).toBeNull();
  });

  const [p1, p2] = remittance().payments;
  it.each([
    ['no payments', { payments: [] }, /at least one payment/],
    ['a message id over 35 characters', { messageId: 'M'.repeat(36) }, /message id.*1 to 35/],
    ['an empty message id', { messageId: ' ' }, /message id/],
    ['a creation time without a time', { createdAt: '2026-03-01' }, /date and time/],
    ['an impossible execution date', { executionDate: '2026-02-30' }, /execution date/],
    [
      'a bad organisation number',
      { debtor: { name: 'X', orgNumber: '923609017', account: '15032512345' } },
      /organisation number "923609017"/,
    ],
    [
      'a bad payer account',
      { debtor: { name: 'X', orgNumber: '923609016', account: '15032512346' } },
      /company's account number "15032512346"/,
    ],
    [
      'a payer with no name',
      { debtor: { name: '  ', orgNumber: '923609016', account: '15032512345' } },
      /company's name is missing/,
    ],
    [
      'a bad BIC',
      { debtor: { name: 'X', orgNumber: '923609016', account: '15032512345', bic: 'DNB' } },
      /not a BIC/,
    ],
    [
      'a bad payee account',
      { payments: [{ ...p1!, creditorAccount: '1234567890' }] },
      /payee's account/,
    ],
    ['a zero amount', { payments: [{ ...p1!, amount: 0 }] }, /more than 0 øre/],
    ['a negative amount', { payments: [{ ...p1!, amount: -100 }] }, /more than 0 øre/],
    ['a fractional amount', { payments: [{ ...p1!, amount: 10.5 }] }, /more than 0 øre/],
    [
      'a KID with a wrong check digit',
      { payments: [{ ...p1!, kid: '00123400005675' }] },
      /KID "00123400005675"/,
    ],
    ['a payee with no name', { payments: [{ ...p1!, creditorName: '' }] }, /payee's name/],
    [
      'a long end-to-end id',
      { payments: [{ ...p1!, endToEndId: 'E'.repeat(36) }] },
      /end-to-end id/,
    ],
    [
      'an end-to-end id used twice',
      { payments: [p1!, { ...p2!, endToEndId: p1!.endToEndId }] },
      /used twice/,
    ],
  ] as const)('refuses %s', (_label, change, message) => {
    expect(() => writePain001(remittance(change as Partial<Pain001Remittance>))).toThrow(
      RangeError,
    );
    expect(() => writePain001(remittance(change as Partial<Pain001Remittance>))).toThrow(message);
  });
});
