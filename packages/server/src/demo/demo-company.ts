import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Company } from '../modules/admin/company.schemas';
import { changeCompany, createCompany } from '../modules/admin/company.service';
import { createDemoContacts } from './demo-contacts';
import { createDemoCrm } from './demo-crm';
import { createDemoInventory } from './demo-inventory';
import { postDemoYear } from './demo-ledger';
import { createDemoSales } from './demo-sales';

export const DEMO_COMPANY_NAME = 'Fjordkaffe AS';

/**
 * The demo company a new installation opens with: a small coffee roastery and café in
 * Bergen, so that a newcomer sees a living business instead of empty screens.
 */
export async function createDemoCompany(db: Kysely<Database>, ownerId: number): Promise<Company> {
  const company = await createCompany(
    db,
    { name: DEMO_COMPANY_NAME, orgNumber: '921876548', vatRegistered: true },
    ownerId,
  );
  const today = new Date().toISOString().slice(0, 10);
  await postDemoYear(db, company.id, Number(today.slice(0, 4)), today);
  await createDemoCrm(db, company.id, today, ownerId);
  await createDemoContacts(db, company.id, today);
  await createDemoInventory(db, company.id, today);
  await createDemoSales(db, company.id, today);
  return changeCompany(db, company.id, {
    visitAddress: { street: 'Bryggen 14', postalCode: '5003', city: 'Bergen', country: 'NO' },
    postalAddress: {
      street: 'Postboks 812 Sentrum',
      postalCode: '5807',
      city: 'Bergen',
      country: 'NO',
    },
    bankAccount: '15034123451',
    email: 'post@fjordkaffe.no',
    phone: '+47 55 12 34 56',
    documentLanguage: 'nb',
  });
}
