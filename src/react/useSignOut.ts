'use client';
import { mutationOptions, useMutation, type UseMutationOptions, type UseMutationResult } from '@tanstack/react-query';
import type { CognitoAuth, CognitoAuthError, SignOutOptions, SignOutResult } from '../core/index.js';
import { useCognitoContext } from './context.js';
import { cognitoQueryKeys } from './queryKeys.js';

export type UseSignOutOptions = Omit<UseMutationOptions<SignOutResult, CognitoAuthError, SignOutOptions | void>, 'mutationKey' | 'mutationFn'>;
export type UseSignOutResult = UseMutationResult<SignOutResult, CognitoAuthError, SignOutOptions | void>;

/**
 * The mutation options behind {@link useSignOut}.
 *
 * @example
 * const signOut = useMutation(signOutMutationOptions(auth));
 */
export function signOutMutationOptions(auth: CognitoAuth) {
  return mutationOptions<SignOutResult, CognitoAuthError, SignOutOptions | void>({
    mutationKey: cognitoQueryKeys(auth).mutation('signOut'),
    mutationFn: (options) => auth.signOut(options ?? {}),
  });
}

/**
 * Signs out: local state at once, then RevokeToken (and GlobalSignOut with `{ global: true }`). It never
 * fails; `data.error` says when Cognito could not be told.
 *
 * @example
 * const signOut = useSignOut();
 * <button onClick={() => signOut.mutate({ global: true })}>Sign out everywhere</button>
 */
export function useSignOut(options?: UseSignOutOptions): UseSignOutResult {
  const { auth } = useCognitoContext('useSignOut');
  return useMutation({ ...options, ...signOutMutationOptions(auth) });
}
