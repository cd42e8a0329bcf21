'use client';
import { mutationOptions, useMutation, type UseMutationOptions, type UseMutationResult } from '@tanstack/react-query';
import type { CognitoAuth, CognitoAuthError, SignInInput, SignInStep } from '../core/index.js';
import { useCognitoContext } from './context.js';
import { cognitoQueryKeys } from './queryKeys.js';

/** Options of {@link useInitiateAuth}: TanStack Query's, without the key and function it sets. */
export type UseInitiateAuthOptions = Omit<UseMutationOptions<SignInStep, CognitoAuthError, SignInInput>, 'mutationKey' | 'mutationFn'>;
export type UseInitiateAuthResult = UseMutationResult<SignInStep, CognitoAuthError, SignInInput>;

/**
 * The mutation options behind {@link useInitiateAuth}, for apps that compose their own.
 *
 * @example
 * const signIn = useMutation({ ...initiateAuthMutationOptions(auth), onSuccess: track });
 */
export function initiateAuthMutationOptions(auth: CognitoAuth) {
  return mutationOptions<SignInStep, CognitoAuthError, SignInInput>({
    mutationKey: cognitoQueryKeys(auth).mutation('initiateAuth'),
    mutationFn: (input) => auth.signIn(input),
  });
}

/**
 * Starts a sign-in (InitiateAuth, and the SRP exchange when the flow uses it). Resolves with the first
 * step the user must act on, or `{ name: 'DONE' }`; the session state follows in `useAuth()`.
 *
 * @example
 * const signIn = useInitiateAuth();
 * <form onSubmit={(e) => { e.preventDefault(); signIn.mutate({ username, password }); }}>
 */
export function useInitiateAuth(options?: UseInitiateAuthOptions): UseInitiateAuthResult {
  const { auth } = useCognitoContext('useInitiateAuth');
  return useMutation({ ...options, ...initiateAuthMutationOptions(auth) });
}
