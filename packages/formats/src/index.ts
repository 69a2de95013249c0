export { isValidKid, type KidMethod, makeKid, mod10CheckDigit, mod11CheckDigit } from './kid';
export {
  compactNumber,
  formatBankAccount,
  formatOrgNumber,
  isValidBankAccount,
  isValidOrgNumber,
} from './mod11';
export * from './mva/index';
export { GROUPING_CODES, type GroupingCode, isGroupingCode } from './saft/grouping';
export * from './saft/index';
