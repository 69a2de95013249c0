import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { sessionKey } from '../api/queryClient';
import type { Member, NewUser, Permissions, Role, User } from '../api/types';

export const membersKey = (companyId: number) => ['companies', companyId, 'members'] as const;

export function useMembers(companyId: number) {
  return useQuery({
    queryKey: membersKey(companyId),
    queryFn: ({ signal }) =>
      api.get<{ items: Member[] }>(`/companies/${companyId}/members`, signal),
    select: (data) => data.items,
  });
}

/** After any change of access: the list, and the session, which holds the user's own access. */
function useRefreshMembers(companyId: number) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: membersKey(companyId) });
    void client.invalidateQueries({ queryKey: sessionKey });
  };
}

export function useAddMember(companyId: number) {
  const refresh = useRefreshMembers(companyId);
  return useMutation({
    mutationFn: (member: { email: string; role: Role }) =>
      api.post<Member>(`/companies/${companyId}/members`, member),
    onSuccess: refresh,
  });
}

export function useUpdateMember(companyId: number) {
  const refresh = useRefreshMembers(companyId);
  return useMutation({
    mutationFn: ({ userId, ...grant }: { userId: number; role: Role; permissions: Permissions }) =>
      api.put<Member>(`/companies/${companyId}/members/${userId}`, grant),
    onSuccess: refresh,
  });
}

export function useRemoveMember(companyId: number) {
  const refresh = useRefreshMembers(companyId);
  return useMutation({
    mutationFn: (userId: number) => api.delete(`/companies/${companyId}/members/${userId}`),
    onSuccess: refresh,
  });
}

export function useCreateUser() {
  return useMutation({
    mutationFn: (user: NewUser) => api.post<User>('/users', user),
  });
}
