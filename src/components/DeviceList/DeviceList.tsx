'use client';
import { useId, type ReactNode } from 'react';
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

/** The signed-in user's remembered devices (ListDevices), each with "forget" (ForgetDevice). */
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

/**
 * @example
 * <DeviceList />
 */
export function DeviceList({ className, messages, children }: { className?: string; messages?: AccountMessages; children?: (props: DeviceListRenderProps) => ReactNode }) {
  const list = useDeviceList(messages ? { messages } : {});
  const titleId = useId();
  if (children) return <>{children(list)}</>;
  return (
    <section className={className} data-section="devices" aria-labelledby={titleId} aria-busy={list.pending}>
      <h2 id={titleId}>{list.t('devices.title')}</h2>
      {list.loading ? (
        <p>{list.t('account.loading')}</p>
      ) : list.devices.length === 0 ? (
        <p>{list.t('devices.empty')}</p>
      ) : (
        <ul>
          {list.devices.map((d) => (
            <li key={d.deviceKey} data-device={d.deviceKey} {...(d.current ? { 'data-current': '' } : {})}>
              <span>
                {d.label}
                {d.current ? ` (${list.t('devices.current')})` : ''}
                {d.lastAuthenticatedAt ? ` · ${list.t('devices.lastUsed', { date: d.lastAuthenticatedAt.toLocaleDateString() })}` : ''}
              </span>{' '}
              <button type="button" onClick={d.forget} disabled={list.pending}>
                {list.t('devices.forget', { name: d.label })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div role="alert" data-form-error="">
        {list.error}
      </div>
    </section>
  );
}
