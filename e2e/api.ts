/** A minimal API client for setting up test data the way another user's browser would. */
export interface ApiSession {
  csrfToken: string;
  call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

interface SessionBody {
  csrfToken: string;
  companies: { id: number; name: string }[];
}

export async function apiLogin(baseUrl: string, email: string, password: string) {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`login as ${email} failed: ${response.status}`);
  const session = (await response.json()) as SessionBody;
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const api: ApiSession = {
    csrfToken: session.csrfToken,
    async call<T>(method: string, path: string, body?: unknown) {
      const headers: Record<string, string> = { cookie, 'x-csrf-token': session.csrfToken };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const init: RequestInit = { method, headers };
      if (body !== undefined) init.body = JSON.stringify(body);
      const res = await fetch(`${baseUrl}/api/v1${path}`, init);
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
    },
  };
  return { api, session };
}
