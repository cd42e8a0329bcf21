/**
 * One refresh per session at a time. The requests of one session that arrive together (a page loading, an
 * app's API calls) share one refresh, and its cookie, instead of each renewing the tokens, racing to set the
 * cookie, and, with refresh-token rotation, spending each other's token.
 */

/** How long a finished refresh serves the requests of its session that still carry the older cookie. */
export const SHARED_REFRESH_MS = 10_000;

/** A refreshed session and the `Set-Cookie` values that store it, the same for every request sharing it. */
export interface Refreshed<S> {
  sealed: S;
  cookies: string[];
}

interface Entry<S> {
  running: Promise<Refreshed<S>>;
  done?: Refreshed<S>;
  at: number;
}

export interface LocalRefreshes<S extends { tokens: { expiresAt: number } }> {
  /**
   * The session refreshed by `run`, shared with the other requests of the session in this process: a refresh
   * in flight is joined, one finished within {@link SHARED_REFRESH_MS} serves a request that still carries
   * the older cookie. `fresh` starts a new one (the claims have just changed).
   */
  share(sid: string, sealed: S, fresh: boolean, run: () => Promise<Refreshed<S>>): Promise<Refreshed<S>>;
  /** Forgets the session's refreshes (signed out). */
  forget(sid: string): void;
}

export function createLocalRefreshes<S extends { tokens: { expiresAt: number } }>(clock: () => number): LocalRefreshes<S> {
  const refreshes = new Map<string, Entry<S>>();
  return {
    share(sid, sealed, fresh, run) {
      const now = clock();
      for (const [key, entry] of refreshes) if (entry.done && now - entry.at > SHARED_REFRESH_MS) refreshes.delete(key);
      const current = refreshes.get(sid);
      if (current && !fresh) {
        if (!current.done) return current.running;
        if (current.done.sealed.tokens.expiresAt > sealed.tokens.expiresAt) return Promise.resolve(current.done);
      }
      const entry: Entry<S> = { at: now, running: run() };
      refreshes.set(sid, entry);
      entry.running.then(
        (done) => {
          entry.done = done;
          entry.at = clock();
        },
        () => {
          if (refreshes.get(sid) === entry) refreshes.delete(sid);
        },
      );
      return entry.running;
    },
    forget(sid) {
      refreshes.delete(sid);
    },
  };
}

/**
 * What several server instances share so that a session refreshes once among all of them: a lock per
 * session, and the refreshed session (sealed, opaque) for the instances that waited. Give the same one to
 * every instance (`redisStores` from `cognito-react/server`, or your own on another shared store); without
 * it, each process refreshes on its own (one refresh per session per process).
 */
export interface RefreshCoordinator {
  /** Takes the lock `key` for `ttlMs` unless someone holds it; `true` when taken. */
  acquire(key: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Gives the lock back, if `owner` still holds it. */
  release(key: string, owner: string): Promise<void>;
  /** Keeps `value` under `key` for `ttlMs`. */
  publish(key: string, value: string, ttlMs: number): Promise<void>;
  /** What was published under `key`, or `null`. */
  result(key: string): Promise<string | null>;
}

/** How long one instance may hold a session's refresh lock (a refresh takes well under a second). */
export const REFRESH_LOCK_MS = 10_000;
/** How often an instance waiting for another's refresh looks for its result. */
const POLL_MS = 25;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Refreshes `sid` once among the instances sharing `coordinator`: the instance that takes the lock refreshes
 * and publishes the result; the others wait for it. `usable` says whether a published session serves this
 * request (newer than its cookie's); `fresh` refreshes even if one was published (the claims changed).
 */
export async function coordinatedRefresh<S>(options: {
  coordinator: RefreshCoordinator;
  sid: string;
  owner: string;
  fresh: boolean;
  refresh: () => Promise<S>;
  pack: (value: S) => Promise<string>;
  unpack: (text: string) => Promise<S | null>;
  usable: (value: S) => boolean;
}): Promise<S> {
  const { coordinator, sid, owner } = options;
  const lockKey = `refresh-lock:${sid}`;
  const resultKey = `refreshed:${sid}`;
  const published = async (): Promise<S | null> => {
    const text = await coordinator.result(resultKey);
    const value = text === null ? null : await options.unpack(text);
    return value && options.usable(value) ? value : null;
  };
  if (!options.fresh) {
    const done = await published();
    if (done) return done;
  }
  const deadline = Date.now() + REFRESH_LOCK_MS;
  for (;;) {
    if (await coordinator.acquire(lockKey, owner, REFRESH_LOCK_MS)) {
      try {
        // Another instance may have finished between the look and the lock.
        const done = options.fresh ? null : await published();
        if (done) return done;
        const next = await options.refresh();
        await coordinator.publish(resultKey, await options.pack(next), SHARED_REFRESH_MS);
        return next;
      } finally {
        await coordinator.release(lockKey, owner);
      }
    }
    await sleep(POLL_MS);
    const done = await published();
    if (done) return done;
    if (Date.now() > deadline) return options.refresh();
  }
}
