import { useQuery } from '@tanstack/react-query';
import { API_BASE, api } from '../../api/client';
import { companyPath, ledgerKey } from '../api';
import type {
  AgedOpenItems,
  BalanceSheet,
  DateRange,
  IncomeStatement,
  LedgerAccount,
  PartyLedger,
  Subledger,
  TrialBalanceRow,
  VatSpecification,
} from '../types';

type Params = Record<string, string>;

const reportPath = (companyId: number, report: string, params: Params) =>
  companyPath(companyId, `/reports/${report}?${new URLSearchParams(params)}`);

/** A report as a file (csv, xlsx, pdf): a plain link, so the browser downloads it itself. */
export function reportFileUrl(companyId: number, report: string, params: Params, format: string) {
  return API_BASE + reportPath(companyId, report, { ...params, format });
}

const reportKey = (companyId: number, report: string, params: Params) =>
  [...ledgerKey(companyId), 'report', report, params] as const;

function useReport<T>(companyId: number, report: string, params: Params) {
  return useQuery({
    queryKey: reportKey(companyId, report, params),
    queryFn: ({ signal }) => api.get<T>(reportPath(companyId, report, params), signal),
  });
}

export function useTrialBalance(companyId: number, range: DateRange) {
  const params = { ...range };
  return useQuery({
    queryKey: reportKey(companyId, 'trial-balance', params),
    queryFn: ({ signal }) =>
      api.get<{ items: TrialBalanceRow[] }>(reportPath(companyId, 'trial-balance', params), signal),
    select: (data) => data.items,
  });
}

/** One account's postings, or those of every account with postings when none is chosen. */
export function useGeneralLedger(companyId: number, range: DateRange, account: string | null) {
  const params: Params = account === null ? { ...range } : { ...range, account };
  return useQuery({
    queryKey: reportKey(companyId, 'general-ledger', params),
    queryFn: ({ signal }) =>
      api.get<{ accounts: LedgerAccount[] }>(
        reportPath(companyId, 'general-ledger', params),
        signal,
      ),
    select: (data) => data.accounts,
  });
}

export function useIncomeStatement(companyId: number, range: DateRange) {
  return useReport<IncomeStatement>(companyId, 'income-statement', { ...range });
}

export function useBalanceSheet(companyId: number, at: string) {
  return useReport<BalanceSheet>(companyId, 'balance-sheet', { at });
}

export function useVatSpecification(companyId: number, range: DateRange) {
  return useReport<VatSpecification>(companyId, 'vat-specification', { ...range });
}

/** Kunde-/leverandørspesifikasjon: every party of the ledger, or the one chosen. */
export function useSubledgerReport(
  companyId: number,
  kind: Subledger,
  range: DateRange,
  partyId: number | null,
) {
  const params: Params = { kind, ...range };
  if (partyId !== null) params.partyId = String(partyId);
  return useQuery({
    queryKey: reportKey(companyId, 'subledger', params),
    queryFn: ({ signal }) =>
      api.get<{ parties: PartyLedger[] }>(reportPath(companyId, 'subledger', params), signal),
    select: (data) => data.parties,
  });
}

export function useAgedOpenItems(companyId: number, kind: Subledger, at: string) {
  return useReport<AgedOpenItems>(companyId, 'aged-open-items', { kind, at });
}
