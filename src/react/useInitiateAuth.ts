'use client';
import { mutationOptions, type UseMutationOptions, type UseMutationResult } from '@tanstack/react-query';
import type { CognitoAuth, CognitoAuthError, SignInInput, SignInStep } from '../core/index.js';
import { cognitoQueryKeys } from './queryKeys.js';
import { reveal, useSecretMutation } from './secrets.js';

/** Options of {@link useInitiateAuth}: TanStack Query's, without the key and function it sets. */
export type UseInitiateAuthOptions = Omit<UseMutationOptions<SignInStep, CognitoAuthError, SignInInput>, 'mutationKey' | 'mutationFn'>;
export type UseInitiateAuthResult = UseMutationResult<SignInStep, CognitoAuthError, SignInInput>;

/**
 * The mutation options behind {@link useInitiateAuth}, for apps that compose their own. The password is
 * taken out of the variables object when the mutation starts (it never stays in the mutation cache);
 * `useInitiateAuth` keeps it out from the start and leaves the app's object as it was.
 *
 * @example
 * const signIn = useMutation({ ...initiateAuthMutationOptions(auth), onSuccess: track });
 */
export function initiateAuthMutationOptions(auth: CognitoAuth) {
  return mutationOptions<SignInStep, CognitoAuthError, SignInInput>({
    mutationKey: cognitoQueryKeys(auth).mutation('initiateAuth'),
    mutationFn: (input) => auth.signIn(reveal(input)),
  });
}

/**
 * Starts a sign-in (InitiateAuth, and the SRP exchange when the flow uses it). Resolves with the first
 * step the user must act on, or `{ name: 'DONE' }`; the session state follows in `useAuth()`. The password
 * reaches Cognito only: `variables` (in the result, the callbacks, the mutation cache) never hold it.
 *
 * @example
 * const signIn = useInitiateAuth();
 * <form onSubmit={(e) => { e.preventDefault(); signIn.mutate({ username, password }); }}>
 */
export function useInitiateAuth(options?: UseInitiateAuthOptions): UseInitiateAuthResult {
  return useSecretMutation('useInitiateAuth', initiateAuthMutationOptions, options);
}
