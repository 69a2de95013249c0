import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { NewVoucherInput } from '../modules/accounting/voucher.schemas';
import { postVouchers } from '../modules/accounting/voucher.service';

/**
 * A year of Fjordkaffe AS's bookkeeping, from the opening balance up to `until`: café and
 * bean sales every weekday and Saturday, green coffee bought weekly, rent, power, software
 * and insurance, monthly payroll with withholding tax and employer's contribution, and the
 * bi-monthly settlement of both. Amounts vary from day to day but the same date gives the
 * same ledger (a seeded generator), so screenshots and tests see stable figures.
 */
export async function postDemoYear(
  db: Kysely<Database>,
  companyId: number,
  year: number,
  until: string,
) {
  const random = seeded(year);
  const vouchers: NewVoucherInput[] = [openingBalance(year)];
  for (
    let day = new Date(Date.UTC(year, 0, 2));
    iso(day) <= until && day.getUTCFullYear() === year;
    day = next(day)
  ) {
    vouchers.push(...vouchersOfDay(day, random));
  }
  for (let i = 0; i < vouchers.length; i += 200) {
    await postVouchers(db, { companyId, userId: null }, vouchers.slice(i, i + 200));
  }
  return vouchers.length;
}

type Random = (min: number, max: number) => number;

/** A small deterministic generator (mulberry32) giving whole øre amounts between min and max. */
function seeded(seed: number): Random {
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

function openingBalance(year: number): NewVoucherInput {
  return {
    date: `${year}-01-01`,
    description: 'Inngående balanse',
    opening: true,
    lines: [
      { account: '1920', amount: kr(412_500) },
      { account: '1900', amount: kr(5_000) },
      { account: '1200', amount: kr(320_000), description: 'Kaffebrenner Giesen W15' },
      { account: '1250', amount: kr(185_000) },
      { account: '1460', amount: kr(96_000) },
      { account: '2220', amount: -kr(250_000) },
      { account: '2400', amount: -kr(68_000) },
      { account: '2740', amount: -kr(45_000) },
      { account: '2000', amount: -kr(100_000) },
      { account: '2050', amount: -kr(555_500) },
    ],
  };
}

function vouchersOfDay(day: Date, random: Random): NewVoucherInput[] {
  const date = iso(day);
  const weekday = day.getUTCDay();
  const dayOfMonth = day.getUTCDate();
  const month = day.getUTCMonth() + 1;
  const result: NewVoucherInput[] = [];
  if (weekday !== 0) result.push(dailySales(date, random));
  if (weekday === 2) result.push(greenCoffee(date, random));
  if (dayOfMonth === 1) result.push(...monthlyCosts(date, random, month));
  if (dayOfMonth === 25) result.push(payroll(date));
  if (dayOfMonth === 15 && month % 2 === 1 && month > 1) result.push(taxSettlement(date));
  return result;
}

function dailySales(date: string, random: Random): NewVoucherInput {
  const cafe = random(kr(6_000), kr(14_000));
  const beans = random(kr(900), kr(4_000));
  return {
    series: 'S',
    date,
    description: 'Dagsoppgjør kafé og butikk',
    lines: [
      { account: '1920', amount: cafe + beans, description: 'Kortterminal' },
      { account: '3000', amount: -cafe, vatCode: '3', description: 'Servering' },
      { account: '3030', amount: -beans, vatCode: '31', description: 'Kaffebønner' },
    ],
  };
}

function greenCoffee(date: string, random: Random): NewVoucherInput {
  const amount = random(kr(18_000), kr(30_000));
  return {
    series: 'K',
    date,
    description: 'Råkaffe fra importør',
    lines: [
      { account: '4000', amount, vatCode: '11' },
      { account: '1920', amount: -amount },
    ],
  };
}

function bankPaid(
  date: string,
  account: string,
  amount: number,
  description: string,
  vatCode?: string,
): NewVoucherInput {
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

function monthlyCosts(date: string, random: Random, month: number): NewVoucherInput[] {
  const costs = [
    bankPaid(date, '6300', kr(38_000), 'Husleie Bryggen 14'),
    bankPaid(date, '6340', random(kr(3_200), kr(6_800)), 'Strøm', '1'),
    bankPaid(date, '6420', kr(1_249), 'Kassesystem og regnskapsprogram', '1'),
    bankPaid(date, '6425', random(kr(380), kr(520)), 'Skylagring fra utlandet', '86'),
    bankPaid(date, '6900', kr(899), 'Telefon og internett', '1'),
    bankPaid(date, '7770', random(kr(280), kr(640)), 'Bank- og kortgebyrer'),
  ];
  if (month % 3 === 1) costs.push(bankPaid(date, '7500', kr(6_200), 'Forsikring, kvartal'));
  return costs;
}

/** Gross pay 168 000, withholding 30 %, employer's contribution 14.1 %, holiday pay 12 %. */
function payroll(date: string): NewVoucherInput {
  const gross = kr(168_000);
  const withheld = kr(50_400);
  const contribution = kr(23_688);
  const holidayPay = kr(20_160);
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
      { account: '2600', amount: kr(100_800) },
      { account: '2770', amount: kr(47_376) },
      { account: '1920', amount: -kr(148_176) },
    ],
  };
}
