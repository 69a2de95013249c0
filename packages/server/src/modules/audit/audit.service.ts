import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { now } from '../../db/database';
import type { Database } from '../../db/schema';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  userId: number | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

interface HashedFields {
  companyId: number;
  seq: number;
  at: string;
  userId: number | null;
  action: string;
  entity: string;
  entityId: string;
  before: string | null;
  after: string | null;
  prevHash: string;
}

/** SHA-256 over the entry's fields in a fixed order, chained to the previous entry's hash. */
export function entryHash(f: HashedFields): string {
  const fields = [
    f.companyId,
    f.seq,
    f.at,
    f.userId,
    f.action,
    f.entity,
    f.entityId,
    f.before,
    f.after,
    f.prevHash,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/**
 * Appends an entry to the company's chain. Call it inside the transaction that makes the
 * change: taking the head row locks it, so concurrent appends queue instead of forking.
 */
export async function appendAudit(db: Kysely<Database>, companyId: number, entry: AuditEntry) {
  const head = await db
    .insertInto('audit_heads')
    .values({ company_id: companyId, seq: 0, hash: GENESIS_HASH })
    .onConflict((oc) =>
      oc.column('company_id').doUpdateSet((eb) => ({ seq: eb.ref('audit_heads.seq') })),
    )
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  const fields: HashedFields = {
    companyId,
    seq: head.seq + 1,
    at: now(),
    userId: entry.userId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    before:
      entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before),
    after: entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after),
    prevHash: head.hash,
  };
  const hash = entryHash(fields);
  await db
    .insertInto('audit_log')
    .values({
      company_id: companyId,
      seq: fields.seq,
      at: fields.at,
      user_id: fields.userId,
      action: fields.action,
      entity: fields.entity,
      entity_id: fields.entityId,
      before: fields.before,
      after: fields.after,
      prev_hash: fields.prevHash,
      hash,
    })
    .execute();
  await db
    .updateTable('audit_heads')
    .set({ seq: fields.seq, hash })
    .where('company_id', '=', companyId)
    .execute();
}

export type ChainCheck =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenAt: number; reason: string };

/** Recomputes the whole chain; reports the first entry that does not match. */
export async function verifyAuditChain(
  db: Kysely<Database>,
  companyId: number,
): Promise<ChainCheck> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('company_id', '=', companyId)
    .orderBy('seq')
    .execute();
  let prev = GENESIS_HASH;
  for (const [i, r] of rows.entries()) {
    const broken = (reason: string): ChainCheck => ({
      ok: false,
      entries: rows.length,
      brokenAt: r.seq,
      reason,
    });
    if (r.seq !== i + 1) return broken(`entry ${i + 1} is missing`);
    if (r.prev_hash !== prev) return broken(`entry ${r.seq} does not follow entry ${r.seq - 1}`);
    const expected = entryHash({
      companyId,
      seq: r.seq,
      at: r.at,
      userId: r.user_id,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before,
      after: r.after,
      prevHash: r.prev_hash,
    });
    if (expected !== r.hash) return broken(`entry ${r.seq} was changed after it was written`);
    prev = r.hash;
  }
  const head = await db
    .selectFrom('audit_heads')
    .selectAll()
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  if ((head?.seq ?? 0) !== rows.length) {
    return {
      ok: false,
      entries: rows.length,
      brokenAt: rows.length + 1,
      reason: 'entries after the last one were removed',
    };
  }
  return { ok: true, entries: rows.length };
}

export function listAudit(
  db: Kysely<Database>,
  companyId: number,
  entity?: { entity: string; id: string },
) {
  let query = db.selectFrom('audit_log').selectAll().where('company_id', '=', companyId);
  if (entity) query = query.where('entity', '=', entity.entity).where('entity_id', '=', entity.id);
  return query.orderBy('seq', 'desc').limit(500).execute();
}
