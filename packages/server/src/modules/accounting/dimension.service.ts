import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, DimensionRow } from '../../db/schema';
import { AppError } from '../../errors';

/** Departments (avdelinger) and projects (prosjekter): codes with sub-levels. */
export type DimensionTable = 'departments' | 'projects';

export const dimensionSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  parentId: z.number().nullable(),
  blocked: z.boolean(),
});
export type Dimension = z.infer<typeof dimensionSchema>;

export const newDimensionSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._-]{1,20}$/, 'A code is 1–20 letters, digits or . _ -'),
  name: z.string().trim().min(1, 'Give it a name.').max(100),
  parentId: z.number().int().positive().nullable().optional(),
});
export const dimensionChangesSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  parentId: z.number().int().positive().nullable().optional(),
  blocked: z.boolean().optional(),
});

function toDimension(r: DimensionRow): Dimension {
  return { id: r.id, code: r.code, name: r.name, parentId: r.parent_id, blocked: r.blocked === 1 };
}

export async function listDimensions(
  db: Kysely<Database>,
  table: DimensionTable,
  companyId: number,
) {
  const rows = await db
    .selectFrom(table)
    .selectAll()
    .where('company_id', '=', companyId)
    .orderBy('code')
    .execute();
  return rows.map(toDimension);
}

export async function createDimension(
  db: Kysely<Database>,
  table: DimensionTable,
  companyId: number,
  input: z.infer<typeof newDimensionSchema>,
) {
  const existing = await listDimensions(db, table, companyId);
  if (existing.some((d) => d.code === input.code)) {
    throw AppError.field('code', `The code ${input.code} is already in use.`, 'duplicate');
  }
  checkParent(existing, null, input.parentId ?? null);
  const row = await db
    .insertInto(table)
    .values({
      company_id: companyId,
      code: input.code,
      name: input.name,
      parent_id: input.parentId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toDimension(row);
}

export async function changeDimension(
  db: Kysely<Database>,
  table: DimensionTable,
  companyId: number,
  id: number,
  changes: z.infer<typeof dimensionChangesSchema>,
) {
  const existing = await listDimensions(db, table, companyId);
  if (!existing.some((d) => d.id === id)) throw new AppError('not-found', `${id} does not exist.`);
  if (changes.parentId !== undefined) checkParent(existing, id, changes.parentId);
  const row = await db
    .updateTable(table)
    .set({
      name: changes.name,
      parent_id: changes.parentId,
      blocked: changes.blocked === undefined ? undefined : changes.blocked ? 1 : 0,
    })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toDimension(row);
}

/** A parent must exist and must not be the item itself or one of its sub-levels. */
function checkParent(all: Dimension[], id: number | null, parentId: number | null) {
  if (parentId === null) return;
  let current = all.find((d) => d.id === parentId);
  if (!current) throw AppError.field('parentId', `${parentId} does not exist.`);
  while (current) {
    if (current.id === id)
      throw AppError.field('parentId', 'A level cannot be placed under itself.');
    const parent: number | null = current.parentId;
    current = parent === null ? undefined : all.find((d) => d.id === parent);
  }
}

/** The ids of a dimension and all its sub-levels, for report filters; never loops. */
export function withSubLevels(all: readonly { id: number; parentId: number | null }[], id: number) {
  const result = [id];
  for (let i = 0; i < result.length; i++) {
    for (const d of all) if (d.parentId === result[i] && !result.includes(d.id)) result.push(d.id);
  }
  return result;
}
