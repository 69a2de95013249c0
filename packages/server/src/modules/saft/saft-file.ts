import fs from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { exportSaft, prepareSaftExport, type SaftExportOptions } from './saft.service';

/**
 * The export written to a file (the CLI's `saft export`). A directory gets the official
 * file name inside it. A file that cannot be opened is refused before anything is read,
 * and a failed export leaves no half-written file behind.
 */
export async function exportSaftToFile(
  db: Kysely<Database>,
  companyId: number,
  options: SaftExportOptions,
  target: string,
) {
  const prepared = await prepareSaftExport(db, companyId, options);
  const file = isDirectory(target) ? path.join(target, prepared.fileName) : target;
  const handle = await fs.promises.open(file, 'w').catch((error: NodeJS.ErrnoException) => {
    throw new AppError('validation', `Cannot write ${file}: ${error.code ?? error.message}.`);
  });
  const out = handle.createWriteStream();
  try {
    const result = await exportSaft(
      db,
      companyId,
      { ...options, createdAt: prepared.createdAt },
      out,
    );
    out.end();
    await finished(out);
    return { file, vouchers: result.vouchers, lines: result.lines };
  } catch (error) {
    out.destroy();
    await fs.promises.rm(file, { force: true });
    throw error;
  }
}

function isDirectory(target: string): boolean {
  try {
    return fs.statSync(target).isDirectory();
  } catch {
    return false;
  }
}
