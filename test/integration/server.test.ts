/**
 * The server-mode handler against the local emulator (cognito-local): what its AdminInitiateAuth supports,
 * ADMIN_USER_PASSWORD_AUTH and REFRESH_TOKEN_AUTH, with RevokeToken at sign-out, and the access token
 * verified with aws-jwt-verify against the emulator's JWKS. (It has no AdminRespondToAuthChallenge and its
 * AdminInitiateAuth skips MFA: challenges through the server are tested against the simulator.)
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, inject, it } from 'vitest';
import { createAccessTokenVerifier, createAuthHandler } from '../../src/server/index.js';
import { LOCAL_POOL } from '../../scripts/localPoolUsers.mjs';

const endpoint = inject('localPoolEndpoint');
const ORIGIN = 'http://127.0.0.1:3000';

function serverMode() {
  const handler = createAuthHandler({
    region: LOCAL_POOL.region,
    userPoolId: LOCAL_POOL.userPoolId,
    clientId: LOCAL_POOL.clientId,
    authFlow: 'USER_PASSWORD_AUTH',
    cookieSecrets: ['integration-cookie-secret-0123456789abcdef'],
    cookie: { secure: false },
    idTokenClaims: true,
    client: new CognitoIdentityProviderClient({ region: LOCAL_POOL.region, endpoint, maxAttempts: 1, credentials: { accessKeyId: 'LOCAL', secretAccessKey: 'LOCAL' } }),
  });
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  async function call(method: 'GET' | 'POST', route: string, body: unknown = {}) {
    const response = await handler(
      new Request(`${ORIGIN}/api/auth/${route}`, {
        method,
        headers: { cookie: cookie(), ...(method === 'POST' ? { 'content-type': 'application/json', origin: ORIGIN, 'x-csrf-token': jar.get('cognito-session-csrf') ?? '' } : {}) },
        ...(method === 'POST' ? { body: JSON.stringify(body) } : {}),
      }),
    );
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      if (/Max-Age=0\b/.test(line)) jar.delete(pair.slice(0, eq));
      else jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return { status: response.status, body: (await response.json()) as { state: { status: string; user: { username: string; attributes: Record<string, string> } | null }; error?: { name: string }; revoked?: boolean } };
  }
  return { handler, call, cookie };
}

describe('server mode against the local emulator', () => {
  it('signs in with ADMIN_USER_PASSWORD_AUTH, refreshes, reads the session on an API route, and signs out with RevokeToken', async () => {
    const { handler, call, cookie } = serverMode();
    await call('GET', 'session');
    const done = await call('POST', 'sign-in', { username: 'pat', password: LOCAL_POOL.users.pat!.password });
    expect(done.body.state).toMatchObject({ status: 'signedIn', user: { username: 'pat', attributes: { email: 'pat@example.com' } } });
    const session = await handler.getSession(new Request(`${ORIGIN}/api/orders`, { headers: { cookie: cookie() } }));
    expect(session?.user.username).toBe('pat');
    // The token the server holds is the emulator's, signed with its key.
    const verifier = createAccessTokenVerifier({
      userPoolId: LOCAL_POOL.userPoolId,
      clientId: LOCAL_POOL.clientId,
      issuer: `${endpoint}/${LOCAL_POOL.userPoolId}`,
      // aws-jwt-verify fetches over HTTPS only; the emulator serves plain HTTP, so its JWKS is handed over.
      jwks: (await (await fetch(`${endpoint}/${LOCAL_POOL.userPoolId}/.well-known/jwks.json`)).json()) as never,
    });
    await expect(verifier.verify(session!.accessToken)).resolves.toMatchObject({ token_use: 'access', client_id: LOCAL_POOL.clientId });
    await expect(verifier.verify(session!.idToken)).rejects.toThrow();
    expect((await call('POST', 'refresh')).body.state.status).toBe('signedIn');
    const out = await call('POST', 'sign-out');
    expect(out.body).toMatchObject({ revoked: true, state: { status: 'signedOut' } });
  });

  it('reports the emulator\'s wrong-password answer as a typed 4xx and an unconfirmed user by name', async () => {
    const { call } = serverMode();
    await call('GET', 'session');
    const wrong = await call('POST', 'sign-in', { username: 'pat', password: 'Wrong-passw0rd!' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error?.name).toBe('NotAuthorizedException');
    const unconfirmed = await call('POST', 'sign-in', { username: 'una', password: LOCAL_POOL.users.una!.password });
    expect(unconfirmed.body.error?.name).toBe('UserNotConfirmedException');
  });

  it('records the emulator\'s gap: AdminInitiateAuth signs a TOTP user in without the challenge', async () => {
    const { call } = serverMode();
    await call('GET', 'session');
    const tia = await call('POST', 'sign-in', { username: 'tia', password: LOCAL_POOL.users.tia!.password });
    // Cognito would answer SOFTWARE_TOKEN_MFA here; cognito-local 5.3.0 issues tokens at once.
    expect(tia.body.state.status).toBe('signedIn');
  });
});
