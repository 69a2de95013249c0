import { type Kysely, PostgresAdapter, type RawBuilder, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: works on a store of any schema.
type AnyKysely = Kysely<any>;

export const isPostgres = (db: AnyKysely) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * A many-row INSERT for PostgreSQL that passes one array per column (`unnest`): as many
 * parameters as columns however many rows, where a VALUES list would parse one per cell.
 * `tail` follows the SELECT (ON CONFLICT …, RETURNING …).
 */
export async function insertByArrays<Row, Result = never>(
  db: AnyKysely,
  table: string,
  columns: readonly (readonly [keyof Row & string, string])[],
  rows: readonly Row[],
  tail: RawBuilder<unknown> = sql``,
): Promise<Result[]> {
  const arrays = columns.map(
    ([column, type]) => sql`${rows.map((r) => r[column])}::${sql.raw(type)}[]`,
  );
  const names = sql.join(columns.map(([column]) => sql.ref(column)));
  const result = await sql<Result>`insert into ${sql.table(table)} (${names})
    select * from unnest(${sql.join(arrays)}) ${tail}`.execute(db);
  return result.rows;
}
