import fs from 'node:fs';
import type { Command, Values } from '../../cli/commands';
import { AppError } from '../../errors';
import { findCompany } from '../admin/company.store';
import { vatReturn, vatReturnXml } from './vat.service';

function wholeNumberFlag(values: Values, name: string): number {
  const value = values[name];
  if (typeof value !== 'string' || !/^\d+$/.test(value)) {
    throw new AppError('validation', `--${name} must be a whole number.`);
  }
  return Number(value);
}

/** `nordbok vat return`: writes a term's VAT return as mva-melding XML or JSON. */
export const vatReturnCommand: Command = {
  group: 'vat',
  action: 'return',
  synopsis: '--company ID --year YYYY --term N [--format xml|json] -o FILE',
  options: {
    company: { type: 'string' },
    year: { type: 'string' },
    term: { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    json: { type: 'boolean' },
  },
  async run(store, values) {
    const companyId = wholeNumberFlag(values, 'company');
    const year = wholeNumberFlag(values, 'year');
    const term = wholeNumberFlag(values, 'term');
    const format = values.format ?? 'xml';
    if (format !== 'xml' && format !== 'json') {
      throw new AppError('validation', '--format must be xml or json.');
    }
    const target = values.output;
    if (typeof target !== 'string' || target === '') {
      throw new AppError('validation', '-o FILE is required.');
    }
    if (!(await findCompany(store.db, companyId))) {
      throw new AppError('not-found', `Unknown company ${companyId}.`);
    }
    const result = await vatReturn(store.db, companyId, year, term);
    const content =
      format === 'xml'
        ? await vatReturnXml(store.db, companyId, year, term)
        : `${JSON.stringify(result, null, 2)}\n`;
    fs.writeFileSync(target, content);
    return { text: target, json: { file: target, ...result } };
  },
};
