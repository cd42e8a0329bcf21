import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { CLIENT_ID, PASSWORD, createPool, setupMswServer } from '../../helpers/pool';
import { mapStorage, networkSwitch, recordEvents } from '../../helpers/session';

const server = setupMswServer();

const alice = { username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com', phone_number: '+15555550100' } };
const MINUTE = 60_000;

async function signedIn(config: Parameters<typeof createPool>[2] = {}) {
  const storage = mapStorage();
  const pool = createPool(server, { users: [alice] }, { authFlow: 'USER_PASSWORD_AUTH', storage, autoRefresh: false, ...config });
  await pool.auth.signIn({ username: 'alice', password: PASSWORD });
  const tokens = pool.auth.getTokens()!;
  /** Tries the old refresh token directly against the pool. */
  const refreshWithOldToken = () =>
    (pool.auth.config.client as NonNullable<typeof pool.auth.config.client>).send(
      new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: CLIENT_ID, AuthParameters: { REFRESH_TOKEN: tokens.refreshToken! } }),
    );
  return { ...pool, storage, tokens, refreshWithOldToken };
}

describe('signOut()', () => {
  it('revokes the refresh token with RevokeToken and clears the state and the stored session', async () => {
    const { auth, storage, operations, sim, refreshWithOldToken, tokens } = await signedIn();
    const events = recordEvents(auth);
    await expect(auth.signOut()).resolves.toEqual({ revoked: true, error: null });
    expect(operations().slice(-1)).toEqual(['RevokeToken']);
    expect(sim.requests.at(-1)?.input).toEqual({ ClientId: CLIENT_ID, Token: tokens.refreshToken });
    expect(auth.getSnapshot()).toMatchObject({ status: 'signedOut', user: null, signOutReason: 'signOut', username: null });
    expect(auth.getTokens()).toBeNull();
    expect([...storage.items.keys()].filter((k) => k.endsWith('.session') || k.endsWith('.lastUser'))).toEqual([]);
    expect(events).toEqual([{ type: 'signedOut', reason: 'signOut' }]);
    await expect(refreshWithOldToken()).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    await expect(auth.getAccessToken()).rejects.toMatchObject({ name: 'NotSignedIn' });
  });

  it('sends the client secret with RevokeToken when the app client has one', async () => {
    const pool = createPool(server, { users: [alice], clientSecret: 'shh' }, { authFlow: 'USER_PASSWORD_AUTH' });
    await pool.auth.signIn({ username: 'alice', password: PASSWORD });
    await expect(pool.auth.signOut()).resolves.toEqual({ revoked: true, error: null });
    expect(pool.sim.requests.at(-1)?.input).toMatchObject({ ClientSecret: 'shh' });
  });

  it('resolves offline: local state and storage are cleared at once, and the failure is reported', async () => {
    const { auth, storage, refreshWithOldToken } = await signedIn();
    const offline = networkSwitch(server);
    const events = recordEvents(auth);
    offline.on = true;
    const result = await auth.signOut();
    expect(result).toMatchObject({ revoked: false, error: { name: 'NetworkError', operation: 'RevokeToken', retryable: true } });
    expect(auth.getSnapshot()).toMatchObject({ status: 'signedOut', user: null });
    expect([...storage.items.keys()].filter((k) => k.endsWith('.session'))).toEqual([]);
    expect(events).toEqual([{ type: 'signedOut', reason: 'signOut', error: expect.objectContaining({ name: 'NetworkError' }) }]);
    offline.on = false;
    // The token could not be revoked: Cognito still honours it, as the result said.
    await expect(refreshWithOldToken()).resolves.toMatchObject({ AuthenticationResult: expect.anything() });
    // And the app carries on: the user can sign in again.
    await expect(auth.signIn({ username: 'alice', password: PASSWORD })).resolves.toEqual({ name: 'DONE' });
  });

  it('with global, calls GlobalSignOut with the access token before revoking', async () => {
    const { auth, operations, sim, tokens } = await signedIn();
    await expect(auth.signOut({ global: true })).resolves.toEqual({ revoked: true, error: null });
    expect(operations().slice(-2)).toEqual(['GlobalSignOut', 'RevokeToken']);
    expect(sim.requests.at(-2)?.input).toEqual({ AccessToken: tokens.accessToken });
  });

  it('with global and an expired access token, renews it first so GlobalSignOut is accepted', async () => {
    const { auth, operations, sim } = await signedIn();
    sim.advanceTime(2 * 60 * MINUTE);
    await expect(auth.signOut({ global: true })).resolves.toEqual({ revoked: true, error: null });
    expect(operations().slice(-3)).toEqual(['InitiateAuth', 'GlobalSignOut', 'RevokeToken']);
    expect(auth.getSnapshot().status).toBe('signedOut');
  });

  it('during a sign-in, abandons it without a request and forgets the username', async () => {
    const pool = createPool(server, { users: [{ ...alice, mfa: { sms: true } }] }, { authFlow: 'USER_PASSWORD_AUTH' });
    await pool.auth.signIn({ username: 'alice', password: PASSWORD });
    expect(pool.auth.getSnapshot().status).toBe('challenge');
    const sent = pool.sim.requests.length;
    await expect(pool.auth.signOut()).resolves.toEqual({ revoked: true, error: null });
    expect(pool.sim.requests).toHaveLength(sent);
    expect(pool.auth.getSnapshot()).toMatchObject({ status: 'signedOut', step: null, username: null });
    await expect(pool.auth.respondToChallenge({ name: 'SMS_MFA', code: '123456' })).rejects.toMatchObject({ name: 'StepMismatch' });
  });

  it('leaves nothing in a slow storage when the user signs out while the session is still being written', async () => {
    const items = new Map<string, string>();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const storage = {
      getItem: async (key: string) => items.get(key) ?? null,
      setItem: async (key: string, value: string) => {
        await gate;
        items.set(key, value);
      },
      removeItem: async (key: string) => void items.delete(key),
    };
    const pool = createPool(server, { users: [alice] }, { authFlow: 'USER_PASSWORD_AUTH', storage, autoRefresh: false });
    await pool.auth.ready();
    const signedInNow = new Promise<void>((resolve) => pool.auth.subscribe(() => pool.auth.getSnapshot().status === 'signedIn' && resolve()));
    const signingIn = pool.auth.signIn({ username: 'alice', password: PASSWORD });
    await signedInNow;
    const signingOut = pool.auth.signOut();
    release();
    await Promise.all([signingIn, signingOut]);
    expect([...items.keys()]).toEqual([]);
  });
});
