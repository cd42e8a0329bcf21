'use client';
import type { FirstFactor, MfaType, SignInStep, SignInStepOf } from '../../core/index.js';
import { CustomChallengeForm } from '../CustomChallengeForm/CustomChallengeForm.js';
import { EmailOtpForm } from '../CodeForms/EmailOtpForm.js';
import { SmsMfaForm } from '../CodeForms/SmsMfaForm.js';
import { SmsOtpForm } from '../CodeForms/SmsOtpForm.js';
import { SoftwareTokenMfaForm } from '../CodeForms/SoftwareTokenMfaForm.js';
import type { Messages } from '../messages.js';
import { MfaSetupForm } from '../MfaSetupForm/MfaSetupForm.js';
import { NewPasswordRequiredForm } from '../NewPasswordRequiredForm/NewPasswordRequiredForm.js';
import { PasswordForm } from '../PasswordForm/PasswordForm.js';
import { SelectChallengeForm } from '../SelectChallengeForm/SelectChallengeForm.js';
import { SelectMfaTypeForm } from '../SelectMfaTypeForm/SelectMfaTypeForm.js';
import type { FieldConfig } from '../shared/fields.js';
import { UnknownStep } from '../UnknownStep/UnknownStep.js';
import { WebAuthnPrompt } from '../WebAuthnPrompt/WebAuthnPrompt.js';
import type { SignInRenderers } from './SignIn.js';

/** What `<SignIn>` hands the form of a challenge step. */
export interface ChallengeStepProps {
  step: Exclude<SignInStep, { name: 'DONE' }>;
  render: SignInRenderers;
  messages: Messages | undefined;
  preferredMfa: MfaType | undefined;
  preferredChallenge: FirstFactor | undefined;
  rememberFirstFactor: boolean | undefined;
  fields: readonly FieldConfig[] | undefined;
}

/**
 * The form of the current challenge step (every step after the first form), with the app's renderer for
 * it: in the chunk of the challenge forms, which `<SignIn>` fetches while the request leading to a
 * challenge is in flight (and at idle), so that it is there when the step comes.
 */
export function ChallengeStep({ step, render, messages, preferredMfa, preferredChallenge, rememberFirstFactor, fields }: ChallengeStepProps) {
  const options = { messages };
  switch (step.name) {
    case 'SMS_MFA':
      return <SmsMfaForm {...options}>{render.SMS_MFA}</SmsMfaForm>;
    case 'SOFTWARE_TOKEN_MFA':
      return <SoftwareTokenMfaForm {...options}>{render.SOFTWARE_TOKEN_MFA}</SoftwareTokenMfaForm>;
    case 'EMAIL_OTP':
      return <EmailOtpForm {...options}>{render.EMAIL_OTP}</EmailOtpForm>;
    case 'SMS_OTP':
      return <SmsOtpForm {...options}>{render.SMS_OTP}</SmsOtpForm>;
    case 'SELECT_MFA_TYPE':
      return <SelectMfaTypeForm {...options} {...(preferredMfa ? { preferredMfa } : {})}>{render.SELECT_MFA_TYPE}</SelectMfaTypeForm>;
    case 'NEW_PASSWORD_REQUIRED':
      return (
        <NewPasswordRequiredForm {...options} {...(fields ? { fields } : {})}>
          {render.NEW_PASSWORD_REQUIRED}
        </NewPasswordRequiredForm>
      );
    case 'PASSWORD':
      return <PasswordForm {...options}>{render.PASSWORD}</PasswordForm>;
    case 'PASSWORD_SRP':
      return <PasswordForm {...options}>{render.PASSWORD_SRP}</PasswordForm>;
    case 'CUSTOM_CHALLENGE':
      return <CustomChallengeForm {...options}>{render.CUSTOM_CHALLENGE}</CustomChallengeForm>;
    case 'MFA_SETUP':
      return <MfaSetupForm {...options} {...(preferredMfa ? { preferredMfa } : {})}>{render.MFA_SETUP}</MfaSetupForm>;
    case 'SELECT_CHALLENGE':
      return (
        <SelectChallengeForm {...options} {...(preferredChallenge ? { preferredChallenge } : {})} {...(rememberFirstFactor ? { rememberChoice: true } : {})}>
          {render.SELECT_CHALLENGE}
        </SelectChallengeForm>
      );
    case 'WEB_AUTHN':
      return <WebAuthnPrompt {...options}>{render.WEB_AUTHN}</WebAuthnPrompt>;
    case 'UNKNOWN_CHALLENGE':
      return <UnknownStep step={step as SignInStepOf<'UNKNOWN_CHALLENGE'>} {...options} />;
    default:
      return step satisfies never;
  }
}
