import type { Kysely } from 'kysely';
import { z } from 'zod';
import { inTransaction } from '../../db/database';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { isoDateSchema } from '../accounting/voucher.schemas';
import { findItemRow, groupAndBelow, listGroups, recordPrices } from './catalog.service';
import { mulDiv, quantitySchema, toMilli } from './quantity';

/*
 * Prices: price lists per customer group and currency with quantity breaks, date-limited
 * campaigns (a price list marked as a campaign), discounts for a customer or a customer
 * group, optionally limited to an item group, and the price lookup sales documents call.
 */

const id = z.number().int().positive();
const currency = z.string().regex(/^[A-Z]{3}$/, 'A currency is a three-letter ISO code.');
const groupCode = z.string().trim().min(1).max(20);

// ---------------------------------------------------------------------------------------
// Customer groups

export const customerGroupSchema = z.strictObject({ partyId: id, group: groupCode.nullable() });

export async function setCustomerGroup(
  db: Kysely<Database>,
  companyId: number,
  input: z.infer<typeof customerGroupSchema>,
) {
  const party = await db
    .selectFrom('parties')
    .select(['id', 'customer_number'])
    .where('company_id', '=', companyId)
    .where('id', '=', input.partyId)
    .executeTakeFirst();
  if (!party || party.customer_number === null) {
    throw AppError.field('partyId', 'That party is not a customer.', 'unknown');
  }
  await db
    .deleteFrom('customer_price_groups')
    .where('company_id', '=', companyId)
    .where('party_id', '=', input.partyId)
    .execute();
  if (input.group) {
    await db
      .insertInto('customer_price_groups')
      .values({ company_id: companyId, party_id: input.partyId, group_code: input.group })
      .execute();
  }
  return listCustomerGroups(db, companyId);
}

export const customerGroupsSchema = z.array(
  z.object({ partyId: z.number(), name: z.string(), group: z.string() }),
);

export async function listCustomerGroups(db: Kysely<Database>, companyId: number) {
  const rows = await db
    .selectFrom('customer_price_groups as g')
    .innerJoin('parties as p', 'p.id', 'g.party_id')
    .select(['g.party_id', 'p.name', 'g.group_code'])
    .where('g.company_id', '=', companyId)
    .orderBy('p.name')
    .execute();
  return rows.map((r) => ({ partyId: r.party_id, name: r.name, group: r.group_code }));
}

// ---------------------------------------------------------------------------------------
// Price lists and campaigns

export const newPriceListSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'A price list needs a name.').max(100),
    currency,
    customerGroup: groupCode.nullable().optional(),
    campaign: z.boolean().optional(),
    validFrom: isoDateSchema.nullable().optional(),
    validTo: isoDateSchema.nullable().optional(),
    lines: z
      .array(
        z.strictObject({
          itemId: id,
          minQuantity: quantitySchema.refine((n) => n >= 0).optional(),
          price: z.number().int().min(0, 'A price cannot be negative.'),
        }),
      )
      .max(100_000),
  })
  .refine((p) => !p.campaign || (p.validFrom && p.validTo), {
    message: 'A campaign runs between two dates.',
    path: ['validTo'],
  })
  .refine((p) => !p.validFrom || !p.validTo || p.validFrom <= p.validTo, {
    message: 'The list ends before it starts.',
    path: ['validTo'],
  });
export type NewPriceList = z.infer<typeof newPriceListSchema>;

export const priceListSchema = z.object({
  id: z.number(),
  name: z.string(),
  currency: z.string(),
  customerGroup: z.string().nullable(),
  campaign: z.boolean(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  lines: z.array(
    z.object({
      itemId: z.number(),
      number: z.string(),
      name: z.string(),
      minQuantity: z.number(),
      price: z.number(),
    }),
  ),
});

export async function listPriceLists(db: Kysely<Database>, companyId: number) {
  const lists = await db
    .selectFrom('price_lists')
    .selectAll()
    .where('company_id', '=', companyId)
    .orderBy('campaign')
    .orderBy('name')
    .execute();
  const lines =
    lists.length === 0
      ? []
      : await db
          .selectFrom('price_list_lines as l')
          .innerJoin('items as i', 'i.id', 'l.item_id')
          .select([
            'l.price_list_id',
            'l.item_id',
            'i.number',
            'i.name',
            'l.min_quantity',
            'l.price',
          ])
          .where(
            'l.price_list_id',
            'in',
            lists.map((l) => l.id),
          )
          .orderBy('i.number')
          .orderBy('l.min_quantity')
          .execute();
  return lists.map((l) => ({
    id: l.id,
    name: l.name,
    currency: l.currency,
    customerGroup: l.customer_group,
    campaign: l.campaign === 1,
    validFrom: l.valid_from,
    validTo: l.valid_to,
    lines: lines
      .filter((x) => x.price_list_id === l.id)
      .map((x) => ({
        itemId: x.item_id,
        number: x.number,
        name: x.name,
        minQuantity: x.min_quantity / 1000,
        price: x.price,
      })),
  }));
}

export async function savePriceList(
  db: Kysely<Database>,
  companyId: number,
  listId: number | null,
  input: NewPriceList,
) {
  return inTransaction(db, async (trx) => {
    const itemIds = [...new Set(input.lines.map((l) => l.itemId))];
    if (itemIds.length > 0) {
      const found = await trx
        .selectFrom('items')
        .select('id')
        .where('company_id', '=', companyId)
        .where('id', 'in', itemIds)
        .execute();
      const known = new Set(found.map((f) => f.id));
      const bad = input.lines.findIndex((l) => !known.has(l.itemId));
      if (bad >= 0) throw AppError.field(`lines.${bad}.itemId`, 'No such item.', 'unknown');
    }
    const keys = input.lines.map((l) => `${l.itemId}/${toMilli(l.minQuantity ?? 0)}`);
    const twice = keys.findIndex((k, i) => keys.indexOf(k) !== i);
    if (twice >= 0) {
      throw AppError.field(`lines.${twice}.minQuantity`, 'The same item and quantity break twice.');
    }
    const row = {
      name: input.name,
      currency: input.currency,
      customer_group: input.customerGroup ?? null,
      campaign: (input.campaign ? 1 : 0) as 0 | 1,
      valid_from: input.validFrom ?? null,
      valid_to: input.validTo ?? null,
    };
    let saved: number;
    if (listId === null) {
      saved = (
        await trx
          .insertInto('price_lists')
          .values({ company_id: companyId, ...row })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    } else {
      const updated = await trx
        .updateTable('price_lists')
        .set(row)
        .where('company_id', '=', companyId)
        .where('id', '=', listId)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0)
        throw new AppError('not-found', 'No such price list.');
      await trx.deleteFrom('price_list_lines').where('price_list_id', '=', listId).execute();
      saved = listId;
    }
    for (let i = 0; i < input.lines.length; i += 500) {
      await trx
        .insertInto('price_list_lines')
        .values(
          input.lines.slice(i, i + 500).map((l) => ({
            price_list_id: saved,
            item_id: l.itemId,
            min_quantity: toMilli(l.minQuantity ?? 0),
            price: l.price,
          })),
        )
        .execute();
    }
    return (await listPriceLists(trx, companyId)).find((l) => l.id === saved)!;
  });
}

// ---------------------------------------------------------------------------------------
// Discounts

export const newDiscountSchema = z
  .strictObject({
    partyId: id.nullable().optional(),
    customerGroup: groupCode.nullable().optional(),
    itemGroupId: id.nullable().optional(),
    /** Percent with up to two decimals. */
    percent: z.number().min(0).max(100),
    validFrom: isoDateSchema.nullable().optional(),
    validTo: isoDateSchema.nullable().optional(),
  })
  .refine((d) => !!d.partyId !== !!d.customerGroup, {
    message: 'A discount is for one customer or one customer group.',
    path: ['partyId'],
  });

export const discountSchema = z.object({
  id: z.number(),
  partyId: z.number().nullable(),
  partyName: z.string().nullable(),
  customerGroup: z.string().nullable(),
  itemGroupId: z.number().nullable(),
  percent: z.number(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});

export async function listDiscounts(db: Kysely<Database>, companyId: number) {
  const rows = await db
    .selectFrom('discounts as d')
    .leftJoin('parties as p', 'p.id', 'd.party_id')
    .selectAll('d')
    .select('p.name')
    .where('d.company_id', '=', companyId)
    .orderBy('d.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    partyId: r.party_id,
    partyName: r.name ?? null,
    customerGroup: r.customer_group,
    itemGroupId: r.item_group_id,
    percent: r.percent / 100,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  }));
}

export async function createDiscount(
  db: Kysely<Database>,
  companyId: number,
  input: z.infer<typeof newDiscountSchema>,
) {
  if (input.partyId) {
    const party = await db
      .selectFrom('parties')
      .select('id')
      .where('company_id', '=', companyId)
      .where('id', '=', input.partyId)
      .executeTakeFirst();
    if (!party) throw AppError.field('partyId', 'No such customer.', 'unknown');
  }
  if (input.itemGroupId) {
    const groups = await listGroups(db, companyId);
    if (!groups.some((g) => g.id === input.itemGroupId)) {
      throw AppError.field('itemGroupId', 'No such item group.', 'unknown');
    }
  }
  const row = await db
    .insertInto('discounts')
    .values({
      company_id: companyId,
      party_id: input.partyId ?? null,
      customer_group: input.customerGroup ?? null,
      item_group_id: input.itemGroupId ?? null,
      percent: Math.round(input.percent * 100),
      valid_from: input.validFrom ?? null,
      valid_to: input.validTo ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await listDiscounts(db, companyId)).find((d) => d.id === row.id)!;
}

export async function deleteDiscount(db: Kysely<Database>, companyId: number, discountId: number) {
  const deleted = await db
    .deleteFrom('discounts')
    .where('company_id', '=', companyId)
    .where('id', '=', discountId)
    .executeTakeFirst();
  if (Number(deleted.numDeletedRows) === 0) throw new AppError('not-found', 'No such discount.');
}

// ---------------------------------------------------------------------------------------
// Price lookup

export const priceQuerySchema = z.strictObject({
  itemId: z.coerce.number().int().positive(),
  customerId: z.coerce.number().int().positive().optional(),
  quantity: z.coerce.number().positive().optional(),
  date: isoDateSchema,
  currency: currency.optional(),
});
export type PriceQuery = z.infer<typeof priceQuerySchema>;

export const priceSchema = z.object({
  itemId: z.number(),
  currency: z.string(),
  /** The unit price before discount, in øre (or the currency's minor unit). */
  unitPrice: z.number(),
  source: z.enum(['item', 'priceList', 'campaign']),
  priceListId: z.number().nullable(),
  /** Percent, up to two decimals. */
  discountPercent: z.number(),
  discountId: z.number().nullable(),
  /** The unit price after discount, rounded half away from zero. */
  netPrice: z.number(),
});
export type Price = z.infer<typeof priceSchema>;

const within = (date: string, from: string | null, to: string | null) =>
  (!from || from <= date) && (!to || date <= to);

/**
 * The price of an item for a customer, a quantity, a date and a currency:
 * 1. a campaign valid that day wins (the lowest of several), and takes no further discount;
 * 2. else the price list for the customer's group, else a list for everyone, in the
 *    currency, at the highest quantity break the quantity reaches;
 * 3. else, in the company's own currency, the item's sales price.
 * The best discount for the customer (or their group), for all items or the item's group
 * and the groups above it, then comes off the price.
 */
export async function lookupPrice(
  db: Kysely<Database>,
  companyId: number,
  query: PriceQuery,
): Promise<Price> {
  const item = await findItemRow(db, companyId, query.itemId);
  const cur = query.currency ?? 'NOK';
  const quantity = toMilli(query.quantity ?? 1);
  const customerGroup = query.customerId
    ? ((
        await db
          .selectFrom('customer_price_groups')
          .select('group_code')
          .where('company_id', '=', companyId)
          .where('party_id', '=', query.customerId)
          .executeTakeFirst()
      )?.group_code ?? null)
    : null;
  const lines = await db
    .selectFrom('price_list_lines as l')
    .innerJoin('price_lists as p', 'p.id', 'l.price_list_id')
    .select([
      'p.id',
      'p.campaign',
      'p.customer_group',
      'p.valid_from',
      'p.valid_to',
      'l.min_quantity',
      'l.price',
    ])
    .where('p.company_id', '=', companyId)
    .where('l.item_id', '=', item.id)
    .where('p.currency', '=', cur)
    .where('l.min_quantity', '<=', quantity)
    .execute();
  const usable = lines.filter(
    (l) =>
      within(query.date, l.valid_from, l.valid_to) &&
      (l.customer_group === null || l.customer_group === customerGroup),
  );
  const campaign = usable.filter((l) => l.campaign === 1).sort((a, b) => a.price - b.price)[0];
  const listed = usable
    .filter((l) => l.campaign === 0)
    .sort(
      (a, b) =>
        Number(b.customer_group !== null) - Number(a.customer_group !== null) ||
        b.min_quantity - a.min_quantity ||
        a.price - b.price,
    )[0];
  let unitPrice: number;
  let source: Price['source'];
  let priceListId: number | null = null;
  if (campaign) {
    unitPrice = campaign.price;
    source = 'campaign';
    priceListId = campaign.id;
  } else if (listed) {
    unitPrice = listed.price;
    source = 'priceList';
    priceListId = listed.id;
  } else if (cur === 'NOK') {
    unitPrice = item.sales_price;
    source = 'item';
  } else {
    throw AppError.field('currency', `${item.number} has no price in ${cur}.`, 'no-price');
  }

  let discount: { id: number; percent: number } | null = null;
  if (query.customerId && source !== 'campaign') {
    const groups = await listGroups(db, companyId);
    const itemGroups = new Set<number>();
    for (const g of groups) {
      if (item.group_id !== null && groupAndBelow(groups, g.id).has(item.group_id))
        itemGroups.add(g.id);
    }
    const discounts = await db
      .selectFrom('discounts')
      .selectAll()
      .where('company_id', '=', companyId)
      .where((eb) =>
        eb.or([
          eb('party_id', '=', query.customerId!),
          ...(customerGroup ? [eb('customer_group', '=', customerGroup)] : []),
        ]),
      )
      .execute();
    for (const d of discounts) {
      if (!within(query.date, d.valid_from, d.valid_to)) continue;
      if (d.item_group_id !== null && !itemGroups.has(d.item_group_id)) continue;
      if (!discount || d.percent > discount.percent) discount = { id: d.id, percent: d.percent };
    }
  }
  const percent = discount?.percent ?? 0;
  return {
    itemId: item.id,
    currency: cur,
    unitPrice,
    source,
    priceListId,
    discountPercent: percent / 100,
    discountId: discount?.id ?? null,
    netPrice: unitPrice - mulDiv(unitPrice, percent, 10_000),
  };
}

// ---------------------------------------------------------------------------------------
// Price adjustment

export const adjustmentSchema = z.strictObject({
  field: z.enum(['sales', 'cost']),
  /** Only items of this group and the groups below it; all items when left out. */
  groupId: id.nullable().optional(),
  itemIds: z.array(id).max(100_000).optional(),
  kind: z.enum(['percent', 'amount']),
  /** Percent (up to two decimals) or øre, positive or negative. */
  value: z.number(),
  /** How new prices end: ',90' (e.g. 49,90), '9' (whole kroner ending in 9), '00' (whole kroner). */
  rounding: z.enum(['none', '90', '9', '00']).optional(),
});
export type PriceAdjustment = z.infer<typeof adjustmentSchema>;

export const adjustmentPreviewSchema = z.object({
  rows: z.array(
    z.object({
      itemId: z.number(),
      number: z.string(),
      name: z.string(),
      oldPrice: z.number(),
      newPrice: z.number(),
    }),
  ),
  /** Items the rule would give a negative price; any makes the rule refused. */
  negative: z.number(),
});

/** Rounds a price in øre to the nearest price with the chosen ending (ties go up). */
export function roundToEnding(ore: number, rounding: PriceAdjustment['rounding']): number {
  const step = rounding === '90' ? 100 : rounding === '9' ? 1000 : rounding === '00' ? 100 : 0;
  if (step === 0 || ore <= 0) return ore;
  const end = rounding === '90' ? 90 : rounding === '9' ? 900 : 0;
  const below = Math.floor((ore - end) / step) * step + end;
  const above = below + step;
  const best = ore - below < above - ore ? below : above;
  return best < 0 ? above : best;
}

async function computeAdjustment(db: Kysely<Database>, companyId: number, rule: PriceAdjustment) {
  if (rule.kind === 'percent' && Math.round(rule.value * 100) !== rule.value * 100) {
    throw AppError.field('value', 'A percent has at most two decimals.');
  }
  if (rule.kind === 'amount' && !Number.isInteger(rule.value)) {
    throw AppError.field('value', 'An amount is whole øre.');
  }
  let q = db
    .selectFrom('items')
    .select(['id', 'number', 'name', 'sales_price', 'cost_price'])
    .where('company_id', '=', companyId);
  if (rule.groupId) {
    const groups = await listGroups(db, companyId);
    if (!groups.some((g) => g.id === rule.groupId)) {
      throw AppError.field('groupId', 'No such item group.', 'unknown');
    }
    q = q.where('group_id', 'in', [...groupAndBelow(groups, rule.groupId)]);
  }
  if (rule.itemIds) {
    if (rule.itemIds.length === 0) return [];
    q = q.where('id', 'in', rule.itemIds);
  }
  const items = await q.orderBy('number').execute();
  return items.map((i) => {
    const oldPrice = rule.field === 'sales' ? i.sales_price : i.cost_price;
    const changed =
      rule.kind === 'percent'
        ? oldPrice + mulDiv(oldPrice, Math.round(rule.value * 100), 10_000)
        : oldPrice + rule.value;
    const newPrice = changed < 0 ? changed : roundToEnding(changed, rule.rounding ?? 'none');
    return { itemId: i.id, number: i.number, name: i.name, oldPrice, newPrice };
  });
}

export async function previewAdjustment(
  db: Kysely<Database>,
  companyId: number,
  rule: PriceAdjustment,
) {
  const rows = await computeAdjustment(db, companyId, rule);
  return { rows, negative: rows.filter((r) => r.newPrice < 0).length };
}

/** Applies the rule to every item it selects, or to none if any price would turn negative. */
export async function applyAdjustment(
  db: Kysely<Database>,
  companyId: number,
  rule: PriceAdjustment,
  userId: number | null,
) {
  return inTransaction(db, async (trx) => {
    const rows = await computeAdjustment(trx, companyId, rule);
    const negative = rows.filter((r) => r.newPrice < 0);
    if (negative.length > 0) {
      throw AppError.field(
        'value',
        `The rule would make ${negative.length} price(s) negative ` +
          `(first: ${negative[0]!.number}). Nothing was changed.`,
        'negative-price',
      );
    }
    for (const r of rows) {
      if (r.newPrice === r.oldPrice) continue;
      const column = rule.field === 'sales' ? 'sales_price' : 'cost_price';
      const item = await findItemRow(trx, companyId, r.itemId);
      await trx
        .updateTable('items')
        .set({ [column]: r.newPrice })
        .where('id', '=', r.itemId)
        .execute();
      await recordPrices(
        trx,
        companyId,
        r.itemId,
        { sales: item.sales_price, cost: item.cost_price },
        {
          sales_price: rule.field === 'sales' ? r.newPrice : item.sales_price,
          cost_price: rule.field === 'cost' ? r.newPrice : item.cost_price,
        },
        'adjustment',
        userId,
      );
    }
    return { rows, negative: 0 };
  });
}
