import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** A remembered setting of a company, or undefined when none is saved. */
export async function readSetting<T>(db: Kysely<Database>, companyId: number, key: string) {
  const row = await db
    .selectFrom('company_settings')
    .select('value')
    .where('company_id', '=', companyId)
    .where('key', '=', key)
    .executeTakeFirst();
  return row ? (JSON.parse(row.value) as T) : undefined;
}

export async function saveSetting(
  db: Kysely<Database>,
  companyId: number,
  key: string,
  value: unknown,
) {
  const json = JSON.stringify(value);
  await db
    .insertInto('company_settings')
    .values({ company_id: companyId, key, value: json })
    .onConflict((oc) => oc.columns(['company_id', 'key']).doUpdateSet({ value: json }))
    .execute();
}
