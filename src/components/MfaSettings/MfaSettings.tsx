'use client';
import { lazy, Suspense, useId, useState, type ReactNode } from 'react';
import type { CognitoAuthError, MfaType, TotpSetup } from '../../core/index.js';
import { useSetMfaPreference, useStartTotpSetup, useVerifyTotpSetup } from '../../react/account.js';
import { useUser } from '../../react/useUser.js';
import { Field } from '../shared/Field.js';
import { FormLayout } from '../shared/FormLayout.js';
import type { StepFormRenderProps } from '../shared/useStepForm.js';
import { accountErrorMessage, accountT, translateAccount, type AccountMessages } from '../accountMessages.js';
import { cleanCode, codeField } from '../shared/accountFields.js';
import { useAccountForm, type AccountFormRenderProps } from '../shared/useAccountForm.js';

const TotpQrCode = lazy(() => import('../MfaSetupForm/TotpQrCode.js'));

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
  t: (key: Parameters<typeof translateAccount>[1], values?: Record<string, string>) => string;
}

export interface UseMfaSettingsOptions {
  /** The methods to offer, in order (default: authenticator app, text message, email). */
  methods?: MfaType[];
  messages?: AccountMessages;
}

/**
 * MFA preferences of the signed-in user (GetUser, SetUserMFAPreference): turn methods on and off, pick
 * the preferred one, and enrol an authenticator app (AssociateSoftwareToken, QR code, VerifySoftwareToken).
 */
export function useMfaSettings(options: UseMfaSettingsOptions = {}): MfaSettingsRenderProps {
  const user = useUser();
  const set = useSetMfaPreference();
  const start = useStartTotpSetup();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const t: MfaSettingsRenderProps['t'] = (key, values) => translateAccount(options.messages, key, values);
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
    error: error ? accountErrorMessage(options.messages, error) : null,
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

/** The code form of authenticator-app enrolment while signed in. */
export function useTotpSetupForm(options: { messages?: AccountMessages | undefined; onVerified: () => void; onCancel: () => void }): AccountFormRenderProps {
  const mutation = useVerifyTotpSetup();
  const t = accountT(options.messages);
  return useAccountForm({
    hook: 'useTotpSetupForm',
    messages: options.messages,
    title: t('mfa.setUpTotp'),
    hint: t('mfaSetup.totpHint'),
    submitLabel: t('mfa.totpSubmit'),
    fields: [codeField(t('code.label'))],
    mutation,
    clearOnFailure: ['code'],
    toInput: (v) => ({ code: cleanCode(v.code), preferred: true }),
    onSuccess: () => options.onVerified(),
    onCancel: options.onCancel,
  });
}

function TotpEnrolment({ settings, messages }: { settings: MfaSettingsRenderProps; messages: AccountMessages | undefined }) {
  const setup = settings.totpSetup as NonNullable<MfaSettingsRenderProps['totpSetup']>;
  const form = useTotpSetupForm({
    messages,
    onVerified: settings.finishTotpSetup,
    onCancel: settings.cancelTotpSetup,
  });
  return (
    <FormLayout props={form as unknown as StepFormRenderProps} step="TOTP_SETUP">
      <div data-totp="">
        <Suspense fallback={null}>
          <TotpQrCode uri={setup.uri} label={settings.t('mfaSetup.qrLabel')} />
        </Suspense>
        <p>
          {settings.t('mfaSetup.secret')}: <code data-secret="">{setup.secretGroups.join(' ')}</code>
        </p>
      </div>
      {form.fields.code && <Field field={form.fields.code} />}
    </FormLayout>
  );
}

export interface MfaSettingsProps extends UseMfaSettingsOptions {
  className?: string;
  children?: (props: MfaSettingsRenderProps) => ReactNode;
}

/**
 * @example
 * <MfaSettings methods={['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP']} />
 */
export function MfaSettings({ className, children, ...options }: MfaSettingsProps) {
  const settings = useMfaSettings(options);
  const titleId = useId();
  if (children) return <>{children(settings)}</>;
  return (
    <section className={className} data-section="mfa" aria-labelledby={titleId} aria-busy={settings.pending}>
      <h2 id={titleId}>{settings.t('mfa.title')}</h2>
      {settings.loading ? (
        <p>{settings.t('account.loading')}</p>
      ) : (
        <ul>
          {settings.methods.map((m) => (
            <li key={m.method} data-method={m.method} data-enabled={String(m.enabled)}>
              <span>
                {m.label}: {m.enabled ? settings.t('mfa.on') : settings.t('mfa.off')}
                {m.preferred ? ` (${settings.t('mfa.preferred')})` : ''}
              </span>{' '}
              {m.method === 'SOFTWARE_TOKEN_MFA' && !m.enabled ? (
                <button type="button" onClick={settings.startTotpSetup} disabled={settings.pending || settings.totpSetup !== null}>
                  {settings.t('mfa.setUpTotp')}
                </button>
              ) : m.enabled ? (
                <>
                  {!m.preferred && (
                    <button type="button" onClick={m.prefer} disabled={settings.pending}>
                      {settings.t('mfa.prefer', { method: m.label })}
                    </button>
                  )}{' '}
                  <button type="button" onClick={m.disable} disabled={settings.pending}>
                    {settings.t('mfa.disable', { method: m.label })}
                  </button>
                </>
              ) : (
                <button type="button" onClick={m.enable} disabled={settings.pending || !m.available}>
                  {settings.t('mfa.enable', { method: m.label })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {settings.totpSetup && <TotpEnrolment settings={settings} messages={options.messages} />}
      <div role="alert" data-form-error="">
        {settings.error}
      </div>
      <p role="status" data-done="">
        {settings.done}
      </p>
    </section>
  );
}
