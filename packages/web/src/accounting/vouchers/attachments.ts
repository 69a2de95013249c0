import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API_BASE, api } from '../../api/client';
import { companyPath, ledgerKey } from '../api';
import type { Attachment } from '../types';

/** The kinds of file the server keeps as receipts. */
export const ATTACHMENT_ACCEPT = 'application/pdf,image/jpeg,image/png';

/**
 * What receipts are kept with: a voucher, or a sales or purchase document (whose receipts
 * are its voucher's, reached with the document area's access instead of the ledger's).
 */
export interface AttachmentOwner {
  kind: 'voucher' | 'document';
  id: number;
}

const ownerPath = (owner: AttachmentOwner) =>
  `/${owner.kind === 'voucher' ? 'vouchers' : 'documents'}/${owner.id}/attachments`;

const attachmentsKey = (companyId: number, owner: AttachmentOwner) =>
  [...ledgerKey(companyId), 'attachments', owner.kind, owner.id] as const;

/** The file itself, shown inline by the browser: a plain link or an image source. */
export const attachmentUrl = (companyId: number, owner: AttachmentOwner, id: number) =>
  API_BASE +
  companyPath(
    companyId,
    owner.kind === 'voucher' ? `/attachments/${id}` : `${ownerPath(owner)}/${id}`,
  );

export function useAttachments(companyId: number, owner: AttachmentOwner) {
  return useQuery({
    queryKey: attachmentsKey(companyId, owner),
    queryFn: ({ signal }) =>
      api.get<{ items: Attachment[] }>(companyPath(companyId, ownerPath(owner)), signal),
    select: (data) => data.items,
  });
}

export function useAttach(companyId: number, owner: AttachmentOwner) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      api.upload<Attachment>(companyPath(companyId, ownerPath(owner)), file),
    onSuccess: () => client.invalidateQueries({ queryKey: attachmentsKey(companyId, owner) }),
  });
}
