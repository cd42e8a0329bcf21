'use client';
import { mutationOptions, type UseMutationOptions, type UseMutationResult } from '@tanstack/react-query';
import type { ChallengeAnswer, CognitoAuth, CognitoAuthError, SignInStep } from '../core/index.js';
import { cognitoQueryKeys } from './queryKeys.js';
import { reveal, useSecretMutation } from './secrets.js';

export type UseRespondToAuthChallengeOptions = Omit<
  UseMutationOptions<SignInStep, CognitoAuthError, ChallengeAnswer>,
  'mutationKey' | 'mutationFn'
>;
export type UseRespondToAuthChallengeResult = UseMutationResult<SignInStep, CognitoAuthError, ChallengeAnswer>;

/**
 * The mutation options behind {@link useRespondToAuthChallenge}. Codes, passwords and answers are taken
 * out of the variables object when the mutation starts (they never stay in the mutation cache).
 *
 * @example
 * const answer = useMutation(respondToAuthChallengeMutationOptions(auth));
 */
export function respondToAuthChallengeMutationOptions(auth: CognitoAuth) {
  return mutationOptions<SignInStep, CognitoAuthError, ChallengeAnswer>({
    mutationKey: cognitoQueryKeys(auth).mutation('respondToAuthChallenge'),
    mutationFn: (answer) => auth.respondToChallenge(reveal(answer)),
  });
}

/**
 * Answers the current step (an MFA code, a new password, MFA setup, a choice...). Resolves with the next
 * step, or `{ name: 'DONE' }`. A wrong code keeps the step: read `useAuth().step` and try again. Codes,
 * passwords and answers reach Cognito only: `variables` never hold them.
 *
 * @example
 * const respond = useRespondToAuthChallenge();
 * respond.mutate({ name: 'SOFTWARE_TOKEN_MFA', code });
 */
export function useRespondToAuthChallenge(options?: UseRespondToAuthChallengeOptions): UseRespondToAuthChallengeResult {
  return useSecretMutation('useRespondToAuthChallenge', respondToAuthChallengeMutationOptions, options);
}
