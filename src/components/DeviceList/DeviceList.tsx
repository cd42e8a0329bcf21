'use client';
import { useId, type ReactNode } from 'react';
import type { Messages } from '../messages.js';
import { Skeleton } from '../shared/Skeleton.js';
import { useDeviceList, type DeviceListRenderProps } from './useDeviceList.js';

/**
 * The signed-in user's remembered devices, each with a button to forget it.
 *
 * @example
 * <DeviceList />
 */
export function DeviceList({ className, messages, children }: { className?: string; messages?: Messages; children?: (props: DeviceListRenderProps) => ReactNode }) {
  const list = useDeviceList(messages ? { messages } : {});
  const titleId = useId();
  if (children) return <>{children(list)}</>;
  if (list.unsupported) return null;
  return (
    <section className={className} data-section="devices" aria-labelledby={titleId} aria-busy={list.pending}>
      <h2 id={titleId}>{list.t('devices.title')}</h2>
      {list.loading ? (
        <Skeleton label={list.t('account.loading')} />
) : list.listFailed ? (
        <button type="button" onClick={list.retry}>{list.t('account.retry')}</button>
      ) : list.devices.length === 0 ? (
        <p>{list.t('devices.empty')}</p>
      ) : (
        <ul>
          {list.devices.map((d) => (
            <li key={d.deviceKey} data-device={d.deviceKey} {...(d.current ? { 'data-current': '' } : {})}>
              <span>
                {d.label}
                {d.current ? ` (${list.t('devices.current')})` : ''}
                {d.lastAuthenticatedAt ? ` · ${list.t('devices.lastUsed', { date: d.lastAuthenticatedAt })}` : ''}
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
