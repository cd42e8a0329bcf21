/**
 * The remembered-device cookie: the device key, group and secret Cognito's device SRP needs, sealed in one
 * long-lived HttpOnly cookie of its own (`<name>-device`), kept after sign-out: that is what lets the next
 * sign-in of the same user in the same browser skip MFA.
 */
import type { DeviceCredentials, DeviceStore } from '../core/index.js';
import { parseCookies, serializeCookie, type CookieOptions } from './cookies.js';
import type { Sealer } from './seal.js';

interface SealedDevice {
  v: 1;
  kind: 'device';
  /** What the user typed to sign in: the device is theirs only. */
  username: string;
  device: DeviceCredentials;
}

function isDevice(value: unknown): value is SealedDevice {
  const v = value as Partial<SealedDevice> | null;
  const d = v?.device as Partial<DeviceCredentials> | undefined;
  return v?.v === 1 && v.kind === 'device' && typeof v.username === 'string' && typeof d?.deviceKey === 'string' && typeof d.deviceGroupKey === 'string' && typeof d.devicePassword === 'string';
}

export interface DeviceCookie {
  /** The request's device, or `null` (none, or one that does not open). */
  read(request: Request): Promise<{ username: string; device: DeviceCredentials } | null>;
  write(value: { username: string; device: DeviceCredentials } | null): Promise<string[]>;
  /**
   * A device store for one engine: it starts with the request's device and records what the engine sets
   * or removes (`changed`), for the answer to store.
   */
  storeFor(request: Request): Promise<DeviceStore & { changed(): { username: string; device: DeviceCredentials | null } | undefined; current(): { username: string; device: DeviceCredentials } | null }>;
}

export function createDeviceCookie(options: { sealer: Sealer; name: string; purpose: string; cookieOptions: CookieOptions; maxAgeSeconds: number }): DeviceCookie {
  const { sealer, name, purpose, cookieOptions } = options;
  const read: DeviceCookie['read'] = async (request) => {
    const text = parseCookies(request.headers.get('cookie')).get(name);
    if (!text) return null;
    const value = await sealer.open(purpose, text);
    return isDevice(value) ? { username: value.username, device: value.device } : null;
  };
  return {
    read,
    async write(value) {
      if (!value) return [serializeCookie(name, '', { ...cookieOptions, httpOnly: true, maxAgeSeconds: 0 })];
      const sealed: SealedDevice = { v: 1, kind: 'device', username: value.username, device: value.device };
      return [serializeCookie(name, await sealer.seal(purpose, sealed), { ...cookieOptions, httpOnly: true, maxAgeSeconds: options.maxAgeSeconds })];
    },
    async storeFor(request) {
      let current = await read(request);
      let changed: { username: string; device: DeviceCredentials | null } | undefined;
      return {
        get: (username) => (current && current.username === username ? current.device : null),
        set(username, device) {
          current = { username, device };
          changed = { username, device };
        },
        remove(username) {
          if (current?.username !== username) return;
          current = null;
          changed = { username, device: null };
        },
        changed: () => changed,
        current: () => current,
      };
    },
  };
}
