import type { Address, Company, CompanyChanges, Language } from '../api/types';

/** The company settings form's state: text fields as strings, empty meaning "not set". */
export interface CompanyDraft {
  name: string;
  orgNumber: string;
  vatRegistered: boolean;
  visitAddress: Address;
  postalAddress: Address;
  bankAccount: string;
  fiscalYearStartMonth: number;
  documentLanguage: Language;
  email: string;
  phone: string;
  logo: string | null;
  licenceMaxUsers: number;
  allowVoucherChanges: boolean;
}

export const emptyAddress: Address = { street: '', postalCode: '', city: '', country: 'NO' };

export function toDraft(company: Company): CompanyDraft {
  return {
    name: company.name,
    orgNumber: company.orgNumber,
    vatRegistered: company.vatRegistered,
    visitAddress: { ...emptyAddress, ...company.visitAddress },
    postalAddress: { ...emptyAddress, ...company.postalAddress },
    bankAccount: company.bankAccount ?? '',
    fiscalYearStartMonth: company.fiscalYearStartMonth,
    documentLanguage: company.documentLanguage,
    email: company.email ?? '',
    phone: company.phone ?? '',
    logo: company.logo,
    licenceMaxUsers: company.licenceMaxUsers,
    allowVoucherChanges: company.allowVoucherChanges,
  };
}

function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function trimAddress(address: Address): Address {
  return {
    street: address.street.trim(),
    postalCode: address.postalCode.trim(),
    city: address.city.trim(),
    country: address.country.trim().toUpperCase(),
  };
}

function toBody(draft: CompanyDraft): Required<CompanyChanges> {
  return {
    name: draft.name.trim(),
    orgNumber: draft.orgNumber.trim(),
    vatRegistered: draft.vatRegistered,
    visitAddress: trimAddress(draft.visitAddress),
    postalAddress: trimAddress(draft.postalAddress),
    bankAccount: orNull(draft.bankAccount),
    fiscalYearStartMonth: draft.fiscalYearStartMonth,
    documentLanguage: draft.documentLanguage,
    email: orNull(draft.email),
    phone: orNull(draft.phone),
    logo: draft.logo,
    licenceMaxUsers: draft.licenceMaxUsers,
    allowVoucherChanges: draft.allowVoucherChanges,
  };
}

/**
 * The PATCH body: only what differs from the saved company, so that saving one field cannot
 * trip over another. The licence limit is left out unless the user may change it.
 */
export function changesFrom(
  company: Company,
  draft: CompanyDraft,
  mayChangeLicence: boolean,
): CompanyChanges {
  const before = toBody(toDraft(company));
  const after = toBody(draft);
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof CompanyChanges)[]) {
    if (key === 'licenceMaxUsers' && !mayChangeLicence) continue;
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) changes[key] = after[key];
  }
  return changes as CompanyChanges;
}
