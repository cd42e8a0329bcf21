import type { DeviceType } from '@aws-sdk/client-cognito-identity-provider';
import { toDate } from '../transport/dates.js';
import type { AuthDevice } from '../types.js';

/** A device as ListDevices describes it, with its attributes read into named fields. */
export function toAuthDevice(device: DeviceType, currentDeviceKey: string | undefined): AuthDevice | null {
  if (!device.DeviceKey) return null;
  const attributes: Record<string, string> = {};
  for (const { Name, Value } of device.DeviceAttributes ?? []) if (Name && Value !== undefined) attributes[Name] = Value;
  return {
    deviceKey: device.DeviceKey,
    name: attributes.device_name,
    remembered: attributes['dev:device_remembered_status'] === 'remembered',
    lastIpUsed: attributes.last_ip_used,
    createdAt: toDate(device.DeviceCreateDate),
    lastAuthenticatedAt: toDate(device.DeviceLastAuthenticatedDate),
    lastModifiedAt: toDate(device.DeviceLastModifiedDate),
    current: device.DeviceKey === currentDeviceKey,
    attributes,
  };
}

/**
 * A readable default DeviceName ("Chrome on macOS"), from the user agent when there is one. Cognito shows
 * it in the user's device list; it is not a secret and not an identifier.
 */
export function defaultDeviceName(): string {
  const ua = typeof navigator !== 'undefined' && typeof navigator.userAgent === 'string' ? navigator.userAgent : '';
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrome\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : /Node\.js|^node/i.test(ua)
            ? 'Node.js'
            : undefined;
  const os = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad|iPod/.test(ua)
      ? 'iOS'
      : /Mac OS X|Macintosh/.test(ua)
        ? 'macOS'
        : /Windows/.test(ua)
          ? 'Windows'
          : /Linux/.test(ua)
            ? 'Linux'
            : undefined;
  if (browser && os) return `${browser} on ${os}`;
  return browser ?? os ?? 'Unknown device';
}
