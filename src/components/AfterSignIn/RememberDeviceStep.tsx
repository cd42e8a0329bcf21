'use client';
import { useEffect, useId, useState } from 'react';
import { isCognitoAuthError, type CognitoAuth } from '../../core/index.js';
import { useCognitoContext } from '../../react/context.js';
import { useAuth } from '../../react/useAuth.js';
import { useRememberDevice } from '../../react/useRememberDevice.js';
import { accountMessages } from '../accountMessages.js';
import { errorMessage, translator } from '../messages.js';
import { useFormLocale } from '../shared/useLocale.js';
import type { AfterSignInStep, AfterSignInStepProps, FinishedSignIn } from './afterSignIn.js';
import { Checking, useStepFocus } from './Checking.js';

/**
 * The after-sign-in step "Remember this device?": after a sign-in that asked for an MFA code and registered
 * this device as a new one, not yet remembered (the pool remembers devices on the user's opt-in, with
 * `deviceTracking: 'userOptIn'` on the store, or on `createAuthHandler` in server mode). Yes:
 * UpdateDeviceStatus `remembered`, so later sign-ins here may skip MFA; no: `not_remembered`.
 *
 * @example
 * <SignIn afterSignIn={[rememberDeviceStep()]} signedIn={<App />} />
 */
export function rememberDeviceStep(): AfterSignInStep {
  return { name: 'REMEMBER_DEVICE', render: (props) => <RememberDeviceStep {...props} /> };
}

/** The steps of a sign-in that asked for a second factor: the ones a remembered device may skip. */
const MFA_STEPS = new Set(['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP', 'SELECT_MFA_TYPE', 'MFA_SETUP']);

/**
 * Whether to ask now (`ask`), not at all (`skip`), or once the device's confirmation, still in flight,
 * answers (`wait`). Only a device this very sign-in registered, and not yet remembered.
 */
function decide(auth: CognitoAuth, finished: FinishedSignIn, failed: boolean): 'ask' | 'skip' | 'wait' {
  if (!finished.steps.some((s) => MFA_STEPS.has(s))) return 'skip';
  const snapshot = auth.getSnapshot();
  if (snapshot.status !== 'signedIn') return 'skip';
  const device = snapshot.device;
  if (auth.transport.tokensOnServer) {
    // Server mode: the server describes the device in its sign-in answer only when that sign-in confirmed it.
    return device && !device.remembered ? 'ask' : 'skip';
  }
  const issued = auth.getTokens()?.newDeviceMetadata?.deviceKey;
  if (!issued || auth.config.deviceTracking !== 'userOptIn') return 'skip';
  // The store confirms the device after it reports the sign-in: wait for ConfirmDevice to answer.
  if (device?.deviceKey !== issued) return failed ? 'skip' : 'wait';
  return device.remembered ? 'skip' : 'ask';
}

/** How long to wait for ConfirmDevice before going on without the question (it never blocks the sign-in). */
const CONFIRM_WAIT_MS = 10_000;

/** The question. In server mode the server answers it (`POST /remember-device`): it holds the device's secret. */
function RememberDeviceStep(props: AfterSignInStepProps) {
  const { ref, focus } = useStepFocus<HTMLDivElement>();
  return (
    <div ref={ref}>
      <RememberDeviceScreen {...props} focus={focus} />
    </div>
  );
}

function RememberDeviceScreen({ finished, messages, next, focus }: AfterSignInStepProps & { focus: () => void }) {
  const { auth } = useCognitoContext('SignIn');
  const id = useId();
  const lang = useFormLocale(messages);
  const t = translator(lang.messages, accountMessages, lang.locale);
  // Re-rendered when ConfirmDevice answers (the snapshot's device changes).
  const device = useAuth((s) => s.device);
  const remember = useRememberDevice();
  // ConfirmDevice's failure is an event only (the sign-in stands): stop waiting on it.
  const [failed, setFailed] = useState(false);
  useEffect(() => auth.onEvent((event) => event.type === 'deviceConfirmationFailed' && setFailed(true)), [auth]);
  const decision = decide(auth, finished, failed);
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
