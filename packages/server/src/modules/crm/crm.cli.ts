import { isIsoDate } from '@nordbok/core';
import type { Command, Values } from '../../cli/commands';
import type { Store } from '../../db/database';
import { AppError } from '../../errors';
import { renderCsv } from '../accounting/export/csv';
import { findCompany } from '../admin/company.store';
import { leadFunnel, opportunityFunnel, salesForecast } from './report.service';
import { forecastTable, funnelTable } from './report.tables';

function flag(values: Values, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '')
    throw new AppError('validation', `--${name} is required.`);
  return value;
}

async function scope(store: Store, values: Values) {
  const id = flag(values, 'company');
  if (!/^\d+$/.test(id)) throw new AppError('validation', '--company must be a whole number.');
  const company = await findCompany(store.db, Number(id));
  if (!company) throw new AppError('not-found', `Company ${id} does not exist.`);
  const from = flag(values, 'from');
  const to = flag(values, 'to');
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!isIsoDate(value)) throw new AppError('validation', `--${name} must be a date YYYY-MM-DD.`);
  }
  if (from > to) throw new AppError('validation', '--from must not be after --to.');
  const context = { language: 'nb' as const, company: company.name, producedAt: new Date() };
  return { companyId: company.id, range: { from, to }, context };
}

const options = {
  company: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** `nordbok crm funnel`: conversion and days between steps, as CSV (or JSON). */
export const crmFunnelCommand: Command = {
  group: 'crm',
  action: 'funnel',
  synopsis: '--company ID --kind leads|opportunities --from YYYY-MM-DD --to YYYY-MM-DD [--json]',
  options: { ...options, kind: { type: 'string' } },
  async run(store, values) {
    const { companyId, range, context } = await scope(store, values);
    const kind = flag(values, 'kind');
    if (kind !== 'leads' && kind !== 'opportunities')
      throw new AppError('validation', '--kind must be leads or opportunities.');
    const report = await (kind === 'leads' ? leadFunnel : opportunityFunnel)(
      store.db,
      companyId,
      range,
    );
    return { text: renderCsv(funnelTable(report, context)).trimEnd(), json: report };
  },
};

/** `nordbok crm forecast`: open opportunities by expected close month, as CSV (or JSON). */
export const crmForecastCommand: Command = {
  group: 'crm',
  action: 'forecast',
  synopsis: '--company ID --from YYYY-MM-DD --to YYYY-MM-DD [--json]',
  options,
  async run(store, values) {
    const { companyId, range, context } = await scope(store, values);
    const forecast = await salesForecast(store.db, companyId, range);
    return { text: renderCsv(forecastTable(forecast, context)).trimEnd(), json: forecast };
  },
};
