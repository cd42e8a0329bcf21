'use client';
import { useMutation, type UseMutationOptions, type UseMutationResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { CognitoAuth, CognitoAuthError } from '../core/index.js';
import { useCognitoContext } from './context.js';

/**
 * Passwords and codes go to Cognito and nowhere else. A mutation's `variables` live in TanStack Query's
 * mutation cache (devtools show them, persisters write them to storage, `useMutationState` reads them),
 * so their secret fields are taken out, and the whole input is kept in this map, keyed by the variables
 * object: only the mutation function looks it up, and it goes when the mutation is garbage-collected.
 */
const whole = new WeakMap<object, object>();

/**
 * The fields that hold a secret: password, newPassword, previousPassword, proposedPassword, code, answer,
 * credential (a WebAuthn assertion), responses (an unknown challenge's answer). A field taken by mistake
 * still reaches the mutation function: it is only left out of the cache.
 */
const SECRET = /word|code|answer|cred|resp/;

/** Keeps the whole of `variables` in `whole`, then deletes their secret fields (in place). */
function conceal<V>(variables: V): V {
  if (variables && typeof variables == 'object') {
    // Merged over what was kept before: an object given again keeps the secrets it lost the first time.
    whole.set(variables, { ...whole.get(variables), ...variables });
    for (const field in variables) if (SECRET.test(field)) delete variables[field];
  }
  return variables;
}

/**
 * What a mutation function works with: the variables with their secrets. Variables given to TanStack
 * Query's own `mutate` (an options factory under the app's `useMutation`) lose their secret fields here,
 * in place, as the mutation starts (so they must not be frozen); the hooks, made with
 * {@link useSecretMutation}, hand TanStack Query a copy without them and never let them into the cache.
 */
export const reveal = <V>(variables: V): V => (whole.get(conceal(variables) as object) as V | undefined) ?? variables;

/** `mutate` (or `mutateAsync`) given a copy of the variables without their secrets: the app's object stays as it was. */
const hiding =
  <A extends unknown[], R>(mutate: (...args: A) => R) =>
  (...args: A): R => {
    args[0] = conceal(args[0] && typeof args[0] == 'object' ? { ...args[0] } : args[0]);
    return mutate(...args);
  };

/**
 * The mutation a hook runs: `factory(auth)` over the app's `options`, with `mutate` and `mutateAsync` that
 * keep the secrets out of the cache from the start, even while the mutation is pending or paused offline.
 */
export function useSecretMutation<D, V>(
  hook: string,
  factory: (auth: CognitoAuth) => UseMutationOptions<D, CognitoAuthError, V>,
  options?: Omit<UseMutationOptions<D, CognitoAuthError, V>, 'mutationKey' | 'mutationFn'>,
): UseMutationResult<D, CognitoAuthError, V> {
  const { auth } = useCognitoContext(hook);
  const mutation = useMutation({ ...options, ...factory(auth) });
  const { mutate, mutateAsync } = mutation;
  return { ...mutation, ...useMemo(() => ({ mutate: hiding(mutate), mutateAsync: hiding(mutateAsync) }), [mutate, mutateAsync]) };
}
