import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { createAuthHandler, type AuthHandlerOptions } from '../../src/server/index';
import { CLIENT_ID, PASSWORD, REGION, USER_POOL_ID, mswServerPerFile } from '../helpers/pool';
import { ORIGIN, SECRET, createServerPool } from './support';

const server = mswServerPerFile();
const pat = { username: 'pat', password: PASSWORD, attributes: { email: 'pat@example.com' } };
const tia = { username: 'tia', password: PASSWORD, attributes: { email: 'tia@example.com' }, mfa: { totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' } };

/** Another app's handler on this server: the same cookie secrets and cookie name, other settings. */
const handlerWith = (options: Partial<AuthHandlerOptions>) =>
  createAuthHandler({ region: REGION, userPoolId: USER_POOL_ID, clientId: CLIENT_ID, cookieSecrets: [SECRET], ...options });

async function signedIn() {
  const pool = createServerPool(server, { users: [pat] }, { authFlow: 'USER_PASSWORD_AUTH' });
  await pool.call('GET', 'session');
  expect((await pool.call('POST', 'sign-in', { username: 'pat', password: PASSWORD })).body.state.status).toBe('signedIn');
  const request = () => new Request(`${ORIGIN}/api/orders`, { headers: { cookie: pool.cookieHeader() } });
  return { ...pool, request };
}

describe('a sealed cookie belongs to one pool and app client', () => {
  it('is no session in the handler of another pool that shares the secrets and the cookie name', async () => {
    const { request, handler } = await signedIn();
    expect((await handler.getSession(request()))?.user.username).toBe('pat');
    const otherPool = handlerWith({ userPoolId: 'eu-west-1_OtherPool2', clientId: 'otherclient456' });
    expect(await otherPool.getSession(request())).toBeNull();
    const page = await otherPool(new Request(`${ORIGIN}/api/auth/session`, { headers: { cookie: request().headers.get('cookie')! } }));
    expect(((await page.json()) as { state: { status: string } }).state.status).toBe('signedOut');
    // Another app client of the same pool does not open it either.
    expect(await handlerWith({ clientId: 'otherclient456' }).getSession(request())).toBeNull();
  });

  it('does not continue another pool\'s sign-in in progress', async () => {
    const pool = createServerPool(server, { users: [tia] });
    await pool.call('GET', 'session');
    expect((await pool.call('POST', 'sign-in', { username: 'tia', password: PASSWORD })).body.state.status).toBe('challenge');
    const otherPool = handlerWith({ userPoolId: 'eu-west-1_OtherPool2', clientId: 'otherclient456' });
    const sent = pool.sim.requests.length;
    const response = await otherPool(
      new Request(`${ORIGIN}/api/auth/respond`, {
        method: 'POST',
        headers: { cookie: pool.cookieHeader(), origin: ORIGIN, 'content-type': 'application/json', 'x-csrf-token': pool.jar.get('__Host-cognito-session-csrf')! },
        body: JSON.stringify({ answer: { name: 'SOFTWARE_TOKEN_MFA', code: '123456' } }),
      }),
    );
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { name: string } }).error.name).toBe('InvalidCookie');
    expect(pool.sim.requests).toHaveLength(sent);
  });

  it('opens only tokens of the exact issuer: Cognito\'s for the pool, or the configured endpoint\'s', async () => {
    const { request } = await signedIn();
    const client = (endpoint: string) => new CognitoIdentityProviderClient({ region: REGION, endpoint, credentials: { accessKeyId: 'A', secretAccessKey: 'B' } });
    // The simulator issues Cognito's tokens: https://cognito-idp.eu-west-1.amazonaws.com/<pool id>.
    expect((await handlerWith({}).getSession(request()))?.user.username).toBe('pat');
    expect((await handlerWith({ client: client('https://cognito-idp.eu-west-1.amazonaws.com') }).getSession(request()))?.user.username).toBe('pat');
    // A local emulator at an endpoint issues `<endpoint>/<pool id>`: Cognito's tokens are not its.
    expect(await handlerWith({ client: client('http://127.0.0.1:9229') }).getSession(request())).toBeNull();
    expect(await handlerWith({ issuer: `http://127.0.0.1:9229/${USER_POOL_ID}` }).getSession(request())).toBeNull();
    expect((await handlerWith({ issuer: `https://cognito-idp.eu-west-1.amazonaws.com/${USER_POOL_ID}` }).getSession(request()))?.user.username).toBe('pat');
  });
});
