'use client';
import { mutationOptions, useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import type { CognitoAuth, CognitoAuthError } from '../core/index.js';
import { useCognitoContext } from './context.js';
import { cognitoQueryKeys } from './queryKeys.js';

/**
 * The mutation options behind {@link useRememberDevice}.
 *
 * @example
 * const remember = useMutation(rememberDeviceMutationOptions(auth));
 */
export function rememberDeviceMutationOptions(auth: CognitoAuth) {
  return mutationOptions<void, CognitoAuthError, boolean | void>({
    mutationKey: cognitoQueryKeys(auth).mutation('rememberDevice'),
    // `false`: the user declined (UpdateDeviceStatus `not_remembered`); anything else remembers.
    mutationFn: (remember) => auth.rememberDevice(remember !== false),
  });
}

/**
 * Remembers this device (UpdateDeviceStatus), so later sign-ins may skip MFA: offer it after sign-in when
 * `useAuth().device?.remembered` is false (`<SignIn afterSignIn={[rememberDeviceStep()]}>` does). With
 * `false`, marks it `not_remembered` instead.
 *
 * @example
 * const remember = useRememberDevice();
 * <button onClick={() => remember.mutate()}>Remember this browser</button>
 * <button onClick={() => remember.mutate(false)}>Not this one</button>
 */
export function useRememberDevice(): UseMutationResult<void, CognitoAuthError, boolean | void> {
  const { auth, keys } = useCognitoContext('useRememberDevice');
  const queryClient = useQueryClient();
  return useMutation({
    ...rememberDeviceMutationOptions(auth),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.devices(auth.getSnapshot().user?.sub ?? null) }),
  });
}
