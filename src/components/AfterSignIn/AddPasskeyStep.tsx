'use client';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { isCognitoAuthError } from '../../core/index.js';
import { passkeysQueryOptions, useRegisterPasskey } from '../../react/account.js';
import { useCognitoContext } from '../../react/context.js';
import { useAuth } from '../../react/useAuth.js';
import { accountMessages } from '../accountMessages.js';
import { errorMessage, translator } from '../messages.js';
import { useFormLocale } from '../shared/useLocale.js';
import { browserHasWebAuthn, passkeyOfferSnoozed, passkeySnoozeDays, snoozePasskeyOffer } from './afterSignIn.js';
import type { AfterSignInStepProps } from './AfterSignIn.js';
import { Checking } from './Checking.js';

/**
 * "Add a passkey" after a sign-in without one, to a user who has none, where the browser can create one:
 * StartWebAuthnRegistration, `navigator.credentials.create`, CompleteWebAuthnRegistration. "Not now"
 * snoozes it (see `AfterSignInOptions.addPasskey`).
 */
export function AddPasskeyStep({ options, finished, messages, next, focus }: AfterSignInStepProps) {
  const { auth } = useCognitoContext('SignIn');
  const id = useId();
  const lang = useFormLocale(messages);
  const t = translator(lang.messages, accountMessages, lang.locale);
  const sub = useAuth((s) => s.user?.sub ?? null);
  // Decided once, when the step starts: a snooze set by this very step must not make it vanish mid-answer.
  const [eligible] = useState(() => browserHasWebAuthn() && !finished.steps.includes('WEB_AUTHN') && sub !== null && !passkeyOfferSnoozed(auth, sub));
  const passkeys = useQuery({ ...passkeysQueryOptions(auth, sub), enabled: eligible && sub !== null });
  const register = useRegisterPasskey();
  const added = register.isSuccess;
  const has = (passkeys.data?.length ?? 0) > 0;
  const applies = eligible && passkeys.isSuccess && !has;
  useEffect(() => {
    if (added || register.isPending) return;
    if (!eligible || passkeys.isError || (passkeys.isSuccess && has)) next();
  }, [eligible, passkeys.isError, passkeys.isSuccess, has, added, register.isPending, next]);
  const shown = applies || added || register.isPending;
  useEffect(() => {
    if (shown) focus();
  }, [shown, added, focus]);
  if (!shown) return <Checking messages={messages} />;
  if (added) {
    return (
      <section data-step="ADD_PASSKEY" data-done="" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} tabIndex={-1}>
          {t('addPasskey.title')}
        </h2>
        <p role="status">{t('passkeys.added')}</p>
        <button type="button" data-variant="primary" onClick={next}>
          {t('afterSignIn.continue')}
        </button>
      </section>
    );
  }
  const error = register.error ? (isCognitoAuthError(register.error) ? errorMessage(lang.messages, register.error, accountMessages, 'account', lang.locale) : t('error.default')) : null;
  return (
    <section data-step="ADD_PASSKEY" aria-labelledby={`${id}-title`} {...(register.isPending ? { 'data-pending': '' } : {})}>
      <h2 id={`${id}-title`} tabIndex={-1}>
        {t('addPasskey.title')}
      </h2>
      <p>{t('addPasskey.hint')}</p>
      <div role="alert" data-form-error="">
        {error}
      </div>
      <button type="button" data-variant="primary" disabled={register.isPending} onClick={() => register.mutate()}>
        {t('passkeys.add')}
      </button>
      <div data-links="">
        <button
          type="button"
          data-link="later"
          disabled={register.isPending}
          onClick={() => {
            if (sub) snoozePasskeyOffer(auth, sub, passkeySnoozeDays(options));
            next();
          }}
        >
          {t('addPasskey.later')}
        </button>
      </div>
    </section>
  );
}
