import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { now } from '../../db/database';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';

/** Receipts may be PDF, JPEG or PNG; the content must be what its type says. */
export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const SIGNATURES: Record<AttachmentType, number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46], // %PDF
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47],
};

export interface AttachmentInfo {
  id: number;
  voucherId: number;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: string;
}

export async function attach(
  db: Kysely<Database>,
  companyId: number,
  voucherId: number,
  file: { name: string; type: AttachmentType; content: Buffer },
): Promise<AttachmentInfo> {
  const signature = SIGNATURES[file.type];
  if (!signature.every((byte, i) => file.content[i] === byte)) {
    throw AppError.field(
      'file',
      `The file is not a ${file.type.split('/')[1]?.toUpperCase()} file.`,
    );
  }
  const voucher = await db
    .selectFrom('vouchers')
    .select(['id', 'status'])
    .where('company_id', '=', companyId)
    .where('id', '=', voucherId)
    .executeTakeFirst();
  if (!voucher) throw new AppError('not-found', `Voucher ${voucherId} does not exist.`);
  const row = await db
    .insertInto('attachments')
    .values({
      company_id: companyId,
      voucher_id: voucherId,
      file_name: file.name,
      content_type: file.type,
      size: file.content.length,
      sha256: createHash('sha256').update(file.content).digest('hex'),
      content: file.content,
      created_at: now(),
    })
    .returning(['id', 'voucher_id', 'file_name', 'content_type', 'size', 'sha256', 'created_at'])
    .executeTakeFirstOrThrow();
  return toInfo(row);
}

function toInfo(r: {
  id: number;
  voucher_id: number;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  created_at: string;
}): AttachmentInfo {
  return {
    id: r.id,
    voucherId: r.voucher_id,
    fileName: r.file_name,
    contentType: r.content_type,
    size: Number(r.size),
    sha256: r.sha256,
    createdAt: r.created_at,
  };
}

export async function attachmentsOf(db: Kysely<Database>, companyId: number, voucherId: number) {
  const rows = await db
    .selectFrom('attachments')
    .select(['id', 'voucher_id', 'file_name', 'content_type', 'size', 'sha256', 'created_at'])
    .where('company_id', '=', companyId)
    .where('voucher_id', '=', voucherId)
    .orderBy('id')
    .execute();
  return rows.map(toInfo);
}

export async function attachmentContent(db: Kysely<Database>, companyId: number, id: number) {
  const row = await db
    .selectFrom('attachments')
    .select(['voucher_id', 'file_name', 'content_type', 'content'])
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('not-found', `Attachment ${id} does not exist.`);
  return {
    voucherId: row.voucher_id,
    fileName: row.file_name,
    contentType: row.content_type,
    content: Buffer.from(row.content),
  };
}
