export { isValidKid, type KidMethod, makeKid, mod10CheckDigit, mod11CheckDigit } from './kid';
export {
  compactNumber,
  formatBankAccount,
  formatOrgNumber,
  isValidBankAccount,
  isValidOrgNumber,
} from './mod11';
export * from './mva/index';
export { composeKid, type KidLayout } from './payments/kid-compose';
export {
  type ExchangeRateRow,
  parseExchangeRates,
  type RateFileError,
} from './payments/norges-bank';
export {
  PAIN001_NAMESPACE,
  type Pain001Payment,
  type Pain001Remittance,
  writePain001,
} from './payments/pain001';
export { GROUPING_CODES, type GroupingCode, isGroupingCode } from './saft/grouping';
export * from './saft/index';
