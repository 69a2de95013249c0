import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ProblemError, setCsrfToken } from '../src/api/client';

const fetchMock = vi.fn<typeof fetch>();

function answer(status: number, body: unknown, type = 'application/json'): Response {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return new Response(status === 204 ? null : text, { status, headers: { 'content-type': type } });
}

function sentHeaders(call = 0): Record<string, string> {
  const init = fetchMock.mock.calls[call]?.[1];
  return (init?.headers ?? {}) as Record<string, string>;
}

beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock);
  setCsrfToken('token-123');
});

afterEach(() => {
  fetchMock.mockReset();
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('api client', () => {
  it('sends JSON with the session cookie and the CSRF token on changes', async () => {
    fetchMock.mockResolvedValue(answer(200, { id: 1 }));
    await expect(api.patch('/me', { name: 'Kari' })).resolves.toEqual({ id: 1 });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/me');
    expect(init?.method).toBe('PATCH');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.body).toBe('{"name":"Kari"}');
    expect(sentHeaders()['x-csrf-token']).toBe('token-123');
    expect(sentHeaders()['content-type']).toBe('application/json');
  });

  it('leaves the CSRF token off reads', async () => {
    fetchMock.mockResolvedValue(answer(200, { items: [] }));
    await api.get('/companies');
    expect(sentHeaders()['x-csrf-token']).toBeUndefined();
  });

  it('returns nothing for 204 No Content', async () => {
    fetchMock.mockResolvedValue(answer(204, ''));
    await expect(api.post('/auth/logout')).resolves.toBeUndefined();
  });

  it("throws the server's problem, field errors included", async () => {
    const problem = {
      type: 'https://nordbok.no/problems/validation',
      title: 'Invalid request',
      status: 400,
      detail: 'orgNumber: Not a valid organisation number.',
      code: 'validation',
      errors: [{ field: 'orgNumber', message: 'Not a valid organisation number.' }],
    };
    fetchMock.mockResolvedValue(answer(400, problem, 'application/problem+json'));
    const error = await api.patch('/companies/1', { orgNumber: '1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).problem).toEqual(problem);
    expect((error as ProblemError).status).toBe(400);
  });

  it('makes up a problem when the answer is not one', async () => {
    fetchMock.mockResolvedValue(answer(502, '<html>Bad gateway</html>', 'text/html'));
    const error = (await api.get('/companies').catch((e: unknown) => e)) as ProblemError;
    expect(error.status).toBe(502);
    expect(error.code).toBe('unexpected');
  });

  it('reports an unreachable server as a network problem', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const error = (await api.get('/companies').catch((e: unknown) => e)) as ProblemError;
    expect(error.code).toBe('network');
    expect(error.status).toBe(0);
  });
});
