import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API_BASE, api } from '../../api/client';
import { companyPath, ledgerKey } from '../api';
import type { Attachment } from '../types';

/** The kinds of file the server keeps as receipts. */
export const ATTACHMENT_ACCEPT = 'application/pdf,image/jpeg,image/png';

const attachmentsKey = (companyId: number, voucherId: number) =>
  [...ledgerKey(companyId), 'attachments', voucherId] as const;

/** The file itself, shown inline by the browser: a plain link or an image source. */
export const attachmentUrl = (companyId: number, id: number) =>
  API_BASE + companyPath(companyId, `/attachments/${id}`);

export function useAttachments(companyId: number, voucherId: number) {
  return useQuery({
    queryKey: attachmentsKey(companyId, voucherId),
    queryFn: ({ signal }) =>
      api.get<{ items: Attachment[] }>(
        companyPath(companyId, `/vouchers/${voucherId}/attachments`),
        signal,
      ),
    select: (data) => data.items,
  });
}

export function useAttach(companyId: number, voucherId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      api.upload<Attachment>(companyPath(companyId, `/vouchers/${voucherId}/attachments`), file),
    onSuccess: () => client.invalidateQueries({ queryKey: attachmentsKey(companyId, voucherId) }),
  });
}
