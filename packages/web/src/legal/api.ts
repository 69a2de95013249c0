import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { companyPath, ledgerKey } from '../accounting/api';
import type { DateRange, Voucher } from '../accounting/types';
import { API_BASE, api } from '../api/client';
import type {
  NaeringSpec,
  PayrollImportInput,
  PayrollMapping,
  PayrollPreview,
  TermLength,
  VatCloseRemarks,
  VatClosing,
  VatReturn,
} from './types';

const vatReturnPath = (companyId: number, year: number, term: number) =>
  companyPath(companyId, `/vat-returns/${year}/${term}`);

// Under the ledger's key: any posting (or a closing, which posts) makes these stale.
const vatKey = (companyId: number) => [...ledgerKey(companyId), 'vat-return'] as const;

export function useVatReturn(companyId: number, year: number, term: number) {
  return useQuery({
    queryKey: [...vatKey(companyId), year, term],
    queryFn: ({ signal }) => api.get<VatReturn>(vatReturnPath(companyId, year, term), signal),
  });
}

export const vatReturnXmlUrl = (companyId: number, year: number, term: number) =>
  `${API_BASE}${vatReturnPath(companyId, year, term)}?format=xml`;

interface TermChoice {
  year: number;
  term: number;
}

/**
 * Closing and reopening post or lock periods: the ledger's answers go stale, and so do the
 * fiscal years, which carry the periods' locks.
 */
function afterTermChange(client: ReturnType<typeof useQueryClient>, companyId: number) {
  void client.invalidateQueries({ queryKey: ['companies', companyId, 'fiscal-years'] });
  return client.invalidateQueries({ queryKey: ledgerKey(companyId) });
}

/** Closes a term, or the correction of a reopened one; both post and lock periods. */
export function useCloseVatTerm(companyId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ year, term, remarks }: TermChoice & { remarks: VatCloseRemarks }) =>
      api.post<VatClosing>(`${vatReturnPath(companyId, year, term)}/close`, remarks),
    onSuccess: () => afterTermChange(client, companyId),
  });
}

/** Reopens a closed term for correction: its periods open for vouchers again. */
export function useReopenVatTerm(companyId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ year, term }: TermChoice) =>
      api.post<{ status: 'correcting'; version: number }>(
        `${vatReturnPath(companyId, year, term)}/reopen`,
      ),
    onSuccess: () => afterTermChange(client, companyId),
  });
}

export function useSaveTermLength(companyId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (termLength: TermLength) =>
      api.put<{ termLength: TermLength }>(companyPath(companyId, '/vat-settings'), {
        termLength,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: vatKey(companyId) }),
  });
}

const naeringPath = (companyId: number, year: number) =>
  companyPath(companyId, `/reports/naeringsspesifikasjon?year=${year}`);

export function useNaering(companyId: number, year: number) {
  return useQuery({
    queryKey: [...ledgerKey(companyId), 'report', 'naeringsspesifikasjon', year],
    queryFn: ({ signal }) => api.get<NaeringSpec>(naeringPath(companyId, year), signal),
  });
}

export const naeringFileUrl = (companyId: number, year: number, format: string) =>
  `${API_BASE}${naeringPath(companyId, year)}&format=${format}`;

export const saftUrl = (companyId: number, range: DateRange) =>
  `${API_BASE}${companyPath(companyId, `/saft?${new URLSearchParams({ ...range })}`)}`;

const payrollPath = (companyId: number, path = '') =>
  companyPath(companyId, `/payroll-imports${path}`);

export function usePayrollMapping(companyId: number) {
  return useQuery({
    queryKey: ['companies', companyId, 'payroll-mapping'],
    queryFn: ({ signal }) => api.get<PayrollMapping>(payrollPath(companyId, '/mapping'), signal),
  });
}

export function usePayrollPreview(companyId: number) {
  return useMutation({
    mutationFn: (input: PayrollImportInput) =>
      api.post<PayrollPreview>(payrollPath(companyId, '/preview'), input),
  });
}

export function usePostPayroll(companyId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PayrollImportInput) => api.post<Voucher>(payrollPath(companyId), input),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ledgerKey(companyId) });
      // The server remembers the mapping of a posted file for the next one.
      void client.invalidateQueries({ queryKey: ['companies', companyId, 'payroll-mapping'] });
    },
  });
}
