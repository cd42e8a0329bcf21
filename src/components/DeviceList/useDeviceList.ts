'use client';
import type { AuthDevice, CognitoAuthError } from '../../core/index.js';
import { isUnsupportedOperation, useDevices } from '../../react/useDevices.js';
import { useForgetDevice } from '../../react/useForgetDevice.js';
import { errorMessage, translate, type MessageKey, type Messages, type MessageValue } from '../messages.js';
import { accountMessages } from '../accountMessages.js';
import { useFormLocale } from '../shared/useLocale.js';

export interface DeviceListRenderProps {
  loading: boolean;
  devices: (AuthDevice & { label: string; forget(): void })[];
  pending: boolean;
  /** The user pool does not have the list's operation (a local emulator): the section hides itself. */
  unsupported: boolean;
  /** Listing failed (a transient error, shown in `error`): offer `retry`. */
  listFailed: boolean;
  /** Asks for the list again. */
  retry(): void;
  error: string | null;
  cognitoError: CognitoAuthError | null;
  /** Looks a message up; a number or a `Date` value is written in the provider's locale (`Intl`). */
  t: (key: MessageKey, values?: Record<string, MessageValue>) => string;
}

/**
 * The signed-in user's remembered devices (ListDevices), each with "forget" (ForgetDevice).
 *
 * @example
 * const list = useDeviceList();
 * list.devices.map((d) => <button key={d.deviceKey} onClick={d.forget}>{list.t('devices.forget', { name: d.label })}</button>);
 */
export function useDeviceList(options: { messages?: Messages } = {}): DeviceListRenderProps {
  const devices = useDevices();
  const forget = useForgetDevice();
  const { messages, locale } = useFormLocale(options.messages);
  const t: DeviceListRenderProps['t'] = (key, values) => translate(messages, key, values, accountMessages, locale);
  const error = forget.error ?? devices.error ?? null;
  return {
    loading: devices.isPending,
    devices: (devices.data ?? []).map((d) => ({
      ...d,
      label: d.name ?? t('devices.unnamed'),
      forget: () => forget.mutate(d.deviceKey),
    })),
    unsupported: isUnsupportedOperation(devices.error),
    listFailed: devices.isError && !isUnsupportedOperation(devices.error),
    retry: () => void devices.refetch(),
    pending: forget.isPending,
    error: error ? errorMessage(messages, error, accountMessages, undefined, locale) : null,
    cognitoError: error,
    t,
  };
}
