/**
 * Independent verification of the simulator's managed login: oidc-client-ts, a certified-style OpenID
 * Connect client written by others, completes the authorization code flow with PKCE against it, from
 * discovery at the pool's issuer through the code exchange, the ID token's checks and userInfo, to a refresh.
 */
import { InMemoryWebStorage, OidcClient, WebStorageStateStore } from 'oidc-client-ts';
import { describe, expect, test } from 'vitest';
import { createUserPoolSimulator } from '../../src/testing/index.js';
import { CALLBACK, CLIENT_ID, ISSUER, createBrowser, mswPerFile, simulatorConfig } from './support.js';

const server = mswPerFile();

function client() {
  return new OidcClient({
    authority: ISSUER,
    client_id: CLIENT_ID,
    redirect_uri: CALLBACK,
    scope: 'openid email profile',
    response_type: 'code',
    loadUserInfo: true,
    stateStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
  });
}

describe('oidc-client-ts against the simulated managed login', () => {
  test('discovers the endpoints, signs a federated user in with PKCE, reads userInfo, and refreshes', async () => {
    const sim = createUserPoolSimulator(simulatorConfig());
    server.use(...sim.handlers);
    const oidc = client();
    const request = await oidc.createSigninRequest({ state: { returnTo: '/x' }, extraQueryParams: { identity_provider: 'Google' } });
    const authorize = new URL(request.url);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('nonce')).toBeNull(); // oidc-client-ts relies on PKCE, not a nonce, for the code flow
    const callback = await createBrowser(sim.managedLogin!.handle).signIn(request.url, { sub: '1234567890' });
    const response = await oidc.processSigninResponse(callback);
    expect(response.profile.iss).toBe(ISSUER);
    expect(response.profile.aud).toBe(CLIENT_ID);
    expect(response.profile['cognito:username']).toBe('Google_1234567890');
    expect(response.profile.email).toBe('gina@gmail.example'); // from userInfo as well as the ID token
    expect(response.userState).toEqual({ returnTo: '/x' });
    expect(response.refresh_token).toBeTruthy();
    const refreshed = await oidc.useRefreshToken({
      state: { refresh_token: response.refresh_token as string, session_state: null, profile: response.profile, scope: response.scope, data: undefined },
    });
    expect(refreshed.access_token).toBeTruthy();
    expect(refreshed.access_token).not.toBe(response.access_token);
  });

  test('a password sign-in on the login page, and a code replayed after it is refused', async () => {
    const sim = createUserPoolSimulator(simulatorConfig());
    server.use(...sim.handlers);
    const oidc = client();
    const request = await oidc.createSigninRequest({});
    const callback = await createBrowser(sim.managedLogin!.handle).signIn(request.url, { username: 'alice', password: 'Passw0rd!' });
    const response = await oidc.processSigninResponse(callback, undefined, false);
    expect(response.profile.sub).toBe(sim.user('alice')?.attributes.sub);
    await expect(oidc.processSigninResponse(callback)).rejects.toThrow(/invalid_grant/);
  });
});
