/**
 * The simulated managed login on its own: Cognito's documented parameters and errors at each endpoint,
 * through the plain request handler (what an HTTP server mounts) and through MSW (what fetch reaches).
 */
import { describe, expect, test } from 'vitest';
import { createUserPoolSimulator } from '../../src/testing/index.js';
import { CALLBACK, CLIENT_ID, DOMAIN, ISSUER, SIGNED_OUT, createBrowser, mswPerFile, simulatorConfig } from './support.js';

const server = mswPerFile();
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

function setup(overrides: Parameters<typeof simulatorConfig>[0] = {}) {
  const sim = createUserPoolSimulator(simulatorConfig(overrides));
  const handle = sim.managedLogin!.handle;
  const browser = createBrowser(handle);
  const authorizeUrl = (params: Record<string, string> = {}) =>
    `https://${DOMAIN}/oauth2/authorize?${new URLSearchParams({ response_type: 'code', client_id: CLIENT_ID, redirect_uri: CALLBACK, scope: 'openid email', state: 'st', code_challenge: CHALLENGE, code_challenge_method: 'S256', ...params })}`;
  const token = async (body: Record<string, string>, headers: Record<string, string> = {}) => {
    const response = (await handle(
      new Request(`https://${DOMAIN}/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(body) }),
    )) as Response;
    return { status: response.status, body: (await response.json()) as Record<string, string> };
  };
  const code = async (params: Record<string, string> = {}) =>
    new URL(await browser.signIn(authorizeUrl(params), { username: 'alice', password: 'Passw0rd!' })).searchParams.get('code') as string;
  const exchange = (c: string, extra: Record<string, string> = {}) =>
    token({ grant_type: 'authorization_code', code: c, redirect_uri: CALLBACK, client_id: CLIENT_ID, code_verifier: VERIFIER, ...extra });
  return { sim, handle, browser, authorizeUrl, token, code, exchange };
}

describe('/oauth2/authorize', () => {
  test('an unknown client or a redirect_uri the client does not allow gets an error page, never a redirect', async () => {
    const { browser, authorizeUrl } = setup();
    const cases: Record<string, string>[] = [{ client_id: 'nope' }, { redirect_uri: 'https://evil.example/cb' }, { redirect_uri: `${CALLBACK}/` }];
    for (const params of cases) {
      const shown = await browser.go(authorizeUrl(params));
      expect(shown.status).toBe(400);
      expect(shown.url.startsWith(`https://${DOMAIN}/`)).toBe(true);
    }
  });

  test('other errors go back to the app with error, error_description and the state', async () => {
    const { browser, authorizeUrl } = setup();
    const cases: [Record<string, string>, string][] = [
      [{ scope: 'openid admin' }, 'invalid_scope'],
      [{ code_challenge_method: 'plain' }, 'invalid_request'],
      [{ response_type: 'token' }, 'unauthorized_client'],
      [{ response_type: 'id_token' }, 'unsupported_response_type'],
      [{ identity_provider: 'Facebook' }, 'invalid_request'],
      [{ prompt: 'none' }, 'login_required'],
    ];
    for (const [params, error] of cases) {
      const back = new URL((await browser.go(authorizeUrl(params))).url);
      expect(back.origin + back.pathname, JSON.stringify(params)).toBe(CALLBACK);
      expect(back.searchParams.get('error')).toBe(error);
      expect(back.searchParams.get('error_description')).toBeTruthy();
      expect(back.searchParams.get('state')).toBe('st');
    }
  });

  test('without identity_provider it shows the login page, with a button per provider; wrong passwords stay on it, escaped', async () => {
    const { browser, authorizeUrl } = setup();
    const shown = await browser.go(authorizeUrl());
    expect(new URL(shown.url).pathname).toBe('/login');
    expect(shown.page).toContain('Continue with Google');
    const again = await browser.submit(shown.url, shown.page as string, '/login', { username: '<b>alice</b>', password: 'wrong' });
    expect(again.status).toBe(400);
    expect(again.page).toContain('Incorrect username or password.');
    expect(again.page).toContain('&#60;b&#62;alice&#60;/b&#62;');
    expect(again.page).not.toContain('<b>alice');
  });

  test('idp_identifier picks the provider that has it; a managed-login session signs in again without the page, unless prompt=login', async () => {
    const config = simulatorConfig();
    const { browser, authorizeUrl } = setup({ oauth: { ...config.oauth!, identityProviders: [{ name: 'AcmeSAML', type: 'SAML', identifiers: ['acme.example'], users: [{ sub: 'u1' }] }] } });
    const shown = await browser.go(authorizeUrl({ idp_identifier: 'acme.example' }));
    expect(new URL(shown.url).pathname).toBe('/simulated-idp/AcmeSAML');
    await browser.submit(shown.url, shown.page as string, '/simulated-idp/', { sub: 'u1' });
    const silent = await browser.go(authorizeUrl());
    expect(new URL(silent.url).searchParams.get('code')).toBeTruthy();
    const asked = await browser.go(authorizeUrl({ prompt: 'login' }));
    expect(new URL(asked.url).pathname).toBe('/login');
  });
});

describe('/oauth2/token', () => {
  test('a code is exchanged once, with its redirect_uri and its PKCE verifier', async () => {
    const { code, exchange } = setup();
    const c = await code();
    expect((await exchange(c, { code_verifier: 'x'.repeat(43) })).body).toEqual({ error: 'invalid_grant' });
    // The failed attempt used the code up, as a stolen code must not be tried until it works.
    expect((await exchange(c)).body).toEqual({ error: 'invalid_grant' });
    const good = await exchange(await code());
    expect(good.status).toBe(200);
    expect(Object.keys(good.body).sort()).toEqual(['access_token', 'expires_in', 'id_token', 'refresh_token', 'token_type']);
    const c2 = await code();
    expect((await exchange(c2, { redirect_uri: `${CALLBACK}/` })).body).toEqual({ error: 'invalid_grant' });
    expect((await exchange(await code(), { code_verifier: 'short' })).body).toEqual({ error: 'invalid_request' });
  });

  test('a code older than five minutes is refused', async () => {
    const { sim, code, exchange } = setup();
    const c = await code();
    sim.advanceTime(5 * 60_000 + 1);
    expect((await exchange(c)).body).toEqual({ error: 'invalid_grant' });
  });

  test('a confidential client must authenticate with its secret (HTTP Basic); the grant types are checked', async () => {
    const { code, exchange, token } = setup({ clientSecret: 'shh-secret' });
    const basic = (id: string, secret: string) => ({ authorization: `Basic ${btoa(`${id}:${secret}`)}` });
    expect(await exchange(await code())).toEqual({ status: 401, body: { error: 'invalid_client' } });
    const wrongSecret = await token({ grant_type: 'authorization_code', code: await code(), redirect_uri: CALLBACK, code_verifier: VERIFIER }, basic(CLIENT_ID, 'wrong'));
    expect(wrongSecret).toEqual({ status: 401, body: { error: 'invalid_client' } });
    const c = await code();
    const ok = await token({ grant_type: 'authorization_code', code: c, redirect_uri: CALLBACK, code_verifier: VERIFIER }, basic(CLIENT_ID, 'shh-secret'));
    expect(ok.status).toBe(200);
    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: ok.body.refresh_token as string }, basic(CLIENT_ID, 'shh-secret'));
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).toBeUndefined();
    expect((await token({ grant_type: 'client_credentials' }, basic(CLIENT_ID, 'shh-secret'))).body).toEqual({ error: 'unauthorized_client' });
    expect((await token({ grant_type: 'password' }, basic(CLIENT_ID, 'shh-secret'))).body).toEqual({ error: 'unsupported_grant_type' });
    expect((await token({}, basic(CLIENT_ID, 'shh-secret'))).body).toEqual({ error: 'invalid_request' });
  });
});

describe('userInfo, revoke, logout, discovery', () => {
  test('userInfo answers the attributes for an openid access token and 401 otherwise; revoke ends the refresh token', async () => {
    const { code, exchange, token, handle } = setup();
    const tokens = (await exchange(await code())).body;
    const info = async (authorization?: string) => (await handle(new Request(`https://${DOMAIN}/oauth2/userInfo`, { headers: authorization ? { authorization } : {} }))) as Response;
    const ok = await info(`Bearer ${tokens.access_token}`);
    expect(await ok.json()).toMatchObject({ username: 'alice', email: 'alice@example.com' });
    const refused = await info('Bearer not-a-token');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('invalid_token');
    const revoke = (body: Record<string, string>) =>
      handle(new Request(`https://${DOMAIN}/oauth2/revoke`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body) })) as Promise<Response>;
    expect((await revoke({ token: tokens.access_token as string, client_id: CLIENT_ID })).status).toBe(400);
    expect((await revoke({ token: tokens.refresh_token as string, client_id: CLIENT_ID })).status).toBe(200);
    expect((await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token as string, client_id: CLIENT_ID })).body).toEqual({ error: 'invalid_grant' });
    // Revoking ends the access tokens of that sign-in too, as Cognito's RevokeToken does.
    expect((await info(`Bearer ${tokens.access_token}`)).status).toBe(401);
  });

  test('logout goes only to an allowed sign-out URL', async () => {
    const { browser } = setup();
    const url = (logoutUri: string) => `https://${DOMAIN}/logout?${new URLSearchParams({ client_id: CLIENT_ID, logout_uri: logoutUri })}`;
    expect((await browser.go(url(SIGNED_OUT))).url).toBe(SIGNED_OUT);
    const refused = await browser.go(url('https://evil.example/'));
    expect(refused.status).toBe(400);
  });

  test('the pool publishes its OpenID configuration and JWKS at the issuer (through MSW, as fetch reaches them)', async () => {
    const { sim } = setup();
    server.use(...sim.handlers);
    const config = (await (await fetch(`${ISSUER}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(config).toMatchObject({
      issuer: ISSUER,
      authorization_endpoint: `https://${DOMAIN}/oauth2/authorize`,
      token_endpoint: `https://${DOMAIN}/oauth2/token`,
      userinfo_endpoint: `https://${DOMAIN}/oauth2/userInfo`,
      revocation_endpoint: `https://${DOMAIN}/oauth2/revoke`,
      jwks_uri: `${ISSUER}/.well-known/jwks.json`,
    });
    const jwks = (await (await fetch(config.jwks_uri as string)).json()) as { keys: unknown[] };
    expect(jwks.keys).toHaveLength(1);
  });
});
