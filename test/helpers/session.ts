/**
 * Test seams for the session: a storage two simulated tabs can share, a switch that takes the network
 * away, and the Page Visibility API for background refresh.
 */
import { http, HttpResponse } from 'msw';
import type { setupServer } from 'msw/node';
import type { AuthEvent, TokenStorage } from '../../src/core/types';

export const COGNITO = 'https://cognito-idp.eu-west-1.amazonaws.com/';

/** A TokenStorage over a Map: what an app's own storage (cookies, IndexedDB, AsyncStorage) looks like. */
export function mapStorage(options: { async?: boolean } = {}) {
  const items = new Map<string, string>();
  const wrap = <T>(value: T) => (options.async ? Promise.resolve(value) : value);
  const storage: TokenStorage & { items: Map<string, string> } = {
    items,
    getItem: (key) => wrap(items.get(key) ?? null),
    setItem: (key, value) => wrap(void items.set(key, value)),
    removeItem: (key) => wrap(void items.delete(key)),
  };
  return storage;
}

/** A storage that throws on every call, like Safari's private mode or a full quota. */
export function throwingStorage(): TokenStorage {
  const fail = () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  return { getItem: fail, setItem: fail, removeItem: fail };
}

/** While `offline.on`, every request to Cognito fails before reaching it (as a dropped connection). */
export function networkSwitch(server: ReturnType<typeof setupServer>) {
  const state = { on: false };
  server.use(http.post(COGNITO, () => (state.on ? HttpResponse.error() : undefined)));
  return state;
}

/** Collects the events a store emits. */
export function recordEvents(auth: { onEvent(listener: (event: AuthEvent) => void): () => void }) {
  const events: AuthEvent[] = [];
  auth.onEvent((event) => events.push(event));
  return events;
}

/** `document.visibilityState` and its `visibilitychange` event, for stores in Node. Returns the switch. */
export function installVisibility() {
  const target = new EventTarget() as EventTarget & { visibilityState: DocumentVisibilityState };
  target.visibilityState = 'visible';
  (globalThis as { document?: unknown }).document = target;
  return {
    set(state: DocumentVisibilityState) {
      target.visibilityState = state;
      target.dispatchEvent(new Event('visibilitychange'));
    },
    uninstall() {
      delete (globalThis as { document?: unknown }).document;
    },
  };
}

/** Lets pending promise callbacks and I/O (the simulator's responses) run. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** Every string and byte buffer reachable from `root` (own properties, hidden ones too), joined. */
export function reachableText(root: unknown): string {
  const seen = new Set<unknown>();
  const parts: string[] = [];
  const stack = [root];
  while (stack.length > 0 && seen.size < 200_000) {
    const value = stack.pop();
    if (typeof value === 'string') parts.push(value);
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    if (ArrayBuffer.isView(value)) {
      parts.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('latin1'));
      continue;
    }
    for (const key of Reflect.ownKeys(value)) {
      try {
        stack.push((value as Record<PropertyKey, unknown>)[key]);
      } catch {
        // A getter that throws holds nothing.
      }
    }
  }
  return parts.join('\n');
}
