import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { companyPath } from '../accounting/api';
import { api } from '../api/client';
import { salesKey } from './api';

/**
 * Salespeople, their budgets, sales against budget and exchange rates, as the server sends
 * them (modules/sales/salespeople.service.ts and currency.service.ts). Amounts are NOK øre.
 */
export interface Salesperson {
  id: number;
  code: string;
  name: string;
  userId: number | null;
  userName: string | null;
  active: boolean;
}

export interface NewSalesperson {
  code: string;
  name: string;
  userId: number | null;
  active: boolean;
}

export interface Budget {
  salespersonId: number;
  year: number;
  months: number[];
  total: number;
}

export interface Comparison {
  actual: number;
  budget: number;
  difference: number;
  percent: number | null;
}

export interface SalesVsBudget {
  year: number;
  salespeople: (Comparison & {
    salespersonId: number | null;
    code: string;
    name: string;
    months: (Comparison & { month: number })[];
    total: Comparison;
  })[];
  months: (Comparison & { month: number })[];
  total: Comparison;
}

export interface CurrencyRate {
  currency: string;
  date: string;
  rate: string;
  source: string;
}

export interface RateImportResult {
  imported: number;
  errors: { line: number; message: string }[];
}

const salespeopleKey = (companyId: number) => [...salesKey(companyId), 'salespeople'] as const;
const ratesKey = (companyId: number) => ['companies', companyId, 'currency-rates'] as const;
const peoplePath = (companyId: number, rest = '') => companyPath(companyId, `/salespeople${rest}`);

export function useSalespeople(companyId: number) {
  return useQuery({
    queryKey: [...salespeopleKey(companyId), 'list'],
    queryFn: ({ signal }) =>
      api.get<{ items: Salesperson[] }>(peoplePath(companyId), signal).then((r) => r.items),
  });
}

/** The company's users a salesperson can be; only those who may change settings see them. */
export function useSalespersonUsers(companyId: number, enabled: boolean) {
  return useQuery({
    queryKey: [...salespeopleKey(companyId), 'users'],
    queryFn: ({ signal }) =>
      api
        .get<{ items: { id: number; name: string }[] }>(peoplePath(companyId, '/users'), signal)
        .then((r) => r.items),
    enabled,
  });
}

export function useSaveSalesperson(companyId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: NewSalesperson & { id: number | null }) =>
      id === null
        ? api.post<Salesperson>(peoplePath(companyId), input)
        : api.put<Salesperson>(peoplePath(companyId, `/${id}`), input),
    onSuccess: () => client.invalidateQueries({ queryKey: salesKey(companyId) }),
  });
}

export function useDeleteSalesperson(companyId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete<void>(peoplePath(companyId, `/${id}`)),
    onSuccess: () => client.invalidateQueries({ queryKey: salesKey(companyId) }),
  });
}

export function useBudget(companyId: number, salespersonId: number | null, year: number) {
  return useQuery({
    queryKey: [...salespeopleKey(companyId), 'budget', salespersonId, year],
    queryFn: ({ signal }) =>
      api.get<Budget>(peoplePath(companyId, `/${salespersonId}/budgets/${year}`), signal),
    enabled: salespersonId !== null,
  });
}

export function useSaveBudget(companyId: number, salespersonId: number, year: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (months: number[]) =>
      api.put<Budget>(peoplePath(companyId, `/${salespersonId}/budgets/${year}`), { months }),
    onSuccess: () => client.invalidateQueries({ queryKey: salesKey(companyId) }),
  });
}

export function salesVsBudgetPath(
  companyId: number,
  params: { year: number; salespersonId: number | null; format?: string },
) {
  const query = new URLSearchParams({ year: String(params.year) });
  if (params.salespersonId) query.set('salespersonId', String(params.salespersonId));
  if (params.format) query.set('format', params.format);
  return companyPath(companyId, `/sales-vs-budget?${query}`);
}

export function useSalesVsBudget(companyId: number, year: number, salespersonId: number | null) {
  return useQuery({
    queryKey: [...salesKey(companyId), 'sales-vs-budget', year, salespersonId],
    queryFn: ({ signal }) =>
      api.get<SalesVsBudget>(salesVsBudgetPath(companyId, { year, salespersonId }), signal),
  });
}

export function useCurrencyRates(companyId: number, currency: string) {
  const query = currency ? `?currency=${encodeURIComponent(currency)}` : '';
  return useQuery({
    queryKey: [...ratesKey(companyId), currency],
    queryFn: ({ signal }) =>
      api.get<{ items: CurrencyRate[]; currencies: string[] }>(
        companyPath(companyId, `/currency-rates${query}`),
        signal,
      ),
  });
}

export function useSetRate(companyId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { currency: string; date: string; rate: string }) =>
      api.put<CurrencyRate>(
        companyPath(companyId, `/currency-rates/${input.currency}/${input.date}`),
        { rate: input.rate },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ratesKey(companyId) }),
  });
}

export function useDeleteRate(companyId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { currency: string; date: string }) =>
      api.delete<void>(companyPath(companyId, `/currency-rates/${input.currency}/${input.date}`)),
    onSuccess: () => client.invalidateQueries({ queryKey: ratesKey(companyId) }),
  });
}

export function useImportRates(companyId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { csv: string; skipErrors: boolean }) =>
      api.post<RateImportResult>(companyPath(companyId, '/currency-rates/import'), input),
    onSuccess: () => client.invalidateQueries({ queryKey: ratesKey(companyId) }),
  });
}
