'use client';
import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { AuthDevice, CognitoAuth, CognitoAuthError } from '../core/index.js';
import { useCognitoContext } from './context.js';
import { cognitoQueryKeys } from './queryKeys.js';
import { useAuth } from './useAuth.js';

/**
 * The query options behind {@link useDevices}.
 *
 * @example
 * const devices = useQuery(devicesQueryOptions(auth, sub));
 */
export function devicesQueryOptions(auth: CognitoAuth, sub: string | null) {
  return queryOptions<AuthDevice[], CognitoAuthError>({
    queryKey: cognitoQueryKeys(auth).devices(sub),
    queryFn: () => auth.listDevices(),
    enabled: sub !== null,
  });
}

/**
 * The signed-in user's remembered and tracked devices (ListDevices), `current` marking this one.
 *
 * @example
 * const { data: devices = [] } = useDevices();
 * return <ul>{devices.map((d) => <li key={d.deviceKey}>{d.name}{d.current ? ' (this device)' : ''}</li>)}</ul>;
 */
export function useDevices(): UseQueryResult<AuthDevice[], CognitoAuthError> {
  const { auth } = useCognitoContext('useDevices');
  const sub = useAuth((s) => s.user?.sub ?? null);
  return useQuery(devicesQueryOptions(auth, sub));
}
