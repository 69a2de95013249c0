import { describe, expect, it } from 'vitest';
import { composeKid, isValidKid, type KidLayout } from '../src/index';

const layout = (change: Partial<KidLayout>): KidLayout => ({
  method: 'mod10',
  customerNumber: 1234,
  customerDigits: 6,
  invoiceNumber: 567,
  invoiceDigits: 7,
  ...change,
});

describe('composeKid', () => {
  it.each([
    // The worked examples: customer 1234 in 6 digits + invoice in 7 digits.
    [{ method: 'mod10', invoiceNumber: 567 }, '00123400005674'],
    [{ method: 'mod11', invoiceNumber: 567 }, '00123400005677'],
    [{ method: 'mod11', invoiceNumber: 565 }, '00123400005650'],
    [{ method: 'mod10', invoiceNumber: 560 }, '00123400005609'],
  ] as const)('%j → %s', (change, kid) => {
    expect(composeKid(layout(change))).toBe(kid);
    expect(isValidKid(kid)).toBe(true);
  });

  it('leaves the customer number out when its width is 0', () => {
    expect(
      composeKid(
        layout({
          customerDigits: 0,
          customerNumber: null,
          invoiceNumber: 123456789,
          invoiceDigits: 9,
        }),
      ),
    ).toBe('1234567897');
    expect(
      composeKid(
        layout({
          customerDigits: 0,
          customerNumber: 99,
          invoiceNumber: 12345678,
          invoiceDigits: 8,
        }),
      ),
    ).toBe('123456782');
  });

  it('pads numbers with zeros to their widths', () => {
    const kid = composeKid(layout({ customerNumber: 0, invoiceNumber: 1 }));
    expect(kid).toHaveLength(14);
    expect(kid.startsWith('0000000000001')).toBe(true);
  });

  it('accepts numbers that fill their widths exactly', () => {
    const kid = composeKid(layout({ customerNumber: 999_999, invoiceNumber: 9_999_999 }));
    expect(kid.slice(0, 13)).toBe('9999999999999');
    expect(isValidKid(kid)).toBe(true);
  });

  it('makes the shortest and the longest KID', () => {
    const short = composeKid(layout({ customerDigits: 0, invoiceDigits: 1, invoiceNumber: 5 }));
    expect(short).toBe('59');
    const long = composeKid(
      layout({ customerDigits: 12, customerNumber: 1, invoiceDigits: 12, invoiceNumber: 2 }),
    );
    expect(long).toHaveLength(25);
    expect(isValidKid(long)).toBe(true);
  });

  it('refuses a MOD11 KID that would end in a dash, and says what to do', () => {
    expect(() => composeKid(layout({ method: 'mod11', invoiceNumber: 560 }))).toThrow(
      /0012340000560-.*choose MOD10.*another number/,
    );
  });

  it.each([
    [
      'a customer number longer than its width',
      { customerNumber: 1_234_567 },
      /has 7 digits.*room for 6/,
    ],
    [
      'an invoice number longer than its width',
      { invoiceNumber: 12_345_678 },
      /has 8 digits.*room for 7/,
    ],
    ['a missing customer number', { customerNumber: null }, /customer has none/],
    ['a negative invoice number', { invoiceNumber: -1 }, /0 or more/],
    ['a fractional invoice number', { invoiceNumber: 1.5 }, /whole number/],
    ['a negative customer number', { customerNumber: -5 }, /whole number/],
    ['no room for the invoice number', { invoiceDigits: 0 }, /1 or more digits/],
    ['a negative customer width', { customerDigits: -1 }, /0 or more digits/],
    ['26 digits in all', { customerDigits: 12, invoiceDigits: 13 }, /2 to 25 digits.*make 26/],
    ['an unknown method', { method: 'luhn' as 'mod10' }, /MOD10 or MOD11/],
  ] as const)('refuses %s', (_label, change, message) => {
    expect(() => composeKid(layout(change))).toThrow(RangeError);
    expect(() => composeKid(layout(change))).toThrow(message);
  });
});
