import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { api, ProblemError, setCsrfToken } from '../api/client';
import { sessionExpiredKey, sessionKey } from '../api/queryClient';
import type { CompanySummary, Language, Session, User } from '../api/types';

async function fetchSession(signal: AbortSignal): Promise<Session | null> {
  try {
    const session = await api.get<Session>('/auth/session', signal);
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ProblemError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The signed-in session, or null when nobody is logged in. */
export function useSessionQuery() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Takes a Session the server just sent as the truth, token included. */
export function applySession(client: QueryClient, session: Session): void {
  setCsrfToken(session.csrfToken);
  client.removeQueries({ queryKey: sessionExpiredKey });
  client.setQueryData(sessionKey, session);
}

/** Whether the login page is shown because the previous session ran out. */
export function useSessionExpired(): boolean {
  return useQueryClient().getQueryData<boolean>(sessionExpiredKey) === true;
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) =>
      api.post<Session>('/auth/login', credentials),
    onSuccess: (session) => applySession(client, session),
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    // Whatever the server said, this browser should no longer show anyone's data.
    onSettled: () => {
      setCsrfToken(null);
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
      client.setQueryData(sessionKey, null);
      window.location.hash = '';
    },
  });
}

export function useSelectCompany() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (companyId: number) => api.post<Session>(`/companies/${companyId}/select`),
    onSuccess: (session) => {
      // Every other cached answer may belong to the company that was left.
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
      applySession(client, session);
    },
  });
}

export function useUpdateProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (changes: { name?: string; language?: Language }) =>
      api.patch<User>('/me', changes),
    onSuccess: (user) => {
      client.setQueryData<Session | null>(sessionKey, (old) => (old ? { ...old, user } : old));
    },
  });
}

export function currentCompanyOf(session: Session): CompanySummary | null {
  return session.companies.find((c) => c.id === session.currentCompanyId) ?? null;
}

export interface SignedIn {
  session: Session;
  user: User;
  company: CompanySummary;
}

export const SignedInContext = createContext<SignedIn | null>(null);

/** The session inside the shell, where a user and a current company always exist. */
export function useSignedIn(): SignedIn {
  const value = useContext(SignedInContext);
  if (!value) throw new Error('useSignedIn is only for screens inside the app shell');
  return value;
}
