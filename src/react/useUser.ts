'use client';
import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { CognitoAuth, CognitoAuthError, UserDetails } from '../core/index.js';
import { useCognitoContext } from './context.js';
import { cognitoQueryKeys } from './queryKeys.js';
import { useAuth } from './useAuth.js';

/**
 * The query options behind {@link useUser}, for prefetching or composing (`sub` is the signed-in user's).
 *
 * @example
 * await queryClient.prefetchQuery(userQueryOptions(auth, sub));
 */
export function userQueryOptions(auth: CognitoAuth, sub: string | null) {
  return queryOptions<UserDetails, CognitoAuthError>({
    queryKey: cognitoQueryKeys(auth).user(sub),
    queryFn: () => auth.getUser(),
    enabled: sub !== null,
  });
}

/**
 * The signed-in user's attributes and MFA settings from Cognito (GetUser), cached per user and dropped at
 * sign-out. For what the ID token already says (no request), read `useAuth((s) => s.user)`.
 *
 * @example
 * const { data, isPending } = useUser();
 * if (data) return <p>{data.attributes.email}</p>;
 */
export function useUser(): UseQueryResult<UserDetails, CognitoAuthError> {
  const { auth } = useCognitoContext('useUser');
  const sub = useAuth((s) => s.user?.sub ?? null);
  return useQuery(userQueryOptions(auth, sub));
}
