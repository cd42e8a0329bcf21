// Type tests (run by `vitest --typecheck`, never executed): the options factories carry their
// variables, data and error types into TanStack Query, so `useMutation(factory(auth))` and
// `useQuery(factory(auth, sub))` are typed with no annotation.
import { QueryClient, useMutation, useQuery } from '@tanstack/react-query';
import { describe, expectTypeOf, it } from 'vitest';
import {
  accessTokenQueryOptions,
  accountMutationOptions,
  devicesQueryOptions,
  forgetDeviceMutationOptions,
  initiateAuthMutationOptions,
  passkeysQueryOptions,
  rememberDeviceMutationOptions,
  respondToAuthChallengeMutationOptions,
  signOutMutationOptions,
  userQueryOptions,
} from 'cognito-react';
import type {
  AuthDevice,
  ChallengeAnswer,
  CodeDelivery,
  CognitoAuth,
  CognitoAuthError,
  Passkey,
  SignInInput,
  SignInStep,
  SignOutOptions,
  SignOutResult,
  SignUpInput,
  SignUpResult,
  TotpSetup,
  UserDetails,
} from 'cognito-react/core';

declare const auth: CognitoAuth;
declare const sub: string | null;
const queryClient = new QueryClient();

describe('mutation options factories', () => {
  it('initiateAuthMutationOptions: SignInInput in, the next SignInStep out', () => {
    function Component() {
      const m = useMutation(initiateAuthMutationOptions(auth));
      expectTypeOf(m.mutate).parameter(0).toEqualTypeOf<SignInInput>();
      expectTypeOf(m.mutateAsync).returns.resolves.toEqualTypeOf<SignInStep>();
      expectTypeOf(m.data).toEqualTypeOf<SignInStep | undefined>();
      expectTypeOf(m.error).toEqualTypeOf<CognitoAuthError | null>();
      expectTypeOf(m.variables).toEqualTypeOf<SignInInput | undefined>();
      return null;
    }
    expectTypeOf(Component).returns.toBeNull();
  });

  it('respondToAuthChallengeMutationOptions: a ChallengeAnswer in, the next SignInStep out', () => {
    function Component() {
      const m = useMutation(respondToAuthChallengeMutationOptions(auth));
      expectTypeOf(m.mutate).parameter(0).toEqualTypeOf<ChallengeAnswer>();
      expectTypeOf(m.data).toEqualTypeOf<SignInStep | undefined>();
      expectTypeOf(m.error).toEqualTypeOf<CognitoAuthError | null>();
      // @ts-expect-error: an answer names the step it answers.
      m.mutate({ code: '123456' });
      return null;
    }
    expectTypeOf(Component).returns.toBeNull();
  });

  it('signOutMutationOptions: options or nothing in, the SignOutResult out', () => {
    function Component() {
      const m = useMutation(signOutMutationOptions(auth));
      expectTypeOf(m.mutate).parameter(0).toEqualTypeOf<SignOutOptions | void | undefined>();
      expectTypeOf(m.data).toEqualTypeOf<SignOutResult | undefined>();
      m.mutate();
      m.mutate({ global: true });
      return null;
    }
    expectTypeOf(Component).returns.toBeNull();
  });

  it('the device factories: remember takes nothing or false (declined), forget an optional device key', () => {
    function Component() {
      const remember = useMutation(rememberDeviceMutationOptions(auth));
      // TanStack makes `void` variables optional.
      expectTypeOf(remember.mutate).parameter(0).toEqualTypeOf<boolean | void | undefined>();
      expectTypeOf(remember.mutate).toBeCallableWith();
      expectTypeOf(remember.mutate).toBeCallableWith(false);
      expectTypeOf(remember.data).toEqualTypeOf<void | undefined>();
      const forget = useMutation(forgetDeviceMutationOptions(auth));
      expectTypeOf(forget.mutate).parameter(0).toEqualTypeOf<string | void | undefined>();
      expectTypeOf(forget.mutate).toBeCallableWith('eu-west-1_device-key');
      expectTypeOf(forget.mutate).toBeCallableWith();
      expectTypeOf(forget.error).toEqualTypeOf<CognitoAuthError | null>();
      return null;
    }
    expectTypeOf(Component).returns.toBeNull();
  });

  it('accountMutationOptions: the variables and data of the action named', () => {
    function Component() {
      const signUp = useMutation(accountMutationOptions(auth, 'signUp'));
      expectTypeOf(signUp.mutate).parameter(0).toEqualTypeOf<SignUpInput>();
      expectTypeOf(signUp.data).toEqualTypeOf<SignUpResult | undefined>();
      const forgot = useMutation(accountMutationOptions(auth, 'forgotPassword'));
      expectTypeOf(forgot.mutate).parameter(0).toEqualTypeOf<{ username: string }>();
      expectTypeOf(forgot.data).toEqualTypeOf<{ codeDelivery: CodeDelivery | undefined } | undefined>();
      const totp = useMutation(accountMutationOptions(auth, 'startTotpSetup'));
      expectTypeOf(totp.data).toEqualTypeOf<TotpSetup | undefined>();
      const deleteUser = useMutation(accountMutationOptions(auth, 'deleteUser'));
      expectTypeOf(deleteUser.mutate).parameter(0).toEqualTypeOf<void | undefined>();
      expectTypeOf(deleteUser.error).toEqualTypeOf<CognitoAuthError | null>();
      return null;
    }
    expectTypeOf(Component).returns.toBeNull();
    // @ts-expect-error: there is no such account action.
    accountMutationOptions(auth, 'signUpp');
  });
});

describe('query options factories', () => {
  it('userQueryOptions: the GetUser details, also from the cache by its key', () => {
    function Component() {
      const q = useQuery(userQueryOptions(auth, sub));
      expectTypeOf(q.data).toEqualTypeOf<UserDetails | undefined>();
      expectTypeOf(q.error).toEqualTypeOf<CognitoAuthError | null>();
      return null;
    }
    expectTypeOf(Component).returns.toBeNull();
    expectTypeOf(queryClient.getQueryData(userQueryOptions(auth, sub).queryKey)).toEqualTypeOf<UserDetails | undefined>();
  });

  it('devicesQueryOptions and passkeysQueryOptions: lists of the user’s devices and passkeys', () => {
    function Component() {
      const devices = useQuery(devicesQueryOptions(auth, sub));
      expectTypeOf(devices.data).toEqualTypeOf<AuthDevice[] | undefined>();
      const passkeys = useQuery(passkeysQueryOptions(auth, sub));
      expectTypeOf(passkeys.data).toEqualTypeOf<Passkey[] | undefined>();
      expectTypeOf(passkeys.error).toEqualTypeOf<CognitoAuthError | null>();
      return null;
    }
    expectTypeOf(Component).returns.toBeNull();
    expectTypeOf(queryClient.getQueryData(devicesQueryOptions(auth, sub).queryKey)).toEqualTypeOf<AuthDevice[] | undefined>();
  });

  it('accessTokenQueryOptions: selects the token string out of its box', () => {
    function Component() {
      const q = useQuery(accessTokenQueryOptions(auth, sub));
      expectTypeOf(q.data).toEqualTypeOf<string | undefined>();
      expectTypeOf(q.error).toEqualTypeOf<CognitoAuthError | null>();
      return null;
    }
    expectTypeOf(Component).returns.toBeNull();
  });
});
