'use client';
import { useEffect, useId } from 'react';
import { isCognitoAuthError } from '../../core/index.js';
import { useCognitoContext } from '../../react/context.js';
import { useAuth } from '../../react/useAuth.js';
import { useRememberDevice } from '../../react/useRememberDevice.js';
import { accountMessages } from '../accountMessages.js';
import { errorMessage, translator } from '../messages.js';
import { useFormLocale } from '../shared/useLocale.js';
import { rememberDeviceDecision } from './afterSignIn.js';
import type { AfterSignInStepProps } from './AfterSignIn.js';
import { Checking } from './Checking.js';

/** How long to wait for ConfirmDevice before going on without the question (it never blocks the sign-in). */
const CONFIRM_WAIT_MS = 10_000;

/**
 * "Remember this device?" after an MFA sign-in that registered this device, not yet remembered. Yes:
 * UpdateDeviceStatus `remembered`; no: `not_remembered`. In server mode the server does both
 * (`POST /remember-device`), as it holds the device's key and secret.
 */
export function RememberDeviceStep({ finished, messages, next, focus }: AfterSignInStepProps) {
  const { auth } = useCognitoContext('SignIn');
  const id = useId();
  const lang = useFormLocale(messages);
  const t = translator(lang.messages, accountMessages, lang.locale);
  // Re-rendered when ConfirmDevice answers (the snapshot's device changes).
  const device = useAuth((s) => s.device);
  const remember = useRememberDevice();
  const decision = rememberDeviceDecision(auth, finished);
  // Once answered, the question stays on screen until the answer is saved (the device then says remembered).
  const answered = remember.isPending || remember.isSuccess;
  useEffect(() => {
    if (decision === 'skip' && !answered) next();
    if (decision !== 'wait') return;
    const timer = setTimeout(next, CONFIRM_WAIT_MS);
    return () => clearTimeout(timer);
  }, [decision, answered, next]);
  const asking = decision === 'ask';
  useEffect(() => {
    if (asking) focus();
  }, [asking, focus]);
  if (!asking && !answered) return <Checking messages={messages} />;
  const answer = (yes: boolean) =>
    remember.mutate(yes, {
      onSuccess: next,
      // Saying no changes nothing that matters if it does not reach Cognito (the device is not remembered).
      onError: () => {
        if (!yes) next();
      },
    });
  const error = remember.error ? (isCognitoAuthError(remember.error) ? errorMessage(lang.messages, remember.error, accountMessages, 'account', lang.locale) : t('error.default')) : null;
  return (
    <section data-step="REMEMBER_DEVICE" aria-labelledby={`${id}-title`} data-device={device?.deviceKey ? '' : undefined} {...(remember.isPending ? { 'data-pending': '' } : {})}>
      <h2 id={`${id}-title`} tabIndex={-1}>
        {t('rememberDevice.title')}
      </h2>
      <p>{t('rememberDevice.hint')}</p>
      <div role="alert" data-form-error="">
        {error}
      </div>
      <button type="button" data-variant="primary" disabled={remember.isPending} onClick={() => answer(true)}>
        {t('rememberDevice.yes')}
      </button>
      <div data-links="">
        <button type="button" data-link="no" disabled={remember.isPending} onClick={() => answer(false)}>
          {t('rememberDevice.no')}
        </button>
      </div>
    </section>
  );
}
