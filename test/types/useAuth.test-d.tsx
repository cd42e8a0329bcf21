// Type tests (run by `vitest --typecheck`, never executed): `useAuth()` gives the discriminated state,
// so a component narrows on `status` (or `isSignedIn`) and reads what it guarantees without `?.`.
import { describe, expectTypeOf, it } from 'vitest';
import { useAuth, type AuthActions, type AuthState, type UseAuthResult } from 'cognito-react';
import type { AuthSnapshot, AuthUser, ChallengeStep, CognitoAuthError, SignedInSnapshot, SignInStep } from 'cognito-react/core';

describe('useAuth()', () => {
  it('returns the state, discriminated by status, with the actions', () => {
    function Component() {
      const auth = useAuth();
      expectTypeOf(auth).toEqualTypeOf<UseAuthResult>();
      expectTypeOf(auth).toExtend<AuthSnapshot>();
      expectTypeOf(auth).toExtend<AuthActions>();
      expectTypeOf(auth.signIn).toEqualTypeOf<AuthActions['signIn']>();
      if (auth.status === 'signedIn') {
        expectTypeOf(auth.user.username).toEqualTypeOf<string>();
        expectTypeOf(auth.isSignedIn).toEqualTypeOf<true>();
        expectTypeOf(auth.step).toEqualTypeOf<{ name: 'DONE' }>();
      } else {
        expectTypeOf(auth.isSignedIn).toEqualTypeOf<false>();
        expectTypeOf(auth.user).toEqualTypeOf<null>();
      }
      if (auth.status === 'challenge') expectTypeOf(auth.step).toEqualTypeOf<ChallengeStep>();
      if (auth.isSignedIn) expectTypeOf(auth.user).toEqualTypeOf<AuthUser>();
      return null;
    }
    expectTypeOf(Component).returns.toBeNull();
  });

  it('narrows destructured fields too, as the README example does', () => {
    function Component() {
      const { status, user, step } = useAuth();
      if (status === 'signedIn') expectTypeOf(user).toEqualTypeOf<AuthUser>();
      if (status === 'challenge') expectTypeOf(step).toEqualTypeOf<ChallengeStep>();
      if (status === 'signedOut') expectTypeOf(user).toEqualTypeOf<null>();
      return null;
    }
    expectTypeOf(Component).returns.toBeNull();
  });

  it('does not let the user be read before narrowing', () => {
    function Component() {
      const auth = useAuth();
      // @ts-expect-error: `user` is null unless the status says signed in.
      expectTypeOf(auth.user.username).toEqualTypeOf<string>();
      return null;
    }
    expectTypeOf(Component).returns.toBeNull();
  });
});

describe('useAuth(selector)', () => {
  it('gives the selector the discriminated state and returns what it selects', () => {
    function Component() {
      const state = useAuth((s) => s);
      expectTypeOf(state).toEqualTypeOf<AuthState>();
      const sub = useAuth((s) => (s.isSignedIn ? s.user.sub : null));
      expectTypeOf(sub).toEqualTypeOf<string | null>();
      const signedIn = useAuth((s) => (s.status === 'signedIn' ? s : null));
      expectTypeOf(signedIn).toEqualTypeOf<(SignedInSnapshot & { isSignedIn: true }) | null>();
      const email = useAuth((s) => s.user?.attributes.email);
      expectTypeOf(email).toEqualTypeOf<string | undefined>();
      const step = useAuth((s) => s.step);
      expectTypeOf(step).toEqualTypeOf<SignInStep | null>();
      const error = useAuth((s) => s.error);
      expectTypeOf(error).toEqualTypeOf<CognitoAuthError | null>();
      return null;
    }
    expectTypeOf(Component).returns.toBeNull();
  });
});
