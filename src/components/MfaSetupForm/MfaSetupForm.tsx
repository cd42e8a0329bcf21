'use client';
import { lazy, Suspense, type ReactNode } from 'react';
import { Field } from '../shared/Field.js';
import { FormLayout } from '../shared/FormLayout.js';
import { RadioGroup } from '../shared/RadioGroup.js';
import { useMfaSetupForm, type MfaSetupFormRenderProps, type UseMfaSetupFormOptions } from './useMfaSetupForm.js';

// The QR library loads only when a TOTP setup is shown.
const TotpQrCode = lazy(() => import('./TotpQrCode.js'));

export interface MfaSetupFormProps extends UseMfaSetupFormOptions {
  className?: string;
  children?: (props: MfaSetupFormRenderProps) => ReactNode;
}

/**
 * Sets up MFA during sign-in (MFA_SETUP): an authenticator app with a QR code and the key to copy, or
 * an email address, with a choice when the pool offers both.
 *
 * @example
 * <MfaSetupForm messages={{ 'mfaSetup.title': 'Protect your account' }} />
 */
export function MfaSetupForm({ children, className, ...options }: MfaSetupFormProps) {
  const form = useMfaSetupForm(options);
  if (children) return <>{children(form)}</>;
  return (
    <FormLayout props={form} step="MFA_SETUP" className={className}>
      {form.choices.length > 0 && <RadioGroup legend={form.t('mfaSetup.choose')} options={form.choices} error={form.choiceError} errorId={form.choiceErrorId} />}
      {form.totp && (
        <div data-totp="">
          <Suspense fallback={null}>
            <TotpQrCode uri={form.totp.uri} label={form.t('mfaSetup.qrLabel')} />
          </Suspense>
          <p>
            {form.t('mfaSetup.secret')}: <code data-secret="">{form.totp.secretGroups.join(' ')}</code>{' '}
            <button type="button" onClick={() => void form.totp?.copy()}>
              {form.totp.copied ? form.t('mfaSetup.copied') : form.t('mfaSetup.copy')}
            </button>
          </p>
        </div>
      )}
      {form.fields.code && form.totp && <Field field={form.fields.code} />}
      {form.fields.email && <Field field={form.fields.email} />}
    </FormLayout>
  );
}
