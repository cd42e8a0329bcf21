/**
 * Managed login in the core, against the simulator's OAuth endpoints: the authorization request, the code
 * exchange, the session it starts, and the attacks the state, nonce and PKCE are there to stop.
 */
import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import {
  OAuthError,
  handleRedirectCallback,
  isCognitoAuthError,
  signInWithRedirect,
  signOutWithRedirect,
  withManagedLogin,
} from '../../src/core/index.js';
import { createUserPoolSimulator } from '../../src/testing/index.js';
import { CALLBACK, CLIENT_ID, DOMAIN, ISSUER, SIGNED_OUT, createBrowser, memoryStorage, mswPerFile, setup, simulatorConfig } from './support.js';

const server = mswPerFile();

function claims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString('utf8')) as Record<string, unknown>;
}

async function rejection(promise: Promise<unknown>): Promise<OAuthError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw error;
  return error as OAuthError;
}

describe('signInWithRedirect', () => {
  test('goes to /oauth2/authorize with the code flow, PKCE S256, a state and a nonce, and the provider asked for', async () => {
    const { auth, lastNavigation, storage } = setup(server);
    await signInWithRedirect(auth, { provider: 'Google', loginHint: 'gina@gmail.example', lang: 'fr', prompt: 'select_account' });
    const url = new URL(lastNavigation());
    expect(url.origin + url.pathname).toBe(`https://${DOMAIN}/oauth2/authorize`);
    const q = url.searchParams;
    expect(q.get('response_type')).toBe('code');
    expect(q.get('client_id')).toBe(CLIENT_ID);
    expect(q.get('redirect_uri')).toBe(CALLBACK);
    expect(q.get('scope')).toBe('openid email profile');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('nonce')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('identity_provider')).toBe('Google');
    expect(q.get('login_hint')).toBe('gina@gmail.example');
    expect(q.get('lang')).toBe('fr');
    expect(q.get('prompt')).toBe('select_account');
    // The verifier stays in this tab, never in the URL.
    const pending = JSON.parse([...storage.map.values()][0] as string) as { verifier: string; state: string };
    expect(pending.state).toBe(q.get('state'));
    expect(lastNavigation()).not.toContain(pending.verifier);
    const challenge = Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(pending.verifier))).toString('base64url');
    expect(q.get('code_challenge')).toBe(challenge);
  });

  test('each sign-in draws a new state, verifier and nonce; without openid there is no nonce', async () => {
    const { auth, navigations, tab } = setup(server);
    await signInWithRedirect(auth);
    await signInWithRedirect(auth);
    const [a, b] = navigations.map((n) => new URL(n).searchParams);
    expect(a?.get('state')).not.toBe(b?.get('state'));
    expect(a?.get('code_challenge')).not.toBe(b?.get('code_challenge'));
    expect(a?.get('identity_provider')).toBeNull();
    const plain = tab(memoryStorage(), {
      oauth: { domain: DOMAIN, redirectUri: CALLBACK, scopes: ['email'], navigate: (u) => navigations.push(u), pendingStorage: memoryStorage() },
    });
    await signInWithRedirect(plain.auth);
    expect(new URL(navigations.at(-1) as string).searchParams.get('nonce')).toBeNull();
  });

  test('without the oauth option, or with a domain that is not one, it says so before going anywhere', async () => {
    const { tab } = setup(server);
    const none = tab(memoryStorage(), { oauth: undefined });
    expect(await rejection(signInWithRedirect(none.auth))).toMatchObject({ name: 'InvalidInput', field: 'config' });
    const http = tab(memoryStorage(), { oauth: { domain: 'http://auth.example.test', redirectUri: CALLBACK } });
    expect(await rejection(signInWithRedirect(http.auth))).toMatchObject({ name: 'InvalidInput', field: 'config' });
    expect(none.navigations).toEqual([]);
  });
});

describe('handleRedirectCallback', () => {
  test('a password sign-in on the managed login page ends signed in, with appState back and an event', async () => {
    const { auth, browser, lastNavigation } = setup(server);
    const events: string[] = [];
    auth.onEvent((e) => events.push(e.type));
    await signInWithRedirect(auth, { appState: { returnTo: '/orders?id=7' } });
    const callback = await browser.signIn(lastNavigation(), { username: 'alice', password: 'Passw0rd!' });
    expect(callback.startsWith(`${CALLBACK}?`)).toBe(true);
    const { appState } = await handleRedirectCallback(auth, callback);
    expect(appState).toEqual({ returnTo: '/orders?id=7' });
    const snapshot = auth.getSnapshot();
    expect(snapshot.status).toBe('signedIn');
    expect(snapshot.user?.username).toBe('alice');
    expect(snapshot.user?.attributes.email).toBe('alice@example.com');
    expect(events).toContain('signedIn');
    const id = claims(await auth.getIdToken());
    expect(id.iss).toBe(ISSUER);
    expect(id.aud).toBe(CLIENT_ID);
    expect(claims(await auth.getAccessToken()).scope).toBe('openid email profile');
  });

  test('a federated sign-in creates the user Google_<sub>, as Cognito names it', async () => {
    const { auth, browser, lastNavigation, sim } = setup(server);
    await signInWithRedirect(auth, { provider: 'Google' });
    await handleRedirectCallback(auth, await browser.signIn(lastNavigation(), { sub: '1234567890' }));
    const snapshot = auth.getSnapshot();
    expect(snapshot.user?.username).toBe('Google_1234567890');
    expect(snapshot.user?.attributes.email).toBe('gina@gmail.example');
    expect(sim.user('Google_1234567890')?.attributes.email).toBe('gina@gmail.example');
    expect(claims(await auth.getIdToken()).identities).toEqual([expect.objectContaining({ providerName: 'Google', userId: '1234567890' })]);
  });

  test('the session is kept and refreshed as an InitiateAuth one: stored, restored by another tab, refreshed with REFRESH_TOKEN_AUTH', async () => {
    const { auth, browser, lastNavigation, sim, tab } = setup(server, { auth: { storage: memoryStorage(), crossTab: false } });
    await signInWithRedirect(auth);
    await handleRedirectCallback(auth, await browser.signIn(lastNavigation(), { username: 'alice', password: 'Passw0rd!' }));
    const first = await auth.getAccessToken();
    sim.advanceTime(60_000);
    const renewed = await auth.getAccessToken({ forceRefresh: true });
    expect(renewed).not.toBe(first);
    expect(sim.requests.map((r) => r.operation)).toContain('InitiateAuth');
    expect(auth.getSnapshot().status).toBe('signedIn');
    // Same storage, a new store (a reload): the session comes back.
    const reloaded = tab(memoryStorage(), { storage: auth.config.storage, crossTab: false, clock: () => sim.now() });
    await reloaded.auth.ready();
    expect(reloaded.auth.getSnapshot().status).toBe('signedIn');
  });

  test('removes code and state from the address bar', async () => {
    const { auth, browser, lastNavigation } = setup(server);
    await signInWithRedirect(auth);
    const callback = await browser.signIn(lastNavigation(), { username: 'alice', password: 'Passw0rd!' });
    const replaced: string[] = [];
    const g = globalThis as { location?: unknown; history?: unknown };
    g.location = { href: `${callback}#top` };
    g.history = { state: null, replaceState: (_s: unknown, _t: string, url: string) => replaced.push(url) };
    try {
      await handleRedirectCallback(auth, `${callback}#top`);
    } finally {
      delete g.location;
      delete g.history;
    }
    expect(replaced).toEqual(['/callback#top']);
  });

  test('the user cancelling at the provider is OAuthCancelled, and the sign-in can start again', async () => {
    const { auth, browser, lastNavigation } = setup(server);
    await signInWithRedirect(auth, { provider: 'Google' });
    const callback = await browser.signIn(lastNavigation(), { cancel: true });
    expect(new URL(callback).searchParams.get('error')).toBe('access_denied');
    const error = await rejection(handleRedirectCallback(auth, callback));
    expect(error).toBeInstanceOf(OAuthError);
    expect(error.name).toBe('OAuthCancelled');
    expect(auth.getSnapshot().status).toBe('signedOut');
    await signInWithRedirect(auth, { provider: 'Google' });
    await handleRedirectCallback(auth, await browser.signIn(lastNavigation(), { sub: '1234567890' }));
    expect(auth.getSnapshot().status).toBe('signedIn');
  });

  test('attack: a tampered state is refused and the real callback still works', async () => {
    const { auth, browser, lastNavigation } = setup(server);
    await signInWithRedirect(auth);
    const callback = new URL(await browser.signIn(lastNavigation(), { username: 'alice', password: 'Passw0rd!' }));
    const forged = new URL(callback);
    forged.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    expect((await rejection(handleRedirectCallback(auth, forged.toString()))).name).toBe('OAuthStateMismatch');
    expect(auth.getSnapshot().status).toBe('signedOut');
    await handleRedirectCallback(auth, callback.toString());
    expect(auth.getSnapshot().status).toBe('signedIn');
  });

  test('attack: a callback replayed (state used once) is refused', async () => {
    const { auth, browser, lastNavigation } = setup(server);
    await signInWithRedirect(auth);
    const callback = await browser.signIn(lastNavigation(), { username: 'alice', password: 'Passw0rd!' });
    await handleRedirectCallback(auth, callback);
    await auth.signOut({ local: true });
    expect((await rejection(handleRedirectCallback(auth, callback))).name).toBe('OAuthStateMissing');
    expect(auth.getSnapshot().status).toBe('signedOut');
  });

  test("attack: an attacker's own code, with a state of this tab, still fails: the code is bound to the attacker's PKCE verifier", async () => {
    const { auth, browser, lastNavigation, tab } = setup(server);
    const attacker = tab();
    await signInWithRedirect(attacker.auth);
    const attackersCallback = new URL(await browser.signIn(attacker.lastNavigation(), { username: 'alice', password: 'Passw0rd!' }));
    await signInWithRedirect(auth);
    const victimState = new URL(lastNavigation()).searchParams.get('state') as string;
    attackersCallback.searchParams.set('state', victimState);
    const error = await rejection(handleRedirectCallback(auth, attackersCallback.toString()));
    expect(error).toMatchObject({ name: 'OAuthTokenError', oauthError: 'invalid_grant' });
    expect(auth.getSnapshot().status).toBe('signedOut');
  });

  test('attack: a code replayed at /oauth2/token is refused by the pool', async () => {
    const { auth, browser, lastNavigation } = setup(server);
    await signInWithRedirect(auth);
    const callback = new URL(await browser.signIn(lastNavigation(), { username: 'alice', password: 'Passw0rd!' }));
    await handleRedirectCallback(auth, callback.toString());
    await auth.signOut({ local: true });
    // A second attempt in the same tab, fed the first code.
    await signInWithRedirect(auth);
    callback.searchParams.set('state', new URL(lastNavigation()).searchParams.get('state') as string);
    expect(await rejection(handleRedirectCallback(auth, callback.toString()))).toMatchObject({ name: 'OAuthTokenError', oauthError: 'invalid_grant' });
  });

  test('attack: the callback opened in another tab (nothing pending there) is OAuthStateMissing and sends nothing', async () => {
    const { auth, browser, lastNavigation, tab, sim } = setup(server);
    await signInWithRedirect(auth);
    const callback = await browser.signIn(lastNavigation(), { username: 'alice', password: 'Passw0rd!' });
    const other = tab();
    const before = sim.requests.length;
    expect((await rejection(handleRedirectCallback(other.auth, callback))).name).toBe('OAuthStateMissing');
    expect(sim.requests.length).toBe(before);
    expect(other.auth.getSnapshot().status).toBe('signedOut');
  });

  test('attack: an ID token with another nonce is refused, and nothing is stored', async () => {
    const { auth, browser, lastNavigation } = setup(server);
    await signInWithRedirect(auth);
    const authorize = new URL(lastNavigation());
    authorize.searchParams.set('nonce', 'a-nonce-of-the-attacker');
    const callback = await browser.signIn(authorize.toString(), { username: 'alice', password: 'Passw0rd!' });
    expect(await rejection(handleRedirectCallback(auth, callback))).toMatchObject({ name: 'OAuthIdTokenInvalid' });
    expect(auth.getSnapshot().status).toBe('signedOut');
    expect(auth.getTokens()).toBeNull();
  });

  test('attack: tokens issued to another app client of the same pool are refused', async () => {
    const { auth, browser, lastNavigation } = setup(server);
    await signInWithRedirect(auth);
    const callback = await browser.signIn(lastNavigation(), { username: 'alice', password: 'Passw0rd!' });
    // A genuine token set of the same pool, for another client: what a mix-up or substitution would bring.
    const other = createUserPoolSimulator(simulatorConfig({ clientId: 'anotherclient' }));
    const foreignBrowser = createBrowser(other.managedLogin!.handle);
    const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
    const authorize = `https://${DOMAIN}/oauth2/authorize?${new URLSearchParams({ response_type: 'code', client_id: 'anotherclient', redirect_uri: CALLBACK, scope: 'openid', state: 's', code_challenge: challenge, code_challenge_method: 'S256' })}`;
    const code = new URL(await foreignBrowser.signIn(authorize, { username: 'alice', password: 'Passw0rd!' })).searchParams.get('code') as string;
    const answer = await other.managedLogin!.handle(
      new Request(`https://${DOMAIN}/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        // RFC 7636's example verifier, whose S256 challenge is the one above.
        body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: CALLBACK, client_id: 'anotherclient', code_verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk' }),
      }),
    );
    const foreignTokens = (await answer?.json()) as { id_token: string };
    expect(claims(foreignTokens.id_token).aud).toBe('anotherclient');
    server.use(http.post(`https://${DOMAIN}/oauth2/token`, () => HttpResponse.json(foreignTokens)));
    expect(await rejection(handleRedirectCallback(auth, callback))).toMatchObject({ name: 'OAuthIdTokenInvalid' });
    expect(auth.getSnapshot().status).toBe('signedOut');
  });

  test("an error parameter with markup is kept as data only: the message is the library's", async () => {
    const { auth, lastNavigation } = setup(server);
    await signInWithRedirect(auth);
    const state = new URL(lastNavigation()).searchParams.get('state') as string;
    const markup = '<img src=x onerror=alert(1)>';
    const callback = `${CALLBACK}?${new URLSearchParams({ error: 'server_error', error_description: markup, state })}`;
    const error = await rejection(handleRedirectCallback(auth, callback));
    expect(error).toMatchObject({ name: 'OAuthProviderError', oauthError: 'server_error', errorDescription: markup });
    expect(error.message).not.toContain('<');
    expect(isCognitoAuthError(error, 'OAuthProviderError')).toBe(true);
  });

  test('a network failure at /oauth2/token is a retryable NetworkError', async () => {
    const { auth, browser, lastNavigation } = setup(server);
    await signInWithRedirect(auth);
    const callback = await browser.signIn(lastNavigation(), { username: 'alice', password: 'Passw0rd!' });
    server.use(http.post(`https://${DOMAIN}/oauth2/token`, () => HttpResponse.error()));
    expect(await rejection(handleRedirectCallback(auth, callback))).toMatchObject({ name: 'NetworkError', retryable: true });
  });

  test('an address that is not a callback says so', async () => {
    const { auth } = setup(server);
    expect((await rejection(handleRedirectCallback(auth, `${CALLBACK}?foo=1`))).name).toBe('OAuthInvalidCallback');
  });
});

describe('signOutWithRedirect', () => {
  test('revokes the refresh token, then ends the managed-login session at /logout: the next sign-in asks again', async () => {
    const { auth, browser, lastNavigation, sim } = setup(server);
    await signInWithRedirect(auth);
    await handleRedirectCallback(auth, await browser.signIn(lastNavigation(), { username: 'alice', password: 'Passw0rd!' }));
    const refreshToken = auth.getTokens()?.refreshToken as string;
    const result = await signOutWithRedirect(auth);
    expect(result.revoked).toBe(true);
    expect(sim.requests.some((r) => r.operation === 'RevokeToken')).toBe(true);
    const logout = new URL(lastNavigation());
    expect(logout.origin + logout.pathname).toBe(`https://${DOMAIN}/logout`);
    expect(logout.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(logout.searchParams.get('logout_uri')).toBe(SIGNED_OUT);
    expect((await browser.go(logout.toString())).url).toBe(SIGNED_OUT);
    // The revoked refresh token no longer works at /oauth2/token.
    const refreshed = await sim.managedLogin!.handle(
      new Request(`https://${DOMAIN}/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: CLIENT_ID }),
      }),
    );
    expect(await refreshed?.json()).toEqual({ error: 'invalid_grant' });
    await signInWithRedirect(auth);
    const shown = await browser.go(lastNavigation());
    expect(shown.page).toContain('Password');
  });

  test('withManagedLogin gives the same functions as methods', async () => {
    const { auth, browser, lastNavigation } = setup(server);
    const managed = withManagedLogin(auth);
    await managed.signInWithRedirect({ appState: 7 });
    expect(await managed.handleRedirectCallback(await browser.signIn(lastNavigation(), { username: 'alice', password: 'Passw0rd!' }))).toEqual({ appState: 7 });
    expect(managed.getSnapshot().status).toBe('signedIn');
    expect(auth.getSnapshot().status).toBe('signedIn');
  });
});
