import { VAT_CODES } from '@nordbok/core';
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { inTransaction, now } from '../../db/database';
import type { Database } from '../../db/schema';
import { AppError, type FieldError } from '../../errors';
import { findAccounts } from '../accounting/account.store';
import type { ItemGroupsTable, ItemsTable } from './inventory.tables';
import { fromMilli, quantitySchema, toMilli, UNITS } from './quantity';

/* Item groups, items (with suppliers, bill of materials and alternatives), warehouses and
 * the company's inventory settings. */

const id = z.number().int().positive();
const ore = z.number().int('Prices are whole øre.').refine(Number.isSafeInteger);
const account = z.string().regex(/^\d{4,6}$/, 'An account number has 4 to 6 digits.');
const vatCode = z.string().max(3);
const LANGUAGES = ['en', 'de', 'fr', 'es'] as const;

// ---------------------------------------------------------------------------------------
// Settings

export const settingsSchema = z.strictObject({
  allowNegativeStock: z.boolean(),
  stockAccount: account,
  changeAccount: account,
  voucherSeries: z.string().min(1).max(4),
});
export type InventorySettings = z.infer<typeof settingsSchema>;

export async function getSettings(
  db: Kysely<Database>,
  companyId: number,
): Promise<InventorySettings> {
  const row = await db
    .selectFrom('inventory_settings')
    .selectAll()
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  return {
    allowNegativeStock: row?.allow_negative_stock === 1,
    stockAccount: row?.stock_account ?? '1460',
    changeAccount: row?.change_account ?? '4090',
    voucherSeries: row?.voucher_series ?? 'A',
  };
}

export async function changeSettings(
  db: Kysely<Database>,
  companyId: number,
  input: InventorySettings,
) {
  await checkAccounts(db, companyId, [
    ['stockAccount', input.stockAccount],
    ['changeAccount', input.changeAccount],
  ]);
  const row = {
    allow_negative_stock: (input.allowNegativeStock ? 1 : 0) as 0 | 1,
    stock_account: input.stockAccount,
    change_account: input.changeAccount,
    voucher_series: input.voucherSeries,
  };
  await db
    .insertInto('inventory_settings')
    .values({ company_id: companyId, ...row })
    .onConflict((oc) => oc.column('company_id').doUpdateSet(row))
    .execute();
  return getSettings(db, companyId);
}

/** Refuses accounts and VAT codes that are not in the company's chart or the code list. */
async function checkAccounts(
  db: Kysely<Database>,
  companyId: number,
  accounts: [string, string | null | undefined][],
  vatCodes: [string, string | null | undefined][] = [],
) {
  const wanted = accounts.filter((a): a is [string, string] => !!a[1]);
  const found = new Set(
    (
      await findAccounts(
        db,
        companyId,
        wanted.map(([, n]) => n),
      )
    ).map((a) => a.number),
  );
  const fields: FieldError[] = [];
  for (const [field, number] of wanted) {
    if (!found.has(number)) {
      fields.push({ field, message: `Account ${number} is not in the chart.`, code: 'unknown' });
    }
  }
  for (const [field, code] of vatCodes) {
    if (code && !VAT_CODES.some((c) => c.code === code)) {
      fields.push({ field, message: `VAT code ${code} does not exist.`, code: 'unknown' });
    }
  }
  if (fields.length > 0) throw new AppError('validation', fields[0]!.message, fields);
}

// ---------------------------------------------------------------------------------------
// Item groups

export const newGroupSchema = z.strictObject({
  code: z.string().trim().min(1, 'A group needs a code.').max(20),
  name: z.string().trim().min(1, 'A group needs a name.').max(100),
  parentId: id.nullable().optional(),
  salesAccount: account.nullable().optional(),
  purchaseAccount: account.nullable().optional(),
  salesVatCode: vatCode.nullable().optional(),
  purchaseVatCode: vatCode.nullable().optional(),
});
export type NewGroup = z.infer<typeof newGroupSchema>;

export const groupSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  parentId: z.number().nullable(),
  salesAccount: z.string().nullable(),
  purchaseAccount: z.string().nullable(),
  salesVatCode: z.string().nullable(),
  purchaseVatCode: z.string().nullable(),
});
export type ItemGroup = z.infer<typeof groupSchema>;

const toGroup = (r: Selectable<ItemGroupsTable>): ItemGroup => ({
  id: r.id,
  code: r.code,
  name: r.name,
  parentId: r.parent_id,
  salesAccount: r.sales_account,
  purchaseAccount: r.purchase_account,
  salesVatCode: r.sales_vat_code,
  purchaseVatCode: r.purchase_vat_code,
});

export async function listGroups(db: Kysely<Database>, companyId: number) {
  const rows = await db
    .selectFrom('item_groups')
    .selectAll()
    .where('company_id', '=', companyId)
    .orderBy('code')
    .execute();
  return rows.map(toGroup);
}

async function checkGroup(db: Kysely<Database>, companyId: number, input: NewGroup) {
  await checkAccounts(
    db,
    companyId,
    [
      ['salesAccount', input.salesAccount],
      ['purchaseAccount', input.purchaseAccount],
    ],
    [
      ['salesVatCode', input.salesVatCode],
      ['purchaseVatCode', input.purchaseVatCode],
    ],
  );
}

function groupRow(input: NewGroup) {
  return {
    code: input.code,
    name: input.name,
    parent_id: input.parentId ?? null,
    sales_account: input.salesAccount ?? null,
    purchase_account: input.purchaseAccount ?? null,
    sales_vat_code: input.salesVatCode ?? null,
    purchase_vat_code: input.purchaseVatCode ?? null,
  };
}

export async function createGroup(db: Kysely<Database>, companyId: number, input: NewGroup) {
  return inTransaction(db, async (trx) => {
    await checkGroup(trx, companyId, input);
    const groups = await listGroups(trx, companyId);
    if (input.parentId && !groups.some((g) => g.id === input.parentId)) {
      throw AppError.field('parentId', 'The parent group does not exist.', 'unknown');
    }
    if (groups.some((g) => g.code === input.code)) {
      throw AppError.field('code', `Group code ${input.code} is taken.`, 'taken');
    }
    const row = await trx
      .insertInto('item_groups')
      .values({ company_id: companyId, ...groupRow(input) })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toGroup(row);
  });
}

export async function changeGroup(
  db: Kysely<Database>,
  companyId: number,
  groupId: number,
  input: NewGroup,
) {
  return inTransaction(db, async (trx) => {
    await checkGroup(trx, companyId, input);
    const groups = await listGroups(trx, companyId);
    if (!groups.some((g) => g.id === groupId)) throw new AppError('not-found', 'No such group.');
    if (groups.some((g) => g.code === input.code && g.id !== groupId)) {
      throw AppError.field('code', `Group code ${input.code} is taken.`, 'taken');
    }
    // Walk up from the new parent: meeting this group again would make a cycle.
    const parentOf = new Map(groups.map((g) => [g.id, g.parentId]));
    for (let at = input.parentId ?? null; at !== null; at = parentOf.get(at) ?? null) {
      if (!parentOf.has(at)) {
        throw AppError.field('parentId', 'The parent group does not exist.', 'unknown');
      }
      if (at === groupId) {
        throw AppError.field(
          'parentId',
          'A group cannot lie under itself or one of its own sub-groups.',
          'cycle',
        );
      }
    }
    const row = await trx
      .updateTable('item_groups')
      .set(groupRow(input))
      .where('company_id', '=', companyId)
      .where('id', '=', groupId)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toGroup(row);
  });
}

/** The group and every group below it, for filters that mean "this group and its levels". */
export function groupAndBelow(groups: readonly ItemGroup[], groupId: number): Set<number> {
  const ids = new Set([groupId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const g of groups) {
      if (g.parentId !== null && ids.has(g.parentId) && !ids.has(g.id)) {
        ids.add(g.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** The group's own defaults, else the nearest parent's. */
function groupDefaults(groups: readonly ItemGroup[], groupId: number | null) {
  const byId = new Map(groups.map((g) => [g.id, g]));
  const found = {
    salesAccount: null as string | null,
    purchaseAccount: null as string | null,
    salesVatCode: null as string | null,
    purchaseVatCode: null as string | null,
  };
  const seen = new Set<number>();
  for (let g = groupId === null ? undefined : byId.get(groupId); g && !seen.has(g.id); ) {
    seen.add(g.id);
    found.salesAccount ??= g.salesAccount;
    found.purchaseAccount ??= g.purchaseAccount;
    found.salesVatCode ??= g.salesVatCode;
    found.purchaseVatCode ??= g.purchaseVatCode;
    g = g.parentId === null ? undefined : byId.get(g.parentId);
  }
  return found;
}

// ---------------------------------------------------------------------------------------
// Items

export const ITEM_KINDS = ['stock', 'goods', 'service', 'subscription', 'structured'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
/** Kinds whose quantities are kept in stock. */
export const STOCKED: readonly string[] = ['stock', 'structured'];

const translationSchema = z.strictObject({
  name: z.string().trim().max(200),
  description: z.string().trim().max(4000),
});

const supplierInput = z.strictObject({
  partyId: id,
  supplierItemNumber: z.string().trim().max(60).optional(),
  price: ore.min(0).optional(),
  leadDays: z.number().int().min(0).max(3650).optional(),
  preferred: z.boolean().optional(),
});

export const newItemSchema = z.strictObject({
  number: z.string().trim().min(1, 'An item needs a number.').max(40),
  kind: z.enum(ITEM_KINDS),
  groupId: id.nullable().optional(),
  name: z.string().trim().min(1, 'An item needs a name.').max(200),
  description: z.string().trim().max(4000).optional(),
  translations: z.partialRecord(z.enum(LANGUAGES), translationSchema).optional(),
  unit: z.string().trim(),
  weightGrams: z.number().int().min(0).nullable().optional(),
  volumeMl: z.number().int().min(0).nullable().optional(),
  salesAccount: account.nullable().optional(),
  purchaseAccount: account.nullable().optional(),
  salesVatCode: vatCode.nullable().optional(),
  purchaseVatCode: vatCode.nullable().optional(),
  salesPrice: ore.min(0, 'A price cannot be negative.').optional(),
  costPrice: ore.min(0, 'A price cannot be negative.').optional(),
  reorderPoint: quantitySchema.nullable().optional(),
  reorderQuantity: quantitySchema.nullable().optional(),
  subscriptionPeriod: z.enum(['month', 'quarter', 'year']).nullable().optional(),
  subscriptionRenewal: z.enum(['automatic', 'manual']).nullable().optional(),
  blocked: z.boolean().optional(),
  suppliers: z.array(supplierInput).max(50).optional(),
  components: z
    .array(z.strictObject({ itemId: id, quantity: quantitySchema }))
    .max(500)
    .optional(),
  alternatives: z.array(id).max(50).optional(),
});
export type NewItem = z.infer<typeof newItemSchema>;

export const itemSchema = z.object({
  id: z.number(),
  number: z.string(),
  kind: z.enum(ITEM_KINDS),
  groupId: z.number().nullable(),
  name: z.string(),
  description: z.string(),
  translations: z.record(z.string(), z.object({ name: z.string(), description: z.string() })),
  unit: z.string(),
  weightGrams: z.number().nullable(),
  volumeMl: z.number().nullable(),
  salesAccount: z.string().nullable(),
  purchaseAccount: z.string().nullable(),
  salesVatCode: z.string().nullable(),
  purchaseVatCode: z.string().nullable(),
  salesPrice: z.number(),
  costPrice: z.number(),
  reorderPoint: z.number().nullable(),
  reorderQuantity: z.number().nullable(),
  subscriptionPeriod: z.string().nullable(),
  subscriptionRenewal: z.string().nullable(),
  blocked: z.boolean(),
});
export type Item = z.infer<typeof itemSchema>;

export const itemDetailSchema = itemSchema.extend({
  suppliers: z.array(
    z.object({
      partyId: z.number(),
      name: z.string(),
      supplierNumber: z.number().nullable(),
      supplierItemNumber: z.string(),
      price: z.number(),
      leadDays: z.number(),
      preferred: z.boolean(),
    }),
  ),
  components: z.array(
    z.object({ itemId: z.number(), number: z.string(), name: z.string(), quantity: z.number() }),
  ),
  alternatives: z.array(z.object({ itemId: z.number(), number: z.string(), name: z.string() })),
});
export type ItemDetail = z.infer<typeof itemDetailSchema>;

export function toItem(r: Selectable<ItemsTable>): Item {
  return {
    id: r.id,
    number: r.number,
    kind: r.kind as ItemKind,
    groupId: r.group_id,
    name: r.name,
    description: r.description,
    translations: JSON.parse(r.translations),
    unit: r.unit,
    weightGrams: r.weight_grams,
    volumeMl: r.volume_ml,
    salesAccount: r.sales_account,
    purchaseAccount: r.purchase_account,
    salesVatCode: r.sales_vat_code,
    purchaseVatCode: r.purchase_vat_code,
    salesPrice: r.sales_price,
    costPrice: r.cost_price,
    reorderPoint: r.reorder_point === null ? null : fromMilli(r.reorder_point),
    reorderQuantity: r.reorder_quantity === null ? null : fromMilli(r.reorder_quantity),
    subscriptionPeriod: r.subscription_period,
    subscriptionRenewal: r.subscription_renewal,
    blocked: r.blocked === 1,
  };
}

export const itemQuerySchema = z.strictObject({
  search: z.string().trim().max(100).optional(),
  groupId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

/** Items by number or name, at most `limit`: the list screen searches as one types. */
export async function listItems(
  db: Kysely<Database>,
  companyId: number,
  query: z.infer<typeof itemQuerySchema> = {},
) {
  let q = db.selectFrom('items').selectAll().where('company_id', '=', companyId);
  if (query.search) {
    const like = `%${query.search.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['number']), 'like', like),
        eb(eb.fn('lower', ['name']), 'like', like),
      ]),
    );
  }
  if (query.groupId) {
    const groups = await listGroups(db, companyId);
    q = q.where('group_id', 'in', [...groupAndBelow(groups, query.groupId)]);
  }
  const rows = await q
    .orderBy('number')
    .limit(query.limit ?? 200)
    .execute();
  return rows.map(toItem);
}

export async function findItemRow(db: Kysely<Database>, companyId: number, itemId: number) {
  const row = await db
    .selectFrom('items')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('id', '=', itemId)
    .executeTakeFirst();
  if (!row) throw new AppError('not-found', 'No such item.');
  return row;
}

export async function getItem(
  db: Kysely<Database>,
  companyId: number,
  itemId: number,
): Promise<ItemDetail> {
  const item = toItem(await findItemRow(db, companyId, itemId));
  const suppliers = await db
    .selectFrom('item_suppliers as s')
    .innerJoin('parties as p', 'p.id', 's.party_id')
    .select([
      's.party_id',
      'p.name',
      'p.supplier_number',
      's.supplier_item_number',
      's.price',
      's.lead_days',
      's.preferred',
    ])
    .where('s.item_id', '=', itemId)
    .orderBy('s.preferred', 'desc')
    .orderBy('p.name')
    .execute();
  const components = await db
    .selectFrom('item_components as c')
    .innerJoin('items as i', 'i.id', 'c.component_id')
    .select(['c.component_id', 'i.number', 'i.name', 'c.quantity'])
    .where('c.item_id', '=', itemId)
    .orderBy('c.position')
    .execute();
  const alternatives = await db
    .selectFrom('item_alternatives as a')
    .innerJoin('items as i', 'i.id', 'a.alternative_id')
    .select(['a.alternative_id', 'i.number', 'i.name'])
    .where('a.item_id', '=', itemId)
    .orderBy('a.position')
    .execute();
  return {
    ...item,
    suppliers: suppliers.map((s) => ({
      partyId: s.party_id,
      name: s.name,
      supplierNumber: s.supplier_number,
      supplierItemNumber: s.supplier_item_number,
      price: s.price,
      leadDays: s.lead_days,
      preferred: s.preferred === 1,
    })),
    components: components.map((c) => ({
      itemId: c.component_id,
      number: c.number,
      name: c.name,
      quantity: fromMilli(c.quantity),
    })),
    alternatives: alternatives.map((a) => ({
      itemId: a.alternative_id,
      number: a.number,
      name: a.name,
    })),
  };
}

/** Checks an item's fields against the chart, the groups, the units and the other items. */
async function checkItem(
  db: Kysely<Database>,
  companyId: number,
  input: NewItem,
  itemId: number | null,
) {
  if (!(UNITS as readonly string[]).includes(input.unit)) {
    throw AppError.field(
      'unit',
      `Unknown unit "${input.unit}". Use one of: ${UNITS.join(', ')}.`,
      'unknown',
    );
  }
  await checkAccounts(
    db,
    companyId,
    [
      ['salesAccount', input.salesAccount],
      ['purchaseAccount', input.purchaseAccount],
    ],
    [
      ['salesVatCode', input.salesVatCode],
      ['purchaseVatCode', input.purchaseVatCode],
    ],
  );
  const taken = await db
    .selectFrom('items')
    .select('id')
    .where('company_id', '=', companyId)
    .where('number', '=', input.number)
    .executeTakeFirst();
  if (taken && taken.id !== itemId) {
    throw AppError.field('number', `Item number ${input.number} is taken.`, 'taken');
  }
  if (input.kind === 'subscription' && !input.subscriptionPeriod) {
    throw AppError.field('subscriptionPeriod', 'A subscription needs a period.', 'required');
  }
  if (input.kind !== 'structured' && (input.components?.length ?? 0) > 0) {
    throw AppError.field('components', 'Only a structured item has a bill of materials.');
  }
  const suppliers = input.suppliers ?? [];
  if (suppliers.filter((s) => s.preferred).length > 1) {
    throw AppError.field('suppliers', 'Only one supplier can be the preferred one.');
  }
  if (new Set(suppliers.map((s) => s.partyId)).size !== suppliers.length) {
    throw AppError.field('suppliers', 'A supplier is listed twice.');
  }
  if (suppliers.length > 0) {
    const parties = await db
      .selectFrom('parties')
      .select(['id', 'supplier_number'])
      .where('company_id', '=', companyId)
      .where(
        'id',
        'in',
        suppliers.map((s) => s.partyId),
      )
      .execute();
    suppliers.forEach((s, i) => {
      const party = parties.find((p) => p.id === s.partyId);
      if (!party || party.supplier_number === null) {
        throw AppError.field(`suppliers.${i}.partyId`, 'That party is not a supplier.', 'unknown');
      }
    });
  }
  const others = [...(input.components ?? []).map((c) => c.itemId), ...(input.alternatives ?? [])];
  if (others.length > 0) {
    const found = await db
      .selectFrom('items')
      .select('id')
      .where('company_id', '=', companyId)
      .where('id', 'in', others)
      .execute();
    const known = new Set(found.map((f) => f.id));
    const missing = others.find((o) => !known.has(o));
    if (missing !== undefined) {
      throw AppError.field('components', `Item ${missing} does not exist.`, 'unknown');
    }
  }
  if (itemId !== null && input.components?.length) {
    await refuseBomCycle(
      db,
      companyId,
      itemId,
      input.components.map((c) => c.itemId),
    );
  }
  (input.components ?? []).forEach((c, i) => {
    if (c.quantity <= 0) {
      throw AppError.field(`components.${i}.quantity`, 'A component quantity must be positive.');
    }
  });
}

/**
 * A bill of materials may not contain its own item, directly or through a component's own
 * bill: producing it would consume itself without end.
 */
async function refuseBomCycle(
  db: Kysely<Database>,
  companyId: number,
  itemId: number,
  components: number[],
) {
  const edges = await db
    .selectFrom('item_components as c')
    .innerJoin('items as i', 'i.id', 'c.item_id')
    .select(['c.item_id', 'c.component_id'])
    .where('i.company_id', '=', companyId)
    .execute();
  const children = new Map<number, number[]>();
  for (const e of edges) {
    if (e.item_id === itemId) continue; // replaced by the new list
    children.set(e.item_id, [...(children.get(e.item_id) ?? []), e.component_id]);
  }
  const stack = [...components];
  const seen = new Set<number>();
  while (stack.length > 0) {
    const at = stack.pop()!;
    if (at === itemId) {
      throw AppError.field(
        'components',
        'The bill of materials contains the item itself, directly or through a component.',
        'cycle',
      );
    }
    if (seen.has(at)) continue;
    seen.add(at);
    stack.push(...(children.get(at) ?? []));
  }
}

async function itemRow(db: Kysely<Database>, companyId: number, input: NewItem) {
  const defaults = groupDefaults(await listGroups(db, companyId), input.groupId ?? null);
  if (input.groupId && !(await listGroups(db, companyId)).some((g) => g.id === input.groupId)) {
    throw AppError.field('groupId', 'The item group does not exist.', 'unknown');
  }
  return {
    number: input.number,
    kind: input.kind,
    group_id: input.groupId ?? null,
    name: input.name,
    description: input.description ?? '',
    translations: JSON.stringify(input.translations ?? {}),
    unit: input.unit,
    weight_grams: input.weightGrams ?? null,
    volume_ml: input.volumeMl ?? null,
    // Left out, the accounts and VAT codes come from the group (or the group above it).
    sales_account: input.salesAccount ?? defaults.salesAccount,
    purchase_account: input.purchaseAccount ?? defaults.purchaseAccount,
    sales_vat_code: input.salesVatCode ?? defaults.salesVatCode,
    purchase_vat_code: input.purchaseVatCode ?? defaults.purchaseVatCode,
    sales_price: input.salesPrice ?? 0,
    cost_price: input.costPrice ?? 0,
    reorder_point: input.reorderPoint == null ? null : toMilli(input.reorderPoint),
    reorder_quantity: input.reorderQuantity == null ? null : toMilli(input.reorderQuantity),
    subscription_period: input.kind === 'subscription' ? (input.subscriptionPeriod ?? null) : null,
    subscription_renewal:
      input.kind === 'subscription' ? (input.subscriptionRenewal ?? 'automatic') : null,
    blocked: (input.blocked ? 1 : 0) as 0 | 1,
  };
}

async function writeLinks(db: Kysely<Database>, itemId: number, input: NewItem) {
  await db.deleteFrom('item_suppliers').where('item_id', '=', itemId).execute();
  await db.deleteFrom('item_components').where('item_id', '=', itemId).execute();
  await db.deleteFrom('item_alternatives').where('item_id', '=', itemId).execute();
  const suppliers = input.suppliers ?? [];
  if (suppliers.length > 0) {
    await db
      .insertInto('item_suppliers')
      .values(
        suppliers.map((s) => ({
          item_id: itemId,
          party_id: s.partyId,
          supplier_item_number: s.supplierItemNumber ?? '',
          price: s.price ?? 0,
          lead_days: s.leadDays ?? 0,
          // A single supplier is the preferred one without saying so.
          preferred: (s.preferred || suppliers.length === 1 ? 1 : 0) as 0 | 1,
        })),
      )
      .execute();
  }
  const components = input.components ?? [];
  if (components.length > 0) {
    await db
      .insertInto('item_components')
      .values(
        components.map((c, i) => ({
          item_id: itemId,
          component_id: c.itemId,
          quantity: toMilli(c.quantity),
          position: i,
        })),
      )
      .execute();
  }
  const alternatives = (input.alternatives ?? []).filter((a) => a !== itemId);
  if (alternatives.length > 0) {
    await db
      .insertInto('item_alternatives')
      .values(alternatives.map((a, i) => ({ item_id: itemId, alternative_id: a, position: i })))
      .execute();
  }
}

export async function createItem(
  db: Kysely<Database>,
  companyId: number,
  input: NewItem,
  userId: number | null = null,
) {
  return inTransaction(db, async (trx) => {
    await checkItem(trx, companyId, input, null);
    const row = await trx
      .insertInto('items')
      .values({
        company_id: companyId,
        created_at: now(),
        ...(await itemRow(trx, companyId, input)),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeLinks(trx, row.id, input);
    const item = await findItemRow(trx, companyId, row.id);
    await recordPrices(trx, companyId, row.id, { sales: 0, cost: 0 }, item, 'created', userId);
    return getItem(trx, companyId, row.id);
  });
}

export async function changeItem(
  db: Kysely<Database>,
  companyId: number,
  itemId: number,
  input: NewItem,
  userId: number | null = null,
) {
  return inTransaction(db, async (trx) => {
    const before = await findItemRow(trx, companyId, itemId);
    await checkItem(trx, companyId, input, itemId);
    if (
      before.kind !== input.kind &&
      STOCKED.includes(before.kind) !== STOCKED.includes(input.kind)
    ) {
      const moved = await trx
        .selectFrom('stock_movements')
        .select('id')
        .where('item_id', '=', itemId)
        .limit(1)
        .executeTakeFirst();
      if (moved) {
        throw AppError.field('kind', 'An item with stock movements stays a stocked item.');
      }
    }
    await trx
      .updateTable('items')
      .set(await itemRow(trx, companyId, input))
      .where('company_id', '=', companyId)
      .where('id', '=', itemId)
      .execute();
    await writeLinks(trx, itemId, input);
    const after = await findItemRow(trx, companyId, itemId);
    await recordPrices(
      trx,
      companyId,
      itemId,
      { sales: before.sales_price, cost: before.cost_price },
      after,
      'changed',
      userId,
    );
    return getItem(trx, companyId, itemId);
  });
}

/** Appends a price history row for each of the sales and cost price that changed. */
export async function recordPrices(
  db: Kysely<Database>,
  companyId: number,
  itemId: number,
  before: { sales: number; cost: number },
  after: { sales_price: number; cost_price: number },
  reason: string,
  userId: number | null,
) {
  const rows = [];
  if (before.sales !== after.sales_price) {
    rows.push({ field: 'sales', old_price: before.sales, new_price: after.sales_price });
  }
  if (before.cost !== after.cost_price) {
    rows.push({ field: 'cost', old_price: before.cost, new_price: after.cost_price });
  }
  if (rows.length === 0) return;
  const at = now();
  await db
    .insertInto('item_price_history')
    .values(
      rows.map((r) => ({
        ...r,
        company_id: companyId,
        item_id: itemId,
        reason,
        user_id: userId,
        at,
      })),
    )
    .execute();
}

// ---------------------------------------------------------------------------------------
// Warehouses

export const newWarehouseSchema = z.strictObject({
  code: z.string().trim().min(1, 'A warehouse needs a code.').max(20),
  name: z.string().trim().min(1, 'A warehouse needs a name.').max(100),
});
export const warehouseSchema = z.object({ id: z.number(), code: z.string(), name: z.string() });
export type Warehouse = z.infer<typeof warehouseSchema>;

export function listWarehouses(db: Kysely<Database>, companyId: number): Promise<Warehouse[]> {
  return db
    .selectFrom('warehouses')
    .select(['id', 'code', 'name'])
    .where('company_id', '=', companyId)
    .orderBy('code')
    .execute();
}

export async function createWarehouse(
  db: Kysely<Database>,
  companyId: number,
  input: z.infer<typeof newWarehouseSchema>,
) {
  const taken = (await listWarehouses(db, companyId)).some((w) => w.code === input.code);
  if (taken) throw AppError.field('code', `Warehouse code ${input.code} is taken.`, 'taken');
  return db
    .insertInto('warehouses')
    .values({ company_id: companyId, ...input })
    .returning(['id', 'code', 'name'])
    .executeTakeFirstOrThrow();
}

export async function changeWarehouse(
  db: Kysely<Database>,
  companyId: number,
  warehouseId: number,
  input: z.infer<typeof newWarehouseSchema>,
) {
  const all = await listWarehouses(db, companyId);
  if (!all.some((w) => w.id === warehouseId)) throw new AppError('not-found', 'No such warehouse.');
  if (all.some((w) => w.code === input.code && w.id !== warehouseId)) {
    throw AppError.field('code', `Warehouse code ${input.code} is taken.`, 'taken');
  }
  return db
    .updateTable('warehouses')
    .set(input)
    .where('company_id', '=', companyId)
    .where('id', '=', warehouseId)
    .returning(['id', 'code', 'name'])
    .executeTakeFirstOrThrow();
}

export const UNIT_LIST = UNITS;
