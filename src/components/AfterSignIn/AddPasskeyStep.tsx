'use client';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { isCognitoAuthError, type CognitoAuth } from '../../core/index.js';
import { passkeysQueryOptions, useRegisterPasskey } from '../../react/account.js';
import { useCognitoContext } from '../../react/context.js';
import { useAuth } from '../../react/useAuth.js';
import { accountMessages } from '../accountMessages.js';
import { errorMessage, translator } from '../messages.js';
import { useFormLocale } from '../shared/useLocale.js';
import type { AfterSignInStep, AfterSignInStepProps } from './afterSignIn.js';
import { Checking, useStepFocus } from './Checking.js';

/** Options of {@link addPasskeyStep}. */
export interface AddPasskeyStepOptions {
  /** Days "Not now" holds the offer back for this user (default 30; `0`: asked at every sign-in). */
  snoozeDays?: number;
}

/**
 * The after-sign-in step "Add a passkey": after a sign-in that did not use a passkey, to a user who has none
 * (ListWebAuthnCredentials), where the browser has WebAuthn (`window.PublicKeyCredential`):
 * StartWebAuthnRegistration, `navigator.credentials.create` (or the store's `webAuthnCreate`),
 * CompleteWebAuthnRegistration. "Not now" snoozes the offer for `snoozeDays`, remembered per user `sub` in
 * `localStorage` (a date: nothing secret).
 *
 * @example
 * <SignIn afterSignIn={[addPasskeyStep({ snoozeDays: 30 })]} signedIn={<App />} />
 */
export function addPasskeyStep(options: AddPasskeyStepOptions = {}): AfterSignInStep {
  const given = options.snoozeDays;
  const snoozeDays = typeof given === 'number' && Number.isFinite(given) && given >= 0 ? given : 30;
  return { name: 'ADD_PASSKEY', render: (props) => <AddPasskeyStep {...props} snoozeDays={snoozeDays} /> };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The localStorage key of the offer's snooze for one user: per client and `sub`, beside the session's keys. */
function snoozeKey(auth: CognitoAuth, sub: string): string {
  return `${auth.config.storageKeyPrefix ?? 'cognito-react'}.${auth.config.clientId}.${encodeURIComponent(sub)}.passkeyOfferSnoozedUntil`;
}

function localStore(): Storage | null {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : null;
  } catch {
    // Storage disabled (some private modes throw on access): the offer is simply not snoozed.
    return null;
  }
}

const now = (auth: CognitoAuth) => (auth.config.clock ?? Date.now)();

function snoozed(auth: CognitoAuth, sub: string): boolean {
  try {
    const until = Number(localStore()?.getItem(snoozeKey(auth, sub)));
    return Number.isFinite(until) && until > now(auth);
  } catch {
    return false;
  }
}

function snooze(auth: CognitoAuth, sub: string, days: number): void {
  if (!(days > 0)) return;
  try {
    localStore()?.setItem(snoozeKey(auth, sub), String(now(auth) + days * DAY_MS));
  } catch {
    // Quota or disabled storage: asked again next time, which is harmless.
  }
}

const browserHasWebAuthn = () => typeof window !== 'undefined' && typeof (window as { PublicKeyCredential?: unknown }).PublicKeyCredential !== 'undefined';

/** The offer, and its outcome. */
function AddPasskeyStep(props: AfterSignInStepProps & { snoozeDays: number }) {
  const { ref, focus } = useStepFocus<HTMLDivElement>();
  return (
    <div ref={ref}>
      <AddPasskeyScreen {...props} focus={focus} />
    </div>
  );
}

function AddPasskeyScreen({ snoozeDays, finished, messages, next, focus }: AfterSignInStepProps & { snoozeDays: number } & { focus: () => void }) {
  const { auth } = useCognitoContext('SignIn');
  const id = useId();
  const lang = useFormLocale(messages);
  const t = translator(lang.messages, accountMessages, lang.locale);
  const sub = useAuth((s) => s.user?.sub ?? null);
  // Decided once, when the step starts: a snooze set by this very step must not make it vanish mid-answer.
  const [eligible] = useState(() => browserHasWebAuthn() && !finished.steps.includes('WEB_AUTHN') && sub !== null && !snoozed(auth, sub));
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
            if (sub) snooze(auth, sub, snoozeDays);
            next();
          }}
        >
          {t('addPasskey.later')}
        </button>
      </div>
    </section>
  );
}
