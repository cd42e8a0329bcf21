'use client';
import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { AuthDevice, CognitoAuth, CognitoAuthError } from '../core/index.js';
import { useCognitoContext } from './context.js';
import { cognitoQueryKeys } from './queryKeys.js';
import { useAuth } from './useAuth.js';

/**
 * Whether an error says the user pool does not have the operation at all: Cognito's
 * `UnknownOperationException`, the library's `UnsupportedOperation` (server mode), or a local emulator's
 * unsupported feature (cognito-local answers `CognitoLocal#Unsupported`). Asking again cannot help.
 */
export function isUnsupportedOperation(error: CognitoAuthError | null | undefined): boolean {
  if (!error) return false;
  return (
    error.name === 'UnknownOperationException' ||
    error.name === 'UnsupportedOperation' ||
    error.name === 'Unsupported' ||
    error.message.startsWith('Cognito Local unsupported feature')
  );
}

/**
 * TanStack Query's retry rule for the account lists: a transient failure (`retryable`) is tried again twice,
 * an operation the pool does not have never (the section then says so or hides itself).
 */
export const listRetry = (failureCount: number, error: CognitoAuthError) => !isUnsupportedOperation(error) && error.retryable && failureCount < 2;

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
    retry: listRetry,
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
