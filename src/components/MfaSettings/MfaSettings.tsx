'use client';
import { lazy, Suspense, useId, type ReactNode } from 'react';
import { Field } from '../shared/Field.js';
import { FormLayout } from '../shared/FormLayout.js';
import type { Messages } from '../messages.js';
import { Skeleton } from '../shared/Skeleton.js';
import { useMfaSettings, type MfaSettingsRenderProps, type UseMfaSettingsOptions } from './useMfaSettings.js';
import { useTotpSetupForm } from './useTotpSetupForm.js';

const TotpQrCode = lazy(() => import('../MfaSetupForm/TotpQrCode.js'));

function TotpEnrolment({ settings, messages }: { settings: MfaSettingsRenderProps; messages: Messages | undefined }) {
  const setup = settings.totpSetup as NonNullable<MfaSettingsRenderProps['totpSetup']>;
  const form = useTotpSetupForm({
    messages,
    onVerified: settings.finishTotpSetup,
    onCancel: settings.cancelTotpSetup,
  });
  return (
    <FormLayout props={form} step="TOTP_SETUP">
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
 * Two-step verification settings: each method on or off, the preferred one, and authenticator-app
 * enrolment with a QR code.
 *
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
        <Skeleton label={settings.t('account.loading')} />
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
