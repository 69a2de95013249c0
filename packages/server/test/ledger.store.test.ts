import { beforeAll, expect, it } from 'vitest';
import { AppError } from '../src/errors';
import { subledger } from '../src/modules/accounting/open-item.service';
import { createParty } from '../src/modules/accounting/party.service';
import { trialBalance } from '../src/modules/accounting/report.service';
import { getVoucher, postVoucher, postVouchers } from '../src/modules/accounting/voucher.service';
import { createCompany } from '../src/modules/admin/company.service';
import { describeEachStore } from './support/stores';

const YEAR = new Date().getUTCFullYear();

function transfer(day: number, amount = 1000) {
  return {
    date: `${YEAR}-02-${String(day).padStart(2, '0')}`,
    description: `Overføring ${day}`,
    lines: [
      { account: '1920', amount },
      { account: '1900', amount: -amount },
    ],
  };
}

describeEachStore('the ledger store', (store) => {
  let a: number;
  let b: number;

  beforeAll(async () => {
    a = (await createCompany(store().db, { name: 'A AS', orgNumber: '923609016' }, null)).id;
    b = (await createCompany(store().db, { name: 'B AS', orgNumber: '999999999' }, null)).id;
  });

  it('numbers vouchers posted at the same time without gaps or repeats', async () => {
    const posted = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        postVoucher(store().db, { companyId: a, userId: null }, transfer(1 + (i % 28))),
      ),
    );
    const numbers = posted.map((v) => v.number).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => numbers[0]! + i));
  });

  it('posts all vouchers of a batch or none, and a refused batch uses no numbers', async () => {
    const ctx = { companyId: a, userId: null };
    const before = await postVoucher(store().db, ctx, transfer(3));
    const bad = {
      ...transfer(4),
      lines: [
        { account: '1920', amount: 5 },
        { account: '4444', amount: -5 },
      ],
    };
    const error = await postVouchers(store().db, ctx, [transfer(5), bad, transfer(6)]).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error.fields[0]).toMatchObject({
      field: '1.lines.1.account',
      message: 'Line 2: Account 4444 does not exist.',
    });
    const after = await postVoucher(store().db, ctx, transfer(7));
    expect(after.number).toBe(before.number + 1);
  });

  it('keeps each company to its own vouchers and balances', async () => {
    const voucher = await postVoucher(
      store().db,
      { companyId: a, userId: null },
      transfer(10, 77_700),
    );
    await expect(getVoucher(store().db, b, voucher.id)).rejects.toThrow(/does not exist/);
    const range = {
      from: `${YEAR}-01-01`,
      to: `${YEAR}-12-31`,
      startMonth: 1,
      language: 'nb' as const,
    };
    expect(await trialBalance(store().db, b, range)).toEqual([]);
    const ownRows = await trialBalance(store().db, a, range);
    expect(ownRows.find((r) => r.account === '1920')?.debit).toBeGreaterThanOrEqual(77_700);
  });

  it('never settles more than is open when two payments with the same KID arrive at once', async () => {
    const ctx = { companyId: a, userId: null };
    const customer = (await createParty(store().db, a, { name: 'Samtidig AS', customer: true })).id;
    await postVoucher(store().db, ctx, {
      date: `${YEAR}-03-01`,
      description: 'Faktura',
      lines: [
        { account: '1500', amount: 1000, partyId: customer, kid: '1234567897' },
        { account: '3100', amount: -1000, vatCode: '5' },
      ],
    });
    // Different series, days and bank accounts, so that nothing else (voucher counters, day
    // totals) already makes the two transactions wait for each other.
    const pay = (series: string, day: string, bank: string) =>
      postVoucher(store().db, ctx, {
        series,
        date: `${YEAR}-03-${day}`,
        description: 'Innbetaling',
        lines: [
          { account: bank, amount: 1000 },
          { account: '1500', amount: -1000, partyId: customer, kid: '1234567897' },
        ],
      });
    await Promise.all([pay('A', '05', '1920'), pay('B', '06', '1900')]);
    const items = await subledger(store().db, a, { kind: 'customer', partyId: customer });
    expect(items.map((i) => i.open).sort()).toEqual([-1000, 0, 0]);
  });

  it('numbers each fiscal year of a series from 1', async () => {
    const { addFiscalYear } = await import('../src/modules/accounting/period.service');
    await addFiscalYear(store().db, b, YEAR + 1, 1);
    const ctx = { companyId: b, userId: null };
    const thisYear = await postVoucher(store().db, ctx, transfer(2));
    const nextYear = await postVoucher(store().db, ctx, {
      ...transfer(2),
      date: `${YEAR + 1}-01-15`,
    });
    expect([thisYear.number, nextYear.number]).toEqual([1, 1]);
    expect(nextYear.fiscalYear).toBe(YEAR + 1);
  });
});
