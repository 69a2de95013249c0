import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { companyPath, ledgerKey } from '../accounting/api';
import { API_BASE, api } from '../api/client';
import { inventoryKey } from '../inventory/api';
import type {
  CarryForward,
  Document,
  DocumentPage,
  DocumentQuery,
  NewDocument,
  NewPayment,
  SalesSettings,
} from './types';

/** Every answer about documents hangs under one key, so any change refreshes them all. */
export const salesKey = (companyId: number) => ['companies', companyId, 'sales'] as const;

function search(params: Record<string, string | number | boolean | undefined | null>) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '' && value !== false)
      query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** A page of documents at a time; "show more" asks for the page after the last one. */
export function useDocuments(companyId: number, query: DocumentQuery) {
  const base = { ...query, limit: query.limit ?? 50 };
  return useInfiniteQuery({
    queryKey: [...salesKey(companyId), 'documents', base],
    queryFn: ({ pageParam, signal }) =>
      api.get<DocumentPage>(
        companyPath(companyId, `/documents${search({ ...base, cursor: pageParam })}`),
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** All documents of one query at once (a customer's open orders), without paging. */
export function useDocumentList(companyId: number, query: DocumentQuery, enabled = true) {
  const params = { ...query, limit: query.limit ?? 500 };
  return useQuery({
    queryKey: [...salesKey(companyId), 'list', params],
    queryFn: ({ signal }) =>
      api.get<DocumentPage>(companyPath(companyId, `/documents${search(params)}`), signal),
    enabled,
  });
}

export function useDocument(companyId: number, id: number | null) {
  return useQuery({
    queryKey: [...salesKey(companyId), 'document', id],
    queryFn: ({ signal }) => api.get<Document>(companyPath(companyId, `/documents/${id}`), signal),
    enabled: id !== null,
  });
}

/**
 * A change to documents: invoices and bills post vouchers and move stock, so the ledger's
 * and the inventory's answers go stale with it.
 */
function useSalesMutation<I, O>(companyId: number, run: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ledgerKey(companyId) });
      void client.invalidateQueries({ queryKey: inventoryKey(companyId) });
      return client.invalidateQueries({ queryKey: salesKey(companyId) });
    },
  });
}

const documentsPath = (companyId: number, rest = '') => companyPath(companyId, `/documents${rest}`);

export const useSaveDocument = (companyId: number, id: number | null) =>
  useSalesMutation(companyId, (input: NewDocument) =>
    id === null
      ? api.post<Document>(documentsPath(companyId), input)
      : api.put<Document>(documentsPath(companyId, `/${id}`), input),
  );

export const useCarryForward = (companyId: number, id: number) =>
  useSalesMutation(companyId, (input: CarryForward) =>
    api.post<Document>(documentsPath(companyId, `/${id}/carry-forward`), input),
  );

export const useDocumentEvent = (companyId: number, id: number) =>
  useSalesMutation(companyId, (input: { kind: 'sent' | 'viewed' | 'note'; text?: string }) =>
    api.post<Document>(documentsPath(companyId, `/${id}/events`), input),
  );

export const useCancelDocument = (companyId: number, id: number) =>
  useSalesMutation(companyId, () => api.post<Document>(documentsPath(companyId, `/${id}/cancel`)));

export const useGroupInvoice = (companyId: number) =>
  useSalesMutation(companyId, (input: { documentIds: number[]; date: string }) =>
    api.post<Document>(companyPath(companyId, '/group-invoices'), input),
  );

export const useRegisterPayment = (companyId: number) =>
  useSalesMutation(companyId, (input: NewPayment) =>
    api.post<Document>(companyPath(companyId, '/payments'), input),
  );

export function useSalesSettings(companyId: number) {
  return useQuery({
    queryKey: [...salesKey(companyId), 'settings'],
    queryFn: ({ signal }) =>
      api.get<SalesSettings>(companyPath(companyId, '/sales-settings'), signal),
  });
}

export const useSaveSalesSettings = (companyId: number) =>
  useSalesMutation(companyId, (settings: SalesSettings) =>
    api.put<SalesSettings>(companyPath(companyId, '/sales-settings'), settings),
  );

/** The document as a PDF, for printing or sending on. */
export const documentPdfUrl = (companyId: number, documentId: number) =>
  API_BASE + companyPath(companyId, `/documents/${documentId}/pdf`);
