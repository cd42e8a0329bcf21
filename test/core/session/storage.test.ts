import { describe, expect, it } from 'vitest';
import { createCognitoAuth } from '../../../src/core/createCognitoAuth';
import { isCognitoAuthError } from '../../../src/core/errors';
import type { CognitoAuthConfig } from '../../../src/core/types';
import { CLIENT_ID, PASSWORD, USER_POOL_ID, createPool, mswServerPerFile } from '../../helpers/pool';
import { mapStorage, recordEvents, throwingStorage } from '../../helpers/session';
import { totpCode } from '../../../src/testing';

const server = mswServerPerFile();

const alice = { username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com', name: 'Alice' } };

/** A second store on the same pool, as after a page reload. */
function reload(first: ReturnType<typeof createPool>, config: Partial<CognitoAuthConfig>) {
  return createCognitoAuth({ ...first.auth.config, ...config });
}

describe('given a signed-in user', () => {
  it('holds access, ID and refresh tokens and the user from the ID token, with no extra request', async () => {
    const { auth, operations } = createPool(server, { users: [alice] }, { authFlow: 'USER_PASSWORD_AUTH' });
    await auth.signIn({ username: 'alice', password: PASSWORD });
    expect(operations()).toEqual(['InitiateAuth']);
    expect(auth.getTokens()).toMatchObject({ accessToken: expect.any(String), idToken: expect.any(String), refreshToken: expect.any(String) });
    expect(auth.getSnapshot().user).toMatchObject({ username: 'alice', sub: expect.any(String), attributes: { email: 'alice@example.com', name: 'Alice' } });
  });

  it('corrects the expiry for a device clock that is ten minutes fast', async () => {
    const skew = 10 * 60_000;
    const pool = createPool(server, { users: [alice] }, { authFlow: 'USER_PASSWORD_AUTH' });
    const auth = reload(pool, { clock: () => pool.sim.now() + skew });
    await auth.signIn({ username: 'alice', password: PASSWORD });
    const { expiresAt } = auth.getTokens()!;
    // An hour from now on the device's own clock: not "expired ten minutes early".
    expect(expiresAt - (pool.sim.now() + skew)).toBeGreaterThan(59 * 60_000);
    expect(expiresAt - (pool.sim.now() + skew)).toBeLessThanOrEqual(60 * 60_000);
    await expect(auth.getAccessToken()).resolves.toBe(auth.getTokens()?.accessToken);
    expect(pool.operations()).toEqual(['InitiateAuth']);
  });

  it('reads every attribute and the MFA settings from Cognito with getUser()', async () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const user = { ...alice, attributes: { ...alice.attributes, phone_number: '+15555550100' }, mfa: { sms: true, totpSecret: secret, preferred: 'SOFTWARE_TOKEN_MFA' as const } };
    const { auth, operations, sim } = createPool(server, { users: [user] }, { authFlow: 'USER_PASSWORD_AUTH' });
    await expect(auth.getUser()).rejects.toMatchObject({ name: 'NotSignedIn' });
    await auth.signIn({ username: 'alice', password: PASSWORD });
    await auth.respondToChallenge({ name: 'SOFTWARE_TOKEN_MFA', code: await totpCode(secret, sim.now()) });
    await expect(auth.getUser()).resolves.toEqual({
      username: 'alice',
      attributes: { sub: sim.user('alice')?.attributes.sub, email: 'alice@example.com', name: 'Alice', phone_number: '+15555550100' },
      mfa: { enabled: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'], preferred: 'SOFTWARE_TOKEN_MFA' },
    });
    expect(operations().at(-1)).toBe('GetUser');
  });

  it('never shows a token or a secret in the snapshot or the events', async () => {
    const { auth } = createPool(server, { users: [alice] }, { authFlow: 'USER_PASSWORD_AUTH' });
    const events = recordEvents(auth);
    await auth.signIn({ username: 'alice', password: PASSWORD });
    const tokens = auth.getTokens()!;
    const shown = JSON.stringify([auth.getSnapshot(), events]);
    for (const secret of [tokens.accessToken, tokens.idToken, tokens.refreshToken!, PASSWORD]) expect(shown).not.toContain(secret);
  });
});

describe('given memory storage (the default)', () => {
  it('starts signed out and does not survive a reload', async () => {
    const pool = createPool(server, { users: [alice] }, { authFlow: 'USER_PASSWORD_AUTH' });
    expect(pool.auth.getSnapshot().status).toBe('signedOut');
    await pool.auth.signIn({ username: 'alice', password: PASSWORD });
    const again = reload(pool, {});
    await again.ready();
    expect(again.getSnapshot().status).toBe('signedOut');
  });
});

describe.each([
  ['synchronous', false],
  ['asynchronous', true],
])('given a %s custom storage', (_kind, async) => {
  it('restores the session on start: loading until it knows, then signed in without a request', async () => {
    const storage = mapStorage({ async });
    const pool = createPool(server, { users: [alice] }, { authFlow: 'USER_PASSWORD_AUTH', storage });
    await pool.auth.ready();
    await pool.auth.signIn({ username: 'alice', password: PASSWORD });
    const before = pool.operations().length;

    const again = reload(pool, {});
    const events = recordEvents(again);
    expect(again.getSnapshot().status).toBe('loading');
    await again.ready();
    expect(again.getSnapshot()).toMatchObject({ status: 'signedIn', user: { username: 'alice' }, step: { name: 'DONE' } });
    expect(again.getTokens()).toEqual(pool.auth.getTokens());
    expect(events).toEqual([{ type: 'sessionRestored', user: expect.objectContaining({ username: 'alice' }) }]);
    expect(pool.operations()).toHaveLength(before);
  });

  it('refreshes a restored session whose access token has expired before reporting signed in', async () => {
    const storage = mapStorage({ async });
    const pool = createPool(server, { users: [alice] }, { authFlow: 'USER_PASSWORD_AUTH', storage });
    await pool.auth.signIn({ username: 'alice', password: PASSWORD });
    const old = pool.auth.getTokens()!;
    pool.sim.advanceTime(2 * 60 * 60_000);

    const again = reload(pool, {});
    const seen: string[] = [];
    again.subscribe(() => seen.push(again.getSnapshot().status));
    await again.ready();
    expect(seen).toEqual(['signedIn']);
    expect(pool.operations().slice(-1)).toEqual(['InitiateAuth']);
    expect((pool.sim.requests.at(-1)?.input as { AuthFlow: string }).AuthFlow).toBe('REFRESH_TOKEN_AUTH');
    expect(again.getTokens()?.accessToken).not.toBe(old.accessToken);
    expect(again.getTokens()?.refreshToken).toBe(old.refreshToken);
    expect(again.getTokens()!.expiresAt).toBeGreaterThan(pool.sim.now() + 59 * 60_000);
  });
});

describe('given stored data that cannot be trusted', () => {
  async function storedSession() {
    const storage = mapStorage();
    const pool = createPool(server, { users: [alice] }, { authFlow: 'USER_PASSWORD_AUTH', storage });
    await pool.auth.signIn({ username: 'alice', password: PASSWORD });
    const key = [...storage.items.keys()].find((k) => k.endsWith('.session'))!;
    return { storage, pool, key, value: JSON.parse(storage.items.get(key)!) as Record<string, unknown> };
  }

  it('keys entries by app client and user, and keeps no token outside the session entry', async () => {
    const { storage, key } = await storedSession();
    expect(key).toBe(`cognito-react.${CLIENT_ID}.alice.session`);
    expect(storage.items.get(`cognito-react.${CLIENT_ID}.lastUser`)).toBe('alice');
  });

  it.each<[string, (v: Record<string, unknown>) => string]>([
    ['not JSON', () => '{"v":1,'],
    ['a value of another format', (v: Record<string, unknown>) => JSON.stringify({ ...v, v: 2 })],
    ['tokens issued to another app client', (v: Record<string, unknown>) => JSON.stringify({ ...v, idToken: forge(v.idToken as string, { aud: 'other-client' }) })],
    ['tokens of another user pool', (v: Record<string, unknown>) => JSON.stringify({ ...v, accessToken: forge(v.accessToken as string, { iss: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other' }) })],
    ...[
      `https://evil.example/${USER_POOL_ID}`,
      `https://cognito-idp.eu-west-1.amazonaws.com.evil.example/${USER_POOL_ID}`,
      `https://cognito-idp.us-east-1.amazonaws.com/${USER_POOL_ID}`,
    ].map((iss): [string, (v: Record<string, unknown>) => string] => [
      `tokens from ${iss}, an issuer that only ends in the pool id`,
      (v) => JSON.stringify({ ...v, idToken: forge(v.idToken as string, { iss }), accessToken: forge(v.accessToken as string, { iss }) }),
    ]),
    ["another user's tokens under this user's key", (v: Record<string, unknown>) => JSON.stringify({ ...v, idToken: forge(v.idToken as string, { 'cognito:username': 'mallory' }) })],
    ['a token that is not a JWT', (v: Record<string, unknown>) => JSON.stringify({ ...v, accessToken: 'not-a-jwt' })],
  ])('discards %s and starts signed out', async (_what, corrupt) => {
    const { storage, pool, key, value } = await storedSession();
    storage.items.set(key, corrupt(value));
    const again = reload(pool, {});
    await again.ready();
    expect(again.getSnapshot().status).toBe('signedOut');
    expect(again.getTokens()).toBeNull();
    expect(storage.items.has(key)).toBe(false);
  });

  it('accepts an issuer that only ends in the pool id for the local emulator\'s pools (local_...) alone', async () => {
    const { storage, pool, key, value } = await storedSession();
    // cognito-local signs as its own address, which depends on how it was started, not on the client.
    const emulatorPool = 'local_TestPool1';
    const iss = `http://localhost:9229/${emulatorPool}`;
    const stored = JSON.stringify({ ...value, idToken: forge(value.idToken as string, { iss }), accessToken: forge(value.accessToken as string, { iss }) });
    storage.items.set(key, stored);
    const emulator = reload(pool, { userPoolId: emulatorPool, region: 'local' });
    await emulator.ready();
    expect(emulator.getSnapshot().status).toBe('signedIn');
    storage.items.set(key, stored);
    const cognito = reload(pool, {});
    await cognito.ready();
    expect(cognito.getSnapshot().status).toBe('signedOut');
  });

  it('ignores entries of another app client in the same storage', async () => {
    const { storage, pool } = await storedSession();
    const other = createCognitoAuth({ ...pool.auth.config, clientId: 'another-client' });
    await other.ready();
    expect(other.getSnapshot().status).toBe('signedOut');
    expect(storage.items.size).toBeGreaterThan(0);
  });
});

describe('given storage that throws', () => {
  it('keeps the session in memory and reports one storageUnavailable warning, never a crash', async () => {
    const events: string[] = [];
    const { auth } = createPool(server, { users: [alice] }, {
      authFlow: 'USER_PASSWORD_AUTH',
      storage: throwingStorage(),
      onEvent: (event) => events.push(event.type),
    });
    await auth.ready();
    expect(auth.getSnapshot().status).toBe('signedOut');
    await expect(auth.signIn({ username: 'alice', password: PASSWORD })).resolves.toEqual({ name: 'DONE' });
    await expect(auth.getAccessToken()).resolves.toBe(auth.getTokens()?.accessToken);
    expect(events.filter((t) => t === 'storageUnavailable')).toHaveLength(1);
    await auth.signOut();
    expect(auth.getSnapshot().status).toBe('signedOut');
  });

  it('falls back to memory when the environment has no localStorage (server rendering, workers)', async () => {
    const warnings: unknown[] = [];
    const { auth } = createPool(server, { users: [alice] }, {
      authFlow: 'USER_PASSWORD_AUTH',
      storage: 'localStorage',
      onEvent: (event) => event.type === 'storageUnavailable' && warnings.push(event.error),
    });
    await auth.ready();
    expect(warnings).toHaveLength(1);
    expect(isCognitoAuthError(warnings[0], 'StorageUnavailable')).toBe(true);
    await expect(auth.signIn({ username: 'alice', password: PASSWORD })).resolves.toEqual({ name: 'DONE' });
  });
});

describe('when the user signs in while a stored session is still loading', () => {
  it('waits for the restore and then reports that someone is already signed in', async () => {
    const storage = mapStorage({ async: true });
    const pool = createPool(server, { users: [alice] }, { authFlow: 'USER_PASSWORD_AUTH', storage });
    await pool.auth.signIn({ username: 'alice', password: PASSWORD });
    const again = reload(pool, {});
    await expect(again.signIn({ username: 'alice', password: PASSWORD })).rejects.toMatchObject({ name: 'AlreadySignedIn' });
    expect(again.getSnapshot().status).toBe('signedIn');
  });
});

/** A JWT with some claims changed (the signature no longer matches, which the client cannot check anyway). */
function forge(token: string, claims: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  return [header, Buffer.from(JSON.stringify({ ...decoded, ...claims })).toString('base64url'), signature].join('.');
}
