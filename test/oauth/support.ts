/**
 * Managed-login test set-up: a simulated pool with its domain and a simulated Google, a store configured
 * for it, and a "browser" that follows the redirects and fills in the pages the way a user would (the
 * navigations go to the simulator's request handler, as a browser's would go to Cognito; the store's own
 * requests go through MSW).
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createCognitoAuth } from '../../src/core/index.js';
import type { CognitoAuthConfig } from '../../src/core/types.js';
import { createUserPoolSimulator, type UserPoolSimulatorConfig } from '../../src/testing/index.js';

export const POOL_ID = 'eu-west-1_OAuthPool1';
export const CLIENT_ID = 'oauthclient1';
export const DOMAIN = 'auth.example.test';
export const APP = 'https://app.example.test';
export const CALLBACK = `${APP}/callback`;
export const SIGNED_OUT = `${APP}/signed-out`;
export const ISSUER = `https://cognito-idp.eu-west-1.amazonaws.com/${POOL_ID}`;

export function mswPerFile() {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

/** A Storage in memory: one per "tab". */
export function memoryStorage(): Storage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, String(v)),
  };
}

export function simulatorConfig(overrides: Partial<UserPoolSimulatorConfig> = {}): UserPoolSimulatorConfig {
  return {
    userPoolId: POOL_ID,
    clientId: CLIENT_ID,
    users: [{ username: 'alice', password: 'Passw0rd!', attributes: { email: 'alice@example.com', email_verified: 'true' } }],
    oauth: {
      domain: DOMAIN,
      callbackUrls: [CALLBACK],
      logoutUrls: [SIGNED_OUT],
      identityProviders: [{ name: 'Google', users: [{ sub: '1234567890', attributes: { email: 'gina@gmail.example', name: 'Gina' } }] }],
    },
    ...overrides,
  };
}

/** A simulated pool with managed login, and a store (one "tab") for it. */
export function setup(server: ReturnType<typeof setupServer>, options: { sim?: Partial<UserPoolSimulatorConfig>; auth?: Partial<CognitoAuthConfig> } = {}) {
  const sim = createUserPoolSimulator(simulatorConfig(options.sim));
  server.use(...sim.handlers);
  const browser = createBrowser(sim.managedLogin!.handle);
  const tab = (storage = memoryStorage(), extra: Partial<CognitoAuthConfig> = {}) => {
    const navigations: string[] = [];
    const auth = createCognitoAuth({
      region: 'eu-west-1',
      userPoolId: POOL_ID,
      clientId: CLIENT_ID,
      oauth: { domain: DOMAIN, redirectUri: CALLBACK, logoutUri: SIGNED_OUT, navigate: (url) => navigations.push(url), pendingStorage: storage },
      ...options.auth,
      ...extra,
    } as CognitoAuthConfig);
    return { auth, storage, navigations, lastNavigation: () => navigations.at(-1) as string };
  };
  return { sim, browser, tab, ...tab() };
}

/** Follows redirects the way a browser does, with a cookie jar for the pool's domain, until it leaves the domain or shows a page. */
export function createBrowser(handle: (request: Request) => Promise<Response | undefined>) {
  const jar = new Map<string, string>();
  async function send(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await handle(new Request(url, { ...init, headers }));
    if (!response) throw new Error(`nothing answers ${url}`);
    const cookie = response.headers.get('set-cookie');
    if (cookie) {
      const [pair, ...attrs] = cookie.split(';');
      const [k, v] = (pair as string).split('=') as [string, string];
      if (attrs.some((a) => a.trim() === 'Max-Age=0')) jar.delete(k);
      else jar.set(k, v);
    }
    return response;
  }
  /** GETs `url` and follows redirects on the domain; returns the final URL and the page (when one is shown). */
  async function go(url: string, init?: RequestInit): Promise<{ url: string; page?: string; status: number }> {
    let current = url;
    let response = await send(current, init);
    for (let hops = 0; response.status === 302; hops++) {
      if (hops > 10) throw new Error('redirect loop');
      current = new URL(response.headers.get('location') as string, current).toString();
      if (!current.startsWith(`https://${DOMAIN}/`)) return { url: current, status: 302 };
      response = await send(current);
    }
    return { url: current, page: await response.text(), status: response.status };
  }
  /** Submits the page's form whose action starts with `actionPrefix`, with `fields` over its hidden inputs. */
  async function submit(pageUrl: string, page: string, actionPrefix: string, fields: Record<string, string>) {
    const form = [...page.matchAll(/<form method="post" action="([^"]*)">(.*?)<\/form>/gs)].find((m) => decode(m[1] as string).startsWith(actionPrefix));
    if (!form) throw new Error(`no form for ${actionPrefix}`);
    const body = new URLSearchParams();
    for (const m of (form[2] as string).matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) body.set(decode(m[1] as string), decode(m[2] as string));
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    return go(new URL(decode(form[1] as string), pageUrl).toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
  }
  /** The whole managed-login dance from the authorize URL to the callback URL: password, or a provider's account. */
  async function signIn(authorizeUrl: string, as: { username: string; password: string } | { sub: string } | { cancel: true }): Promise<string> {
    const shown = await go(authorizeUrl);
    if (!shown.page) return shown.url;
    if ('sub' in as) return (await submit(shown.url, shown.page, '/simulated-idp/', { sub: as.sub })).url;
    if ('cancel' in as) {
      const action = shown.url.includes('/simulated-idp/') ? '/simulated-idp/' : '/login';
      return (await submit(shown.url, shown.page, action, { cancel: '1' })).url;
    }
    const done = await submit(shown.url, shown.page, '/login', as);
    if (done.page) throw new Error(`the login page said: ${done.page}`);
    return done.url;
  }
  return { go, submit, signIn, jar };
}

function decode(s: string): string {
  return s.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
}
