import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCognitoAuth, type CognitoAuth } from '../../../src/core/createCognitoAuth';
import { createTabCoordinator, type SessionMessage } from '../../../src/core/session/tabs';
import type { BroadcastChannelLike, CognitoAuthConfig, LockManagerLike } from '../../../src/core/types';
import { PASSWORD, createPool, mswServerPerFile } from '../../helpers/pool';
import { mapStorage, recordEvents } from '../../helpers/session';

const server = mswServerPerFile();

const alice = { username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com' } };
const MINUTE = 60_000;
const opened: CognitoAuth[] = [];

afterEach(() => {
  for (const auth of opened.splice(0)) auth.destroy();
});

/** The Web Locks API of one origin: an exclusive lock per name, granted in request order. */
function originLocks(): LockManagerLike {
  const tails = new Map<string, Promise<unknown>>();
  return {
    request(name, callback) {
      const run = (tails.get(name) ?? Promise.resolve()).then(() => callback());
      tails.set(name, run.catch(() => undefined));
      return run;
    },
  };
}

/**
 * Two tabs of one origin: two stores on the same pool, sharing one storage and (through Node's real
 * BroadcastChannel) one channel.
 */
async function twoTabs(config: Partial<CognitoAuthConfig> = {}, simOptions: Partial<Parameters<typeof createPool>[1]> = {}) {
  const storage = mapStorage();
  const pool = createPool(
    server,
    { users: [alice], ...simOptions },
    { authFlow: 'USER_PASSWORD_AUTH', storage, autoRefresh: false, storageKeyPrefix: `tabs-${Math.random()}`, ...config },
  );
  const first = pool.auth;
  const second = createCognitoAuth({ ...first.config });
  opened.push(first, second);
  await Promise.all([first.ready(), second.ready()]);
  const count = (operation: string, authFlow?: string) =>
    pool.sim.requests.filter((r) => r.operation === operation && (!authFlow || (r.input as { AuthFlow?: string }).AuthFlow === authFlow)).length;
  return { ...pool, first, second, storage, count };
}

describe('given two tabs sharing a persistent storage', () => {
  it('a sign-in in one tab reaches the other within a second, without a request from it', async () => {
    const { first, second, operations } = await twoTabs();
    expect(second.getSnapshot().status).toBe('signedOut');
    const events = recordEvents(second);
    await first.signIn({ username: 'alice', password: PASSWORD });
    await vi.waitFor(() => expect(second.getSnapshot().status).toBe('signedIn'), { timeout: 1000 });
    expect(second.getSnapshot().user).toEqual(first.getSnapshot().user);
    expect(second.getTokens()).toEqual(first.getTokens());
    expect(events).toEqual([{ type: 'sessionRestored', user: expect.objectContaining({ username: 'alice' }) }]);
    expect(operations()).toEqual(['InitiateAuth']);
  });

  it('a sign-out in one tab signs the other out within a second, with the reason otherTab and one revocation', async () => {
    const { first, second, count } = await twoTabs();
    await first.signIn({ username: 'alice', password: PASSWORD });
    await vi.waitFor(() => expect(second.getSnapshot().status).toBe('signedIn'), { timeout: 1000 });
    await first.signOut();
    await vi.waitFor(() => expect(second.getSnapshot()).toMatchObject({ status: 'signedOut', signOutReason: 'otherTab' }), { timeout: 1000 });
    expect(second.getTokens()).toBeNull();
    expect(count('RevokeToken')).toBe(1);
  });

  it('a refresh in one tab gives the other the new tokens without a second refresh', async () => {
    const { first, second, count } = await twoTabs();
    await first.signIn({ username: 'alice', password: PASSWORD });
    await vi.waitFor(() => expect(second.getSnapshot().status).toBe('signedIn'), { timeout: 1000 });
    const token = await first.getAccessToken({ forceRefresh: true });
    await vi.waitFor(() => expect(second.getTokens()?.accessToken).toBe(token), { timeout: 1000 });
    await expect(second.getAccessToken()).resolves.toBe(token);
    expect(count('InitiateAuth', 'REFRESH_TOKEN_AUTH')).toBe(1);
  });

  it.each([
    ['Web Locks', () => ({ locks: originLocks() })],
    ['the BroadcastChannel election (no Web Locks)', () => ({ locks: null })],
  ])('with %s, both tabs needing a refresh at once send one refresh request', async (_how, locks) => {
    const { first, second, count, sim } = await twoTabs(locks());
    await first.signIn({ username: 'alice', password: PASSWORD });
    await vi.waitFor(() => expect(second.getSnapshot().status).toBe('signedIn'), { timeout: 1000 });
    sim.advanceTime(61 * MINUTE);
    const tokens = await Promise.all([first.getAccessToken(), second.getAccessToken(), first.getAccessToken(), second.getAccessToken()]);
    expect(count('InitiateAuth', 'REFRESH_TOKEN_AUTH')).toBe(1);
    expect(new Set(tokens).size).toBe(1);
  });

  it('with refresh-token rotation, tabs refreshing together stay signed in (the rotated token is used once)', async () => {
    const { first, second, count, sim } = await twoTabs({ refreshTokenRotation: true, locks: null }, { refreshTokenRotation: true });
    await first.signIn({ username: 'alice', password: PASSWORD });
    await vi.waitFor(() => expect(second.getSnapshot().status).toBe('signedIn'), { timeout: 1000 });
    for (let round = 1; round <= 2; round++) {
      sim.advanceTime(61 * MINUTE);
      await Promise.all([first.getAccessToken(), second.getAccessToken()]);
      expect(count('GetTokensFromRefreshToken')).toBe(round);
    }
    expect(first.getSnapshot().status).toBe('signedIn');
    expect(second.getSnapshot().status).toBe('signedIn');
    await vi.waitFor(() => expect(second.getTokens()?.refreshToken).toBe(first.getTokens()?.refreshToken), { timeout: 1000 });
  });

  it('a reload in a third tab restores the shared session', async () => {
    const { first } = await twoTabs();
    await first.signIn({ username: 'alice', password: PASSWORD });
    const third = createCognitoAuth({ ...first.config });
    opened.push(third);
    await third.ready();
    expect(third.getSnapshot()).toMatchObject({ status: 'signedIn', user: { username: 'alice' } });
  });
});

describe('given sessionStorage-like isolation (crossTab off)', () => {
  it('a sign-in in one tab does not reach the other', async () => {
    const { first, second } = await twoTabs({ crossTab: false });
    await first.signIn({ username: 'alice', password: PASSWORD });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(second.getSnapshot().status).toBe('signedOut');
  });
});

describe('messages another script on the origin posts to the channel', () => {
  /** A coordinator on a channel the test speaks on: what it tells the store, and what it answers. */
  function listening() {
    let listener: ((event: { data: unknown }) => void) | undefined;
    const answered: unknown[] = [];
    const told: SessionMessage[] = [];
    const channel: BroadcastChannelLike = {
      postMessage: (message) => answered.push(message),
      addEventListener: (_type, l) => (listener = l),
      removeEventListener: () => (listener = undefined),
      close: () => undefined,
    };
    const tabs = createTabCoordinator({ name: 'lock', channel, locks: null, onMessage: (m) => told.push(m), randomId: () => 'mine' });
    return { tabs, answered, told, deliver: (data: unknown) => listener?.({ data }) };
  }

  const KINDS = ['signedIn', 'refreshed', 'signedOut', 'lockClaim', 'lockHeld', 'lockReleased'] as const;
  /** JSON values, and objects shaped almost like a message: each kind with any JSON in each field. */
  const message = fc.oneof(
    fc.jsonValue(),
    fc.record(
      { kind: fc.oneof(fc.constantFrom(...KINDS, 'constructor', '__proto__', 'toString'), fc.jsonValue()), username: fc.jsonValue(), id: fc.jsonValue() },
      { requiredKeys: [] },
    ),
  );
  const isValidSessionMessage = (m: unknown): m is SessionMessage =>
    typeof m === 'object' && m !== null && ['signedIn', 'refreshed', 'signedOut'].includes((m as SessionMessage).kind) && typeof (m as SessionMessage).username === 'string';

  it('ignores { app: "cognito-react", message: null } and other malformed envelopes without throwing', () => {
    const { deliver, told, answered } = listening();
    for (const data of [{ app: 'cognito-react', message: null }, { app: 'cognito-react' }, { app: 'cognito-react', message: 'signedOut' }, null, 7, 'x', []]) {
      expect(() => deliver(data)).not.toThrow();
    }
    expect(told).toEqual([]);
    expect(answered).toEqual([]);
  });

  it('never throws on any JSON under the app tag, and passes on only well-formed session messages, field by field', () => {
    fc.assert(
      fc.property(message, (value) => {
        const { deliver, told, answered } = listening();
        expect(() => deliver({ app: 'cognito-react', message: value })).not.toThrow();
        // A tab at rest (no lock held or claimed) answers nothing; only a session message reaches the store.
        expect(answered).toEqual([]);
        expect(told).toEqual(isValidSessionMessage(value) ? [{ kind: value.kind, username: value.username }] : []);
      }),
      { numRuns: 2000 },
    );
  });

  it('does not let a malformed lock message disturb an election in progress', async () => {
    const { tabs, deliver, answered } = listening();
    let ran = false;
    const run = tabs.withLock(async () => {
      ran = true;
    });
    for (const value of fc.sample(message, 300)) deliver({ app: 'cognito-react', message: value === null || typeof value !== 'object' ? value : { ...value, kind: 'lockHeld', id: 5 } });
    deliver({ app: 'cognito-react', message: { kind: 'lockClaim', id: { toString: 'a' } } });
    await run;
    expect(ran).toBe(true);
    expect(answered).toEqual([{ app: 'cognito-react', message: { kind: 'lockClaim', id: 'mine' } }, { app: 'cognito-react', message: { kind: 'lockReleased', id: '' } }]);
  });

  it('a signed-in store keeps its state whatever arrives on its channel, and still hears a real sign-out', async () => {
    const { first, second } = await twoTabs();
    await first.signIn({ username: 'alice', password: PASSWORD });
    await vi.waitFor(() => expect(second.getSnapshot().status).toBe('signedIn'), { timeout: 1000 });
    const before = second.getSnapshot();
    const hostile = new BroadcastChannel(`${first.config.storageKeyPrefix}.${first.config.clientId}.lastUser`);
    const errors: unknown[] = [];
    const onError = (error: unknown) => errors.push(error);
    process.on('uncaughtException', onError);
    try {
      hostile.postMessage({ app: 'cognito-react', message: null });
      for (const value of fc.sample(message, 200)) hostile.postMessage({ app: 'cognito-react', message: value });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(errors).toEqual([]);
      expect(second.getSnapshot()).toBe(before);
      hostile.postMessage({ app: 'cognito-react', message: { kind: 'signedOut', username: 'alice' } });
      await vi.waitFor(() => expect(second.getSnapshot()).toMatchObject({ status: 'signedOut', signOutReason: 'otherTab' }), { timeout: 1000 });
    } finally {
      process.off('uncaughtException', onError);
      hostile.close();
    }
  });
});
