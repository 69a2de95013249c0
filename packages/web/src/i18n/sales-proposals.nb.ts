/**
 * The texts of the purchase proposal ("Innkjøpsforslag") and the remittance proposal
 * ("Betalingsforslag"), merged in as `salesProposals`. Every key here must also exist in
 * sales-proposals.en.ts.
 */
export const salesProposalsNb = {
  purchase: {
    intro:
      'Lagervarer som kommer under bestillingspunktet når åpne salgsordrer er levert og det som er bestilt er kommet inn, gruppert per foretrukket leverandør.',
    date: 'Bestillingsdato',
    none: 'Ingen varer trenger påfyll.',
    noSupplier: 'Uten foretrukket leverandør',
    noSupplierHelp: 'Gi varene en foretrukket leverandør på varekortet før de kan bestilles.',
    choose: 'Bestill {{name}}',
    chooseAll: 'Velg alle fra {{name}}',
    item: 'Varenr.',
    name: 'Vare',
    supplierItem: 'Lev. varenr.',
    onHand: 'På lager',
    openSales: 'I ordre',
    onOrder: 'Bestilt',
    available: 'Disponibelt',
    reorderPoint: 'Best.punkt',
    price: 'Innpris',
    quantity: 'Antall',
    quantityOf: 'Antall av {{name}}',
    invalidQuantity: 'Skriv et antall over null med høyst tre desimaler.',
    submit: 'Lag bestillinger ({{count}})',
    failed: 'Bestillingene ble ikke laget',
    created_one: '{{count}} bestilling er laget.',
    created_other: '{{count}} bestillinger er laget.',
    result: 'Laget',
    resultRow: 'Bestilling {{number}} til {{name}}',
  },
  remittance: {
    intro:
      'Ubetalte regninger med forfall til og med datoen. Kryss av det som skal betales, fyll inn leverandørens kontonummer, og send betalingsfilen (pain.001) til banken.',
    dueBy: 'Forfall til og med',
    date: 'Betalingsdato',
    account: 'Fra konto (hovedbok)',
    accountHelp: 'Tom: bankkontoen i salgsinnstillingene.',
    none: 'Ingen ubetalte regninger forfaller innen {{date}}.',
    choose: 'Betal regning {{number}} fra {{name}}',
    bill: 'Regning',
    supplier: 'Leverandør',
    invoice: 'Fakturanr.',
    kid: 'KID',
    dueDate: 'Forfall',
    open: 'Å betale',
    creditorAccount: 'Til kontonummer',
    creditorAccountOf: 'Kontonummer for regning {{number}} fra {{name}}',
    foreign: 'I {{currency}}: betales manuelt i banken',
    chosenTotal: 'Valgt: {{amount}}',
    submit: 'Betal og lag betalingsfil ({{count}})',
    failed: 'Betalingene ble ikke registrert',
    created_one: '{{count}} utbetaling er registrert.',
    created_other: '{{count}} utbetalinger er registrert.',
    result: 'Registrert',
    resultRow: 'Utbetaling {{number}} til {{name}}: {{amount}}',
    download: 'Last ned betalingsfil (pain.001)',
    downloadHelp: 'Last opp filen i nettbanken for å utføre betalingene.',
  },
};

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
export type SalesProposalsMessages = DeepStrings<typeof salesProposalsNb>;
