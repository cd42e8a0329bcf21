import type { BroadcastChannelLike, LockManagerLike } from '../types.js';

/**
 * What tabs tell each other. Never a token: the tokens are in the shared storage, and a message only says
 * which user's entry changed, so a tab reads (and validates) it from there.
 */
export type SessionMessage = { kind: 'signedIn' | 'refreshed' | 'signedOut'; username: string };

type LockMessage = { kind: 'lockClaim' | 'lockHeld' | 'lockReleased'; id: string };

type Envelope = { app: 'cognito-react'; message: SessionMessage | LockMessage };

export interface TabCoordinator {
  /** Tells the other tabs about a change of the shared session. */
  post(message: SessionMessage): void;
  /** Runs `fn` while no other tab runs a function under the same lock (one refresh at a time). */
  withLock<T>(fn: () => Promise<T>): Promise<T>;
  close(): void;
}

export interface TabCoordinatorOptions {
  /** The lock and channel name, unique per app client. */
  name: string;
  /** `null`: this store is alone (memory or sessionStorage, or no BroadcastChannel). */
  channel: BroadcastChannelLike | null;
  /** Web Locks when the runtime has them; otherwise locks are elected over the channel. */
  locks: LockManagerLike | null;
  onMessage(message: SessionMessage): void;
  randomId(): string;
  /** How long a claim waits for rivals to speak up (ms). */
  claimWindowMs?: number;
  /** How long to wait for a holder that never releases (a closed tab) before claiming again (ms). */
  lockTimeoutMs?: number;
}

/**
 * Coordinates the tabs that share one stored session: change notices over a BroadcastChannel, and a lock
 * so that only one tab refreshes at a time (a second refresh with a rotated-out refresh token would end
 * the session). Web Locks are used where they exist; otherwise tabs elect a holder on the channel: a
 * tab claims, waits a moment, and gives way to a current holder or to a rival claim with a smaller id.
 */
export function createTabCoordinator(options: TabCoordinatorOptions): TabCoordinator {
  const { channel, locks, name } = options;
  const claimWindowMs = options.claimWindowMs ?? 60;
  const lockTimeoutMs = options.lockTimeoutMs ?? 10_000;

  let holding = false;
  let claim: { id: string; rivals: Set<string>; blocked: boolean } | null = null;
  let releaseWaiters: (() => void)[] = [];
  // Calls within this tab queue here first, so the election only ever runs one claim per tab.
  let localQueue: Promise<unknown> = Promise.resolve();

  const send = (message: SessionMessage | LockMessage) => channel?.postMessage({ app: 'cognito-react', message } satisfies Envelope);

  const listener = ({ data }: { data: unknown }) => {
    // Any script of this origin can post on the channel: every field is checked, anything else dropped.
    const { app, message } = Object(data) as { app?: unknown; message?: unknown };
    const { kind, username, id } = Object(app === 'cognito-react' ? message : null) as { kind?: unknown; username?: unknown; id?: unknown };
    if (kind === 'signedIn' || kind === 'refreshed' || kind === 'signedOut') {
      if (typeof username === 'string') options.onMessage({ kind, username });
      return;
    }
    if (typeof id !== 'string') return;
    switch (kind) {
      case 'lockClaim':
        if (holding) send({ kind: 'lockHeld', id });
        else if (claim && id !== claim.id && !claim.rivals.has(id)) {
          // Make sure the rival hears of this claim too, even if it started listening after we sent it.
          claim.rivals.add(id);
          send({ kind: 'lockClaim', id: claim.id });
        }
        return;
      case 'lockHeld':
        if (claim) claim.blocked = true;
        return;
      case 'lockReleased': {
        const waiters = releaseWaiters;
        releaseWaiters = [];
        for (const wake of waiters) wake();
      }
    }
  };
  channel?.addEventListener('message', listener);

  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  const released = (timeoutMs: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      releaseWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });

  async function elected<T>(fn: () => Promise<T>): Promise<T> {
    for (;;) {
      const id = options.randomId();
      claim = { id, rivals: new Set(), blocked: false };
      send({ kind: 'lockClaim', id });
      await sleep(claimWindowMs);
      const mine = claim;
      claim = null;
      if (!mine.blocked && ![...mine.rivals].some((rival) => rival < id)) break;
      await released(lockTimeoutMs);
    }
    holding = true;
    try {
      return await fn();
    } finally {
      holding = false;
      send({ kind: 'lockReleased', id: '' });
    }
  }

  return {
    post: (message) => send(message),
    withLock<T>(fn: () => Promise<T>): Promise<T> {
      if (locks) return locks.request(name, fn);
      if (!channel) return fn();
      const run = localQueue.then(() => elected(fn));
      localQueue = run.catch(() => undefined);
      return run;
    },
    close() {
      channel?.removeEventListener('message', listener);
      channel?.close();
      for (const wake of releaseWaiters) wake();
      releaseWaiters = [];
    },
  };
}
