export * from './accounting/calendar';
export * from './accounting/chart';
export * from './accounting/posting';
export * from './accounting/vat';
export * from './money';
export { addDays } from './sales/dates';
export * from './sales/document';
export * from './sales/interest';
export * from './sales/recurrence';
