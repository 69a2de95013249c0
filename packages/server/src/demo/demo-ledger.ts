import { addDays } from '@nordbok/core';
import { makeKid } from '@nordbok/formats';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { createDimension } from '../modules/accounting/dimension.service';
import { createParty } from '../modules/accounting/party.service';
import type { NewVoucherInput } from '../modules/accounting/voucher.schemas';
import { postVouchers } from '../modules/accounting/voucher.service';

/**
 * A year of Fjordkaffe AS's bookkeeping, from the opening balance up to `until`: café and
 * bean sales every day but Sunday, green coffee billed weekly by the importer and paid with
 * KID two weeks later, coffee sold on invoice to hotels and offices and paid (some late),
 * rent, power, software and insurance, monthly payroll, and the bi-monthly settlement of
 * withholding tax and employer's contribution. Amounts vary from day to day, but the same
 * dates give the same ledger (a seeded generator), so screenshots and tests are stable.
 */
export async function postDemoYear(
  db: Kysely<Database>,
  companyId: number,
  year: number,
  until: string,
) {
  const demo = {
    ...(await createMasterData(db, companyId)),
    random: seeded(year),
    until,
    invoiceNo: 1000,
  };
  const vouchers: NewVoucherInput[] = [openingBalance(year, demo)];
  for (
    let day = new Date(Date.UTC(year, 0, 2));
    iso(day) <= until && day.getUTCFullYear() === year;
    day = next(day)
  ) {
    vouchers.push(...vouchersOfDay(day, demo));
  }
  vouchers.sort((a, b) => a.date.localeCompare(b.date));
  for (let i = 0; i < vouchers.length; i += 200) {
    await postVouchers(db, { companyId, userId: null }, vouchers.slice(i, i + 200));
  }
  return vouchers.length;
}

async function createMasterData(db: Kysely<Database>, companyId: number) {
  const party = (name: string, orgNumber: string, kind: 'customer' | 'supplier') =>
    createParty(db, companyId, { name, orgNumber, [kind]: true }).then((p) => p.id);
  const department = (code: string, name: string) =>
    createDimension(db, 'departments', companyId, { code, name }).then((d) => d.id);
  return {
    importer: await party('Kaffeimportøren AS', '915000002', 'supplier'),
    landlord: await party('Bryggen Eiendom AS', '915000010', 'supplier'),
    customers: [
      await party('Hotell Bryggen AS', '915000029', 'customer'),
      await party('Vestland Kontorservice AS', '915000037', 'customer'),
      await party('Bergen Sjømat AS', '915000045', 'customer'),
    ],
    cafe: await department('KAFE', 'Kafé'),
    roastery: await department('BRENN', 'Brenneri'),
    project: await createDimension(db, 'projects', companyId, {
      code: 'JUL',
      name: 'Julemarked',
    }).then((p) => p.id),
  };
}

type Demo = Awaited<ReturnType<typeof createMasterData>> & {
  random: Random;
  until: string;
  invoiceNo: number;
};
export type Random = (min: number, max: number) => number;

/** A small deterministic generator (mulberry32) giving whole øre amounts between min and max. */
export function seeded(seed: number): Random {
  let state = seed >>> 0;
  return (min, max) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const unit = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return Math.round(min + unit * (max - min));
  };
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const next = (d: Date) => new Date(d.getTime() + 86_400_000);
const kr = (n: number) => n * 100;

function openingBalance(year: number, demo: Demo): NewVoucherInput {
  const supplierBill = (invoiceNumber: string, amount: number) => ({
    account: '2400',
    amount: -kr(amount),
    partyId: demo.importer,
    invoiceNumber,
    dueDate: `${year}-01-14`,
  });
  return {
    date: `${year}-01-01`,
    description: 'Inngående balanse',
    opening: true,
    lines: [
      { account: '1920', amount: kr(412_500) },
      { account: '1900', amount: kr(5_000) },
      { account: '1200', amount: kr(320_000), description: 'Kaffebrenner' },
      { account: '1250', amount: kr(185_000) },
      { account: '1460', amount: kr(96_000) },
      { account: '2220', amount: -kr(250_000) },
      supplierBill('IMP-8812', 40_000),
      supplierBill('IMP-8820', 28_000),
      { account: '2740', amount: -kr(45_000) },
      { account: '2000', amount: -kr(100_000) },
      { account: '2050', amount: -kr(555_500) },
    ],
  };
}

function vouchersOfDay(day: Date, demo: Demo): NewVoucherInput[] {
  const date = iso(day);
  const weekday = day.getUTCDay();
  const dayOfMonth = day.getUTCDate();
  const month = day.getUTCMonth() + 1;
  const result: NewVoucherInput[] = [];
  if (weekday !== 0) result.push(dailySales(date, demo));
  if (weekday === 2) result.push(...greenCoffee(date, demo));
  if (weekday === 4 && dayOfMonth % 2 === 0) result.push(...invoiceSale(date, demo));
  if (dayOfMonth === 1) result.push(...monthlyCosts(date, demo, month));
  if (dayOfMonth === 25) result.push(payroll(date));
  if (dayOfMonth === 15 && month % 2 === 1 && month > 1) result.push(taxSettlement(date));
  if (date === `${day.getUTCFullYear()}-01-10`) result.push(payOpeningBills(date, demo));
  return result;
}

function dailySales(date: string, demo: Demo): NewVoucherInput {
  const cafe = demo.random(kr(9_000), kr(18_000));
  const beans = demo.random(kr(1_500), kr(5_000));
  const december = date.slice(5, 7) === '12';
  return {
    series: 'S',
    date,
    description: 'Dagsoppgjør kafé og butikk',
    lines: [
      { account: '1920', amount: cafe + beans, description: 'Kortterminal' },
      {
        account: '3000',
        amount: -cafe,
        vatCode: '3',
        description: 'Servering',
        departmentId: demo.cafe,
      },
      {
        account: '3030',
        amount: -beans,
        vatCode: '31',
        description: 'Kaffebønner',
        departmentId: demo.roastery,
        ...(december ? { projectId: demo.project } : {}),
      },
    ],
  };
}

/** The importer's bill on 2400, and its payment with the KID two weeks later. */
function greenCoffee(date: string, demo: Demo): NewVoucherInput[] {
  const amount = demo.random(kr(22_000), kr(36_000));
  demo.invoiceNo += 1;
  const invoiceNumber = `IMP-${demo.invoiceNo}`;
  const kid = makeKid(String(demo.invoiceNo * 7), 'mod10');
  const bill: NewVoucherInput = {
    series: 'K',
    date,
    description: `Råkaffe, faktura ${invoiceNumber}`,
    lines: [
      { account: '4000', amount, vatCode: '11', departmentId: demo.roastery },
      {
        account: '2400',
        amount: -amount,
        partyId: demo.importer,
        invoiceNumber,
        kid,
        dueDate: addDays(date, 14),
      },
    ],
  };
  const paid = addDays(date, 14);
  if (paid > demo.until) return [bill];
  return [
    bill,
    bankPayment(paid, '2400', amount, demo.importer, { kid }, `Betalt ${invoiceNumber}`),
  ];
}

/** Beans sold on invoice to a business customer, paid with the KID some weeks later. */
function invoiceSale(date: string, demo: Demo): NewVoucherInput[] {
  const customer = demo.customers[demo.random(0, demo.customers.length - 1)]!;
  const amount = demo.random(kr(4_000), kr(16_000));
  demo.invoiceNo += 1;
  const invoiceNumber = String(demo.invoiceNo);
  const kid = makeKid(invoiceNumber.padStart(8, '0'), 'mod10');
  const invoice: NewVoucherInput = {
    series: 'S',
    date,
    description: `Faktura ${invoiceNumber}`,
    lines: [
      {
        account: '1500',
        amount,
        partyId: customer,
        invoiceNumber,
        kid,
        dueDate: addDays(date, 14),
      },
      { account: '3030', amount: -amount, vatCode: '31', departmentId: demo.roastery },
    ],
  };
  const paid = addDays(date, demo.random(10, 40));
  if (paid > demo.until) return [invoice];
  return [
    invoice,
    bankPayment(paid, '1500', -amount, customer, { kid }, `Innbetaling faktura ${invoiceNumber}`),
  ];
}

/** A bank payment that settles a sub-ledger item; amount is what 1920 pays out (+) or gets (−). */
function bankPayment(
  date: string,
  account: string,
  amount: number,
  partyId: number,
  match: { kid: string },
  description: string,
): NewVoucherInput {
  return {
    series: 'B',
    date,
    description,
    lines: [
      { account, amount, partyId, ...match },
      { account: '1920', amount: -amount },
    ],
  };
}

function payOpeningBills(date: string, demo: Demo): NewVoucherInput {
  return {
    series: 'B',
    date,
    description: 'Betalt leverandørgjeld fra i fjor',
    lines: [
      { account: '2400', amount: kr(40_000), partyId: demo.importer, invoiceNumber: 'IMP-8812' },
      { account: '2400', amount: kr(28_000), partyId: demo.importer, invoiceNumber: 'IMP-8820' },
      { account: '1920', amount: -kr(68_000) },
    ],
  };
}

function bankPaid(
  date: string,
  account: string,
  amount: number,
  description: string,
  vatCode?: string,
) {
  return {
    series: 'B',
    date,
    description,
    lines: [
      { account, amount, ...(vatCode ? { vatCode } : {}) },
      { account: '1920', amount: -amount },
    ],
  };
}

function monthlyCosts(date: string, demo: Demo, month: number): NewVoucherInput[] {
  const costs: NewVoucherInput[] = [
    bankPaid(date, '6300', kr(38_000), 'Husleie Bryggen 14'),
    bankPaid(date, '6340', demo.random(kr(3_200), kr(6_800)), 'Strøm', '1'),
    bankPaid(date, '6420', kr(1_249), 'Kassesystem og regnskapsprogram', '1'),
    bankPaid(date, '6425', demo.random(kr(380), kr(520)), 'Skylagring fra utlandet', '86'),
    bankPaid(date, '6900', kr(899), 'Telefon og internett', '1'),
    bankPaid(date, '7770', demo.random(kr(280), kr(640)), 'Bank- og kortgebyrer'),
  ];
  if (month % 3 === 1) costs.push(bankPaid(date, '7500', kr(6_200), 'Forsikring, kvartal'));
  return costs;
}

/** Gross pay 140 000, withholding 30 %, employer's contribution 14.1 %, holiday pay 12 %. */
function payroll(date: string): NewVoucherInput {
  const gross = kr(140_000);
  const withheld = kr(42_000);
  const contribution = kr(19_740);
  const holidayPay = kr(16_800);
  return {
    series: 'L',
    date,
    description: 'Lønn',
    lines: [
      { account: '5000', amount: gross },
      { account: '2600', amount: -withheld },
      { account: '1920', amount: -(gross - withheld) },
      { account: '5400', amount: contribution },
      { account: '2770', amount: -contribution },
      { account: '5180', amount: holidayPay },
      { account: '2940', amount: -holidayPay },
    ],
  };
}

/** Withholding and employer's contribution for the previous two months, paid on the 15th. */
function taxSettlement(date: string): NewVoucherInput {
  return {
    series: 'B',
    date,
    description: 'Forskuddstrekk og arbeidsgiveravgift, termin',
    lines: [
      { account: '2600', amount: kr(84_000) },
      { account: '2770', amount: kr(39_480) },
      { account: '1920', amount: -kr(123_480) },
    ],
  };
}
