'use client';
import { createContext, createElement, lazy, useContext, useEffect, useState, type ComponentType } from 'react';
import type { Messages } from '../messages.js';
import { TRY_AGAIN } from './retryLabel.js';
import { say } from './text.js';
import { useFormLocale } from './useLocale.js';

/** A component whose code loads when it is first rendered, or earlier through `preload()`. */
export type LazyPart<P extends object> = ComponentType<P> & {
  /** Fetches the code now (idempotent); resolves when it can render without waiting. */
  preload: () => Promise<unknown>;
};

/**
 * A part of a prebuilt component in a chunk of its own (a challenge form, an account section): fetched by
 * `preload()` while the request that leads to it is in flight, so that it is usually there when it is
 * reached, and then rendered at once (no Suspense, no frame without it). Reached before its code arrived,
 * it suspends (the nearest `<Suspense>` shows the card without it); if its code cannot be fetched, it says
 * so in the card (the network error's message) instead of breaking the page, with "Try again"
 * (`account.retry`), which fetches it again.
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): LazyPart<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // The next preload (at the next request, or "Try again") fetches it again.
        loading = undefined;
        throw error;
      },
    ));
  const late = () =>
    lazy(() =>
      preload().then(
        (component) => ({ default: component }),
        () => ({ default: LoadFailed as unknown as ComponentType<P> }),
      ),
    );
  const Late = late();
  function Part(props: P) {
    // Decided once per mount (switching from the lazy wrapper to the loaded component would remount it),
    // and again by "Try again": a new fetch, shown through the nearest <Suspense> as the first one was.
    const [Shown, setShown] = useState(() => loaded ?? Late);
    return <Retry.Provider value={() => setShown(() => loaded ?? late())}>{createElement(Shown, props)}</Retry.Provider>;
  }
  return Object.assign(Part, { preload });
}

/** Fetches these parts' code when the browser is idle (soon after the first screen is shown). */
export function useIdlePreload(parts: readonly { preload: () => Promise<unknown> }[]) {
  useEffect(() => {
    const run = () => {
      for (const part of parts) part.preload().catch(() => undefined);
    };
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(run, { timeout: 2000 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(run, 200);
    return () => clearTimeout(id);
  }, [parts]);
}

/** What the failure of a part's fetch offers: fetching it again. */
const Retry = createContext<() => void>(() => undefined);

/** What a part whose code could not be fetched shows in its place: the network message, and "Try again". */
function LoadFailed({ messages }: { messages?: Messages }) {
  const lang = useFormLocale(messages);
  const retry = useContext(Retry);
  return (
    <>
      <p role="alert" data-error="">
        {say(lang.messages, 'error.NetworkError', {}, undefined, lang.locale)}
      </p>
      <div data-links="">
        <button type="button" data-link="retry" onClick={retry}>
          {say(lang.messages, 'account.retry', {}, { 'account.retry': TRY_AGAIN }, lang.locale)}
        </button>
      </div>
    </>
  );
}
