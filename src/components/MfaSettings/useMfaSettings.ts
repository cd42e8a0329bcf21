'use client';
import { useState } from 'react';
import type { CognitoAuthError, MfaType, TotpSetup } from '../../core/index.js';
import { useSetMfaPreference, useStartTotpSetup } from '../../react/account.js';
import { useUser } from '../../react/useUser.js';
import { errorMessage, translate, type MessageKey, type Messages } from '../messages.js';
import { accountMessages } from '../accountMessages.js';
import { useFormLocale } from '../shared/useLocale.js';

/** One MFA method as the settings show it. */
export interface MfaMethodState {
  method: MfaType;
  label: string;
  enabled: boolean;
  preferred: boolean;
  /** Whether it can be turned on now (SMS needs a phone number, email an address; TOTP needs enrolment first). */
  available: boolean;
  enable(): void;
  disable(): void;
  prefer(): void;
}

export interface MfaSettingsRenderProps {
  loading: boolean;
  methods: MfaMethodState[];
  pending: boolean;
  /** The last failure, as a message; `cognitoError` for branching. */
  error: string | null;
  cognitoError: CognitoAuthError | null;
  /** Authenticator-app enrolment in progress: its secret and URI, and the code form. */
  totpSetup: (TotpSetup & { secretGroups: string[] }) | null;
  startTotpSetup(): void;
  cancelTotpSetup(): void;
  /** Called by the code form once VerifySoftwareToken succeeded. */
  finishTotpSetup(): void;
  done: string | null;
  t: (key: MessageKey, values?: Record<string, string>) => string;
}

export interface UseMfaSettingsOptions {
  /** The methods to offer, in order (default: authenticator app, text message, email). */
  methods?: MfaType[];
  messages?: Messages;
}

/**
 * MFA preferences of the signed-in user (GetUser, SetUserMFAPreference): turn methods on and off, pick
 * the preferred one, and enrol an authenticator app (AssociateSoftwareToken, QR code, VerifySoftwareToken).
 *
 * @example
 * const mfa = useMfaSettings({ methods: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'] });
 * mfa.methods.map((m) => <button key={m.method} onClick={m.enabled ? m.disable : m.enable}>{m.label}</button>);
 */
export function useMfaSettings(options: UseMfaSettingsOptions = {}): MfaSettingsRenderProps {
  const user = useUser();
  const set = useSetMfaPreference();
  const start = useStartTotpSetup();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { messages, locale } = useFormLocale(options.messages);
  const t: MfaSettingsRenderProps['t'] = (key, values) => translate(messages, key, values, accountMessages, locale);
  const details = user.data;
  const enabled = details?.mfa.enabled ?? [];
  const error = set.error ?? start.error ?? null;
  const change = (method: MfaType, value: { enabled: boolean; preferred?: boolean }) => {
    setDone(null);
    set.mutate({ [method]: value });
  };
  const methods = (options.methods ?? ['SOFTWARE_TOKEN_MFA', 'SMS_MFA', 'EMAIL_OTP']).map<MfaMethodState>((method) => {
    const on = enabled.includes(method);
    const available =
      method === 'SMS_MFA' ? Boolean(details?.attributes.phone_number) : method === 'EMAIL_OTP' ? Boolean(details?.attributes.email) : on;
    return {
      method,
      label: t(`mfa.${method}`),
      enabled: on,
      preferred: details?.mfa.preferred === method,
      available,
      enable: () => change(method, { enabled: true }),
      disable: () => change(method, { enabled: false }),
      prefer: () => change(method, { enabled: true, preferred: true }),
    };
  });
  return {
    loading: user.isPending,
    methods,
    pending: set.isPending || start.isPending,
    error: error ? errorMessage(messages, error, accountMessages, undefined, locale) : null,
    cognitoError: error,
    totpSetup: setup ? { ...setup, secretGroups: setup.secret.match(/.{1,4}/g) ?? [] } : null,
    startTotpSetup: () => {
      setDone(null);
      start.mutate(undefined, { onSuccess: (result) => setSetup(result) });
    },
    cancelTotpSetup: () => setSetup(null),
    finishTotpSetup: () => {
      setSetup(null);
      setDone(t('mfa.totpDone'));
    },
    done,
    t,
  };
}
