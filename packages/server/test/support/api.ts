import type { FastifyInstance } from 'fastify';
import { type Config, loadConfig } from '../../src/config';
import type { Store } from '../../src/db/database';
import { buildApp } from '../../src/http/app';
import { createUser } from '../../src/modules/admin/user.service';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), webDir: '/nonexistent', logLevel: 'silent', ...overrides };
}

export function testApp(store: Store, overrides: Partial<Config> = {}): Promise<FastifyInstance> {
  return buildApp({ config: testConfig(overrides), store, logger: false });
}

// biome-ignore lint/suspicious/noExplicitAny: a response body is whatever the assertions check.
type Body = any;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A signed-in API caller that carries its session cookie and CSRF token like the web app. */
export class ApiClient {
  cookie: string | undefined;
  csrf: string | undefined;

  constructor(private readonly app: FastifyInstance) {}

  async login(email: string, password: string) {
    const response = await this.request('POST', '/api/v1/auth/login', { email, password });
    if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
    return response;
  }

  async request(
    method: Method,
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await this.app.inject({
      method,
      url,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...headers,
      },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    const setCookie = response.cookies.find((c) => c.name === 'nordbok_session');
    if (setCookie) this.cookie = setCookie.value ? `nordbok_session=${setCookie.value}` : undefined;
    const body = response.body ? safeJson(response.body) : undefined;
    if (body && typeof body === 'object' && 'csrfToken' in body) {
      this.csrf = String((body as { csrfToken: string }).csrfToken);
    }
    return Object.assign(response, { data: body as Body });
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  patch = (url: string, body: unknown) => this.request('PATCH', url, body);
  put = (url: string, body: unknown) => this.request('PUT', url, body);
  delete = (url: string) => this.request('DELETE', url);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

let counter = 0;
/** A user with a fresh e-mail address and a known password. */
export async function makeUser(store: Store, options: { admin?: boolean; name?: string } = {}) {
  counter += 1;
  const email = `user${counter}-${Date.now()}@example.no`;
  const password = 'correct horse battery';
  const user = await createUser(store.db, {
    email,
    name: options.name ?? `User ${counter}`,
    password,
    isInstallationAdmin: options.admin ?? false,
  });
  return { ...user, password };
}

/**
 * An installation administrator signed in through the API with a new company of their
 * own: the starting point of most API tests.
 */
export async function adminWithCompany(store: Store, name: string, orgNumber = '923609016') {
  const app = await testApp(store);
  const admin = await makeUser(store, { admin: true });
  const api = new ApiClient(app);
  await api.login(admin.email, admin.password);
  const company = await api.post('/api/v1/companies', { name, orgNumber });
  if (company.statusCode !== 201) throw new Error(`company not created: ${company.body}`);
  const companyId: number = company.data.id;
  return { app, api, companyId, base: `/api/v1/companies/${companyId}` };
}
