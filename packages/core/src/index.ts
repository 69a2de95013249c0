export * from './accounting/posting';
export * from './accounting/vat';
export * from './money';
