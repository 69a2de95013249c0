import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { companyPath, ledgerKey } from '../api';

/** A budget as the API has it: twelve signed amounts in øre, in the ledger's sign. */
export interface BudgetLine {
  account: string;
  /** 0 when the budget is not for one department or project. */
  departmentId: number;
  projectId: number;
  periods: number[];
}

export interface BudgetInput {
  fiscalYear: number;
  account: string;
  departmentId?: number;
  projectId?: number;
  periods: number[];
}

// Under the ledger key: the income statement's budget column is fetched again after a save.
const budgetsKey = (companyId: number, fiscalYear: number) =>
  [...ledgerKey(companyId), 'budgets', fiscalYear] as const;

export function useBudgets(companyId: number, fiscalYear: number | null) {
  return useQuery({
    queryKey: budgetsKey(companyId, fiscalYear ?? 0),
    queryFn: ({ signal }) =>
      api.get<{ items: BudgetLine[] }>(
        companyPath(companyId, `/budgets?fiscalYear=${fiscalYear}`),
        signal,
      ),
    select: (data) => data.items,
    enabled: fiscalYear !== null,
  });
}

export function useSaveBudget(companyId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: BudgetInput) =>
      api.put<BudgetLine>(companyPath(companyId, '/budgets'), input),
    onSuccess: () => client.invalidateQueries({ queryKey: ledgerKey(companyId) }),
  });
}
