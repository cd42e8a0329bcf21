'use client';
import type { AuthDevice, CognitoAuthError } from '../../core/index.js';
import { useDevices } from '../../react/useDevices.js';
import { useForgetDevice } from '../../react/useForgetDevice.js';
import { accountErrorMessage, translateAccount, type AccountMessages } from '../accountMessages.js';

export interface DeviceListRenderProps {
  loading: boolean;
  devices: (AuthDevice & { label: string; forget(): void })[];
  pending: boolean;
  error: string | null;
  cognitoError: CognitoAuthError | null;
  t: (key: Parameters<typeof translateAccount>[1], values?: Record<string, string>) => string;
}

/**
 * The signed-in user's remembered devices (ListDevices), each with "forget" (ForgetDevice).
 *
 * @example
 * const list = useDeviceList();
 * list.devices.map((d) => <button key={d.deviceKey} onClick={d.forget}>{list.t('devices.forget', { name: d.label })}</button>);
 */
export function useDeviceList(options: { messages?: AccountMessages } = {}): DeviceListRenderProps {
  const devices = useDevices();
  const forget = useForgetDevice();
  const t: DeviceListRenderProps['t'] = (key, values) => translateAccount(options.messages, key, values);
  const error = forget.error ?? devices.error ?? null;
  return {
    loading: devices.isPending,
    devices: (devices.data ?? []).map((d) => ({
      ...d,
      label: d.name ?? t('devices.unnamed'),
      forget: () => forget.mutate(d.deviceKey),
    })),
    pending: forget.isPending,
    error: error ? accountErrorMessage(options.messages, error) : null,
    cognitoError: error,
    t,
  };
}
