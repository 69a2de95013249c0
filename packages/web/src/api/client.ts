import type { Problem } from './types';

export const API_BASE = '/api/v1';

/** A failed API call, carrying the server's problem body (or one made up for network faults). */
export class ProblemError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ProblemError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }
}

// The token comes with every Session answer; the server checks it on each state-changing call.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  /** A file sent as it is, with its own content type, instead of a JSON body. */
  file?: { content: Blob; contentType: string; headers?: Record<string, string> };
}

export async function request<T>(
  method: Method,
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(API_BASE + path, buildInit(method, options));
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ProblemError(madeUpProblem(0, 'network', 'The server could not be reached.'));
  }
  if (!response.ok) throw new ProblemError(await readProblem(response));
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

function buildInit(method: Method, options: RequestOptions): RequestInit {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (options.body !== undefined) init.body = JSON.stringify(options.body);
  if (options.file) {
    Object.assign(headers, options.file.headers, { 'content-type': options.file.contentType });
    init.body = options.file.content;
  }
  if (options.signal) init.signal = options.signal;
  return init;
}

async function readProblem(response: Response): Promise<Problem> {
  const text = await response.text();
  const parsed = parseJson(text);
  if (isProblem(parsed)) return parsed;
  const detail = `The server answered ${response.status} ${response.statusText}`.trim();
  return madeUpProblem(response.status, 'unexpected', `${detail}.`);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Problem>;
  return typeof candidate.status === 'number' && typeof candidate.detail === 'string';
}

function madeUpProblem(status: number, code: string, detail: string): Problem {
  return { type: 'about:blank', title: detail, status, detail, code };
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, signal ? { signal } : {}),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
  /** Uploads a file as the raw body; the name goes in a header, since there is no form. */
  upload: <T>(path: string, file: File) =>
    request<T>('POST', path, {
      file: {
        content: file,
        contentType: file.type,
        headers: { 'x-file-name': encodeURIComponent(file.name) },
      },
    }),
};
