import type { SalesRemindersMessages } from './sales-reminders.nb';

export const salesRemindersEn: SalesRemindersMessages = {
  intro:
    'Overdue invoices that may be reminded on the date: at the earliest 14 days after the due date and 14 days after the previous reminder, and at most two reminders with a fee. After that the claim goes to debt collection.',
  date: 'Reminder date',
  feeInfo:
    'Reminder fee {{fee}} (at most {{max}}, 1/20 of the inkassosats). Late-payment interest {{rate}} % a year.',
  none: 'No invoices can be reminded on {{date}}.',
  proposal: 'Reminder proposal',
  choose: 'Remind {{name}}',
  invoice: 'Invoice',
  dueDate: 'Due',
  daysOverdue: 'Days overdue',
  level: 'Reminder no.',
  open: 'Outstanding',
  interest: 'Interest',
  fee: 'Fee',
  total: 'Total {{name}}',
  noInterest: 'Rate unknown',
  collection: 'Send to debt collection',
  collectionHelp: 'Two reminders with a fee have been sent; the next step is a collection notice.',
  withInterest: 'with interest note',
  submit: 'Create reminders ({{count}})',
  failed: 'The reminders were not created',
  created: '{{count}} documents were created.',
  result: 'Created',
  resultRow: '{{kind}} {{number}} to {{name}}',
  forInvoices: 'Invoice {{numbers}}',
};
