import { toNok } from '@nordbok/core';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { isoDateSchema } from '../accounting/voucher.schemas';
import { listGroups, STOCKED } from './catalog.service';
import { fromMilli } from './quantity';

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
 *
 * `expected` (thousandths per item id) is what is still to come in or go out, such as goods
 * on open purchase orders (plus) and goods promised on open sales orders (minus): an item
 * is short when on-hand plus that is below the reorder point.
 */
export async function reorderReport(
  db: Kysely<Database>,
  companyId: number,
  expected: ReadonlyMap<number, number> = new Map(),
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
    const available = onHand + (expected.get(r.id) ?? 0);
    const point = r.reorder_point!;
    if (available >= point) continue;
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
      reorderQuantity: fromMilli(r.reorder_quantity ?? point - available),
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
  by: z.enum(['item', 'group', 'customer', 'month']).optional(),
});

export const turnoverSchema = z.object({
  from: z.string(),
  to: z.string(),
  by: z.enum(['item', 'group', 'customer', 'month']),
  /** What the figures are based on, said plainly on the screen. */
  basis: z.literal('invoice-lines'),
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
 * Item turnover and contribution margin from invoice and credit note lines with an item:
 * sales is the lines' net in NOK (at each document's rate), cost what the goods cost when
 * they left stock (or the cost price of a line that moved none), credit notes counted
 * against both.
 */
export async function turnover(
  db: Kysely<Database>,
  companyId: number,
  query: z.infer<typeof turnoverQuerySchema>,
) {
  const by = query.by ?? 'item';
  const rows = await db
    .selectFrom('document_lines as l')
    .innerJoin('documents as d', 'd.id', 'l.document_id')
    .innerJoin('items as i', 'i.id', 'l.item_id')
    .innerJoin('parties as p', 'p.id', 'd.party_id')
    .select((eb) => [
      'i.number',
      'i.name',
      'i.group_id',
      'd.party_id',
      'p.name as party_name',
      'd.kind',
      'd.rate',
      eb.fn<string>('substr', ['d.date', eb.val(1), eb.val(7)]).as('month'),
      eb.fn.sum<number>('l.quantity').as('quantity'),
      eb.fn.sum<number>('l.net').as('net'),
      eb.fn.sum<number>('l.cost').as('cost'),
    ])
    .where('d.company_id', '=', companyId)
    .where('d.kind', 'in', ['invoice', 'credit_note'])
    .where('d.date', '>=', query.from)
    .where('d.date', '<=', query.to)
    .groupBy([
      'i.number',
      'i.name',
      'i.group_id',
      'd.party_id',
      'p.name',
      'd.kind',
      'd.rate',
      'month',
    ])
    .execute();
  const groups = new Map((await listGroups(db, companyId)).map((g) => [g.id, g]));
  const sums = new Map<string, { label: string; quantity: number; sales: number; cost: number }>();
  for (const r of rows) {
    const sign = r.kind === 'credit_note' ? -1 : 1;
    const group = r.group_id === null ? undefined : groups.get(r.group_id);
    const [key, label] =
      by === 'item'
        ? [r.number, r.name]
        : by === 'group'
          ? [group?.code ?? '', group?.name ?? '']
          : by === 'customer'
            ? [String(r.party_id), r.party_name]
            : [r.month, r.month];
    const s = sums.get(key) ?? { label, quantity: 0, sales: 0, cost: 0 };
    s.quantity += sign * Number(r.quantity);
    s.sales += sign * toNok(Number(r.net), r.rate);
    s.cost += sign * Number(r.cost);
    sums.set(key, s);
  }
  const out = [...sums.entries()]
    .sort(([a, x], [b, y]) =>
      by === 'customer' ? x.label.localeCompare(y.label) : a.localeCompare(b),
    )
    .map(([key, s]) => ({
      key,
      label: s.label,
      quantity: fromMilli(s.quantity),
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
    basis: 'invoice-lines' as const,
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
