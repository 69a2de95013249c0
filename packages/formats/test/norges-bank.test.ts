import { describe, expect, it } from 'vitest';
import { parseExchangeRates } from '../src/index';

/** A file as Norges Bank's CSV download lays it out (English labels, dot decimals). */
const ENGLISH = [
  'FREQ;Frequency;BASE_CUR;Base Currency;QUOTE_CUR;Quote Currency;TENOR;Tenor;DECIMALS;CALCULATED;UNIT_MULT;Unit ' +
    'Multiplier;COLLECTION;Collection Indicator;TIME_PERIOD;OBS_VALUE',
  'B;Business;USD;US dollar;NOK;Norwegian krone;SP;Spot;4;false;0;Units;C;ECB ' +
    'concertation time 14:15 CET;2026-01-02;10.1234',
  'B;Business;EUR;Euro;NOK;Norwegian krone;SP;Spot;4;false;0;Units;C;ECB ' +
    'concertation time 14:15 CET;2026-01-02;11.7000',
  'B;Business;SEK;Swedish krona;NOK;Norwegian krone;SP;Spot;4;false;2;Hundreds;C;ECB ' +
    'concertation time 14:15 CET;2026-01-02;106.75',
  'B;Business;JPY;Japanese yen;NOK;Norwegian krone;SP;Spot;4;false;2;Hundreds;C;ECB ' +
    'concertation time 14:15 CET;2026-01-02;6.8123',
  'B;Business;I44;Import-weighted krone exchange rate;NOK;Norwegian ' +
    'krone;SP;Spot;4;true;0;Units;C;ECB concertation time 14:15 CET;2026-01-02;118.5',
  'B;Business;DKK;Danish krone;NOK;Norwegian krone;SP;Spot;4;false;2;Hundreds;C;ECB ' +
    'concertation time 14:15 CET;2026-01-05;156.80',
  '',
].join('\n');

/** The same download with Norwegian labels: BOM, CRLF, comma decimals, quoted labels. */
const NORWEGIAN = [
  '\uFEFFFREQ;Frekvens;BASE_CUR;Basisvaluta;QUOTE_CUR;Kvoteringsvaluta;TENOR;Løpetid;DECIMALS;CALCULATED;' +
    'UNIT_MULT;Multiplikator;COLLECTION;Innsamlingstidspunkt;TIME_PERIOD;OBS_VALUE',
  'B;Virkedag;GBP;Britiske pund;NOK;Norske kroner;SP;Spot;4;false;0;Enheter;C;"ECB; kl. 14:15";2026-01-02;13,5678',
  'B;Virkedag;DKK;Danske kroner;NOK;Norske kroner;SP;Spot;4;false;2;Hundre;C;ECB kl. 14:15;2026-01-02;158,4567',
  'B;Virkedag;ISK;Islandske kroner;NOK;Norske kroner;SP;Spot;4;false;2;Hundre;C;ECB kl. 14:15;2026-01-02;8,1',
].join('\r\n');

const HEADER =
  'FREQ;Frequency;BASE_CUR;Base Currency;QUOTE_CUR;Quote Currency;TENOR;Tenor;DECIMALS;CALCULATED;' +
  'UNIT_MULT;Unit Multiplier;COLLECTION;Collection Indicator;TIME_PERIOD;OBS_VALUE';
const row = (currency: string, unitMult: string, date: string, value: string, quote = 'NOK') =>
  `B;Business;${currency};x;${quote};Norwegian krone;SP;Spot;4;false;${unitMult};Units;C;x;${date};${value}`;

describe('parseExchangeRates — Norges Bank CSV', () => {
  it('reads each currency as NOK per one unit, dividing per-100 rates exactly', () => {
    expect(parseExchangeRates(ENGLISH)).toEqual({
      rates: [
        { currency: 'USD', date: '2026-01-02', rate: '10.1234' },
        { currency: 'EUR', date: '2026-01-02', rate: '11.7' },
        { currency: 'SEK', date: '2026-01-02', rate: '1.0675' },
        { currency: 'JPY', date: '2026-01-02', rate: '0.068123' },
        { currency: 'DKK', date: '2026-01-05', rate: '1.568' },
      ],
      errors: [],
    });
  });

  it('reads the Norwegian download with comma decimals, CRLF and quoted fields', () => {
    expect(parseExchangeRates(NORWEGIAN)).toEqual({
      rates: [
        { currency: 'GBP', date: '2026-01-02', rate: '13.5678' },
        { currency: 'DKK', date: '2026-01-02', rate: '1.584567' },
        { currency: 'ISK', date: '2026-01-02', rate: '0.081' },
      ],
      errors: [],
    });
  });

  it.each([
    ['1.1', '2', '0.011'], // 1.1 / 100 in floats is 0.011000000000000001
    ['0.3', '0', '0.3'],
    ['100.00', '2', '1'],
    ['6.81235', '2', '0.068124'], // 7 decimals, rounded half up to 6
    ['6.81234', '2', '0.068123'],
    ['1 145,56', '0', '1145.56'],
    ['1,145.56', '0', '1145.56'],
    ['1.145,56', '0', '1145.56'],
    ['0012.50', '0', '12.5'],
    ['5', '3', '0.005'],
  ])('%s with UNIT_MULT %s → %s', (value, unitMult, rate) => {
    const result = parseExchangeRates(`${HEADER}\n${row('USD', unitMult, '2026-01-02', value)}`);
    expect(result.errors).toEqual([]);
    expect(result.rates[0]?.rate).toBe(rate);
  });

  it('reports bad rows with their line and keeps the good ones', () => {
    const text = [
      HEADER,
      row('USD', '0', '2026-01-02', '10.1234'),
      row('EUR', '0', '2026-01', '11.5'),
      row('EUR', '0', '2026-01-02', ''),
      row('EUR', '0', '2026-01-02', 'abc'),
      row('EUR', '0', '2026-01-02', '11.5', 'SEK'),
      row('EUR', 'x', '2026-01-02', '11.5'),
      'B;Business;EUR;Euro;NOK',
      row('EURO', '0', '2026-01-02', '11.5'),
      row('EUR', '0', '2026-02-30', '11.5'),
      row('EUR', '0', '2026-01-02', '-11.5'),
      row('EUR', '0', '2026-01-02', '0.0000001'),
      row('EUR', '0', '2026-01-02', '12345678'),
      row('NOK', '0', '2026-01-02', '1'),
    ].join('\n');
    const { rates, errors } = parseExchangeRates(text);
    expect(rates).toEqual([{ currency: 'USD', date: '2026-01-02', rate: '10.1234' }]);
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    const [month, empty, word, quote, mult, short, code, day, negative, tiny, large, nok] =
      errors.map((e) => e.message);
    expect(month).toMatch(/month or a year.*daily/);
    expect(empty).toMatch(/EUR has no rate on 2026-01-02/);
    expect(word).toMatch(/"abc" is not a rate/);
    expect(quote).toMatch(/quoted in SEK, not in NOK/);
    expect(mult).toMatch(/UNIT_MULT "x"/);
    expect(short).toMatch(/5 fields.*16/);
    expect(code).toMatch(/"EURO" is not a three-letter currency code/);
    expect(day).toMatch(/"2026-02-30" is not a date/);
    expect(negative).toMatch(/is not a rate/);
    expect(tiny).toMatch(/too small/);
    expect(large).toMatch(/too large/);
    expect(nok).toMatch(/NOK is the base currency/);
  });

  it('keeps one of two equal rows and reports two rows that disagree', () => {
    const text = [
      HEADER,
      row('USD', '0', '2026-01-02', '10.1234'),
      row('USD', '0', '2026-01-02', '10.12340'),
      row('USD', '0', '2026-01-02', '10.5'),
    ].join('\n');
    const { rates, errors } = parseExchangeRates(text);
    expect(rates).toHaveLength(1);
    expect(errors).toEqual([
      { line: 4, message: expect.stringMatching(/already has the rate 10.1234 on line 2/) },
    ]);
  });

  it('refuses a header without the needed columns', () => {
    const { rates, errors } = parseExchangeRates(
      'FREQ;BASE_CUR;QUOTE_CUR;TIME_PERIOD;OBS_VALUE\nB;USD;NOK;2026-01-02;10.1',
    );
    expect(rates).toEqual([]);
    expect(errors).toEqual([
      { line: 1, message: expect.stringMatching(/lacks the column UNIT_MULT/) },
    ]);
  });
});

describe('parseExchangeRates — short form', () => {
  it('reads CUR;YYYY-MM-DD;rate with comma or dot decimals', () => {
    expect(
      parseExchangeRates('USD;2026-01-02;10,1234\neur;2026-01-02;11.70\n\nSEK;2026-01-02;1,0675\n'),
    ).toEqual({
      rates: [
        { currency: 'USD', date: '2026-01-02', rate: '10.1234' },
        { currency: 'EUR', date: '2026-01-02', rate: '11.7' },
        { currency: 'SEK', date: '2026-01-02', rate: '1.0675' },
      ],
      errors: [],
    });
  });

  it('skips a header line', () => {
    const { rates, errors } = parseExchangeRates('Valuta;Dato;Kurs\nUSD;2026-01-02;10,1234');
    expect(errors).toEqual([]);
    expect(rates).toEqual([{ currency: 'USD', date: '2026-01-02', rate: '10.1234' }]);
  });

  it('rounds to 6 decimals', () => {
    expect(parseExchangeRates('JPY;2026-01-02;0,06812349').rates[0]?.rate).toBe('0.068123');
    expect(parseExchangeRates('JPY;2026-01-02;0,0681235').rates[0]?.rate).toBe('0.068124');
  });

  it('reports lines that are not currency;date;rate', () => {
    const { rates, errors } = parseExchangeRates(
      'USD;2026-01-02;10,12\nUSD;2026-01-03\nUSD;02.01.2026;10,12\nUSD;2026-01-04;10,1,2\nUSD;2026-01-05;10,12;x',
    );
    expect(rates).toHaveLength(1);
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4, 5]);
    expect(errors[0]?.message).toMatch(/three fields/);
    expect(errors[1]?.message).toMatch(/YYYY-MM-DD/);
    expect(errors[2]?.message).toMatch(/not a rate/);
  });

  it('says so when the file is empty', () => {
    expect(parseExchangeRates('\n  \n')).toEqual({
      rates: [],
      errors: [{ line: 1, message: 'The file holds no exchange rates.' }],
    });
  });
});
