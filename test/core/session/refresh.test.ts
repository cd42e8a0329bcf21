import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCognitoAuth } from '../../../src/core/createCognitoAuth';
import { createHmac } from 'node:crypto';
import { CLIENT_ID, PASSWORD, createPool, setupMswServer } from '../../helpers/pool';
import { installVisibility, mapStorage, networkSwitch, reachableText, recordEvents, settle } from '../../helpers/session';

const server = setupMswServer();

const alice = { username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com' } };
const MINUTE = 60_000;

async function signedIn(options: Parameters<typeof createPool>[1] = { users: [alice] }, config: Parameters<typeof createPool>[2] = {}) {
  const pool = createPool(server, options, { authFlow: 'USER_PASSWORD_AUTH', autoRefresh: false, ...config });
  await pool.auth.signIn({ username: 'alice', password: PASSWORD });
  const refreshes = () => pool.sim.requests.filter((r) => r.operation === 'GetTokensFromRefreshToken' || (r.input as { AuthFlow?: string }).AuthFlow === 'REFRESH_TOKEN_AUTH');
  return { ...pool, refreshes };
}

describe('getAccessToken()', () => {
  it('returns the current token without a request while it is valid beyond the margin', async () => {
    const { auth, refreshes, sim } = await signedIn();
    const token = auth.getTokens()?.accessToken;
    sim.advanceTime(58 * MINUTE);
    await expect(auth.getAccessToken()).resolves.toBe(token);
    expect(refreshes()).toHaveLength(0);
  });

  it('refreshes first when the token expires within the margin (default 60 s)', async () => {
    const { auth, refreshes, sim } = await signedIn();
    const old = auth.getTokens()!;
    sim.advanceTime(59 * MINUTE + 1000);
    const token = await auth.getAccessToken();
    expect(refreshes()).toHaveLength(1);
    expect(token).not.toBe(old.accessToken);
    expect(auth.getTokens()).toMatchObject({ accessToken: token, refreshToken: old.refreshToken });
    expect(await auth.getIdToken()).toBe(auth.getTokens()?.idToken);
  });

  it('honours a configured margin', async () => {
    const { auth, refreshes, sim } = await signedIn(undefined, { refreshMarginSeconds: 10 * 60 });
    sim.advanceTime(49 * MINUTE);
    await auth.getAccessToken();
    expect(refreshes()).toHaveLength(0);
    sim.advanceTime(2 * MINUTE);
    await auth.getAccessToken();
    expect(refreshes()).toHaveLength(1);
  });

  it('sends one refresh request for 50 concurrent callers', async () => {
    const { auth, refreshes, sim } = await signedIn();
    sim.advanceTime(61 * MINUTE);
    const tokens = await Promise.all(Array.from({ length: 50 }, () => auth.getAccessToken()));
    expect(refreshes()).toHaveLength(1);
    expect(new Set(tokens)).toEqual(new Set([auth.getTokens()?.accessToken]));
  });

  it('refreshes on demand with forceRefresh', async () => {
    const { auth, refreshes } = await signedIn();
    const old = auth.getTokens()?.accessToken;
    await expect(auth.getAccessToken({ forceRefresh: true })).resolves.not.toBe(old);
    expect(refreshes()).toHaveLength(1);
  });

  it('rejects with NotSignedIn when nobody is signed in', async () => {
    const { auth } = createPool(server, { users: [alice] });
    await expect(auth.getAccessToken()).rejects.toMatchObject({ name: 'NotSignedIn' });
  });

  it('keeps the user object across a refresh, so what shows the user does not re-render', async () => {
    const { auth, sim } = await signedIn();
    const before = auth.getSnapshot();
    let notified = 0;
    auth.subscribe(() => notified++);
    sim.advanceTime(61 * MINUTE);
    await auth.getAccessToken();
    expect(auth.getSnapshot()).toBe(before);
    expect(notified).toBe(0);
  });

  it('authenticates the client with SECRET_HASH over the permanent username after an alias sign-in', async () => {
    const { auth, sim } = createPool(
      server,
      { users: [{ ...alice, username: 'a1b2-uuid', attributes: { email: 'alice@example.com', email_verified: 'true' } }], signInAliases: ['email'], clientSecret: 'top-secret' },
      { authFlow: 'USER_PASSWORD_AUTH', autoRefresh: false },
    );
    await auth.signIn({ username: 'alice@example.com', password: PASSWORD });
    const old = auth.getTokens()?.accessToken;
    await expect(auth.getAccessToken({ forceRefresh: true })).resolves.not.toBe(old);
    const refresh = sim.requests.at(-1)?.input as { AuthFlow: string; AuthParameters: Record<string, string> };
    expect(refresh.AuthFlow).toBe('REFRESH_TOKEN_AUTH');
    expect(refresh.AuthParameters.SECRET_HASH).toBe(createHmac('sha256', 'top-secret').update(`a1b2-uuid${CLIENT_ID}`).digest('base64'));
  });
});

describe('given refresh-token rotation', () => {
  it('refreshes with GetTokensFromRefreshToken and keeps the new refresh token', async () => {
    const { auth, refreshes, operations } = await signedIn({ users: [alice], refreshTokenRotation: true }, { refreshTokenRotation: true, storage: mapStorage() });
    const first = auth.getTokens()!;
    await auth.getAccessToken({ forceRefresh: true });
    const second = auth.getTokens()!;
    expect(operations().at(-1)).toBe('GetTokensFromRefreshToken');
    expect(second.refreshToken).toBeTruthy();
    expect(second.refreshToken).not.toBe(first.refreshToken);
    // The rotated-out token is dead; the new one works.
    await auth.getAccessToken({ forceRefresh: true });
    expect(refreshes()).toHaveLength(2);
    expect(auth.getSnapshot().status).toBe('signedIn');
  });
});

describe('when Cognito refuses the refresh token', () => {
  it('signs out cleanly with the reason refreshTokenInvalid, keeping the username for the next sign-in', async () => {
    const storage = mapStorage();
    const { auth, sim } = await signedIn({ users: [alice], refreshTokenValidityDays: 1 }, { storage });
    const events = recordEvents(auth);
    sim.advanceTime(25 * 60 * MINUTE);
    const error = await auth.getAccessToken().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'SessionEnded', cause: { name: 'NotAuthorizedException' } });
    expect(auth.getSnapshot()).toMatchObject({ status: 'signedOut', user: null, signOutReason: 'refreshTokenInvalid', username: 'alice', error: { name: 'SessionEnded' } });
    expect(auth.getTokens()).toBeNull();
    expect([...storage.items.keys()].filter((k) => k.endsWith('.session'))).toEqual([]);
    expect(events.map((e) => e.type)).toEqual(['tokenRefreshFailed', 'signedOut']);
    expect(events[1]).toMatchObject({ reason: 'refreshTokenInvalid' });
    await expect(auth.signIn({ username: 'alice', password: PASSWORD })).resolves.toEqual({ name: 'DONE' });
  });

  it('puts no token in the error, its causes or anything reachable from them', async () => {
    const { auth, sim } = await signedIn({ users: [alice], refreshTokenValidityDays: 1 });
    const { refreshToken, accessToken } = auth.getTokens()!;
    sim.advanceTime(25 * 60 * MINUTE);
    const error = await auth.getAccessToken().catch((e: unknown) => e);
    const text = reachableText(error);
    expect(text).toContain('NotAuthorizedException');
    expect(text).not.toContain(refreshToken);
    expect(text).not.toContain(accessToken);
  });

  it('signs out when the refresh token was revoked elsewhere (another session signed out globally)', async () => {
    const first = await signedIn();
    // A second device of the same user, on the same pool, signs out everywhere.
    const other = createCognitoAuth({ ...first.auth.config });
    await other.signIn({ username: 'alice', password: PASSWORD });
    await expect(other.signOut({ global: true })).resolves.toEqual({ revoked: true, error: null });
    expect(first.operations().slice(-2)).toEqual(['GlobalSignOut', 'RevokeToken']);
    await expect(first.auth.getAccessToken({ forceRefresh: true })).rejects.toMatchObject({ name: 'SessionEnded' });
    expect(first.auth.getSnapshot().signOutReason).toBe('refreshTokenInvalid');
  });
});

describe('when the network fails during a refresh', () => {
  it('keeps the session, reports a retryable error and an event, and succeeds once the network is back', async () => {
    const { auth, sim } = await signedIn();
    const offline = networkSwitch(server);
    const events = recordEvents(auth);
    sim.advanceTime(61 * MINUTE);
    offline.on = true;
    await expect(auth.getAccessToken()).rejects.toMatchObject({ name: 'NetworkError', retryable: true });
    expect(auth.getSnapshot()).toMatchObject({ status: 'signedIn', user: { username: 'alice' } });
    expect(events).toEqual([{ type: 'tokenRefreshFailed', error: expect.objectContaining({ name: 'NetworkError' }) }]);
    offline.on = false;
    const token = await auth.getAccessToken();
    expect(token).toBe(auth.getTokens()?.accessToken);
    expect(auth.getTokens()!.expiresAt).toBeGreaterThan(sim.now() + 59 * MINUTE);
    expect(events.at(-1)).toMatchObject({ type: 'tokenRefreshed' });
  });

  it('still returns the current token when it has not expired yet', async () => {
    const { auth, sim } = await signedIn();
    const offline = networkSwitch(server);
    const token = auth.getTokens()?.accessToken;
    sim.advanceTime(59 * MINUTE + 30_000);
    offline.on = true;
    await expect(auth.getAccessToken()).resolves.toBe(token);
  });
});

describe('background refresh', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('refreshes ahead of expiry on a timer, and waits while the page is hidden', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const visibility = installVisibility();
    try {
      const { auth, refreshes } = await signedIn(undefined, { autoRefresh: true });
      const events = recordEvents(auth);
      await vi.advanceTimersByTimeAsync(58 * MINUTE);
      await settle();
      expect(refreshes()).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(MINUTE + 1000);
      await vi.waitFor(() => expect(events.map((e) => e.type)).toEqual(['tokenRefreshed']));
      expect(refreshes()).toHaveLength(1);

      // Hidden: the next due refresh waits for the user to come back.
      visibility.set('hidden');
      await vi.advanceTimersByTimeAsync(60 * MINUTE);
      await settle();
      expect(refreshes()).toHaveLength(1);
      visibility.set('visible');
      await vi.waitFor(() => expect(events.map((e) => e.type)).toEqual(['tokenRefreshed', 'tokenRefreshed']));
      expect(refreshes()).toHaveLength(2);
      auth.destroy();
    } finally {
      visibility.uninstall();
    }
  });
});

