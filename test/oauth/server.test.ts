/**
 * Server mode's managed login: /oauth/start and /oauth/callback of the handler against the simulator's
 * endpoints, as a confidential client. The browser is a cookie jar following redirects.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, test } from 'vitest';
import { createAuthHandler } from '../../src/server/index.js';
import { safeReturnTo } from '../../src/server/oauth.js';
import { createUserPoolSimulator } from '../../src/testing/index.js';
import { CLIENT_ID, DOMAIN, POOL_ID, createBrowser, mswPerFile, simulatorConfig } from './support.js';

const server = mswPerFile();
const ORIGIN = 'https://app.example.test';
const CALLBACK = `${ORIGIN}/api/auth/oauth/callback`;
const SECRET = 'the-app-clients-secret-never-in-a-browser';

function setup() {
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
    oauth: { domain: DOMAIN, redirectUri: CALLBACK, errorPath: '/sign-in' },
  });
  const jar = new Map<string, string>();
  async function get(path: string): Promise<Response> {
    const response = await handler(new Request(new URL(path, ORIGIN), { headers: jar.size ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {} }));
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [k, ...v] = (pair as string).split('=');
      if (/Max-Age=0\b/.test(line)) jar.delete(k as string);
      else jar.set(k as string, v.join('='));
    }
    return response;
  }
  return { sim, handler, jar, get, browser: createBrowser(sim.managedLogin!.handle) };
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
