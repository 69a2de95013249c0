export * from './accounting/calendar';
export * from './accounting/chart';
export * from './accounting/posting';
export * from './accounting/vat';
export * from './money';
export * from './sales/document';
export * from './sales/interest';
export * from './sales/recurrence';
