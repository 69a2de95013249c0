/**
 * The texts of the reminder screen ("Purring"), merged in as `salesReminders`. Every key
 * here must also exist in sales-reminders.en.ts.
 */
export const salesRemindersNb = {
  intro:
    'Forfalte fakturaer som kan purres på datoen: tidligst 14 dager etter forfall og 14 dager etter forrige purring, og høyst to purringer med gebyr. Deretter går kravet til inkasso.',
  date: 'Purredato',
  feeInfo:
    'Purregebyr {{fee}} (høyst {{max}}, 1/20 av inkassosatsen). Forsinkelsesrente {{rate}} % p.a.',
  none: 'Ingen fakturaer kan purres {{date}}.',
  proposal: 'Purreforslag',
  choose: 'Purr {{name}}',
  invoice: 'Faktura',
  dueDate: 'Forfall',
  daysOverdue: 'Dager forfalt',
  level: 'Purring nr.',
  open: 'Utestående',
  interest: 'Rente',
  fee: 'Gebyr',
  total: 'Sum {{name}}',
  noInterest: 'Ukjent rente',
  collection: 'Send til inkasso',
  collectionHelp: 'To purringer med gebyr er sendt; neste steg er inkassovarsel.',
  withInterest: 'med rentenota',
  submit: 'Lag purringer ({{count}})',
  failed: 'Purringene ble ikke laget',
  created: '{{count}} dokumenter er laget.',
  result: 'Laget',
  resultRow: '{{kind}} {{number}} til {{name}}',
  forInvoices: 'Faktura {{numbers}}',
};

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
export type SalesRemindersMessages = DeepStrings<typeof salesRemindersNb>;
