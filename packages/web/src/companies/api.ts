import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { sessionKey } from '../api/queryClient';
import type { Company, CompanyChanges, NewCompany } from '../api/types';

export const companyKey = (companyId: number) => ['companies', companyId] as const;

export function useCompany(companyId: number) {
  return useQuery({
    queryKey: companyKey(companyId),
    queryFn: ({ signal }) => api.get<Company>(`/companies/${companyId}`, signal),
  });
}

export function useUpdateCompany(companyId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (changes: CompanyChanges) => api.patch<Company>(`/companies/${companyId}`, changes),
    onSuccess: (company) => {
      client.setQueryData(companyKey(companyId), company);
      // The session lists company names and numbers, which may just have changed.
      void client.invalidateQueries({ queryKey: sessionKey });
    },
  });
}

export function useCreateCompany() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (company: NewCompany) => api.post<Company>('/companies', company),
    onSuccess: (company) => {
      client.setQueryData(companyKey(company.id), company);
      void client.invalidateQueries({ queryKey: sessionKey });
    },
  });
}
