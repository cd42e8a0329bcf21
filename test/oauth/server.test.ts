/**
 * Server mode's managed login: /oauth/start and /oauth/callback of the handler against the simulator's
 * endpoints, as a confidential client. The browser is a cookie jar following redirects.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, test } from 'vitest';
import { handleRedirectCallback, serverTransport, signInWithRedirect, signOutWithRedirect, withManagedLogin } from '../../src/core/index.js';
import { createAuthHandler } from '../../src/server/index.js';
import { safeReturnTo } from '../../src/server/oauth.js';
import { createUserPoolSimulator } from '../../src/testing/index.js';
import { CLIENT_ID, DOMAIN, POOL_ID, SIGNED_OUT, createBrowser, mswPerFile, simulatorConfig } from './support.js';

const server = mswPerFile();
const ORIGIN = 'https://app.example.test';
const CALLBACK = `${ORIGIN}/api/auth/oauth/callback`;
const SECRET = 'the-app-clients-secret-never-in-a-browser';

function setup(oauthOptions: { logoutUri?: string | string[] } = { logoutUri: [SIGNED_OUT, `${ORIGIN}/goodbye`] }) {
  const config = simulatorConfig({ clientSecret: SECRET });
  const sim = createUserPoolSimulator({ ...config, oauth: { ...config.oauth!, callbackUrls: [CALLBACK] } });
  server.use(...sim.handlers);
  const handler = createAuthHandler({
    region: 'eu-west-1',
    userPoolId: POOL_ID,
    clientId: CLIENT_ID,
    clientSecret: SECRET,
    cookieSecrets: ['a-cookie-secret-of-at-least-32-characters!!'],
    client: new CognitoIdentityProviderClient({ region: 'eu-west-1', maxAttempts: 1, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } }),
    clock: () => sim.now(),
    oauth: { domain: DOMAIN, redirectUri: CALLBACK, errorPath: '/sign-in', ...oauthOptions },
  });
  const jar = new Map<string, string>();
  /** The app's page's fetch: same origin, with the cookie jar. */
  async function appFetch(path: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await handler(new Request(new URL(String(path), ORIGIN), { ...init, headers }));
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [k, ...v] = (pair as string).split('=');
      if (/Max-Age=0\b/.test(line)) jar.delete(k as string);
      else jar.set(k as string, v.join('='));
    }
    return response;
  }
  const get = (path: string) => appFetch(path);
  return { sim, handler, jar, get, appFetch, browser: createBrowser(sim.managedLogin!.handle) };
}

describe('server mode: /oauth/start and /oauth/callback', () => {
  test('a federated sign-in ends in the sealed session cookie and back at returnTo; the secret and the tokens never reach the browser', async () => {
    const { get, jar, browser, sim } = setup();
    const start = await get('/api/auth/oauth/start?provider=Google&returnTo=%2Forders%3Fid%3D7');
    expect(start.status).toBe(303);
    const authorize = start.headers.get('location') as string;
    const q = new URL(authorize).searchParams;
    expect(q.get('identity_provider')).toBe('Google');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('redirect_uri')).toBe(CALLBACK);
    expect(authorize).not.toContain(SECRET);
    const flowCookie = start.headers.getSetCookie().find((c) => c.startsWith('__Secure-cognito-session-oauth='));
    expect(flowCookie).toMatch(/HttpOnly/);
    expect(flowCookie).toMatch(/Max-Age=600/);
    // Its path is not /, where a __Host- name is refused by browsers: __Secure- on the oauth path.
    expect(flowCookie).toMatch(/Secure/);
    expect(flowCookie).toMatch(/Path=\/api\/auth\/oauth/);
    const callback = await browser.signIn(authorize, { sub: '1234567890' });
    expect(callback.startsWith(CALLBACK)).toBe(true);
    const done = await get(callback);
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/orders?id=7');
    expect(jar.has('cognito-session-oauth')).toBe(false);
    // The browser's cookies hold no readable token: sealed.
    for (const value of jar.values()) expect(value).not.toMatch(/^eyJ/);
    const session = (await (await get('/api/auth/session')).json()) as { state: { status: string; user: { username: string } } };
    expect(session.state.status).toBe('signedIn');
    expect(session.state.user.username).toBe('Google_1234567890');
    expect(sim.user('Google_1234567890')).toBeDefined();
  });

  test('attack: returnTo to another site is refused before anything starts', async () => {
    const { get, jar } = setup();
    for (const returnTo of ['https://evil.example', '//evil.example', '/\\evil.example', '/\r\nLocation: https://evil.example', 'javascript:alert(1)']) {
      const response = await get(`/api/auth/oauth/start?returnTo=${encodeURIComponent(returnTo)}`);
      expect(response.status, returnTo).toBe(400);
      expect(response.headers.get('location')).toBeNull();
    }
    expect(jar.size).toBe(0);
    expect(safeReturnTo('/a/b?c=1#d')).toBe('/a/b?c=1#d');
    expect(safeReturnTo('/\tevil')).toBeNull();
  });

  test("attack: a callback without this browser's flow cookie, or with another state, signs nobody in", async () => {
    const { get, jar, browser } = setup();
    const start = await get('/api/auth/oauth/start?provider=Google');
    const callback = new URL(await browser.signIn(start.headers.get('location') as string, { sub: '1234567890' }));
    const forged = new URL(callback);
    forged.searchParams.set('state', 'not-the-state');
    const refused = await get(forged.toString());
    expect(refused.headers.get('location')).toBe('/sign-in?auth_error=OAuthStateMismatch');
    // The flow cookie is gone with that attempt: the genuine callback, later, has nothing to match.
    const late = await get(callback.toString());
    expect(late.headers.get('location')).toBe('/sign-in?auth_error=OAuthStateMissing');
    expect([...jar.keys()].some((k) => k.startsWith('cognito-session.'))).toBe(false);
  });

  test("a cancel at the provider goes to errorPath with the error's name only", async () => {
    const { get, browser } = setup();
    const start = await get('/api/auth/oauth/start?provider=Google');
    const callback = await browser.signIn(start.headers.get('location') as string, { cancel: true });
    const done = await get(callback);
    expect(done.headers.get('location')).toBe('/sign-in?auth_error=OAuthCancelled');
  });
});

describe('server mode: federated sign-out (POST /oauth/logout)', () => {
  /** Signed in through the simulated Google; the page's server-mode store, its navigations recorded. */
  async function signedIn(oauthOptions?: { logoutUri?: string | string[] }) {
    const env = setup(oauthOptions);
    const start = await env.get('/api/auth/oauth/start?provider=Google');
    await env.get(await env.browser.signIn(start.headers.get('location') as string, { sub: '1234567890' }));
    const navigations: string[] = [];
    const store = serverTransport('/api/auth', { fetch: env.appFetch, navigate: (url) => navigations.push(url) });
    await store.ready();
    expect(store.getSnapshot().status).toBe('signedIn');
    return { ...env, store, navigations };
  }
  const sessionCookies = (jar: Map<string, string>) => [...jar.keys()].filter((k) => /^(__Host-)?cognito-session\./.test(k));
  const status = async (get: (p: string) => Promise<Response>) => ((await (await get('/api/auth/session')).json()) as { state: { status: string } }).state.status;

  test("signOutWithRedirect: the refresh token revoked, the cookie cleared, then the pool's /logout ends the managed-login session and lands on the sign-out URL", async () => {
    const { store, navigations, jar, sim, browser, get } = await signedIn();
    expect(browser.jar.has('cognito-sim-session')).toBe(true);
    expect(sessionCookies(jar).length).toBeGreaterThan(0);
    const result = await signOutWithRedirect(store);
    expect(result).toEqual({ revoked: true, error: null });
    expect(store.getSnapshot().status).toBe('signedOut');
    expect(sim.requests.map((r) => r.operation)).toContain('RevokeToken');
    expect(sessionCookies(jar)).toEqual([]);
    expect(await status(get)).toBe('signedOut');
    const logout = navigations.at(-1) as string;
    expect(logout).toBe(`https://${DOMAIN}/logout?client_id=${CLIENT_ID}&logout_uri=${encodeURIComponent(SIGNED_OUT)}`);
    const landed = await browser.go(logout);
    expect(landed.url).toBe(SIGNED_OUT);
    expect(browser.jar.has('cognito-sim-session')).toBe(false);
  });

  test('another of the configured sign-out URLs may be asked for; withManagedLogin works on the server-mode store', async () => {
    const { store, navigations } = await signedIn();
    await withManagedLogin(store).signOutWithRedirect({ logoutUri: `${ORIGIN}/goodbye` });
    expect(new URL(navigations.at(-1) as string).searchParams.get('logout_uri')).toBe(`${ORIGIN}/goodbye`);
  });

  test('attack: logout_uri=https://evil.example is refused before anything happens: still signed in, no navigation', async () => {
    const { store, navigations, jar, get, sim } = await signedIn();
    const refused = await signOutWithRedirect(store, { logoutUri: 'https://evil.example' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ name: 'InvalidInput' });
    expect(navigations).toEqual([]);
    expect(sessionCookies(jar).length).toBeGreaterThan(0);
    expect(await status(get)).toBe('signedIn');
    expect(sim.requests.map((r) => r.operation)).not.toContain('RevokeToken');
  });

  test('attack: a cross-site POST, or one without the CSRF token, signs nobody out', async () => {
    const { appFetch, get } = await signedIn();
    const noToken = await appFetch('/api/auth/oauth/logout', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(noToken.status).toBe(403);
    expect(((await noToken.json()) as { error: { name: string } }).error.name).toBe('CsrfCheckFailed');
    const crossSite = await appFetch('/api/auth/oauth/logout', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: '{}' });
    expect(crossSite.status).toBe(403);
    expect(await status(get)).toBe('signedIn');
    const wrongMethod = await appFetch('/api/auth/oauth/logout');
    expect(wrongMethod.status).toBe(405);
  });

  test('malformed bodies get their specific errors and sign nobody out', async () => {
    const { appFetch, get } = await signedIn();
    const { csrfToken } = (await (await get('/api/auth/session')).json()) as { csrfToken: string };
    const post = (body: string, type = 'application/json') => appFetch('/api/auth/oauth/logout', { method: 'POST', headers: { 'content-type': type, 'x-csrf-token': csrfToken }, body });
    const named = async (response: Response) => [response.status, ((await response.json()) as { error: { name: string } }).error.name];
    expect(await named(await post('{}', 'text/plain'))).toEqual([415, 'UnsupportedMediaType']);
    expect(await named(await post('[1]'))).toEqual([400, 'InvalidJson']);
    expect(await named(await post('{"logoutUri":'))).toEqual([400, 'InvalidJson']);
    expect(await named(await post('{"logoutUri":5}'))).toEqual([400, 'InvalidInput']);
    expect(await named(await post(JSON.stringify({ logoutUri: 'x'.repeat(200_000) })))).toEqual([413, 'PayloadTooLarge']);
    expect(await status(get)).toBe('signedIn');
  });

  test('without oauth.logoutUri the route says federated sign-out is not set up; a logoutUri that is not an absolute URL is refused at start-up', async () => {
    const { store, navigations, get } = await signedIn({});
    await expect(signOutWithRedirect(store)).rejects.toMatchObject({ name: 'InvalidInput', message: expect.stringContaining('oauth.logoutUri') });
    expect(navigations).toEqual([]);
    expect(await status(get)).toBe('signedIn');
    expect(() => setup({ logoutUri: '/signed-out' })).toThrow(/must be an absolute URL/);
    expect(() => setup({ logoutUri: 'javascript:alert(1)' })).toThrow(/must be an absolute URL/);
  });

  test('signInWithRedirect on the server-mode store goes to the handler\'s /oauth/start with the provider and the path to come back to', async () => {
    const { get, appFetch } = setup();
    const navigations: string[] = [];
    const store = serverTransport('/api/auth', { fetch: appFetch, navigate: (url) => navigations.push(url) });
    await signInWithRedirect(store, { provider: 'Google', returnTo: '/orders?id=7', loginHint: 'gina' });
    const url = new URL(navigations[0] as string, ORIGIN);
    expect(url.pathname).toBe('/api/auth/oauth/start');
    expect(Object.fromEntries(url.searchParams)).toEqual({ provider: 'Google', loginHint: 'gina', returnTo: '/orders?id=7' });
    const started = await get(url.pathname + url.search);
    expect(new URL(started.headers.get('location') as string).searchParams.get('login_hint')).toBe('gina');
    await signInWithRedirect(store, { idpIdentifier: 'acme.example' });
    const byIdentifier = new URL(navigations[1] as string, ORIGIN);
    expect(byIdentifier.searchParams.get('idpIdentifier')).toBe('acme.example');
    expect(new URL((await get(byIdentifier.pathname + byIdentifier.search)).headers.get('location') as string).searchParams.get('idp_identifier')).toBe('acme.example');
  });

  test('the server unreachable at sign-out: the error is thrown, the page stays (no /logout without the server signing out)', async () => {
    const { appFetch, get } = await signedIn();
    const navigations: string[] = [];
    const failing: typeof fetch = (path, init) => (String(path).endsWith('/oauth/logout') ? Promise.reject(new TypeError('Failed to fetch')) : appFetch(path, init));
    const store = serverTransport('/api/auth', { fetch: failing, navigate: (url) => navigations.push(url) });
    await store.ready();
    await expect(signOutWithRedirect(store)).rejects.toMatchObject({ name: 'NetworkError', retryable: true });
    expect(navigations).toEqual([]);
    expect(await status(get)).toBe('signedIn');
    // The callback is the server's: nothing for the page to complete.
    await expect(handleRedirectCallback(store, 'https://app.example.test/?code=x&state=y')).rejects.toMatchObject({ name: 'UnsupportedOperation' });
  });
});
