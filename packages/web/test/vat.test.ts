import * as core from '@nordbok/core';
import { describe, expect, it } from 'vitest';
import {
  formatRate,
  rateOn,
  specificationsForCode,
  VAT_CODES,
  VAT_SPECIFICATION_CODES,
  vatFromGross,
  vatFromNet,
  vatLinesOf,
} from '../src/accounting/vat';

// The entry screen previews what the server will post; these hold the preview to the
// server's own rule, so the two cannot drift apart unnoticed.
describe('the VAT preview agrees with the ledger core', () => {
  it('knows the same codes, directions and rate types', () => {
    expect(VAT_CODES.map((c) => c.code).sort()).toEqual(core.VAT_CODES.map((c) => c.code).sort());
    for (const code of VAT_CODES) {
      const theirs = core.vatCode(code.code);
      expect(theirs?.direction, code.code).toBe(code.direction);
      expect(theirs?.rateType, code.code).toBe(code.rateType);
      expect(theirs?.deductible, code.code).toBe(code.deductible);
    }
  });

  it('uses the same rates on the same dates', () => {
    for (const date of ['2019-05-01', '2020-06-01', '2021-10-01', '2026-01-01']) {
      for (const type of ['regular', 'middle', 'low', 'rawFish', 'zero'] as const) {
        expect(rateOn(type, date), `${type} ${date}`).toBe(core.rateOn(type, date));
      }
    }
  });

  it('rounds VAT the same way', () => {
    for (const amount of [1, 99, 100, 12_345, -12_345, 1_250_00, 999_999_99, -3]) {
      for (const rate of [2500, 1500, 1200, 1111]) {
        expect(vatFromGross(amount, rate)).toBe(core.vatFromGross(amount, rate));
        expect(vatFromNet(amount, rate)).toBe(core.vatFromNet(amount, rate));
      }
    }
  });

  it('offers the same VAT specifications on the same codes', () => {
    expect(Object.keys(VAT_SPECIFICATION_CODES).sort()).toEqual(
      [...core.VAT_SPECIFICATIONS].sort(),
    );
    for (const code of VAT_CODES) {
      expect(specificationsForCode(code.code), code.code).toEqual(
        core.specificationsForCode(code.code),
      );
    }
  });

  it('previews the VAT lines the core expands', () => {
    const accounts = core.VAT_ACCOUNTS;
    for (const code of ['1', '11', '13', '3', '31', '33', '5', '6', '86']) {
      const amount = code.startsWith('3') ? -12_500_00 : 12_500_00;
      const postings = core.expandLines(
        '2026-03-05',
        [
          { account: code.startsWith('3') ? '3000' : '6800', amount, vatCode: code },
          { account: '1920', amount: -amount },
        ],
        accounts,
      );
      const fromCore = postings
        .filter((p) => p.vatKind === 'output' || p.vatKind === 'input')
        .map((p) => ({ kind: p.vatKind, amount: p.amount }));
      const preview = vatLinesOf(amount, code, '2026-03-05').map((l) => ({
        kind: l.kind,
        amount: l.amount,
      }));
      expect(preview, code).toEqual(fromCore);
    }
  });
});

describe('formatRate', () => {
  it('writes basis points as a Norwegian percentage', () => {
    expect(formatRate(2500)).toBe('25 %');
    expect(formatRate(1111)).toBe('11,11 %');
  });
});
