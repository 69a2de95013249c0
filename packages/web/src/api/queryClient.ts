import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ProblemError } from './client';

export const sessionKey = ['session'] as const;
/** Set when a signed-in session ended by itself, so the login page can say why it is back. */
export const sessionExpiredKey = ['session-expired'] as const;

/**
 * A 401 from any call means the session cookie is gone (expired or logged out elsewhere):
 * dropping the cached session brings the login screen back.
 */
function onError(client: () => QueryClient) {
  return (error: unknown) => {
    if (!(error instanceof ProblemError) || error.status !== 401) return;
    const queries = client();
    if (queries.getQueryData(sessionKey)) queries.setQueryData(sessionExpiredKey, true);
    queries.setQueryData(sessionKey, null);
  };
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: onError(() => client) }),
    mutationCache: new MutationCache({ onError: onError(() => client) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => !(error instanceof ProblemError) && failures < 2,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
