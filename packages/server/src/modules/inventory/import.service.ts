import { MoneyError, parseAmount } from '@nordbok/core';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { inTransaction } from '../../db/database';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { splitLine } from '../payroll/payroll-csv';
import {
  changeItem,
  createItem,
  getItem,
  ITEM_KINDS,
  type ItemKind,
  listGroups,
  type NewItem,
} from './catalog.service';
import { UNITS } from './quantity';

/*
 * Items from a CSV file with a header line, in Norwegian or English column names; the
 * separator is found from the header (the payroll import's line reader). A number that
 * exists updates that item, a new one creates it. Every row is checked first; the import
 * writes nothing unless every row is right.
 */

const COLUMNS = {
  number: ['varenummer', 'varenr', 'number'],
  name: ['navn', 'varenavn', 'name'],
  kind: ['type', 'varetype', 'kind'],
  unit: ['enhet', 'unit'],
  group: ['varegruppe', 'gruppe', 'group'],
  salesPrice: ['salgspris', 'salesprice', 'sales price'],
  costPrice: ['kostpris', 'innpris', 'costprice', 'cost price'],
  reorderPoint: ['bestillingspunkt', 'reorderpoint', 'reorder point'],
  reorderQuantity: ['bestillingsantall', 'reorderquantity', 'reorder quantity'],
  description: ['beskrivelse', 'description'],
  nameEn: ['navn engelsk', 'name en', 'name_en'],
} as const;
type Column = keyof typeof COLUMNS;

const KIND_WORDS: Record<string, ItemKind> = {
  lager: 'stock',
  lagervare: 'stock',
  stock: 'stock',
  vare: 'goods',
  ikkelager: 'goods',
  goods: 'goods',
  tjeneste: 'service',
  service: 'service',
  abonnement: 'subscription',
  subscription: 'subscription',
  struktur: 'structured',
  structured: 'structured',
};

export const itemImportSchema = z.strictObject({
  csv: z.string().min(1, 'Choose a file.').max(20_000_000),
});

export const itemImportPreviewSchema = z.object({
  rows: z.array(
    z.object({
      line: z.number(),
      number: z.string(),
      name: z.string(),
      kind: z.string(),
      unit: z.string(),
      group: z.string(),
      salesPrice: z.number().nullable(),
      costPrice: z.number().nullable(),
      action: z.enum(['create', 'update']),
      errors: z.array(z.string()),
    }),
  ),
  valid: z.boolean(),
  creates: z.number(),
  updates: z.number(),
});
export type ItemImportPreview = z.infer<typeof itemImportPreviewSchema>;

interface ParsedRow {
  line: number;
  input: NewItem;
  group: string;
  action: 'create' | 'update';
  existingId: number | null;
  errors: string[];
}

async function parse(db: Kysely<Database>, companyId: number, csv: string): Promise<ParsedRow[]> {
  const lines = csv
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const [header, ...body] = lines;
  if (!header) throw AppError.field('csv', 'The file is empty.');
  const separator = [';', '\t', ','].find((s) => header.includes(s)) ?? ';';
  const names = splitLine(header, separator).map((n) => n.trim().toLowerCase());
  const at = Object.fromEntries(
    Object.entries(COLUMNS).map(([key, words]) => [
      key,
      names.findIndex((n) => (words as readonly string[]).includes(n)),
    ]),
  ) as Record<Column, number>;
  for (const required of ['number', 'name', 'unit'] as const) {
    if (at[required] < 0) {
      throw AppError.field(
        'csv',
        `The file has no column "${COLUMNS[required][0]}".`,
        'missing-column',
      );
    }
  }
  const groups = new Map(
    (await listGroups(db, companyId)).map((g) => [g.code.toLowerCase(), g.id]),
  );
  const existing = new Map(
    (
      await db
        .selectFrom('items')
        .select(['id', 'number'])
        .where('company_id', '=', companyId)
        .execute()
    ).map((i) => [i.number, i.id]),
  );
  const seen = new Set<string>();
  return body.map((raw, i) => {
    const fields = splitLine(raw, separator);
    const value = (c: Column) => (at[c] >= 0 ? (fields[at[c]] ?? '').trim() : '');
    const errors: string[] = [];
    const number = value('number');
    if (!number) errors.push('The item number is missing.');
    else if (seen.has(number)) errors.push(`Item number ${number} is in the file twice.`);
    seen.add(number);
    const name = value('name');
    if (!name) errors.push('The name is missing.');
    const unit = value('unit').toLowerCase();
    if (!(UNITS as readonly string[]).includes(unit)) {
      errors.push(`Unknown unit "${value('unit')}". Use one of: ${UNITS.join(', ')}.`);
    }
    const kindWord = value('kind').toLowerCase().replace(/[\s-]/g, '');
    const kind: ItemKind | undefined = kindWord ? KIND_WORDS[kindWord] : 'stock';
    if (!kind) errors.push(`Unknown item type "${value('kind')}" (${ITEM_KINDS.join(', ')}).`);
    const group = value('group');
    const groupId = group ? groups.get(group.toLowerCase()) : null;
    if (groupId === undefined) errors.push(`No item group with code "${group}".`);
    const money = (c: Column) => {
      const text = value(c);
      if (!text) return undefined;
      try {
        const ore = parseAmount(text);
        if (ore < 0) errors.push(`"${text}" is negative.`);
        return ore;
      } catch (error) {
        if (!(error instanceof MoneyError)) throw error;
        errors.push(`"${text}" is not an amount.`);
        return undefined;
      }
    };
    const quantity = (c: Column) => {
      const text = value(c).replace(/\s/g, '').replace(',', '.');
      if (!text) return undefined;
      const n = Number(text);
      if (!/^\d+(\.\d{1,3})?$/.test(text)) errors.push(`"${value(c)}" is not a quantity.`);
      return n;
    };
    const salesPrice = money('salesPrice');
    const costPrice = money('costPrice');
    const reorderPoint = quantity('reorderPoint');
    const reorderQuantity = quantity('reorderQuantity');
    const nameEn = value('nameEn');
    const input: NewItem = {
      number,
      name,
      kind: kind ?? 'stock',
      unit,
      groupId: groupId ?? null,
      description: value('description'),
      ...(nameEn ? { translations: { en: { name: nameEn, description: '' } } } : {}),
      ...(salesPrice === undefined ? {} : { salesPrice }),
      ...(costPrice === undefined ? {} : { costPrice }),
      ...(reorderPoint === undefined ? {} : { reorderPoint }),
      ...(reorderQuantity === undefined ? {} : { reorderQuantity }),
      ...(kind === 'subscription' ? { subscriptionPeriod: 'month' as const } : {}),
    };
    const existingId = existing.get(number) ?? null;
    return {
      line: i + 2,
      input,
      group,
      action: existingId === null ? 'create' : 'update',
      existingId,
      errors,
    };
  });
}

export async function previewItemImport(
  db: Kysely<Database>,
  companyId: number,
  csv: string,
): Promise<ItemImportPreview> {
  const rows = await parse(db, companyId, csv);
  return {
    rows: rows.map((r) => ({
      line: r.line,
      number: r.input.number,
      name: r.input.name,
      kind: r.input.kind,
      unit: r.input.unit,
      group: r.group,
      salesPrice: r.input.salesPrice ?? null,
      costPrice: r.input.costPrice ?? null,
      action: r.action,
      errors: r.errors,
    })),
    valid: rows.length > 0 && rows.every((r) => r.errors.length === 0),
    creates: rows.filter((r) => r.action === 'create').length,
    updates: rows.filter((r) => r.action === 'update').length,
  };
}

export async function importItems(
  db: Kysely<Database>,
  companyId: number,
  csv: string,
  userId: number | null,
) {
  return inTransaction(db, async (trx) => {
    const rows = await parse(trx, companyId, csv);
    const bad = rows.find((r) => r.errors.length > 0);
    if (bad) {
      throw new AppError(
        'validation',
        `Line ${bad.line}: ${bad.errors[0]} Nothing was imported.`,
        rows.flatMap((r) =>
          r.errors.map((message) => ({ field: `csv.line${r.line}`, message, code: 'invalid' })),
        ),
      );
    }
    if (rows.length === 0) throw AppError.field('csv', 'The file has no items.');
    for (const r of rows) {
      try {
        if (r.existingId === null) await createItem(trx, companyId, r.input, userId);
        else {
          // Keep what the file does not speak of: suppliers, components and alternatives.
          const current = await getItem(trx, companyId, r.existingId);
          await changeItem(
            trx,
            companyId,
            r.existingId,
            {
              ...r.input,
              salesPrice: r.input.salesPrice ?? current.salesPrice,
              costPrice: r.input.costPrice ?? current.costPrice,
              suppliers: current.suppliers.map((s) => ({
                partyId: s.partyId,
                supplierItemNumber: s.supplierItemNumber,
                price: s.price,
                leadDays: s.leadDays,
                preferred: s.preferred,
              })),
              components: current.components.map((c) => ({
                itemId: c.itemId,
                quantity: c.quantity,
              })),
              alternatives: current.alternatives.map((a) => a.itemId),
            },
            userId,
          );
        }
      } catch (error) {
        if (error instanceof AppError) {
          throw new AppError(
            'validation',
            `Line ${r.line}: ${error.message} Nothing was imported.`,
            error.fields,
          );
        }
        throw error;
      }
    }
    return {
      created: rows.filter((r) => r.action === 'create').length,
      updated: rows.filter((r) => r.action === 'update').length,
    };
  });
}
