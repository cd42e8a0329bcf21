/**
 * The engine (every flow, SRP, the session) is a chunk the store fetches at once: the store answers
 * `getSnapshot` before it arrives, calls made meanwhile wait for it, and a chunk that cannot be fetched fails
 * the call as a retryable NetworkError, after which the next call fetches it again. A signed-in reload shows
 * the stored session before the engine arrives. This file's mocks stand for the network (the chunk held back,
 * or failing); the module cache is the browser's, so each test starts from fresh modules.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PASSWORD, mswServerPerFile } from '../helpers/pool';

const server = mswServerPerFile();
const alice = { username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com' } };
const ENGINE = '../../src/core/authEngine.js';

afterEach(() => {
  vi.doUnmock(ENGINE);
  vi.resetModules();
});

/** Fresh modules whose engine chunk arrives only when the returned function is called. */
async function heldBackEngine() {
  vi.resetModules();
  let arrive: () => void = () => {};
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  vi.doMock(ENGINE, async (importOriginal) => {
    await arrived;
    return importOriginal();
  });
  const pool = await import('../helpers/pool');
  const { createCognitoAuth } = await import('../../src/core/createCognitoAuth');
  return { arrive, createPool: pool.createPool, createCognitoAuth };
}

/** A storage shared by two stores, as a page and its reload share localStorage. */
function sharedStorage() {
  const items = new Map<string, string>();
  return { items, getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) };
}

/** Alice signed in once on a page whose session is in `storage`; that page is then gone (a reload follows). */
async function signedInBefore(storage: ReturnType<typeof sharedStorage>) {
  const { createPool } = await import('../helpers/pool');
  const first = createPool(server, { users: [alice] }, { storage });
  expect(await first.auth.signIn({ username: 'alice', password: PASSWORD })).toEqual({ name: 'DONE' });
  first.auth.destroy();
  return first;
}

describe('while the engine chunk is on its way', () => {
  it('shows the signed-out state at once; a sign-in made meanwhile shows busy, and completes when it arrives', async () => {
    const { arrive, createPool } = await heldBackEngine();
    const { auth, sim } = createPool(server, { users: [alice] });
    expect(auth.getSnapshot()).toMatchObject({ status: 'signedOut', pending: false });
    const signedIn = auth.signIn({ username: 'alice', password: PASSWORD });
    expect(auth.getSnapshot()).toMatchObject({ status: 'signedOut', pending: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sim.requests).toEqual([]);
    arrive();
    expect(await signedIn).toEqual({ name: 'DONE' });
    expect(auth.getSnapshot()).toMatchObject({ status: 'signedIn', user: { username: 'alice' } });
  });

  it('a cancel before it arrives means the waiting sign-in sends nothing, and the next one goes out', async () => {
    const { arrive, createPool } = await heldBackEngine();
    const { auth, sim } = createPool(server, { users: [alice] }, { authFlow: 'USER_AUTH' });
    const pending = auth.signIn({ username: 'alice', preferredChallenge: 'EMAIL_OTP' });
    auth.cancelSignIn();
    arrive();
    await expect(pending).rejects.toMatchObject({ name: 'SignInCancelled' });
    expect(sim.requests).toEqual([]);
    expect(auth.getSnapshot().pending).toBe(false);
    expect(await auth.signIn({ username: 'alice', preferredChallenge: 'EMAIL_OTP' })).toMatchObject({ name: 'EMAIL_OTP' });
  });

  it('a server resuming a sign-in shows its challenge at once, and answers it when the engine arrives', async () => {
    const { createPool } = await import('../helpers/pool');
    const { auth, sim } = createPool(server, { users: [alice] }, { authFlow: 'USER_AUTH' });
    await auth.signIn({ username: 'alice', preferredChallenge: 'EMAIL_OTP' });
    const suspended = auth.suspendSignIn();
    if (!suspended) throw new Error('expected a sign-in to suspend');
    const { arrive, createCognitoAuth } = await heldBackEngine();
    const resumed = createCognitoAuth({ ...auth.config, resumeSignIn: suspended });
    expect(resumed.getSnapshot()).toMatchObject({ status: 'challenge', step: { name: 'EMAIL_OTP' }, username: 'alice' });
    expect(resumed.suspendSignIn()).toEqual(suspended);
    const answered = resumed.respondToChallenge({ name: 'EMAIL_OTP', code: sim.lastCode('alice') as string });
    arrive();
    expect(await answered).toEqual({ name: 'DONE' });
  });
});

describe('when the engine chunk cannot be fetched', () => {
  it('fails the sign-in as a retryable NetworkError, keeps the state, and the next attempt fetches it and signs in', async () => {
    vi.resetModules();
    let offline = true;
    vi.doMock(ENGINE, async (importOriginal) => {
      if (offline) throw new TypeError('Failed to fetch dynamically imported module');
      return importOriginal();
    });
    const { createPool } = await import('../helpers/pool');
    const { auth, sim } = createPool(server, { users: [alice] });
    await expect(auth.signIn({ username: 'alice', password: PASSWORD })).rejects.toMatchObject({ name: 'NetworkError', retryable: true });
    expect(sim.requests).toEqual([]);
    expect(auth.getSnapshot()).toMatchObject({ status: 'signedOut', pending: false, error: { name: 'NetworkError' } });
    offline = false;
    vi.resetModules();
    expect(await auth.signIn({ username: 'alice', password: PASSWORD })).toEqual({ name: 'DONE' });
    expect(auth.getSnapshot().status).toBe('signedIn');
  });

  it('does not leave a page with persistent storage restoring for ever: signed out, saying why', async () => {
    vi.resetModules();
    vi.doMock(ENGINE, async () => {
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    const { createPool } = await import('../helpers/pool');
    const { auth } = createPool(server, { users: [alice] }, { storage: sharedStorage() });
    expect(auth.getSnapshot().status).toBe('loading');
    await vi.waitFor(() => expect(auth.getSnapshot()).toMatchObject({ status: 'signedOut', error: { name: 'NetworkError', retryable: true } }));
  });
});

describe('a signed-in reload (the session in storage)', () => {
  it('shows the user signed in before the engine arrives, and the engine then keeps that session', async () => {
    const storage = sharedStorage();
    await signedInBefore(storage);
    const { arrive, createPool } = await heldBackEngine();
    const { auth, sim } = createPool(server, { users: [alice] }, { storage });
    const restored = vi.fn();
    auth.onEvent(restored);
    expect(auth.getSnapshot().status).toBe('loading');
    await vi.waitFor(() => expect(auth.getSnapshot()).toMatchObject({ status: 'signedIn', user: { username: 'alice', attributes: { email: 'alice@example.com' } } }));
    expect(auth.getTokens()?.accessToken).toEqual(expect.any(String));
    // The engine has not run yet: it is the one that reports the restore.
    expect(restored).not.toHaveBeenCalled();
    arrive();
    await auth.ready();
    expect(auth.getSnapshot()).toMatchObject({ status: 'signedIn', user: { username: 'alice' } });
    expect(await auth.getAccessToken()).toBe(auth.getTokens()?.accessToken);
    expect(restored).toHaveBeenCalledWith(expect.objectContaining({ type: 'sessionRestored' }));
    expect(sim.requests).toEqual([]);
  });

  it('ends signed out when the session was gone by the time the engine arrived (another tab signed out)', async () => {
    const storage = sharedStorage();
    await signedInBefore(storage);
    const { arrive, createPool } = await heldBackEngine();
    const { auth } = createPool(server, { users: [alice] }, { storage });
    await vi.waitFor(() => expect(auth.getSnapshot().status).toBe('signedIn'));
    // The other tab's sign-out: storage cleared (its message reaches no engine here).
    storage.items.clear();
    arrive();
    await auth.ready();
    expect(auth.getSnapshot().status).toBe('signedOut');
    expect(auth.getTokens()).toBeNull();
    await expect(auth.getAccessToken()).rejects.toMatchObject({ name: 'NotSignedIn' });
  });

  it('a sign-out before the engine arrives shows signed out at once; the engine then revokes the token and clears storage', async () => {
    const storage = sharedStorage();
    const first = await signedInBefore(storage);
    const { arrive, createCognitoAuth } = await heldBackEngine();
    const auth = createCognitoAuth({ ...first.auth.config, storage });
    await vi.waitFor(() => expect(auth.getSnapshot().status).toBe('signedIn'));
    const seen: string[] = [];
    auth.subscribe(() => seen.push(auth.getSnapshot().status));
    const before = first.sim.requests.length;
    const result = auth.signOut();
    expect(auth.getSnapshot()).toMatchObject({ status: 'signedOut', signOutReason: 'signOut' });
    arrive();
    expect(await result).toEqual({ revoked: true, error: null });
    // The engine's restore of that session never showed it again.
    expect(seen).not.toContain('signedIn');
    expect(auth.getSnapshot().status).toBe('signedOut');
    expect(first.sim.requests.slice(before).map((r) => r.operation)).toEqual(['RevokeToken']);
    expect([...storage.items.keys()].filter((k) => k.endsWith('.session') || k.endsWith('.lastUser'))).toEqual([]);
  });

  it('a sign-out whose engine cannot be fetched still clears the stored session, so a reload stays signed out', async () => {
    const storage = sharedStorage();
    await signedInBefore(storage);
    vi.resetModules();
    vi.doMock(ENGINE, async () => {
      // Fetched only after the peek has shown the session.
      await new Promise((resolve) => setTimeout(resolve, 30));
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    const { createPool } = await import('../helpers/pool');
    const { auth } = createPool(server, { users: [alice] }, { storage });
    await vi.waitFor(() => expect(auth.getSnapshot().status).toBe('signedIn'));
    expect(await auth.signOut()).toMatchObject({ revoked: false, error: { name: 'NetworkError' } });
    expect(auth.getSnapshot().status).toBe('signedOut');
    expect([...storage.items.keys()].filter((k) => k.endsWith('.session') || k.endsWith('.lastUser'))).toEqual([]);
  });

  it('waits for the engine when the stored access token must be refreshed first, which it then does', async () => {
    const storage = sharedStorage();
    const first = await signedInBefore(storage);
    const { arrive, createCognitoAuth } = await heldBackEngine();
    // Two hours later, against the same pool: the access token (one hour) has expired, the refresh token not.
    first.sim.advanceTime(2 * 3600_000);
    const auth = createCognitoAuth({ ...first.auth.config, storage });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(auth.getSnapshot().status).toBe('loading');
    const before = first.sim.requests.length;
    arrive();
    await auth.ready();
    expect(auth.getSnapshot()).toMatchObject({ status: 'signedIn', user: { username: 'alice' } });
    expect(first.sim.requests.slice(before)).toMatchObject([{ operation: 'InitiateAuth', input: { AuthFlow: 'REFRESH_TOKEN_AUTH' } }]);
  });
});
