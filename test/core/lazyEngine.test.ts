/**
 * The engine (every flow, SRP, the session) is a chunk the store fetches at once: the store answers
 * `getSnapshot` before it arrives, calls made meanwhile wait for it, and a chunk that cannot be fetched fails
 * the call as a retryable NetworkError, after which the next call fetches it again. This file's mocks stand
 * for the network: the module cache is the browser's, so each test resets it.
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

describe('while the engine chunk is on its way', () => {
  it('shows the signed-out state at once, and a sign-in made meanwhile completes when it arrives', async () => {
    vi.resetModules();
    let arrive: () => void = () => {};
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    vi.doMock(ENGINE, async (importOriginal) => {
      await arrived;
      return importOriginal();
    });
    const { createPool: freshPool } = await import('../helpers/pool');
    const { auth, sim } = freshPool(server, { users: [alice] });
    expect(auth.getSnapshot()).toMatchObject({ status: 'signedOut', pending: false });
    const signedIn = auth.signIn({ username: 'alice', password: PASSWORD });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sim.requests).toEqual([]);
    arrive();
    expect(await signedIn).toEqual({ name: 'DONE' });
    expect(auth.getSnapshot()).toMatchObject({ status: 'signedIn', user: { username: 'alice' } });
  });

  it('a cancel before it arrives means the waiting sign-in sends nothing', async () => {
    vi.resetModules();
    let arrive: () => void = () => {};
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    vi.doMock(ENGINE, async (importOriginal) => {
      await arrived;
      return importOriginal();
    });
    const { createPool: freshPool } = await import('../helpers/pool');
    const { auth, sim } = freshPool(server, { users: [alice] }, { authFlow: 'USER_AUTH' });
    const pending = auth.signIn({ username: 'alice', preferredChallenge: 'EMAIL_OTP' });
    auth.cancelSignIn();
    arrive();
    await expect(pending).rejects.toMatchObject({ name: 'SignInCancelled' });
    expect(sim.requests).toEqual([]);
    // The store is usable: the next sign-in goes out.
    expect(await auth.signIn({ username: 'alice', preferredChallenge: 'EMAIL_OTP' })).toMatchObject({ name: 'EMAIL_OTP' });
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
    const { createPool: freshPool } = await import('../helpers/pool');
    const { auth, sim } = freshPool(server, { users: [alice] });
    await expect(auth.signIn({ username: 'alice', password: PASSWORD })).rejects.toMatchObject({ name: 'NetworkError', retryable: true });
    expect(sim.requests).toEqual([]);
    expect(auth.getSnapshot()).toMatchObject({ status: 'signedOut', pending: false });
    offline = false;
    vi.resetModules();
    expect(await auth.signIn({ username: 'alice', password: PASSWORD })).toEqual({ name: 'DONE' });
    expect(auth.getSnapshot().status).toBe('signedIn');
  });
});

describe('a signed-in reload (the session in storage)', () => {
  /** A storage shared by two stores, as a page and its reload share localStorage. */
  function sharedStorage() {
    const items = new Map<string, string>();
    return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) };
  }

  it('shows the user signed in before the engine arrives, and the engine then keeps that session', async () => {
    const { createPool: firstPool } = await import('../helpers/pool');
    const storage = sharedStorage();
    const first = firstPool(server, { users: [alice] }, { storage });
    expect(await first.auth.signIn({ username: 'alice', password: PASSWORD })).toEqual({ name: 'DONE' });
    first.auth.destroy();

    vi.resetModules();
    let arrive: () => void = () => {};
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    vi.doMock(ENGINE, async (importOriginal) => {
      await arrived;
      return importOriginal();
    });
    const { createPool: reloadPool } = await import('../helpers/pool');
    const { auth, sim } = reloadPool(server, { users: [alice] }, { storage, clock: () => first.sim.now() });
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
    expect(restored).toHaveBeenCalledWith(expect.objectContaining({ type: 'sessionRestored' }));
    expect(sim.requests).toEqual([]);
  });

  it('waits for the engine when the stored access token must be refreshed first, which it then does', async () => {
    const { createPool: firstPool } = await import('../helpers/pool');
    const storage = sharedStorage();
    const first = firstPool(server, { users: [alice] }, { storage });
    await first.auth.signIn({ username: 'alice', password: PASSWORD });
    first.auth.destroy();

    vi.resetModules();
    let arrive: () => void = () => {};
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    vi.doMock(ENGINE, async (importOriginal) => {
      await arrived;
      return importOriginal();
    });
    const { createCognitoAuth } = await import('../../src/core/createCognitoAuth');
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
