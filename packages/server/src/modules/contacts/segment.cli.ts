import type { Command } from '../../cli/commands';
import { AppError } from '../../errors';
import { findCompany } from '../admin/company.store';
import { snapshotSegments } from './segment.service';

/**
 * `nordbok segments snapshot --company ID`: evaluates every segment of a company and records
 * today's sizes, for the trend. Meant for a daily cron job; running it twice a day keeps
 * the later figures.
 */
export const segmentsSnapshotCommand: Command = {
  group: 'segments',
  action: 'snapshot',
  synopsis: '--company ID [--json]',
  options: { company: { type: 'string' }, json: { type: 'boolean' } },
  async run(store, values) {
    const id = values.company;
    if (typeof id !== 'string' || !/^\d+$/.test(id))
      throw new AppError('validation', '--company must be a whole number.');
    const company = await findCompany(store.db, Number(id));
    if (!company) throw new AppError('not-found', `Unknown company ${id}.`);
    const sizes = await snapshotSegments(store.db, company.id);
    const text = sizes.length
      ? sizes.map((s) => `${String(s.size).padStart(7)}  ${s.name}`).join('\n')
      : 'No segments.';
    return { text, json: { companyId: company.id, segments: sizes } };
  },
};
