/**
 * Nordbok's default chart of accounts for a small Norwegian AS or ENK, laid out in the NS 4102
 * classes 1–8. The account names (bokmål and English) are Nordbok's own wording. Regnskap
 * Norge's standard account list is used only to check what a number means, never for its text.
 *
 * Every account maps to one næringsspesifikasjon pair (SAF-T 1.30 GroupingCategory and
 * GroupingCode). Fixed assets are kept net: depreciation is credited straight to the asset
 * account, so there are no accumulated-depreciation accounts. An ENK uses 2050 as the owner's
 * capital, with drawings and the owner's own tax on 2060/2070.
 *
 * VAT accounts. Each VAT code that produces VAT posts to exactly one account per direction,
 * and each VAT account serves one code, so its balance is that code's line in the VAT return.
 * The third digit says what the account holds, the last digit the kind of supply:
 *
 *   270x  output VAT                     0  domestic, 25 %      5  imported goods, 25 %
 *   271x  deductible input VAT           1  domestic, 15 %      6  imported goods, 15 %
 *   272x  output VAT with no deduction   2  raw fish, 11.11 %   8  services from abroad, 12 %
 *   273x  import VAT paid at customs     3  domestic, 12 %
 *                                        4  services from abroad, 25 %
 *
 *   code  3 → 2700   31 → 2701   32 → 2702   33 → 2703
 *   code  1 → 2710   11 → 2711   12 → 2712   13 → 2713   14 → 2735   15 → 2736
 *   code 86 → 2704 + 2714   81 → 2705 + 2715   83 → 2706 + 2716   88 → 2708 + 2718
 *   code 87 → 2724          82 → 2725          84 → 2726          89 → 2728
 *
 * All of them, and the settlement account 2740, roll up to kortsiktigGjeld/2740. Codes 91/92
 * (emission allowances and gold) have no accounts here: few small businesses trade in them.
 */

export type AccountClass = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
export type AccountKind = 'asset' | 'liability' | 'equity' | 'income' | 'expense';

export interface ChartAccount {
  /** Four digits; the first is the NS 4102 class. */
  number: string;
  nameNb: string;
  nameEn: string;
  kind: AccountKind;
  /** The SAF-T standard VAT code a posting to this account gets unless the user picks another. */
  vatCode: string | null;
  /** næringsspesifikasjon GroupingCategory (SAF-T 1.30). */
  groupingCategory: string;
  groupingCode: string;
  /** Control account of the customer or supplier sub-ledger. */
  subledger: 'customer' | 'supplier' | null;
  /** Set only on the accounts that receive the automatic VAT lines of a VAT code. */
  vatAccount?: { code: string; direction: 'output' | 'input' };
}

/** The NS 4102 class of an account number: its first digit. */
export function accountClassOf(number: string): AccountClass {
  const digit = Number(number[0]);
  if (!/^\d{4}$/.test(number) || digit < 1 || digit > 8) {
    throw new Error(`${number} is not a four-digit account number in class 1–8.`);
  }
  return digit as AccountClass;
}

/**
 * The kind follows from the number: 1 assets, 20 equity, 21–29 liabilities, 3 revenue,
 * 4–7 costs, 80 financial income, 81–87 financial costs and tax, 88–89 the year's result
 * and its appropriation, which belong to equity.
 */
function kindOf(number: string): AccountKind {
  const group = Number(number.slice(0, 2));
  if (group < 20) return 'asset';
  if (group < 21) return 'equity';
  if (group < 30) return 'liability';
  if (group < 40) return 'income';
  if (group < 80) return 'expense';
  if (group < 81) return 'income';
  if (group < 88) return 'expense';
  return 'equity';
}

const FIXED_ASSET = 'balanseverdiForAnleggsmiddel';
const CURRENT_ASSET = 'balanseverdiForOmloepsmiddel';
const EQUITY = 'egenkapital';
const LONG_TERM_DEBT = 'langsiktigGjeld';
const SHORT_TERM_DEBT = 'kortsiktigGjeld';
const SALES = 'salgsinntekt';
const OTHER_INCOME = 'annenDriftsinntekt';
const GOODS = 'varekostnad';
const PAYROLL = 'loennskostnad';
const OPERATING = 'annenDriftskostnad';
const FINANCE_INCOME = 'finansinntekt';
const FINANCE_COST = 'finanskostnad';
const TAX = 'skattekostnad';
const APPROPRIATION = 'resultatDisponeringForSAF-T';

interface Options {
  vat?: string;
  subledger?: 'customer' | 'supplier';
}

function account(
  number: string,
  nameNb: string,
  nameEn: string,
  groupingCategory: string,
  groupingCode: string,
  options: Options = {},
): ChartAccount {
  return {
    number,
    nameNb,
    nameEn,
    kind: kindOf(number),
    vatCode: options.vat ?? null,
    groupingCategory,
    groupingCode,
    subledger: options.subledger ?? null,
  };
}

/** An account that receives the VAT lines of one VAT code in one direction. */
function vat(
  number: string,
  nameNb: string,
  nameEn: string,
  code: string,
  direction: 'output' | 'input',
): ChartAccount {
  const base = account(number, nameNb, nameEn, SHORT_TERM_DEBT, '2740');
  return { ...base, vatAccount: { code, direction } };
}

// biome-ignore format: one account per line (two when the names are long) reads as a table
export const DEFAULT_CHART: readonly ChartAccount[] = Object.freeze([
  // 10–13 Fixed assets, carried net of depreciation
  account('1020', 'Konsesjoner, patenter og lisenser', 'Concessions, patents and licences',
    FIXED_ASSET, '1020'),
  account('1080', 'Ervervet goodwill', 'Purchased goodwill', FIXED_ASSET, '1080'),
  account('1100', 'Forretningsbygg', 'Commercial buildings', FIXED_ASSET, '1105'),
  account('1200', 'Maskiner og produksjonsutstyr', 'Machinery and production equipment',
    FIXED_ASSET, '1205'),
  account('1230', 'Personbiler', 'Passenger cars', FIXED_ASSET, '1205'),
  account('1235', 'Varebiler og lastebiler', 'Vans and lorries', FIXED_ASSET, '1238'),
  account('1250', 'Inventar og innredning', 'Fixtures and furniture', FIXED_ASSET, '1205'),
  account('1280', 'Datautstyr og kontormaskiner', 'Computers and office machines',
    FIXED_ASSET, '1280'),
  account('1350', 'Investeringer i aksjer og andeler', 'Investments in shares and holdings',
    FIXED_ASSET, '1350'),
  account('1390', 'Depositum og andre langsiktige krav', 'Deposits and other long-term receivables',
    FIXED_ASSET, '1390'),

  // 14–19 Current assets
  account('1400', 'Lager av råvarer og materialer', 'Stock of raw materials', CURRENT_ASSET,
    '1400'),
  account('1460', 'Lager av handelsvarer', 'Stock of goods for resale', CURRENT_ASSET, '1400'),
  account('1500', 'Fordringer på kunder', 'Trade receivables (customers)', CURRENT_ASSET,
    '1500', { subledger: 'customer' }),
  account('1530', 'Opptjent inntekt, ikke fakturert', 'Earned revenue not yet invoiced',
    CURRENT_ASSET, '1530'),
  account('1570', 'Forskudd og kortsiktige lån til ansatte',
    'Advances and short-term loans to employees', CURRENT_ASSET, '1570'),
  account('1575', 'Mellomværende med eiere', 'Current account with owners', CURRENT_ASSET,
    '1565'),
  account('1579', 'Øvrige kortsiktige fordringer', 'Sundry short-term receivables',
    CURRENT_ASSET, '1570'),
  account('1580', 'Avsatt tap på kundefordringer', 'Allowance for doubtful receivables',
    CURRENT_ASSET, '1500'),
  account('1700', 'Forskuddsbetalte kostnader', 'Prepaid expenses', CURRENT_ASSET, '1570'),
  account('1750', 'Påløpte inntekter, ikke mottatt', 'Accrued income', CURRENT_ASSET, '1570'),
  account('1780', 'Ikke innbetalt aksjekapital', 'Share capital not yet paid in',
    CURRENT_ASSET, '1780'),
  account('1900', 'Kontantkasse', 'Cash on hand', CURRENT_ASSET, '1900'),
  account('1920', 'Driftskonto i bank', 'Operating bank account', CURRENT_ASSET, '1920'),
  account('1930', 'Sparekonto i bank', 'Savings bank account', CURRENT_ASSET, '1920'),
  account('1950', 'Skattetrekkskonto', 'Tax withholding bank account', CURRENT_ASSET, '1950'),

  // 20 Equity (AS and ENK)
  account('2000', 'Aksjekapital', 'Share capital', EQUITY, '2000'),
  account('2020', 'Overkursfond', 'Share premium', EQUITY, '2020'),
  account('2050', 'Opptjent egenkapital (ENK: eiers kapital)',
    "Retained earnings (sole proprietor: owner's capital)", EQUITY, '2050'),
  account('2060', 'Privatuttak og innskudd (ENK)', "Owner's drawings and contributions (ENK)",
    EQUITY, '2050'),
  account('2070', 'Eiers skatt betalt av firmaet (ENK)', "Owner's tax paid by the business (ENK)",
    EQUITY, '2050'),
  account('2080', 'Akkumulert udekket tap', 'Accumulated uncovered loss', EQUITY, '2080'),

  // 22 Long-term debt
  account('2220', 'Langsiktige lån i bank', 'Long-term bank loans', LONG_TERM_DEBT, '2220'),
  account('2250', 'Langsiktige lån fra eiere og ansatte',
    'Long-term loans from owners and employees', LONG_TERM_DEBT, '2250'),

  // 23–26 Short-term debt, tax and withholdings
  account('2380', 'Trekk på kassekreditt', 'Bank overdraft drawn', SHORT_TERM_DEBT, '2380'),
  account('2400', 'Gjeld til leverandører', 'Trade payables (suppliers)', SHORT_TERM_DEBT,
    '2400', { subledger: 'supplier' }),
  account('2500', 'Beregnet skatt å betale', 'Estimated tax payable', SHORT_TERM_DEBT, '2500'),
  account('2600', 'Forskuddstrekk fra lønn', 'Tax withheld from pay', SHORT_TERM_DEBT, '2600'),
  account('2690', 'Øvrige trekk fra lønn', 'Other payroll deductions', SHORT_TERM_DEBT, '2600'),

  // 27 VAT (scheme at the top of this file) and employer's contribution
  vat('2700', 'Utgående mva 25 %', 'Output VAT 25 %', '3', 'output'),
  vat('2701', 'Utgående mva 15 %', 'Output VAT 15 %', '31', 'output'),
  vat('2702', 'Utgående mva 11,11 % (råfisk)', 'Output VAT 11.11 % (raw fish)', '32', 'output'),
  vat('2703', 'Utgående mva 12 %', 'Output VAT 12 %', '33', 'output'),
  vat('2704', 'Utgående mva, tjenestekjøp fra utlandet 25 %',
    'Output VAT, services bought abroad 25 %', '86', 'output'),
  vat('2705', 'Utgående mva, vareimport 25 %', 'Output VAT, imported goods 25 %', '81', 'output'),
  vat('2706', 'Utgående mva, vareimport 15 %', 'Output VAT, imported goods 15 %', '83', 'output'),
  vat('2708', 'Utgående mva, tjenestekjøp fra utlandet 12 %',
    'Output VAT, services bought abroad 12 %', '88', 'output'),
  vat('2710', 'Inngående mva 25 %', 'Input VAT 25 %', '1', 'input'),
  vat('2711', 'Inngående mva 15 %', 'Input VAT 15 %', '11', 'input'),
  vat('2712', 'Inngående mva 11,11 % (råfisk)', 'Input VAT 11.11 % (raw fish)', '12', 'input'),
  vat('2713', 'Inngående mva 12 %', 'Input VAT 12 %', '13', 'input'),
  vat('2714', 'Inngående mva, tjenestekjøp fra utlandet 25 %',
    'Input VAT, services bought abroad 25 %', '86', 'input'),
  vat('2715', 'Inngående mva, vareimport 25 %', 'Input VAT, imported goods 25 %', '81', 'input'),
  vat('2716', 'Inngående mva, vareimport 15 %', 'Input VAT, imported goods 15 %', '83', 'input'),
  vat('2718', 'Inngående mva, tjenestekjøp fra utlandet 12 %',
    'Input VAT, services bought abroad 12 %', '88', 'input'),
  vat('2724', 'Utgående mva uten fradrag, tjenester fra utlandet 25 %',
    'Output VAT without deduction, services from abroad 25 %', '87', 'output'),
  vat('2725', 'Utgående mva uten fradrag, vareimport 25 %',
    'Output VAT without deduction, imported goods 25 %', '82', 'output'),
  vat('2726', 'Utgående mva uten fradrag, vareimport 15 %',
    'Output VAT without deduction, imported goods 15 %', '84', 'output'),
  vat('2728', 'Utgående mva uten fradrag, tjenester fra utlandet 12 %',
    'Output VAT without deduction, services from abroad 12 %', '89', 'output'),
  vat('2735', 'Innførselsmva betalt i tollen 25 %', 'Import VAT paid at customs 25 %', '14',
    'input'),
  vat('2736', 'Innførselsmva betalt i tollen 15 %', 'Import VAT paid at customs 15 %', '15',
    'input'),
  account('2740', 'Avregning merverdiavgift', 'VAT settlement', SHORT_TERM_DEBT, '2740'),
  account('2770', 'Arbeidsgiveravgift å betale', "Employer's contribution payable",
    SHORT_TERM_DEBT, '2770'),
  account('2780', 'Påløpt arbeidsgiveravgift, feriepenger og lønn',
    "Accrued employer's contribution on holiday pay and wages", SHORT_TERM_DEBT, '2770'),

  // 28–29 Dividends and other short-term debt
  account('2800', 'Utbytte vedtatt, ikke utbetalt', 'Dividends payable', SHORT_TERM_DEBT,
    '2800'),
  account('2900', 'Forskuddsbetalinger fra kunder', 'Customer prepayments', SHORT_TERM_DEBT,
    '2900'),
  account('2910', 'Kortsiktig gjeld til ansatte og eiere',
    'Short-term debt to employees and owners', SHORT_TERM_DEBT, '2910'),
  account('2940', 'Feriepengeforpliktelse', 'Holiday pay liability', SHORT_TERM_DEBT, '2949'),
  account('2960', 'Påløpte kostnader', 'Accrued expenses', SHORT_TERM_DEBT, '2990'),
  account('2990', 'Øvrig kortsiktig gjeld', 'Other short-term liabilities', SHORT_TERM_DEBT,
    '2990'),

  // 3 Operating revenue
  account('3000', 'Salg, 25 % mva', 'Sales, 25 % VAT', SALES, '3000', { vat: '3' }),
  account('3030', 'Salg, 15 % mva (næringsmidler)', 'Sales, 15 % VAT (food)', SALES, '3000',
    { vat: '31' }),
  account('3050', 'Salg, 12 % mva (persontransport, overnatting m.m.)',
    'Sales, 12 % VAT (passenger transport, accommodation etc.)', SALES, '3000', { vat: '33' }),
  account('3060', 'Uttak til eget bruk, 25 % mva', 'Withdrawals for own use, 25 % VAT', SALES,
    '3000', { vat: '3' }),
  account('3100', 'Salg fritatt for mva, innenlands', 'Zero-rated domestic sales', SALES,
    '3100', { vat: '5' }),
  account('3150', 'Eksport, fritatt for mva', 'Exports, zero-rated', SALES, '3100',
    { vat: '52' }),
  account('3200', 'Salg utenfor mva-loven', 'Sales outside the scope of VAT', SALES, '3200',
    { vat: '6' }),
  account('3400', 'Offentlige tilskudd', 'Government grants', OTHER_INCOME, '3400'),
  account('3600', 'Utleie av lokaler, uten mva', 'Rent of premises, no VAT', OTHER_INCOME,
    '3600', { vat: '6' }),
  account('3880', 'Gevinst ved salg av driftsmidler', 'Gain on disposal of fixed assets',
    OTHER_INCOME, '3880'),
  account('3900', 'Andre driftsinntekter', 'Other operating income', OTHER_INCOME, '3900'),

  // 4 Cost of goods and subcontracting. Goods imported are posted on 4340 without VAT; the
  // customs value goes on 4380 (code 81 makes the import VAT) against 4381.
  account('4000', 'Kjøp av råvarer og materialer', 'Purchases of raw materials', GOODS, '4005',
    { vat: '1' }),
  account('4090', 'Endring i varebeholdning', 'Change in inventory', GOODS, '4005'),
  account('4300', 'Kjøp av handelsvarer, 25 % mva', 'Goods for resale, 25 % VAT', GOODS,
    '4005', { vat: '1' }),
  account('4330', 'Kjøp av handelsvarer, 15 % mva', 'Goods for resale, 15 % VAT', GOODS,
    '4005', { vat: '11' }),
  account('4340', 'Kjøp av handelsvarer fra utlandet', 'Goods for resale bought abroad', GOODS,
    '4005'),
  account('4380', 'Tollverdi, grunnlag for innførselsmva', 'Customs value, basis for import VAT',
    GOODS, '4005', { vat: '81' }),
  account('4381', 'Motkonto for tollverdi', 'Offset for customs value', GOODS, '4005'),
  account('4500', 'Underleverandører og innleid arbeid', 'Subcontractors and hired labour',
    GOODS, '4500', { vat: '1' }),
  account('4560', 'Tjenester kjøpt fra utlandet', 'Services bought abroad (reverse charge)',
    GOODS, '4500', { vat: '86' }),

  // 5 Payroll
  account('5000', 'Fastlønn og timelønn', 'Salaries and hourly wages', PAYROLL, '5000'),
  account('5180', 'Feriepenger, årets opptjening', 'Holiday pay earned', PAYROLL, '5000'),
  account('5330', 'Styrehonorar', 'Board fees', PAYROLL, '5300'),
  account('5400', 'Arbeidsgiveravgift, kostnad', "Employer's social security contribution",
    PAYROLL, '5400'),
  account('5405', 'Arbeidsgiveravgift på feriepenger', "Employer's contribution on holiday pay",
    PAYROLL, '5400'),
  account('5800', 'Refusjon av sykepenger fra NAV', 'Sick pay refunds from NAV', PAYROLL,
    '5000'),
  account('5900', 'Velferd og gaver til ansatte', 'Staff welfare and gifts', PAYROLL, '5900'),
  account('5950', 'Tjenestepensjon (OTP)', 'Occupational pension (OTP)', PAYROLL, '5950'),
  account('5990', 'Øvrige personalkostnader', 'Other staff costs', PAYROLL, '5900'),

  // 6 Depreciation, premises, equipment, services, office
  account('6000', 'Avskrivninger på driftsmidler', 'Depreciation of fixed assets', OPERATING,
    '6000'),
  account('6100', 'Frakt og forsendelse ved salg', 'Freight and shipping on sales', OPERATING,
    '6100', { vat: '1' }),
  // Renting premises is outside VAT unless the landlord has registered voluntarily.
  account('6300', 'Husleie', 'Rent of premises', OPERATING, '6300'),
  account('6340', 'Strøm og oppvarming', 'Electricity and heating', OPERATING, '6340',
    { vat: '1' }),
  account('6360', 'Renhold og renovasjon', 'Cleaning and waste collection', OPERATING, '6395',
    { vat: '1' }),
  account('6400', 'Leie av maskiner og utstyr', 'Rent of machinery and equipment', OPERATING,
    '6400', { vat: '1' }),
  account('6420', 'Programvare og skytjenester', 'Software and cloud services', OPERATING,
    '6350', { vat: '1' }),
  account('6425', 'Programvare og skytjenester fra utlandet',
    'Software and cloud services from abroad', OPERATING, '6350', { vat: '86' }),
  // No default VAT: leasing a passenger car gives no deduction, a van does (code 1).
  account('6440', 'Leasing av kjøretøy', 'Vehicle leasing', OPERATING, '6440'),
  account('6500', 'Verktøy og småutstyr', 'Tools and small equipment', OPERATING, '6500',
    { vat: '1' }),
  account('6540', 'Inventar, ikke aktivert', 'Furniture, expensed', OPERATING, '6500',
    { vat: '1' }),
  account('6550', 'Driftsmaterialer og forbruksvarer', 'Operating supplies and consumables',
    OPERATING, '6500', { vat: '1' }),
  account('6600', 'Vedlikehold av bygg og lokaler', 'Maintenance of buildings and premises',
    OPERATING, '6600', { vat: '1' }),
  account('6620', 'Vedlikehold av maskiner og utstyr', 'Maintenance of machinery and equipment',
    OPERATING, '6695', { vat: '1' }),
  account('6700', 'Revisjon og regnskapsføring', 'Audit and accounting services', OPERATING,
    '6700', { vat: '1' }),
  account('6790', 'Øvrige innkjøpte tjenester', 'Other purchased services', OPERATING, '6700',
    { vat: '1' }),
  account('6800', 'Kontormateriell', 'Office stationery and supplies', OPERATING, '6995',
    { vat: '1' }),
  account('6860', 'Kurs, seminarer og møter', 'Courses, seminars and meetings', OPERATING,
    '6995', { vat: '1' }),
  account('6900', 'Telefon og internett', 'Telephone and internet', OPERATING, '6995',
    { vat: '1' }),
  // Letters within the postal universal service carry no VAT; parcels do.
  account('6940', 'Porto og postforsendelser', 'Postage and mailing', OPERATING, '6995'),

  // 7 Vehicles, travel, sales, insurance, other costs. Running costs of a passenger car give
  // no VAT deduction, so only fuel for vans and lorries has code 1 by default.
  account('7000', 'Drivstoff, varebil og lastebil', 'Fuel, vans and lorries', OPERATING,
    '7000', { vat: '1' }),
  account('7005', 'Drivstoff, personbil', 'Fuel, passenger cars', OPERATING, '7000'),
  account('7020', 'Service og reparasjon av kjøretøy', 'Vehicle service and repairs',
    OPERATING, '7020'),
  account('7040', 'Forsikring og avgifter for kjøretøy', 'Vehicle insurance and road taxes',
    OPERATING, '7040'),
  account('7080', 'Bruk av privat bil i næringen (ENK)', 'Business use of private car (ENK)',
    OPERATING, '7080'),
  account('7099', 'Privat bruk av firmabil (ENK)', 'Private use of business car (ENK)',
    OPERATING, '7099'),
  account('7100', 'Kilometergodtgjørelse', 'Mileage allowance', OPERATING, '7155'),
  account('7140', 'Reiseutgifter', 'Travel expenses', OPERATING, '7165', { vat: '13' }),
  account('7150', 'Diett og kostgodtgjørelse', 'Per diem allowances', OPERATING, '7155'),
  account('7320', 'Annonser og markedsføring', 'Advertising and marketing', OPERATING, '7330',
    { vat: '1' }),
  // Entertainment never gives a VAT deduction; the two accounts split it for income tax.
  account('7350', 'Representasjon med skattefradrag', 'Entertainment, tax-deductible',
    OPERATING, '7350'),
  account('7360', 'Representasjon uten skattefradrag', 'Entertainment, not tax-deductible',
    OPERATING, '7370'),
  account('7400', 'Kontingenter med skattefradrag', 'Memberships, tax-deductible', OPERATING,
    '7400'),
  account('7420', 'Gaver med skattefradrag', 'Gifts, tax-deductible', OPERATING, '7420'),
  account('7500', 'Forsikringer', 'Business insurance', OPERATING, '7500'),
  account('7770', 'Gebyrer til bank og kortinnløser', 'Bank and card acquirer fees', OPERATING,
    '7700'),
  account('7790', 'Diverse driftskostnader', 'Sundry operating expenses', OPERATING, '7700'),
  account('7830', 'Tap på kundefordringer', 'Bad debts', OPERATING, '7830'),
  account('7880', 'Tap ved salg av driftsmidler', 'Loss on disposal of fixed assets',
    OPERATING, '7880'),

  // 80–83 Financial items and tax
  account('8050', 'Renter på bankinnskudd', 'Interest on bank deposits', FINANCE_INCOME,
    '8050'),
  account('8055', 'Forsinkelsesrenter fra kunder', 'Late-payment interest from customers',
    FINANCE_INCOME, '8050'),
  account('8060', 'Kursgevinst på valuta (agio)', 'Currency exchange gain', FINANCE_INCOME,
    '8060'),
  account('8079', 'Øvrige finansinntekter', 'Sundry financial income', FINANCE_INCOME, '8079'),
  account('8150', 'Renter på lån og kreditt', 'Interest on loans and credit', FINANCE_COST,
    '8150'),
  account('8160', 'Kurstap på valuta (disagio)', 'Currency exchange loss', FINANCE_COST,
    '8160'),
  account('8179', 'Øvrige finanskostnader', 'Sundry financial expenses', FINANCE_COST, '8179'),
  account('8300', 'Årets betalbare skatt', 'Tax payable for the year', TAX, '8300'),

  // 88–89 The year's result and its appropriation
  account('8800', 'Årets resultat', 'Profit or loss for the year', APPROPRIATION, '8800'),
  account('8920', 'Utbytte til aksjonærer', 'Dividends to shareholders', APPROPRIATION, '8800'),
  account('8960', 'Overført til opptjent egenkapital', 'Transfer to retained earnings',
    APPROPRIATION, '8800'),
  account('8990', 'Overført til udekket tap', 'Transfer to uncovered loss', APPROPRIATION,
    '8800'),
]);

/** Where each VAT code posts its VAT lines, collected from the chart's VAT accounts. */
export const VAT_ACCOUNTS: Record<string, { output?: string; input?: string }> =
  vatAccountsOf(DEFAULT_CHART);

function vatAccountsOf(chart: readonly ChartAccount[]) {
  const result: Record<string, { output?: string; input?: string }> = {};
  for (const { number, vatAccount } of chart) {
    if (!vatAccount) continue;
    const { code, direction } = vatAccount;
    const entry = result[code] ?? {};
    const taken = entry[direction];
    if (taken) {
      throw new Error(`VAT code ${code} has two ${direction} accounts: ${taken}, ${number}.`);
    }
    entry[direction] = number;
    result[code] = entry;
  }
  return result;
}
