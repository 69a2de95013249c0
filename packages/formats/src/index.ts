export {
  compactNumber,
  formatBankAccount,
  formatOrgNumber,
  isValidBankAccount,
  isValidOrgNumber,
} from './mod11';
