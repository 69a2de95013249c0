import { describe, expect, it } from 'vitest';
import type { Company } from '../src/api/types';
import { changesFrom, toDraft } from '../src/companies/companyDraft';

const company: Company = {
  id: 1,
  name: 'Fjordkaffe AS',
  orgNumber: '923609016',
  vatRegistered: true,
  visitAddress: { street: 'Bryggen 1', postalCode: '5003', city: 'Bergen', country: 'NO' },
  postalAddress: { street: '', postalCode: '', city: '', country: 'NO' },
  bankAccount: null,
  fiscalYearStartMonth: 1,
  baseCurrency: 'NOK',
  documentLanguage: 'nb',
  email: null,
  phone: '55 00 00 00',
  logo: null,
  licenceMaxUsers: 5,
  allowVoucherChanges: true,
};

describe('changesFrom', () => {
  it('is empty when nothing was edited', () => {
    expect(changesFrom(company, toDraft(company), true)).toEqual({});
  });

  it('sends a changed address whole, as the API replaces it', () => {
    const draft = toDraft(company);
    draft.visitAddress = { ...draft.visitAddress, city: ' Oslo ' };
    expect(changesFrom(company, draft, false)).toEqual({
      visitAddress: { street: 'Bryggen 1', postalCode: '5003', city: 'Oslo', country: 'NO' },
    });
  });

  it('turns emptied optional fields into null and upper-cases country codes', () => {
    const draft = toDraft(company);
    draft.phone = '  ';
    draft.email = 'post@fjordkaffe.no';
    draft.postalAddress = { ...draft.postalAddress, country: 'se' };
    expect(changesFrom(company, draft, false)).toEqual({
      phone: null,
      email: 'post@fjordkaffe.no',
      postalAddress: { street: '', postalCode: '', city: '', country: 'SE' },
    });
  });

  it('leaves the licence limit out unless the user may change it', () => {
    const draft = { ...toDraft(company), licenceMaxUsers: 10 };
    expect(changesFrom(company, draft, false)).toEqual({});
    expect(changesFrom(company, draft, true)).toEqual({ licenceMaxUsers: 10 });
  });
});
