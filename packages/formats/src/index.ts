export {
  compactNumber,
  formatBankAccount,
  formatOrgNumber,
  isValidBankAccount,
  isValidOrgNumber,
} from './mod11';
export { GROUPING_CODES, type GroupingCode, isGroupingCode } from './saft/grouping';
