import { describe, expect, it } from 'vitest';
import {
  balanceOf,
  basisOf,
  type DraftAction,
  draftFromVoucher,
  draftReducer,
  emptyDraft,
  lineFields,
  placeErrors,
  toVoucherInput,
  type VoucherDraft,
} from '../src/accounting/entry/draft';
import type { Account, Posting, Voucher } from '../src/accounting/types';
import { specificationsForCode } from '../src/accounting/vat';

const NBSP = '\u00a0';

function account(number: string, extra: Partial<Account> = {}): Account {
  return {
    number,
    nameNb: `Konto ${number}`,
    nameEn: `Account ${number}`,
    kind: 'expense',
    vatCode: null,
    groupingCategory: 'RF-1167',
    groupingCode: number,
    subledger: null,
    blocked: false,
    ...extra,
  };
}

const office = account('6800', { vatCode: '1' });
const bank = account('1920');

function run(draft: VoucherDraft, ...actions: DraftAction[]) {
  return actions.reduce(draftReducer, draft);
}

const pick = (index: number, picked: Account): DraftAction => ({
  type: 'pickAccount',
  index,
  account: picked,
});

describe('entering lines', () => {
  it("takes the account's default VAT code when it is picked", () => {
    const draft = run(emptyDraft('A', '0503'), pick(0, office));
    expect(draft.lines[0]?.vatCode).toBe('1');
    expect(draft.lines[0]?.accountText).toBe('6800');
  });

  it('starts a new line with the amount that balances the voucher', () => {
    const draft = run(
      emptyDraft('A', '0503'),
      pick(0, office),
      { type: 'line', index: 0, patch: { debit: '1 250,50' } },
      { type: 'addLine' },
    );
    expect(draft.lines[1]?.credit).toBe(`1${NBSP}250,50`);
    expect(draft.lines[1]?.debit).toBe('');
    expect(balanceOf(draft.lines, basisOf(draft))).toBe(0);
  });

  it('copies the previous line into the current one', () => {
    const draft = run(
      emptyDraft(),
      pick(0, office),
      { type: 'line', index: 0, patch: { debit: '500', description: 'Papir' } },
      { type: 'addLine' },
      { type: 'copyPrevious', index: 1 },
    );
    expect(draft.lines[1]).toMatchObject({ accountText: '6800', debit: '500' });
    expect(draft.lines[1]?.key).not.toBe(draft.lines[0]?.key);
  });

  it('keeps the series and date after a save and clears the rest', () => {
    const draft = run(
      emptyDraft('B', '0503'),
      { type: 'header', patch: { description: 'Husleie' } },
      pick(0, office),
      { type: 'saved' },
    );
    expect(draft).toMatchObject({ series: 'B', date: '0503', description: '' });
    expect(draft.lines).toHaveLength(1);
    expect(draft.lines[0]?.account).toBeNull();
  });
});

describe('toVoucherInput', () => {
  const filled = run(
    emptyDraft('A', '0503'),
    { type: 'header', patch: { description: 'Kontorrekvisita' } },
    pick(0, office),
    { type: 'line', index: 0, patch: { debit: '1 250' } },
    { type: 'addLine' },
    pick(1, bank),
    { type: 'addLine' },
  );

  it('sends the typed lines as signed øre and leaves the untouched last line out', () => {
    const prepared = toVoucherInput(filled, '2026-06-15');
    expect(prepared).toEqual({
      ok: true,
      lineIndex: [0, 1],
      input: {
        series: 'A',
        date: '2026-03-05',
        description: 'Kontorrekvisita',
        lines: [
          { account: '6800', amount: 125000, vatCode: '1' },
          { account: '1920', amount: -125000, vatCode: null },
        ],
      },
    });
  });

  it('sends an unbalanced voucher too, for the server to explain', () => {
    const unbalanced = run(filled, { type: 'line', index: 1, patch: { credit: '1 000' } });
    const prepared = toVoucherInput(unbalanced, '2026-06-15');
    expect(prepared.ok && prepared.input.lines.map((l) => l.amount)).toEqual([125000, -100000]);
  });

  it('refuses text that is no date or amount, naming the cell', () => {
    const wrong = run(
      filled,
      { type: 'header', patch: { date: '3102' } },
      { type: 'line', index: 1, patch: { credit: '12,345' } },
    );
    expect(toVoucherInput(wrong, '2026-06-15')).toEqual({
      ok: false,
      problems: { date: 'date', 'lines.1.credit': 'amount' },
    });
  });
});

describe('placeErrors', () => {
  it("puts the server's errors at the cells of the rows they came from", () => {
    const draft = run(
      emptyDraft('A', '0503'),
      { type: 'line', index: 0, patch: { accountText: '9999', debit: '10' } },
      { type: 'addLine' },
      pick(1, bank),
      { type: 'addLine' },
    );
    const placed = placeErrors(
      [
        { field: 'lines.1.amount', message: 'Line 2: wrong amount' },
        { field: 'lines.0.account', message: 'Line 1: no such account' },
        { field: 'lines', message: 'Does not balance' },
        { field: 'opening', message: 'Not here' },
      ],
      draft,
      [0, 1],
    );
    expect(placed).toEqual({
      'lines.1.credit': 'Line 2: wrong amount',
      'lines.0.account': 'Line 1: no such account',
      lines: 'Does not balance',
    });
  });
});

describe('draftFromVoucher', () => {
  const posting = (p: Partial<Posting> & Pick<Posting, 'account' | 'amount'>): Posting => ({
    id: 1,
    lineNo: 1,
    vatCode: null,
    vatKind: null,
    description: '',
    departmentId: null,
    projectId: null,
    partyId: null,
    invoiceNumber: null,
    dueDate: null,
    kid: null,
    currency: null,
    ...p,
  });

  it('joins each base posting with its VAT again into the gross line', () => {
    const voucher: Voucher = {
      id: 7,
      series: 'A',
      number: 12,
      fiscalYear: 2026,
      period: 3,
      date: '2026-03-05',
      description: 'Kjøp',
      status: 'posted',
      postings: [
        posting({ account: '6800', amount: 100000, vatCode: '1', vatKind: 'base' }),
        posting({ account: '2710', amount: 25000, vatCode: '1', vatKind: 'input' }),
        posting({ account: '6425', amount: 40000, vatCode: '86', vatKind: 'base' }),
        posting({ account: '2704', amount: -10000, vatCode: '86', vatKind: 'output' }),
        posting({ account: '2714', amount: 10000, vatCode: '86', vatKind: 'input' }),
        posting({ account: '1920', amount: -165000, dueDate: null }),
      ],
    };
    const accounts = new Map([office, bank].map((a) => [a.number, a]));
    const draft = draftFromVoucher(voucher, accounts);
    expect(draft.date).toBe('05.03.2026');
    expect(
      draft.lines.map((l) => [l.accountText, l.debit, l.credit, l.vatCode, l.touched]),
    ).toEqual([
      ['6800', `1${NBSP}250,00`, '', '1', true],
      ['6425', '400,00', '', '86', true],
      ['1920', '', `1${NBSP}650,00`, '', true],
      ['', '', '', '', false],
    ]);
  });
});

describe('net entry', () => {
  it('balances with the VAT put on top and sends the VAT lines as net', () => {
    const draft = run(
      { ...emptyDraft('A', '05.03.2026'), net: true },
      pick(0, office),
      { type: 'line', index: 0, patch: { debit: '1 000' } },
      { type: 'addLine' },
      pick(1, bank),
    );
    expect(draft.lines[1]?.credit).toBe(`1${NBSP}250,00`);
    expect(balanceOf(draft.lines, basisOf(draft))).toBe(0);
    const prepared = toVoucherInput(draft, '2026-03-05');
    expect(prepared.ok && prepared.input.lines).toEqual([
      { account: '6800', amount: 100_000, vatCode: '1', entry: 'net' },
      { account: '1920', amount: -125_000, vatCode: null },
    ]);
  });

  it('adds nothing on top for reverse charge, whose VAT lines cancel out', () => {
    const draft = run(
      { ...emptyDraft('A', '05.03.2026'), net: true },
      pick(0, account('6790', { vatCode: '86' })),
      { type: 'line', index: 0, patch: { debit: '1 000' } },
      { type: 'addLine' },
    );
    expect(draft.lines[1]?.credit).toBe(`1${NBSP}000,00`);
  });
});

describe('currency lines', () => {
  const eur = (patch: Record<string, string>): DraftAction => ({
    type: 'line',
    index: 0,
    patch: { currency: { code: 'EUR', amount: '100', rate: '11,5', side: 'debit', ...patch } },
  });

  it('shows the NOK amount of amount × rate and sends the currency instead', () => {
    const draft = run(
      emptyDraft('A', '0503'),
      pick(0, bank),
      { type: 'openCurrency', index: 0 },
      eur({}),
    );
    expect(draft.lines[0]?.debit).toBe(`1${NBSP}150,00`);
    const prepared = toVoucherInput(draft, '2026-03-05');
    expect(prepared.ok && prepared.input.lines).toEqual([
      { account: '1920', vatCode: null, currency: { code: 'EUR', amount: 10_000, rate: '11.5' } },
    ]);
  });

  it('rounds half away from zero and takes the side from the column typed in', () => {
    const draft = run(
      emptyDraft('A', '0503'),
      { type: 'openCurrency', index: 0 },
      eur({ amount: '0,01', rate: '0.5' }),
      { type: 'line', index: 0, patch: { credit: '9' } },
    );
    expect(draft.lines[0]).toMatchObject({ debit: '', credit: '0,01' });
    const prepared = toVoucherInput(draft, '2026-03-05');
    expect(prepared.ok && prepared.input.lines[0]?.currency?.amount).toBe(-1);
  });

  it('names the currency fields it cannot read, and puts server errors there', () => {
    const draft = run(
      emptyDraft('A', '0503'),
      pick(0, bank),
      { type: 'openCurrency', index: 0 },
      eur({ code: 'E', rate: 'x' }),
    );
    const prepared = toVoucherInput(draft, '2026-03-05');
    expect(prepared.ok || prepared.problems).toEqual({
      'lines.0.currencyCode': 'currencyCode',
      'lines.0.currencyRate': 'currencyRate',
    });
    const errors = [
      { field: 'lines.0.currency.rate', message: 'Rate' },
      { field: 'lines.0.amount', message: 'Amount' },
    ];
    expect(placeErrors(errors, draft, [0])).toEqual({
      'lines.0.currencyRate': 'Rate',
      'lines.0.currencyAmount': 'Amount',
    });
  });
});

describe('VAT specification', () => {
  const loss = account('7830', { vatCode: '1' });
  const lines = run(
    emptyDraft('A', '0503'),
    { type: 'header', patch: { description: 'Tap på krav' } },
    pick(0, loss),
    { type: 'line', index: 0, patch: { debit: '1 250' } },
    { type: 'addLine' },
    pick(1, bank),
  );

  it('is not on the keyboard path of a line until its field is shown', () => {
    const dimensions = { departments: false, projects: false };
    const line = lines.lines[0];
    if (!line) throw new Error('no line');
    expect(lineFields(line, dimensions)).not.toContain('vatSpecification');
    const shown = run(lines, { type: 'toggleSpecification', index: 0 });
    expect(shown.lines[0]?.vatSpecification).toBe('');
    const fields = lineFields(shown.lines[0] ?? line, dimensions);
    expect(fields.at(-1)).toBe('vatSpecification');
  });

  it('is sent when chosen, and dropped again when its field is closed', () => {
    const chosen = run(
      lines,
      { type: 'toggleSpecification', index: 0 },
      { type: 'line', index: 0, patch: { vatSpecification: 'tapPåKrav' } },
    );
    const prepared = toVoucherInput(chosen, '2026-06-15');
    expect(prepared.ok && prepared.input.lines[0]).toEqual({
      account: '7830',
      amount: 125000,
      vatCode: '1',
      vatSpecification: 'tapPåKrav',
    });
    const closed = run(chosen, { type: 'toggleSpecification', index: 0 });
    const again = toVoucherInput(closed, '2026-06-15');
    expect(again.ok && again.input.lines[0]?.vatSpecification).toBeUndefined();
  });

  it("puts the server's complaint at the field and knows the codes that allow one", () => {
    const placed = placeErrors(
      [{ field: 'lines.0.vatSpecification', message: 'Not on code 3.' }],
      lines,
      [0, 1],
    );
    expect(placed).toEqual({ 'lines.0.vatSpecification': 'Not on code 3.' });
    expect(specificationsForCode('3')).toEqual(['uttak']);
    expect(specificationsForCode('6')).toEqual([]);
  });
});
