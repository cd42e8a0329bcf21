import { CognitoAuthError } from '../errors.js';
import type { DeviceCredentials, DeviceStore, StorageOption, TokenStorage } from '../types.js';
import { parseStored } from './storedSession.js';

export { parseStored } from './storedSession.js';

/** A storage that is never shared: the default, and what a failing storage degrades to. */
export function createMemoryStorage(): TokenStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

/** The Web Storage object of that name, looked up only when first needed (never at import, for SSR). */
function webStorage(name: 'localStorage' | 'sessionStorage'): TokenStorage {
  // Reading `window.localStorage` itself throws in some private modes and sandboxed iframes.
  const storage = (globalThis as Record<string, unknown>)[name] as TokenStorage | undefined;
  if (!storage || typeof storage.getItem !== 'function') {
    throw new CognitoAuthError('StorageUnavailable', `${name} is not available in this environment.`);
  }
  return storage;
}

/**
 * Storage that never throws: the first failure (private mode, quota, a missing `window`) switches it to
 * memory for good and reports once through `onFailure`. What was already written is not copied: the
 * store's own state still holds the session, and a half-working storage is not worth trusting.
 */
export interface SafeStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
  /** True for storage other tabs can see (localStorage or a custom storage that still works). */
  readonly shared: boolean;
}

export function createSafeStorage(option: StorageOption, onFailure: (error: CognitoAuthError) => void): SafeStorage {
  let backing: TokenStorage | null = null;
  let failed = false;
  const memory = createMemoryStorage();
  const configuredShared = option === 'localStorage' || typeof option === 'object';

  const resolve = (): TokenStorage => {
    if (failed) return memory;
    if (backing) return backing;
    backing = option === 'memory' ? memory : typeof option === 'string' ? webStorage(option) : option;
    return backing;
  };

  const degrade = (cause: unknown): void => {
    if (failed) return;
    failed = true;
    const name = typeof option === 'string' ? option : 'The configured storage';
    onFailure(
      cause instanceof CognitoAuthError
        ? cause
        : new CognitoAuthError('StorageUnavailable', `${name} failed; the session is kept in memory for this page only.`, {
            cause,
          }),
    );
  };

  async function run<T>(op: (s: TokenStorage) => T | Promise<T>, fallback: (s: TokenStorage) => T | Promise<T>): Promise<T> {
    try {
      return await op(resolve());
    } catch (cause) {
      degrade(cause);
      return fallback(memory);
    }
  }

  return {
    getItem: (key) =>
      run(
        async (s): Promise<string | null> => (await s.getItem(key)) ?? null,
        async (m): Promise<string | null> => (await m.getItem(key)) ?? null,
      ),
    setItem: (key, value) => run((s) => s.setItem(key, value), (m) => m.setItem(key, value)),
    removeItem: (key) => run((s) => s.removeItem(key), (m) => m.removeItem(key)),
    get shared() {
      return configuredShared && !failed;
    },
  };
}

/** Storage keys, namespaced by prefix, app client and user (usernames are URI-encoded: no separator clashes). */
export function storageKeys(prefix: string, clientId: string) {
  const base = `${prefix}.${clientId}`;
  return {
    lastUser: `${base}.lastUser`,
    session: (username: string) => `${base}.${encodeURIComponent(username)}.session`,
    device: (username: string) => `${base}.${encodeURIComponent(username)}.device`,
  };
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/**
 * The default device store: device credentials in the session storage, one entry per user, kept after
 * sign-out (remembering the device across sessions is its purpose). Malformed entries read as absent.
 */
export function createStorageDeviceStore(storage: SafeStorage, keys: ReturnType<typeof storageKeys>): Required<DeviceStore> {
  return {
    async get(username) {
      const key = keys.device(username);
      const raw = await storage.getItem(key);
      if (raw === null) return null;
      const value = parseStored(raw);
      if (
        value?.v !== 1 ||
        !isString(value.deviceKey) ||
        !isString(value.deviceGroupKey) ||
        !isString(value.devicePassword) ||
        typeof value.remembered !== 'boolean'
      ) {
        await storage.removeItem(key);
        return null;
      }
      return {
        deviceKey: value.deviceKey,
        deviceGroupKey: value.deviceGroupKey,
        devicePassword: value.devicePassword,
        remembered: value.remembered,
      };
    },
    async set(username, device: DeviceCredentials) {
      await storage.setItem(
        keys.device(username),
        JSON.stringify({
          v: 1,
          deviceKey: device.deviceKey,
          deviceGroupKey: device.deviceGroupKey,
          devicePassword: device.devicePassword,
          remembered: device.remembered ?? true,
        }),
      );
    },
    async remove(username) {
      await storage.removeItem(keys.device(username));
    },
  };
}
