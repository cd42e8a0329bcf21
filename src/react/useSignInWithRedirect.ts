'use client';
import { useMutation, type UseMutationOptions, type UseMutationResult } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import {
  handleRedirectCallback,
  signInWithRedirect,
  type CognitoAuth,
  type CognitoAuthError,
  type RedirectCallbackResult,
  type SignInWithRedirectOptions,
} from '../core/index.js';
import { useCognitoContext } from './context.js';

/** The mutation options `useSignInWithRedirect` takes (its key and function are its own). */
export type UseSignInWithRedirectOptions = Omit<UseMutationOptions<void, CognitoAuthError, SignInWithRedirectOptions | void>, 'mutationKey' | 'mutationFn'>;
/** What `useSignInWithRedirect` returns: a TanStack Query mutation. */
export type UseSignInWithRedirectResult = UseMutationResult<void, CognitoAuthError, SignInWithRedirectOptions | void>;

/**
 * Starts a managed-login sign-in (`signInWithRedirect`): `mutate({ provider: 'Google' })` sends the browser
 * to the pool's domain. Pending until the page leaves; an error (no `oauth` option, storage refused) stays.
 *
 * @example
 * const google = useSignInWithRedirect();
 * <button onClick={() => google.mutate({ provider: 'Google' })} disabled={google.isPending}>Continue with Google</button>
 */
export function useSignInWithRedirect(options?: UseSignInWithRedirectOptions): UseSignInWithRedirectResult {
  const { auth } = useCognitoContext('useSignInWithRedirect');
  return useMutation({ ...options, mutationFn: (input) => signInWithRedirect(auth, input ?? {}) });
}

/** Where the redirect route stands: completing, signed in (with the `appState`), or failed. */
export type RedirectCallbackState =
  | { status: 'pending'; error: null; appState: undefined }
  | { status: 'success'; error: null; appState: unknown }
  | { status: 'error'; error: CognitoAuthError; appState: undefined };

/**
 * One completion per store and callback URL: React's StrictMode runs effects twice, and the state is good
 * once. Only the promise is kept (never the URL's code in a query cache), and dropped when it settles.
 */
const completions = new WeakMap<CognitoAuth, Map<string, Promise<RedirectCallbackResult>>>();

function complete(auth: CognitoAuth, url: string): Promise<RedirectCallbackResult> {
  let byUrl = completions.get(auth);
  if (!byUrl) completions.set(auth, (byUrl = new Map()));
  let promise = byUrl.get(url);
  if (!promise) {
    const started = handleRedirectCallback(auth, url);
    const drop = () => void byUrl.delete(url);
    started.then(drop, drop);
    byUrl.set(url, (promise = started));
  }
  return promise;
}

/**
 * Completes the managed-login sign-in on the redirect route, once (`handleRedirectCallback` on this page's
 * address, or `url`), and says where it stands.
 *
 * @example
 * const callback = useHandleRedirectCallback();
 * if (callback.status === 'success') return <Navigate to={(callback.appState as { returnTo?: string })?.returnTo ?? '/'} />;
 */
export function useHandleRedirectCallback(url?: string): RedirectCallbackState {
  const { auth } = useCognitoContext('useHandleRedirectCallback');
  // Read once: the callback takes code and state out of the address bar as it starts.
  const [href] = useState(() => url ?? (typeof location === 'undefined' ? '' : location.href));
  const [state, setState] = useState<RedirectCallbackState>({ status: 'pending', error: null, appState: undefined });
  useEffect(() => {
    let live = true;
    complete(auth, href).then(
      ({ appState }) => live && setState({ status: 'success', error: null, appState }),
      (error: CognitoAuthError) => live && setState({ status: 'error', error, appState: undefined }),
    );
    return () => {
      live = false;
    };
  }, [auth, href]);
  return state;
}
