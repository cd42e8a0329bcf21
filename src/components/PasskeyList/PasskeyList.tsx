'use client';
import { useId, type ReactNode } from 'react';
import type { Messages } from '../messages.js';
import { Skeleton } from '../shared/Skeleton.js';
import { usePasskeyList, type PasskeyListRenderProps } from './usePasskeyList.js';

/**
 * The signed-in user's passkeys, each with a button to delete it, and "add a passkey".
 *
 * @example
 * <PasskeyList />
 */
export function PasskeyList({ className, messages, children }: { className?: string; messages?: Messages; children?: (props: PasskeyListRenderProps) => ReactNode }) {
  const list = usePasskeyList(messages ? { messages } : {});
  const titleId = useId();
  if (children) return <>{children(list)}</>;
  if (list.unsupported) return null;
  return (
    <section className={className} data-section="passkeys" aria-labelledby={titleId} aria-busy={list.pending}>
      <h2 id={titleId}>{list.t('passkeys.title')}</h2>
      {list.loading ? (
        <Skeleton label={list.t('account.loading')} />
) : list.listFailed ? (
        <button type="button" onClick={list.retry}>{list.t('account.retry')}</button>
      ) : list.passkeys.length === 0 ? (
        <p>{list.t('passkeys.empty')}</p>
      ) : (
        <ul>
          {list.passkeys.map((p) => (
            <li key={p.credentialId} data-passkey={p.credentialId}>
              <span>
                {p.label}
                {p.createdAt ? ` · ${list.date(p.createdAt)}` : ''}
              </span>{' '}
              <button type="button" onClick={p.remove} disabled={list.pending}>
                {list.t('passkeys.delete', { name: p.label })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={list.add} disabled={list.pending}>
        {list.t('passkeys.add')}
      </button>
      <div role="alert" data-form-error="">
        {list.error}
      </div>
      <p role="status" data-done="">
        {list.done}
      </p>
    </section>
  );
}
