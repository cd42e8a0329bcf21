// Type tests (run by `vitest --typecheck`, never executed): `<SignIn render>` is a map keyed by the
// steps `<SignIn>` renders, whose renderers get the props of their own step.
import type { ReactNode } from 'react';
import { describe, expectTypeOf, it } from 'vitest';
import type {
  CodeFormRenderProps,
  MfaSetupFormRenderProps,
  PasswordFormRenderProps,
  RawStepRenderProps,
  SignInFormRenderProps,
  SignInRenderers,
  SignInRenderStep,
  SignInProps,
  StepRenderProps,
} from 'cognito-react';
import type { ChallengeStepName, CognitoAuth, SignInStepOf } from 'cognito-react/core';

describe('SignInRenderers', () => {
  it('is keyed by the first form and every challenge step, each one optional', () => {
    expectTypeOf<SignInRenderStep>().toEqualTypeOf<'SIGN_IN' | ChallengeStepName>();
    expectTypeOf<keyof SignInRenderers>().toEqualTypeOf<SignInRenderStep>();
    expectTypeOf<SignInProps['render']>().toEqualTypeOf<SignInRenderers | undefined>();
    // A partial map: the steps not listed keep their prebuilt forms.
    expectTypeOf<{ SMS_MFA: () => null }>().toExtend<SignInRenderers>();
    expectTypeOf<Record<never, never>>().toExtend<SignInRenderers>();
  });

  it('refuses a misspelled step and DONE (the signed-in view is `signedIn`, not a step)', () => {
    const renderers: SignInRenderers = {
      SMS_MFA: () => null,
      // @ts-expect-error: there is no step SMS_MFAA.
      SMS_MFAA: () => null,
    };
    const done: SignInRenderers = {
      // @ts-expect-error: DONE is not a step `<SignIn>` renders.
      DONE: () => null,
    };
    expectTypeOf(renderers).toEqualTypeOf<SignInRenderers>();
    expectTypeOf(done).toEqualTypeOf<SignInRenderers>();
  });

  it('gives each renderer the props of its own step', () => {
    const renderers: SignInRenderers = {
      SIGN_IN: (form) => {
        expectTypeOf(form).toEqualTypeOf<SignInFormRenderProps>();
        return null;
      },
      SMS_MFA: (form) => {
        expectTypeOf(form).toEqualTypeOf<CodeFormRenderProps<'SMS_MFA'>>();
        expectTypeOf(form.step).toEqualTypeOf<SignInStepOf<'SMS_MFA'> | null>();
        return form.step?.codeDelivery.destination;
      },
      SOFTWARE_TOKEN_MFA: (form) => {
        expectTypeOf(form.step).toEqualTypeOf<SignInStepOf<'SOFTWARE_TOKEN_MFA'> | null>();
        // @ts-expect-error: an authenticator code is not delivered anywhere.
        return form.step?.codeDelivery;
      },
      PASSWORD_SRP: (form) => {
        expectTypeOf(form).toEqualTypeOf<PasswordFormRenderProps>();
        return null;
      },
      MFA_SETUP: (form) => {
        expectTypeOf(form).toEqualTypeOf<MfaSetupFormRenderProps>();
        return null;
      },
      UNKNOWN_CHALLENGE: ({ step, auth }) => {
        expectTypeOf(step).toEqualTypeOf<SignInStepOf<'UNKNOWN_CHALLENGE'>>();
        expectTypeOf(auth).toEqualTypeOf<CognitoAuth>();
        return step.challengeName;
      },
    };
    expectTypeOf(renderers.SMS_MFA).toEqualTypeOf<((props: CodeFormRenderProps<'SMS_MFA'>) => ReactNode) | undefined>();
  });

  it('derives the props of every step from the step union (none is missing)', () => {
    expectTypeOf<keyof StepRenderProps>().toEqualTypeOf<SignInRenderStep>();
    expectTypeOf<StepRenderProps['EMAIL_OTP']>().toEqualTypeOf<CodeFormRenderProps<'EMAIL_OTP'>>();
    // A step without a prebuilt form gets the raw step.
    expectTypeOf<StepRenderProps['UNKNOWN_CHALLENGE']>().toEqualTypeOf<RawStepRenderProps<'UNKNOWN_CHALLENGE'>>();
    expectTypeOf<{ [N in SignInRenderStep]: StepRenderProps[N] }>().toEqualTypeOf<StepRenderProps>();
  });
});
