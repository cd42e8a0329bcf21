/**
 * The simulator over HTTP serves its managed login (the `oauth` option) at its own origin: an independent
 * client, oidc-client-ts, completes the authorization code flow with PKCE over real HTTP, following the
 * server's redirects and submitting its provider page the way a browser does.
 */
import { InMemoryWebStorage, OidcClient, WebStorageStateStore } from 'oidc-client-ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startUserPoolServer, type UserPoolServer } from '../../src/testing/index.js';
import { CALLBACK, CLIENT_ID, ISSUER, POOL_ID, simulatorConfig } from '../oauth/support.js';

let pool: UserPoolServer;
beforeAll(async () => {
  const config = simulatorConfig();
  pool = await startUserPoolServer({ ...config, oauth: { ...config.oauth!, domain: 'ignored.example.test' } });
});
afterAll(() => pool.close());

/** GET with redirects followed while they stay on the server; the first URL elsewhere (the app's callback) is returned. */
async function follow(url: string, init?: RequestInit): Promise<{ url: string; page?: string }> {
  let current = url;
  let response = await fetch(current, { ...init, redirect: 'manual' });
  while (response.status === 302 || response.status === 303) {
    current = new URL(response.headers.get('location') as string, current).toString();
    if (!current.startsWith(pool.url)) return { url: current };
    response = await fetch(current, { redirect: 'manual' });
  }
  return { url: current, page: await response.text() };
}

describe('startUserPoolServer with oauth', () => {
  test('serves discovery and the managed login at its own origin, and oidc-client-ts signs a federated user in', async () => {
    const discovery = (await (await fetch(`${pool.url}${POOL_ID}/.well-known/openid-configuration`)).json()) as Record<string, string>;
    expect(discovery.authorization_endpoint).toBe(`${pool.url}oauth2/authorize`);
    expect(discovery.token_endpoint).toBe(`${pool.url}oauth2/token`);
    expect(discovery.issuer).toBe(ISSUER);

    const oidc = new OidcClient({
      authority: ISSUER,
      metadataUrl: `${pool.url}${POOL_ID}/.well-known/openid-configuration`,
      client_id: CLIENT_ID,
      redirect_uri: CALLBACK,
      scope: 'openid email profile',
      response_type: 'code',
      stateStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    });
    const request = await oidc.createSigninRequest({ extraQueryParams: { identity_provider: 'Google' } });
    const shown = await follow(request.url);
    const form = /<form method="post" action="([^"]*)">(.*?)<\/form>/s.exec(shown.page ?? '');
    expect(form, 'the simulated provider page').toBeTruthy();
    const body = new URLSearchParams();
    for (const m of (form![2] as string).matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
      body.set(m[1] as string, (m[2] as string).replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&#39;', "'"));
    }
    body.set('sub', '1234567890');
    const callback = await follow(new URL((form![1] as string).replaceAll('&amp;', '&'), shown.url).toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
    expect(callback.url.startsWith(CALLBACK)).toBe(true);
    const response = await oidc.processSigninResponse(callback.url);
    expect(response.profile['cognito:username']).toBe('Google_1234567890');
    expect(pool.sim.user('Google_1234567890')).toBeTruthy();
  });
});
