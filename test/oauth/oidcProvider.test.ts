/**
 * Independent verification of our client: it completes the authorization code flow with PKCE against
 * oidc-provider (a certified OpenID Connect provider, by others), served on 127.0.0.1 at Cognito's paths
 * (/oauth2/authorize, /oauth2/token, ...) and issuing Cognito-shaped tokens (token_use, cognito:username,
 * a JWT access token with client_id), the way a local emulator's pool (`local_...`) does.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createCognitoAuth, handleRedirectCallback, signInWithRedirect } from '../../src/core/index.js';
import { memoryStorage } from './support.js';

const POOL = 'local_OidcPool1';
const CLIENT = 'oidcclient1';
const CALLBACK = 'https://app.example.test/callback';

let server: Server;
let origin = '';

beforeAll(async () => {
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const resource = 'urn:cognito-react:test';
  const provider = new Provider(`${origin}/${POOL}`, {
    clients: [{ client_id: CLIENT, token_endpoint_auth_method: 'none', redirect_uris: [CALLBACK], grant_types: ['authorization_code'], response_types: ['code'] }],
    routes: {
      authorization: '/oauth2/authorize',
      token: '/oauth2/token',
      userinfo: '/oauth2/userInfo',
      revocation: '/oauth2/revoke',
      end_session: '/logout',
      jwks: `/${POOL}/.well-known/jwks.json`,
    },
    scopes: ['openid', 'aws.cognito.signin.user.admin'],
    claims: { openid: ['sub', 'cognito:username', 'token_use', 'email'] },
    findAccount: async (_ctx, sub) => ({
      accountId: sub,
      claims: async () => ({ sub, 'cognito:username': sub, token_use: 'id', email: `${sub}@example.com` }),
    }),
    features: {
      devInteractions: { enabled: true },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => resource,
        useGrantedResource: async () => true,
        getResourceServerInfo: async () => ({ scope: 'aws.cognito.signin.user.admin', audience: resource, accessTokenFormat: 'jwt' as const }),
      },
    },
    extraTokenClaims: async (_ctx, token) => ({ token_use: 'access', username: (token as { accountId?: string }).accountId }),
    pkce: { required: () => true },
    cookies: { keys: ['a-test-cookie-key-for-oidc-provider'] },
    jwks: { keys: [{ ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'test', alg: 'RS256', use: 'sig' }] },
  });
  provider.on('server_error', (_ctx: unknown, error: unknown) => console.error('PROVIDER', error));
  server.on('request', provider.callback());
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** A browser: follows redirects with a cookie jar, fills in the provider's login page, and agrees to consent. */
async function browse(url: string, login: string): Promise<string> {
  const jar = new Map<string, string>();
  let current = url;
  let init: RequestInit = {};
  for (let hops = 0; hops < 20; hops++) {
    const headers = new Headers(init.headers);
    if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(current, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = (pair as string).indexOf('=');
      jar.set((pair as string).slice(0, eq), (pair as string).slice(eq + 1));
    }
    const location = response.headers.get('location');
    if (location) {
      current = new URL(location, current).toString();
      if (current.startsWith(CALLBACK)) return current;
      init = {};
      continue;
    }
    const page = await response.text();
    const form = /<form[^>]*action="([^"]+)"[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/.exec(page);
    if (!form) throw new Error(`the provider showed a page without a form (${response.status}): ${page.slice(0, 300)}`);
    const body = new URLSearchParams();
    for (const [tag] of (form[2] as string).matchAll(/<input[^>]*>/g)) {
      const name = /name="([^"]+)"/.exec(tag)?.[1];
      if (name) body.set(name, /value="([^"]*)"/.exec(tag)?.[1] ?? '');
    }
    if (body.has('login')) {
      body.set('login', login);
      body.set('password', 'any password');
    }
    current = new URL((form[1] as string).replace(/&amp;/g, '&'), current).toString();
    init = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() };
  }
  throw new Error('too many redirects');
}

function store() {
  const navigations: string[] = [];
  const pending = memoryStorage();
  const auth = createCognitoAuth({
    region: 'eu-west-1',
    userPoolId: POOL,
    clientId: CLIENT,
    oauth: { domain: origin, redirectUri: CALLBACK, scopes: ['openid', 'aws.cognito.signin.user.admin'], navigate: (u) => navigations.push(u), pendingStorage: pending },
  });
  return { auth, pending, lastNavigation: () => navigations.at(-1) as string };
}

describe('our client against oidc-provider at Cognito\'s paths', () => {
  test('signs in: PKCE S256 accepted, the ID token (issuer, audience, nonce, expiry) checked, the session started', async () => {
    const { auth, lastNavigation } = store();
    await signInWithRedirect(auth, { appState: 'back-here' });
    expect(lastNavigation().startsWith(`${origin}/oauth2/authorize?`)).toBe(true);
    const callback = await browse(lastNavigation(), 'alice');
    expect(await handleRedirectCallback(auth, callback)).toEqual({ appState: 'back-here' });
    const snapshot = auth.getSnapshot();
    expect(snapshot.status).toBe('signedIn');
    expect(snapshot.user?.username).toBe('alice');
    expect(snapshot.user?.attributes.email).toBe('alice@example.com');
  });

  test('the provider refuses the code with a verifier other than the one whose challenge was sent', async () => {
    const { auth, pending, lastNavigation } = store();
    await signInWithRedirect(auth);
    const callback = await browse(lastNavigation(), 'bob');
    const [key, raw] = [...pending.map][0] as [string, string];
    pending.setItem(key, JSON.stringify({ ...(JSON.parse(raw) as object), verifier: 'x'.repeat(43) }));
    await expect(handleRedirectCallback(auth, callback)).rejects.toMatchObject({ name: 'OAuthTokenError', oauthError: 'invalid_grant' });
    expect(auth.getSnapshot().status).toBe('signedOut');
  });
});
