import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type {
  Account,
  AccountChanges,
  AuditEntry,
  DateRange,
  Dimension,
  FiscalYear,
  NewAccount,
  Party,
  Subledger,
  Voucher,
  VoucherInput,
} from './types';

type Items<T> = { items: T[] };

export const companyPath = (companyId: number, path: string) => `/companies/${companyId}${path}`;

/** Everything read from the postings (vouchers, reports, history): stale after any posting. */
export const ledgerKey = (companyId: number) => ['companies', companyId, 'ledger'] as const;
export const accountsKey = (companyId: number) => ['companies', companyId, 'accounts'] as const;
const fiscalYearsKey = (companyId: number) => ['companies', companyId, 'fiscal-years'] as const;

function useItems<T>(key: readonly unknown[], path: string, enabled = true) {
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.get<Items<T>>(path, signal),
    select: (data) => data.items,
    enabled,
  });
}

export function useAccounts(companyId: number) {
  return useItems<Account>(accountsKey(companyId), companyPath(companyId, '/accounts'));
}

export function useDepartments(companyId: number) {
  const path = companyPath(companyId, '/departments');
  return useItems<Dimension>(['companies', companyId, 'departments'], path);
}

export function useProjects(companyId: number) {
  return useItems<Dimension>(
    ['companies', companyId, 'projects'],
    companyPath(companyId, '/projects'),
  );
}

/** Customers or suppliers, fetched only once a line on a sub-ledger account asks for them. */
export function useParties(companyId: number, kind: Subledger | null) {
  return useItems<Party>(
    ['companies', companyId, 'parties', kind],
    companyPath(companyId, `/parties?kind=${kind}`),
    kind !== null,
  );
}

export interface VoucherPage extends DateRange {
  limit: number;
  offset: number;
}

export function useVouchers(companyId: number, page: VoucherPage) {
  const query = new URLSearchParams({
    from: page.from,
    to: page.to,
    limit: String(page.limit),
    offset: String(page.offset),
  });
  return useItems<Voucher>(
    [...ledgerKey(companyId), 'vouchers', page],
    companyPath(companyId, `/vouchers?${query}`),
  );
}

export function useVoucher(companyId: number, id: number) {
  return useQuery({
    queryKey: [...ledgerKey(companyId), 'voucher', id],
    queryFn: ({ signal }) => api.get<Voucher>(companyPath(companyId, `/vouchers/${id}`), signal),
  });
}

export function useVoucherHistory(companyId: number, id: number) {
  return useItems<AuditEntry>(
    [...ledgerKey(companyId), 'audit', id],
    companyPath(companyId, `/audit-log?entity=voucher&id=${id}`),
  );
}

/**
 * A change to the postings, after which everything read from them is fetched again. The
 * refetch is not waited for: the caller's own onSuccess should run while the screen that
 * made the change is still there (a deleted voucher's delete button goes with the refetch).
 */
export function useLedgerMutation<T, R>(companyId: number, call: (input: T) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ledgerKey(companyId) });
    },
  });
}

export function usePostVoucher(companyId: number) {
  return useLedgerMutation(companyId, (input: VoucherInput) =>
    api.post<Voucher>(companyPath(companyId, '/vouchers'), input),
  );
}

export function useCorrectVoucher(companyId: number, id: number) {
  return useLedgerMutation(companyId, (input: VoucherInput) =>
    api.put<Voucher>(companyPath(companyId, `/vouchers/${id}`), input),
  );
}

export function useDeleteVoucher(companyId: number) {
  return useLedgerMutation(companyId, (id: number) =>
    api.delete<Voucher>(companyPath(companyId, `/vouchers/${id}`)),
  );
}

function useChartMutation<T, R>(companyId: number, call: (input: T) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: accountsKey(companyId) });
    },
  });
}

export function useAddAccount(companyId: number) {
  return useChartMutation(companyId, (account: NewAccount) =>
    api.post<Account>(companyPath(companyId, '/accounts'), account),
  );
}

export function useChangeAccount(companyId: number) {
  return useChartMutation(
    companyId,
    ({ number, ...changes }: AccountChanges & { number: string }) =>
      api.patch<Account>(companyPath(companyId, `/accounts/${number}`), changes),
  );
}

export function useDeleteAccount(companyId: number) {
  return useChartMutation(companyId, (number: string) =>
    api.delete(companyPath(companyId, `/accounts/${number}`)),
  );
}

export function useFiscalYears(companyId: number) {
  return useItems<FiscalYear>(fiscalYearsKey(companyId), companyPath(companyId, '/fiscal-years'));
}

export function useOpenFiscalYear(companyId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (year: number) =>
      api.post<Items<FiscalYear>>(companyPath(companyId, '/fiscal-years'), { year }),
    onSuccess: (data) => client.setQueryData(fiscalYearsKey(companyId), data),
  });
}

export function useLockPeriod(companyId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ year, period, locked }: { year: number; period: number; locked: boolean }) =>
      api.put(companyPath(companyId, `/fiscal-years/${year}/periods/${period}/lock`), { locked }),
    onSuccess: () => client.invalidateQueries({ queryKey: fiscalYearsKey(companyId) }),
  });
}
