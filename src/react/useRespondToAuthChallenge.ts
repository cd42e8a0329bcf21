'use client';
import { mutationOptions, useMutation, type UseMutationOptions, type UseMutationResult } from '@tanstack/react-query';
import type { ChallengeAnswer, CognitoAuth, CognitoAuthError, SignInStep } from '../core/index.js';
import { useCognitoContext } from './context.js';
import { cognitoQueryKeys } from './queryKeys.js';

export type UseRespondToAuthChallengeOptions = Omit<
  UseMutationOptions<SignInStep, CognitoAuthError, ChallengeAnswer>,
  'mutationKey' | 'mutationFn'
>;
export type UseRespondToAuthChallengeResult = UseMutationResult<SignInStep, CognitoAuthError, ChallengeAnswer>;

/**
 * The mutation options behind {@link useRespondToAuthChallenge}.
 *
 * @example
 * const answer = useMutation(respondToAuthChallengeMutationOptions(auth));
 */
export function respondToAuthChallengeMutationOptions(auth: CognitoAuth) {
  return mutationOptions<SignInStep, CognitoAuthError, ChallengeAnswer>({
    mutationKey: cognitoQueryKeys(auth).mutation('respondToAuthChallenge'),
    mutationFn: (answer) => auth.respondToChallenge(answer),
  });
}

/**
 * Answers the current step (an MFA code, a new password, MFA setup, a choice...). Resolves with the next
 * step, or `{ name: 'DONE' }`. A wrong code keeps the step: read `useAuth().step` and try again.
 *
 * @example
 * const respond = useRespondToAuthChallenge();
 * respond.mutate({ name: 'SOFTWARE_TOKEN_MFA', code });
 */
export function useRespondToAuthChallenge(options?: UseRespondToAuthChallengeOptions): UseRespondToAuthChallengeResult {
  const { auth } = useCognitoContext('useRespondToAuthChallenge');
  return useMutation({ ...options, ...respondToAuthChallengeMutationOptions(auth) });
}
