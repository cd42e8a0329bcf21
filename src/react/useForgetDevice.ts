'use client';
import { mutationOptions, useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import type { CognitoAuth, CognitoAuthError } from '../core/index.js';
import { useCognitoContext } from './context.js';
import { cognitoQueryKeys } from './queryKeys.js';

/**
 * The mutation options behind {@link useForgetDevice}.
 *
 * @example
 * const forget = useMutation(forgetDeviceMutationOptions(auth));
 */
export function forgetDeviceMutationOptions(auth: CognitoAuth) {
  return mutationOptions<void, CognitoAuthError, string | void>({
    mutationKey: cognitoQueryKeys(auth).mutation('forgetDevice'),
    mutationFn: (deviceKey) => auth.forgetDevice(deviceKey ?? undefined),
  });
}

/**
 * Forgets a device (ForgetDevice): the one given by key, or this one. The device list is refreshed.
 *
 * @example
 * const forget = useForgetDevice();
 * devices.map((d) => <button key={d.deviceKey} onClick={() => forget.mutate(d.deviceKey)}>Forget {d.name}</button>);
 */
export function useForgetDevice(): UseMutationResult<void, CognitoAuthError, string | void> {
  const { auth, keys } = useCognitoContext('useForgetDevice');
  const queryClient = useQueryClient();
  return useMutation({
    ...forgetDeviceMutationOptions(auth),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.devices(auth.getSnapshot().user?.sub ?? null) }),
  });
}
