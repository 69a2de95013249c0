import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { companyPath, ledgerKey, useLedgerMutation } from '../api';
import type { NewParty, OpenItem, Party, Subledger } from '../types';

type Items<T> = { items: T[] };

const partiesKey = (companyId: number) => ['companies', companyId, 'parties'] as const;

/** The parties screen's list: one ledger's parties, narrowed by a typed search. */
export function usePartyList(companyId: number, kind: Subledger, search: string) {
  const query = new URLSearchParams({ kind });
  if (search.trim()) query.set('search', search.trim());
  return useQuery({
    queryKey: [...partiesKey(companyId), kind, 'search', search.trim()],
    queryFn: ({ signal }) =>
      api.get<Items<Party>>(companyPath(companyId, `/parties?${query}`), signal),
    select: (data) => data.items,
  });
}

/** A new customer or supplier; every list of parties (the entry screen's too) is refetched. */
export function useCreateParty(companyId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (party: NewParty) => api.post<Party>(companyPath(companyId, '/parties'), party),
    onSuccess: () => client.invalidateQueries({ queryKey: partiesKey(companyId) }),
  });
}

/** A party's open items; with `all`, the settled ones too. Nothing is asked before a party. */
export function useOpenItems(
  companyId: number,
  kind: Subledger,
  partyId: number | null,
  all: boolean,
) {
  const query = new URLSearchParams({ kind, partyId: String(partyId ?? '') });
  if (all) query.set('all', 'true');
  return useQuery({
    queryKey: [...ledgerKey(companyId), 'open-items', kind, partyId, all],
    queryFn: ({ signal }) =>
      api.get<Items<OpenItem>>(companyPath(companyId, `/open-items?${query}`), signal),
    select: (data) => data.items,
    enabled: partyId !== null,
  });
}

export interface SettlementInput {
  itemPostingId: number;
  paymentPostingId: number;
  amount?: number;
}

export function useSettle(companyId: number) {
  return useLedgerMutation(companyId, (input: SettlementInput) =>
    api.post(companyPath(companyId, '/settlements'), input),
  );
}

export function useUnsettle(companyId: number) {
  return useLedgerMutation(companyId, (id: number) =>
    api.delete(companyPath(companyId, `/settlements/${id}`)),
  );
}
