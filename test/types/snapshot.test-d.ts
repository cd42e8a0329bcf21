// Type tests (run by `vitest --typecheck`, never executed): narrowing the snapshot on `status` gives
// the fields that status guarantees.
import { describe, expectTypeOf, it } from 'vitest';
import type {
  AuthSnapshot,
  AuthSnapshotOf,
  AuthUser,
  ChallengeSnapshot,
  ChallengeStep,
  ChallengeStepName,
  CognitoAuth,
  CognitoAuthError,
  CurrentDevice,
  LoadingSnapshot,
  SignedInSnapshot,
  SignedOutSnapshot,
  SignInStep,
  SignInStepName,
  SignOutReason,
  SuspendedSignIn,
} from 'cognito-react/core';

declare const snapshot: AuthSnapshot;
declare const auth: CognitoAuth;

describe('AuthSnapshot', () => {
  it('is the union of one snapshot per status', () => {
    expectTypeOf<AuthSnapshot>().toEqualTypeOf<LoadingSnapshot | SignedOutSnapshot | ChallengeSnapshot | SignedInSnapshot>();
    expectTypeOf(auth.getSnapshot()).toEqualTypeOf<AuthSnapshot>();
    expectTypeOf<AuthSnapshotOf<'signedIn'>>().toEqualTypeOf<SignedInSnapshot>();
    expectTypeOf<AuthSnapshotOf<'challenge'>>().toEqualTypeOf<ChallengeSnapshot>();
  });

  it('signed in: the user, the DONE step and the username are there', () => {
    if (snapshot.status === 'signedIn') {
      expectTypeOf(snapshot).toEqualTypeOf<SignedInSnapshot>();
      expectTypeOf(snapshot.user).toEqualTypeOf<AuthUser>();
      expectTypeOf(snapshot.user.username).toEqualTypeOf<string>();
      expectTypeOf(snapshot.step).toEqualTypeOf<{ name: 'DONE' }>();
      expectTypeOf(snapshot.username).toEqualTypeOf<string>();
      expectTypeOf(snapshot.signOutReason).toEqualTypeOf<null>();
      // A device only when the pool tracks devices: signed in does not guarantee one.
      expectTypeOf(snapshot.device).toEqualTypeOf<CurrentDevice | null>();
    }
  });

  it('challenge: the step is a challenge step, never DONE and never null', () => {
    if (snapshot.status === 'challenge') {
      expectTypeOf(snapshot.step).toEqualTypeOf<ChallengeStep>();
      expectTypeOf<Extract<typeof snapshot.step, { name: 'DONE' }>>().toBeNever();
      expectTypeOf<Extract<typeof snapshot.step, null>>().toBeNever();
      expectTypeOf(snapshot.step.name).toEqualTypeOf<ChallengeStepName>();
      expectTypeOf(snapshot.user).toEqualTypeOf<null>();
      expectTypeOf(snapshot.username).toEqualTypeOf<string>();
      expectTypeOf(snapshot.device).toEqualTypeOf<null>();
      // The step narrows further on its own name.
      if (snapshot.step.name === 'SMS_MFA') expectTypeOf(snapshot.step.codeDelivery.destination).toEqualTypeOf<string>();
    }
  });

  it('signed out and loading: no user, no step, no device', () => {
    if (snapshot.status === 'signedOut') {
      expectTypeOf(snapshot.user).toEqualTypeOf<null>();
      expectTypeOf(snapshot.step).toEqualTypeOf<null>();
      expectTypeOf(snapshot.device).toEqualTypeOf<null>();
      expectTypeOf(snapshot.username).toEqualTypeOf<string | null>();
      expectTypeOf(snapshot.signOutReason).toEqualTypeOf<SignOutReason | null>();
    }
    if (snapshot.status === 'loading') {
      expectTypeOf(snapshot.user).toEqualTypeOf<null>();
      expectTypeOf(snapshot.step).toEqualTypeOf<null>();
      expectTypeOf(snapshot.device).toEqualTypeOf<null>();
    }
  });

  it('keeps the fields every status has, unnarrowed', () => {
    expectTypeOf(snapshot.error).toEqualTypeOf<CognitoAuthError | null>();
    expectTypeOf(snapshot.pending).toEqualTypeOf<boolean>();
    expectTypeOf(snapshot.username).toEqualTypeOf<string | null>();
    expectTypeOf(snapshot.user).toEqualTypeOf<AuthUser | null>();
    expectTypeOf(snapshot.step).toEqualTypeOf<SignInStep | null>();
  });

  it('narrows on the user too: a user means signed in', () => {
    if (snapshot.user) expectTypeOf(snapshot.status).toEqualTypeOf<'signedIn'>();
  });

  it('can be switched over exhaustively', () => {
    const label = (s: AuthSnapshot): string => {
      switch (s.status) {
        case 'loading':
          return 'loading';
        case 'signedOut':
          return s.signOutReason ?? 'signed out';
        case 'challenge':
          return s.step.name;
        case 'signedIn':
          return s.user.username;
        default:
          return s satisfies never;
      }
    };
    expectTypeOf(label).returns.toEqualTypeOf<string>();
  });

  it('does not let the user be read before narrowing', () => {
    // @ts-expect-error: `user` is null unless the status says signed in.
    expectTypeOf(snapshot.user.username).toEqualTypeOf<string>();
    // @ts-expect-error: `step` is null unless signing in or signed in.
    expectTypeOf(snapshot.step.name).toEqualTypeOf<SignInStepName>();
  });
});

describe('ChallengeStep', () => {
  it('is every step but DONE', () => {
    expectTypeOf<ChallengeStep>().toEqualTypeOf<Exclude<SignInStep, { name: 'DONE' }>>();
    expectTypeOf<ChallengeStepName>().toEqualTypeOf<Exclude<SignInStepName, 'DONE'>>();
    expectTypeOf<SuspendedSignIn['step']>().toEqualTypeOf<ChallengeStep>();
  });
});
