'use client';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { CognitoAuthError } from '../core/index.js';
import { accessTokenQueryOptions } from './accessTokenQuery.js';
import { useCognitoContext } from './context.js';
import { useAuth } from './useAuth.js';

/**
 * A valid access token for calling the app's APIs, refreshed by the store when it nears expiry (the
 * query updates on every refresh). Reports `isPending` while there is none yet; `useSuspenseAccessToken()`
 * suspends instead.
 *
 * @example
 * const { data: token } = useAccessToken();
 * const orders = useQuery({ queryKey: ['orders'], enabled: !!token, queryFn: () => api('/orders', token!) });
 */
export function useAccessToken(): UseQueryResult<string, CognitoAuthError> {
  const { auth } = useCognitoContext('useAccessToken');
  const sub = useAuth((s) => (s.isSignedIn ? s.user.sub : null));
  return useQuery({ ...accessTokenQueryOptions(auth, sub), enabled: sub !== null });
}
