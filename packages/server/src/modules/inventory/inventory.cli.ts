import fs from 'node:fs';
import { isIsoDate } from '@nordbok/core';
import type { Command, Values } from '../../cli/commands';
import { AppError } from '../../errors';
import { findCompany } from '../admin/company.store';
import { listWarehouses } from './catalog.service';
import { importItems, previewItemImport } from './import.service';
import { stockList } from './stock.service';

async function companyFlag(store: Parameters<Command['run']>[0], values: Values) {
  const value = values.company;
  if (typeof value !== 'string' || !/^\d+$/.test(value)) {
    throw new AppError('validation', '--company must be a company id.');
  }
  const company = await findCompany(store.db, Number(value));
  if (!company) throw new AppError('not-found', `There is no company ${value}.`);
  return company.id;
}

const kr = (ore: number) => (ore / 100).toFixed(2);

/** `nordbok inventory stock-list`: quantity and value per item at a date, all warehouses. */
export const stockListCommand: Command = {
  group: 'inventory',
  action: 'stock-list',
  synopsis: '--company ID [--date YYYY-MM-DD] [--warehouse CODE]',
  options: {
    company: { type: 'string' },
    date: { type: 'string' },
    warehouse: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(store, values) {
    const companyId = await companyFlag(store, values);
    const date = typeof values.date === 'string' ? values.date : undefined;
    if (date !== undefined && !isIsoDate(date)) {
      throw new AppError('validation', '--date must be a date written YYYY-MM-DD.');
    }
    let warehouseId: number | undefined;
    if (typeof values.warehouse === 'string') {
      const code = values.warehouse;
      warehouseId = (await listWarehouses(store.db, companyId)).find((w) => w.code === code)?.id;
      if (!warehouseId) throw new AppError('validation', `There is no warehouse ${code}.`);
    }
    const list = await stockList(store.db, companyId, {
      ...(date ? { date } : {}),
      ...(warehouseId ? { warehouseId } : {}),
    });
    const lines = list.rows.map(
      (r) =>
        `${r.number.padEnd(10)} ${r.name.padEnd(36)} ${String(r.quantity).padStart(12)} ` +
        `${r.unit.padEnd(5)} ${kr(r.value).padStart(14)}`,
    );
    lines.push(`${'Total'.padEnd(67)} ${kr(list.totals.value).padStart(14)}`);
    return { text: lines.join('\n'), json: list };
  },
};

/** `nordbok inventory import-items`: items from a CSV file; nothing is saved if a row is wrong. */
export const importItemsCommand: Command = {
  group: 'inventory',
  action: 'import-items',
  synopsis: '--company ID --file FILE.csv [--dry-run]',
  options: {
    company: { type: 'string' },
    file: { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(store, values) {
    const companyId = await companyFlag(store, values);
    const file = values.file;
    if (typeof file !== 'string' || !fs.existsSync(file)) {
      throw new AppError('validation', `--file must name a CSV file that exists.`);
    }
    const csv = fs.readFileSync(file, 'utf8');
    const preview = await previewItemImport(store.db, companyId, csv);
    const errors = preview.rows.flatMap((r) => r.errors.map((e) => `line ${r.line}: ${e}`));
    if (errors.length > 0) {
      throw new AppError('validation', `${file}: ${errors.join(' ')} Nothing was imported.`);
    }
    if (values['dry-run'] === true) {
      return {
        text:
          `${file} is in order: ${preview.creates} new and ` +
          `${preview.updates} changed items (dry run, nothing saved).`,
        json: preview,
      };
    }
    const result = await importItems(store.db, companyId, csv, null);
    return {
      text: `Imported ${result.created} new and ${result.updated} changed items.`,
      json: result,
    };
  },
};
