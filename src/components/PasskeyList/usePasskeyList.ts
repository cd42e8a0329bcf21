'use client';
import { useState } from 'react';
import type { CognitoAuthError, Passkey } from '../../core/index.js';
import { useDeletePasskey, usePasskeys, useRegisterPasskey } from '../../react/account.js';
import { isUnsupportedOperation } from '../../react/useDevices.js';
import { errorMessage, translate, type MessageKey, type Messages, type MessageValue } from '../messages.js';
import { accountMessages } from '../accountMessages.js';
import { useFormLocale } from '../shared/useLocale.js';

export interface PasskeyListRenderProps {
  loading: boolean;
  passkeys: (Passkey & { label: string; remove(): void })[];
  add(): void;
  pending: boolean;
  /** The user pool does not have the list's operation (a local emulator): the section hides itself. */
  unsupported: boolean;
  /** Listing failed (a transient error, shown in `error`): offer `retry`. */
  listFailed: boolean;
  /** Asks for the list again. */
  retry(): void;
  error: string | null;
  cognitoError: CognitoAuthError | null;
  done: string | null;
  /** A date (a passkey's `createdAt`) as the messages write dates: `Intl.DateTimeFormat` in the provider's locale. */
  date(value: Date): string;
  /** Looks a message up; a number or a `Date` value is written in the provider's locale (`Intl`). */
  t: (key: MessageKey, values?: Record<string, MessageValue>) => string;
}

/**
 * The signed-in user's passkeys (ListWebAuthnCredentials), "add a passkey" (StartWebAuthnRegistration,
 * `navigator.credentials.create`, CompleteWebAuthnRegistration) and "delete" (DeleteWebAuthnCredential).
 *
 * @example
 * const list = usePasskeyList();
 * <button onClick={list.add} disabled={list.pending}>{list.t('passkeys.add')}</button>
 */
export function usePasskeyList(options: { messages?: Messages } = {}): PasskeyListRenderProps {
  const passkeys = usePasskeys();
  const register = useRegisterPasskey();
  const remove = useDeletePasskey();
  const [done, setDone] = useState<string | null>(null);
  const { messages, locale } = useFormLocale(options.messages);
  const t: PasskeyListRenderProps['t'] = (key, values) => translate(messages, key, values, accountMessages, locale);
  const error = register.error ?? remove.error ?? passkeys.error ?? null;
  return {
    loading: passkeys.isPending,
    passkeys: (passkeys.data ?? []).map((p) => ({
      ...p,
      label: p.name ?? t('passkeys.unnamed'),
      remove: () => {
        setDone(null);
        register.reset();
        remove.mutate(p.credentialId);
      },
    })),
    add: () => {
      setDone(null);
      remove.reset();
      register.mutate(undefined, { onSuccess: () => setDone(t('passkeys.added')) });
    },
    unsupported: isUnsupportedOperation(passkeys.error),
    listFailed: passkeys.isError && !isUnsupportedOperation(passkeys.error),
    retry: () => void passkeys.refetch(),
    pending: register.isPending || remove.isPending,
    error: error ? errorMessage(messages, error, accountMessages, undefined, locale) : null,
    cognitoError: error,
    done,
    date: (value) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(value),
    t,
  };
}
