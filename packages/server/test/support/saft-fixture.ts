/**
 * Small SAF-T files for tests of the import, written the way other systems write them.
 */
const amount = (ore: number) => (Math.abs(ore) / 100).toFixed(2);
const side = (ore: number, debit: string, credit: string) =>
  ore >= 0 ? `<${debit}>${amount(ore)}</${debit}>` : `<${credit}>${amount(ore)}</${credit}>`;

export interface Fixture {
  version?: string;
  orgNumber?: string;
  accounts: [id: string, name: string, opening: number, closing: number][];
  customers?: [id: string, name: string, account: string, opening: number, closing: number][];
  transactions: {
    id: string;
    date: string;
    lines: [account: string, amount: number, extra?: string][];
  }[];
}

/**
 * A small SAF-T file. Version 1.30 gives parties their balances in BalanceAccount and
 * accounts their grouping codes; 1.20 (and 1.10) put the party's account and balances on
 * the party and use StandardAccountID, as the older schema does.
 */
export function saft(f: Fixture): string {
  const version = f.version ?? '1.30';
  const modern = version === '1.30';
  const accounts = f.accounts
    .map(
      ([id, name, opening, closing]) => `
      <Account><AccountID>${id}</AccountID><AccountDescription>${name}</AccountDescription>
        ${modern ? `<GroupingCategory>balanseverdiForOmloepsmiddel</GroupingCategory><GroupingCode>1920</GroupingCode>` : `<StandardAccountID>${id.slice(0, 2)}</StandardAccountID>`}
        <AccountType>GL</AccountType>
        ${side(opening, 'OpeningDebitBalance', 'OpeningCreditBalance')}
        ${side(closing, 'ClosingDebitBalance', 'ClosingCreditBalance')}
      </Account>`,
    )
    .join('');
  const customers = (f.customers ?? [])
    .map(([id, name, account, opening, closing]) => {
      const balances = `<AccountID>${account}</AccountID>
          ${side(opening, 'OpeningDebitBalance', 'OpeningCreditBalance')}
          ${side(closing, 'ClosingDebitBalance', 'ClosingCreditBalance')}`;
      return `<Customer><Name>${name}</Name><CustomerID>${id}</CustomerID>
        ${modern ? `<BalanceAccount>${balances}</BalanceAccount>` : balances}</Customer>`;
    })
    .join('');
  const transactions = f.transactions
    .map(
      (t) => `
      <Transaction><TransactionID>${t.id}</TransactionID><Period>${Number(t.date.slice(5, 7))}</Period>
        <PeriodYear>${t.date.slice(0, 4)}</PeriodYear><TransactionDate>${t.date}</TransactionDate>
        <Description>Bilag ${t.id}</Description><SystemEntryDate>${t.date}</SystemEntryDate><GLPostingDate>${t.date}</GLPostingDate>
        ${t.lines
          .map(
            (
              [account, ore, extra],
              i,
            ) => `<Line><RecordID>${i + 1}</RecordID><AccountID>${account}</AccountID>${extra ?? ''}
            <Description>Linje ${i + 1}</Description>${side(ore, 'DebitAmount', 'CreditAmount').replace(/<(Debit|Credit)Amount>([^<]*)</, '<$1Amount><Amount>$2</Amount><')}</Line>`,
          )
          .join('\n')}
      </Transaction>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<AuditFile xmlns="urn:StandardAuditFile-Taxation-Financial:NO">
  <Header><AuditFileVersion>${version}</AuditFileVersion><AuditFileCountry>NO</AuditFileCountry>
    <AuditFileDateCreated>2025-02-01</AuditFileDateCreated><SoftwareCompanyName>Et annet system AS</SoftwareCompanyName>
    <SoftwareID>Regnskap</SoftwareID><SoftwareVersion>9</SoftwareVersion>
    <Company><RegistrationNumber>${f.orgNumber ?? '999999999'}</RegistrationNumber><Name>Importert AS</Name>
      <Contact><ContactPerson><FirstName>Kari</FirstName><LastName>Nordmann</LastName></ContactPerson></Contact>
      <TaxRegistration><TaxRegistrationNumber>${f.orgNumber ?? '999999999'}MVA</TaxRegistrationNumber></TaxRegistration>
    </Company>
    <DefaultCurrencyCode>NOK</DefaultCurrencyCode>
    <SelectionCriteria><SelectionStartDate>2024-01-01</SelectionStartDate><SelectionEndDate>2024-12-31</SelectionEndDate></SelectionCriteria>
    <TaxAccountingBasis>A</TaxAccountingBasis>
  </Header>
  <MasterFiles><GeneralLedgerAccounts>${accounts}</GeneralLedgerAccounts><Customers>${customers}</Customers>
    <TaxTable><TaxTableEntry><TaxType>MVA</TaxType><Description>Merverdiavgift</Description>
      <TaxCodeDetails><TaxCode>U25</TaxCode><Description>Utgående høy</Description><TaxPercentage>25</TaxPercentage><Country>NO</Country><StandardTaxCode>3</StandardTaxCode><BaseRate>100</BaseRate></TaxCodeDetails>
    </TaxTableEntry></TaxTable>
  </MasterFiles>
  <GeneralLedgerEntries><NumberOfEntries>${f.transactions.length}</NumberOfEntries>
    <TotalDebit>${amount(f.transactions.flatMap((t) => t.lines).reduce((s, [, a]) => s + Math.max(a, 0), 0))}</TotalDebit>
    <TotalCredit>${amount(f.transactions.flatMap((t) => t.lines).reduce((s, [, a]) => s + Math.max(-a, 0), 0))}</TotalCredit>
    <Journal><JournalID>GL</JournalID><Description>Hovedbok</Description><Type>GL</Type>${transactions}
    </Journal>
  </GeneralLedgerEntries>
</AuditFile>
`;
}

export const SALE_TAX = `<TaxInformation><TaxType>MVA</TaxType><TaxCode>U25</TaxCode><TaxPercentage>25</TaxPercentage>
  <TaxBase>1000.00</TaxBase><TaxAmount><Amount>250.00</Amount></TaxAmount></TaxInformation>`;

/** A consistent year: opening balances that sum to zero, a sale, a payment. */
export function consistentYear(version: string): Fixture {
  return {
    version,
    accounts: [
      ['1500', 'Kundefordringer', 50_000, 125_000 - 50_000 + 50_000],
      ['1920', 'Bank', 200_000, 250_000],
      ['2050', 'Annen egenkapital', -250_000, -250_000],
      ['2700', 'Utgående mva', 0, -25_000],
      ['3000', 'Salg', 0, -100_000],
    ],
    customers: [
      ['10001', 'Kunde En AS', '1500', 50_000, 0],
      ['10002', 'Kunde To AS', '1500', 0, 125_000],
    ],
    transactions: [
      {
        id: '1',
        date: '2024-03-05',
        lines: [
          ['1500', 125_000, '<CustomerID>10002</CustomerID>'],
          ['3000', -100_000, SALE_TAX],
          ['2700', -25_000],
        ],
      },
      {
        id: '2',
        date: '2024-04-10',
        lines: [
          ['1920', 50_000],
          ['1500', -50_000, '<CustomerID>10001</CustomerID>'],
        ],
      },
    ],
  };
}
