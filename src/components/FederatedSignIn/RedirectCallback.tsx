'use client';
import { useEffect, useRef, type ReactNode } from 'react';
import type { CognitoAuthError } from '../../core/index.js';
import { useHandleRedirectCallback } from '../../react/useSignInWithRedirect.js';
import { errorMessage, translate, type Messages } from '../messages.js';
import { ViewLink, type ViewLinkProp } from '../shared/ViewLink.js';
import { federatedMessages } from './messages.js';
import { rootProps } from '../shared/root.js';
import { useFormLocale } from '../shared/useLocale.js';

/** What `<RedirectCallback>` takes. */
export interface RedirectCallbackProps {
  /** Called once signed in, with the `appState` given at the start (navigate there). */
  onSignedIn?: (appState: unknown) => void;
  /** Called with the failure, already shown. */
  onError?: (error: CognitoAuthError) => void;
  /** "Sign in again" under an error: a function makes a button calling it, a node (your link) is shown as is. */
  retry?: ViewLinkProp;
  /** Shown while the sign-in completes (default "Signing you in…", announced politely). */
  pending?: ReactNode;
  /** Shown once signed in (default: nothing; `onSignedIn` usually navigates away). */
  signedIn?: ReactNode;
  /** The callback URL (default this page's address). */
  url?: string;
  /** Overrides of the message table (`callback.*`, `error.*`). */
  messages?: Messages;
  className?: string;
}

/**
 * The redirect route of managed login: completes the sign-in (`handleRedirectCallback`) once, showing a
 * pending state, then calls `onSignedIn`; a failure (cancelled, another tab, expired) is worded from the
 * message table by its name, never from the text in the URL.
 *
 * @example
 * <Route path="/callback" element={<RedirectCallback onSignedIn={(s) => navigate((s as { returnTo?: string })?.returnTo ?? '/')} retry={() => navigate('/sign-in')} />} />
 */
export function RedirectCallback({ onSignedIn, onError, retry, pending, signedIn = null, url, messages, className }: RedirectCallbackProps) {
  const state = useHandleRedirectCallback(url);
  const reported = useRef(false);
  const lang = useFormLocale(messages);
  const t = (key: Parameters<typeof translate>[1]) => translate(lang.messages, key, {}, federatedMessages, lang.locale);
  useEffect(() => {
    if (reported.current || state.status === 'pending') return;
    reported.current = true;
    if (state.status === 'success') onSignedIn?.(state.appState);
    else onError?.(state.error);
  }, [state, onSignedIn, onError]);
  if (state.status === 'pending') {
    return (
      <div {...rootProps(className, undefined, lang)} data-callback="pending" data-status="pending">
        <p role="status">{pending ?? t('callback.pending')}</p>
      </div>
    );
  }
  if (state.status === 'success') return <>{signedIn}</>;
  return (
    <div {...rootProps(className, undefined, lang)} data-callback="error" data-status="error">
      <h2>{t('callback.title')}</h2>
      <p role="alert">{errorMessage(lang.messages, state.error, federatedMessages, undefined, lang.locale)}</p>
      <ViewLink link={retry} name="retry" label={t('callback.retry')} />
    </div>
  );
}
