import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { isoDateSchema } from '../accounting/voucher.schemas';
import { listGroups, STOCKED } from './catalog.service';
import { fromMilli, stockValue } from './quantity';

// ---------------------------------------------------------------------------------------
// Reorder report

export const reorderSchema = z.object({
  suppliers: z.array(
    z.object({
      /** Null: items without a preferred supplier. */
      partyId: z.number().nullable(),
      name: z.string().nullable(),
      supplierNumber: z.number().nullable(),
      items: z.array(
        z.object({
          itemId: z.number(),
          number: z.string(),
          name: z.string(),
          unit: z.string(),
          onHand: z.number(),
          reorderPoint: z.number(),
          reorderQuantity: z.number(),
          supplierItemNumber: z.string(),
          price: z.number(),
          leadDays: z.number(),
        }),
      ),
    }),
  ),
});
export type ReorderReport = z.infer<typeof reorderSchema>;

/**
 * Stocked items whose on-hand (all warehouses) is below their reorder point, grouped by
 * their preferred supplier, with the quantity to order: the reorder quantity, or what brings
 * the stock back up to the reorder point when none is set.
 */
export async function reorderReport(
  db: Kysely<Database>,
  companyId: number,
): Promise<ReorderReport> {
  const rows = await db
    .selectFrom('items as i')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('stock_balances')
          .select((e) => ['item_id', e.fn.sum<number>('quantity').as('quantity')])
          .where('company_id', '=', companyId)
          .groupBy('item_id')
          .as('b'),
      (join) => join.onRef('b.item_id', '=', 'i.id'),
    )
    .leftJoin('item_suppliers as s', (join) =>
      join.onRef('s.item_id', '=', 'i.id').on('s.preferred', '=', 1),
    )
    .leftJoin('parties as p', 'p.id', 's.party_id')
    .select([
      'i.id',
      'i.number',
      'i.name',
      'i.unit',
      'i.reorder_point',
      'i.reorder_quantity',
      'b.quantity',
      's.party_id',
      'p.name as supplier_name',
      'p.supplier_number',
      's.supplier_item_number',
      's.price',
      's.lead_days',
    ])
    .where('i.company_id', '=', companyId)
    .where('i.kind', 'in', [...STOCKED])
    .where('i.blocked', '=', 0)
    .where('i.reorder_point', 'is not', null)
    .orderBy('p.name')
    .orderBy('i.number')
    .execute();
  const groups = new Map<number | null, ReorderReport['suppliers'][number]>();
  for (const r of rows) {
    const onHand = Number(r.quantity ?? 0);
    const point = r.reorder_point!;
    if (onHand >= point) continue;
    const key = r.party_id ?? null;
    if (!groups.has(key)) {
      groups.set(key, {
        partyId: key,
        name: r.supplier_name ?? null,
        supplierNumber: r.supplier_number ?? null,
        items: [],
      });
    }
    groups.get(key)!.items.push({
      itemId: r.id,
      number: r.number,
      name: r.name,
      unit: r.unit,
      onHand: fromMilli(onHand),
      reorderPoint: fromMilli(point),
      reorderQuantity: fromMilli(r.reorder_quantity ?? point - onHand),
      supplierItemNumber: r.supplier_item_number ?? '',
      price: r.price ?? 0,
      leadDays: r.lead_days ?? 0,
    });
  }
  // Items without a preferred supplier come last.
  const suppliers = [...groups.values()].sort(
    (a, b) => Number(a.partyId === null) - Number(b.partyId === null),
  );
  return { suppliers };
}

// ---------------------------------------------------------------------------------------
// Item turnover and contribution margin

export const turnoverQuerySchema = z.strictObject({
  from: isoDateSchema,
  to: isoDateSchema,
  by: z.enum(['item', 'group', 'month']).optional(),
});

export const turnoverSchema = z.object({
  from: z.string(),
  to: z.string(),
  by: z.enum(['item', 'group', 'month']),
  /** What the figures are based on, said plainly on the screen. */
  basis: z.literal('issues-at-current-sales-price'),
  rows: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      quantity: z.number(),
      sales: z.number(),
      cost: z.number(),
      margin: z.number(),
      /** Hundredths of a percent of sales; null without sales. */
      marginPercent: z.number().nullable(),
    }),
  ),
  total: z.object({ sales: z.number(), cost: z.number(), margin: z.number() }),
});

/**
 * Turnover and contribution margin from stock issues: cost is the value the issues left
 * stock at; sales is the issued quantity at the item's current sales price. Sales documents
 * do not exist yet; when they do, sales should come from the invoice lines instead.
 */
export async function turnover(
  db: Kysely<Database>,
  companyId: number,
  query: z.infer<typeof turnoverQuerySchema>,
) {
  const by = query.by ?? 'item';
  const rows = await db
    .selectFrom('stock_movements as m')
    .innerJoin('items as i', 'i.id', 'm.item_id')
    .select((eb) => [
      'm.item_id',
      'i.number',
      'i.name',
      'i.group_id',
      'i.sales_price',
      eb.fn<string>('substr', ['m.date', eb.val(1), eb.val(7)]).as('month'),
      eb.fn.sum<number>('m.quantity').as('quantity'),
      eb.fn.sum<number>('m.value').as('value'),
    ])
    .where('m.company_id', '=', companyId)
    .where('m.kind', '=', 'issue')
    .where('m.date', '>=', query.from)
    .where('m.date', '<=', query.to)
    .groupBy(['m.item_id', 'i.number', 'i.name', 'i.group_id', 'i.sales_price', 'month'])
    .execute();
  const groups = new Map((await listGroups(db, companyId)).map((g) => [g.id, g]));
  const sums = new Map<string, { label: string; quantity: number; sales: number; cost: number }>();
  for (const r of rows) {
    const quantity = -Number(r.quantity);
    const group = r.group_id === null ? undefined : groups.get(r.group_id);
    const [key, label] =
      by === 'item'
        ? [r.number, r.name]
        : by === 'group'
          ? [group?.code ?? '', group?.name ?? '']
          : [r.month, r.month];
    const s = sums.get(key) ?? { label, quantity: 0, sales: 0, cost: 0 };
    s.quantity += quantity;
    s.sales += stockValue(quantity, r.sales_price);
    s.cost += -Number(r.value);
    sums.set(key, s);
  }
  const out = [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, s]) => ({
      key,
      label: s.label,
      quantity: by === 'item' ? fromMilli(s.quantity) : fromMilli(s.quantity),
      sales: s.sales,
      cost: s.cost,
      margin: s.sales - s.cost,
      marginPercent: s.sales === 0 ? null : Math.round(((s.sales - s.cost) * 10_000) / s.sales),
    }));
  const total = out.reduce(
    (t, r) => ({ sales: t.sales + r.sales, cost: t.cost + r.cost, margin: t.margin + r.margin }),
    { sales: 0, cost: 0, margin: 0 },
  );
  return {
    from: query.from,
    to: query.to,
    by,
    basis: 'issues-at-current-sales-price' as const,
    rows: out,
    total,
  };
}

// ---------------------------------------------------------------------------------------
// Item card

export const priceHistorySchema = z.array(
  z.object({
    field: z.enum(['sales', 'cost']),
    oldPrice: z.number(),
    newPrice: z.number(),
    reason: z.string(),
    at: z.string(),
  }),
);

export async function priceHistory(db: Kysely<Database>, companyId: number, itemId: number) {
  const rows = await db
    .selectFrom('item_price_history')
    .select(['field', 'old_price', 'new_price', 'reason', 'at'])
    .where('company_id', '=', companyId)
    .where('item_id', '=', itemId)
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    field: r.field as 'sales' | 'cost',
    oldPrice: r.old_price,
    newPrice: r.new_price,
    reason: r.reason,
    at: r.at,
  }));
}
