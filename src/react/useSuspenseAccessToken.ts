'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { accessTokenQueryOptions } from './accessTokenQuery.js';
import { useCognitoContext } from './context.js';
import { useAuth } from './useAuth.js';

/**
 * A valid access token, suspending until there is one (use under `<Suspense>` and `<Authenticated>`).
 * Throws `NotSignedIn` to the nearest error boundary when nobody is signed in.
 *
 * @example
 * function Orders() {
 *   const token = useSuspenseAccessToken();
 *   const { data } = useSuspenseQuery({ queryKey: ['orders'], queryFn: () => api('/orders', token) });
 * }
 */
export function useSuspenseAccessToken(): string {
  const { auth } = useCognitoContext('useSuspenseAccessToken');
  const sub = useAuth((s) => s.user?.sub ?? null);
  return useSuspenseQuery(accessTokenQueryOptions(auth, sub)).data;
}
