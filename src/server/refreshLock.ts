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
