/** Shapes of the Nordbok HTTP API (/api/v1), as the server sends them. */
// Shortcoming: written by hand after the server's zod schemas, not generated from them yet.

export const MODULES = [
  'contacts',
  'crm',
  'sales',
  'purchasing',
  'inventory',
  'accounting',
  'reports',
  'settings',
] as const;
export type Module = (typeof MODULES)[number];

export const ROLES = ['administrator', 'user', 'guest'] as const;
export type Role = (typeof ROLES)[number];

export const ACCESS_LEVELS = ['none', 'read', 'write'] as const;
export type Access = (typeof ACCESS_LEVELS)[number];
export type Permissions = Record<Module, Access>;

export type Language = 'nb' | 'en';

export interface User {
  id: number;
  email: string;
  name: string;
  language: Language;
  isInstallationAdmin: boolean;
}

export interface CompanySummary {
  id: number;
  name: string;
  orgNumber: string;
  role: Role;
  permissions: Permissions;
}

export interface Session {
  user: User;
  csrfToken: string;
  currentCompanyId: number | null;
  companies: CompanySummary[];
}

export interface Address {
  street: string;
  postalCode: string;
  city: string;
  country: string;
}

export interface Company {
  id: number;
  name: string;
  orgNumber: string;
  vatRegistered: boolean;
  visitAddress: Address;
  postalAddress: Address;
  bankAccount: string | null;
  fiscalYearStartMonth: number;
  baseCurrency: 'NOK';
  documentLanguage: Language;
  email: string | null;
  phone: string | null;
  logo: string | null;
  licenceMaxUsers: number;
  /** Whether posted vouchers may be corrected and deleted (else only reversed by new ones). */
  allowVoucherChanges: boolean;
}

/** What PATCH /companies/:id accepts: every Company field but the fixed ones. */
export type CompanyChanges = Partial<Omit<Company, 'id' | 'baseCurrency'>>;

export interface NewCompany {
  name: string;
  orgNumber: string;
  fiscalYearStartMonth?: number;
  vatRegistered?: boolean;
}

export interface Member {
  userId: number;
  email: string;
  name: string;
  role: Role;
  permissions: Permissions;
}

export interface NewUser {
  email: string;
  name: string;
  password: string;
  language?: Language;
}

export interface FieldError {
  field: string;
  message: string;
  code?: string;
}

/** RFC 9457 problem details, the body of every failed API request. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldError[];
  requestId?: string;
}
