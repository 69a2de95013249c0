import { accountClassOf, vatCodeFitsAccount } from '@nordbok/core';
import { isGroupingCode } from '@nordbok/formats';
import type { Kysely } from 'kysely';
import type { AccountRow, Database } from '../../db/schema';
import { AppError } from '../../errors';
import type { Account, AccountChanges, NewAccount } from './account.schemas';
import { findAccounts, listAccounts, listVatAccounts } from './account.store';

export function toAccount(a: AccountRow): Account {
  return {
    number: a.number,
    nameNb: a.name_nb,
    nameEn: a.name_en,
    kind: a.kind,
    vatCode: a.vat_code,
    groupingCategory: a.grouping_category,
    groupingCode: a.grouping_code,
    subledger: a.subledger === 'customer' || a.subledger === 'supplier' ? a.subledger : null,
    blocked: a.blocked === 1,
  };
}

export async function accounts(db: Kysely<Database>, companyId: number): Promise<Account[]> {
  return (await listAccounts(db, companyId)).map(toAccount);
}

/** The kind follows the NS 4102 class, as in the default chart. */
export function kindOf(number: string): string {
  const cls = accountClassOf(number);
  if (cls === 1) return 'asset';
  if (cls === 2) return number.startsWith('20') ? 'equity' : 'liability';
  if (cls === 3) return 'income';
  if (cls === 8)
    return number.startsWith('80') ? 'income' : number >= '8800' ? 'equity' : 'expense';
  return 'expense';
}

export async function addAccount(db: Kysely<Database>, companyId: number, input: NewAccount) {
  if ((await findAccounts(db, companyId, [input.number])).length > 0) {
    throw AppError.field('number', `Account ${input.number} already exists.`, 'duplicate');
  }
  await checkAccountRules(db, companyId, input.number, input);
  const row = await db
    .insertInto('accounts')
    .values({
      company_id: companyId,
      number: input.number,
      name_nb: input.nameNb,
      name_en: input.nameEn ?? input.nameNb,
      kind: kindOf(input.number),
      vat_code: input.vatCode ?? null,
      grouping_category: input.groupingCategory,
      grouping_code: input.groupingCode,
      subledger: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAccount(row);
}

export async function changeAccount(
  db: Kysely<Database>,
  companyId: number,
  number: string,
  changes: AccountChanges,
) {
  const [current] = await findAccounts(db, companyId, [number]);
  if (!current) throw new AppError('not-found', `Account ${number} does not exist.`);
  const merged = {
    vatCode: changes.vatCode === undefined ? current.vat_code : changes.vatCode,
    groupingCategory: changes.groupingCategory ?? current.grouping_category,
    groupingCode: changes.groupingCode ?? current.grouping_code,
  };
  await checkAccountRules(db, companyId, number, merged);
  const row = await db
    .updateTable('accounts')
    .set({
      name_nb: changes.nameNb,
      name_en: changes.nameEn,
      vat_code: merged.vatCode,
      grouping_category: merged.groupingCategory,
      grouping_code: merged.groupingCode,
      blocked: changes.blocked === undefined ? undefined : changes.blocked ? 1 : 0,
    })
    .where('company_id', '=', companyId)
    .where('number', '=', number)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAccount(row);
}

/** An account that has postings stays; block it instead. */
export async function deleteAccount(db: Kysely<Database>, companyId: number, number: string) {
  const used = await db
    .selectFrom('postings')
    .select('id')
    .where('company_id', '=', companyId)
    .where('account', '=', number)
    .limit(1)
    .executeTakeFirst();
  if (used) {
    throw new AppError(
      'conflict',
      `Account ${number} has postings and cannot be deleted. Block it instead.`,
    );
  }
  const result = await db
    .deleteFrom('accounts')
    .where('company_id', '=', companyId)
    .where('number', '=', number)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0)
    throw new AppError('not-found', `Account ${number} does not exist.`);
}

async function checkAccountRules(
  db: Kysely<Database>,
  companyId: number,
  number: string,
  rules: { vatCode?: string | null | undefined; groupingCategory: string; groupingCode: string },
) {
  if (!isGroupingCode(rules.groupingCategory, rules.groupingCode)) {
    const pair = `${rules.groupingCategory}/${rules.groupingCode}`;
    throw AppError.field('groupingCode', `${pair} is not a næringsspesifikasjon grouping code.`);
  }
  if (!rules.vatCode) return;
  const receivesVat = (await listVatAccounts(db, companyId)).some(
    (v) => v.output_account === number || v.input_account === number,
  );
  if (receivesVat || !vatCodeFitsAccount(number, rules.vatCode)) {
    throw AppError.field('vatCode', `VAT code ${rules.vatCode} does not fit account ${number}.`);
  }
}
