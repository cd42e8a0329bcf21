import { CognitoAuthError, invalidInput } from '../errors.js';
import type { ChallengeAnswer, ChallengeStep, CredentialRequestOptionsJSON, SignInStepOf } from '../types.js';

/** An answer ready to go to Cognito as one RespondToAuthChallenge. */
export interface ChallengeResponse {
  kind: 'respond';
  /** The ChallengeName to answer: the step's name, or an unknown challenge's own name. */
  challengeName: string;
  /**
   * The answer's ChallengeResponses, without what every request of a sign-in carries (USERNAME,
   * SECRET_HASH, DEVICE_KEY), which the store adds.
   */
  responses: Record<string, string>;
  /** The request carries the password: a NotAuthorizedException then means a wrong password, not expiry. */
  sentPassword: boolean;
  /**
   * The password to prove by SRP (PASSWORD_SRP, directly or chosen in SELECT_CHALLENGE): the store adds
   * SRP_A from a fresh ephemeral to `responses` and keeps the password for the PASSWORD_VERIFIER that follows.
   */
  srpPassword?: string;
}

/**
 * What answering a step takes, as `encodeAnswer` works it out: a request to send, or the side effect the
 * store must run first.
 * - `respond`: send `responses` for `challengeName`.
 * - `startTotp`: MFA_SETUP with the authenticator app and no code yet: AssociateSoftwareToken, which gives
 *   the secret to show (unless the step has it already).
 * - `verifyTotp`: VerifySoftwareToken with the code; once it succeeds, the step becomes `verified` and the
 *   same answer, encoded again against it, completes the challenge.
 * - `webAuthn`: get an assertion for `credentialRequestOptions`, then encode `{ name: 'WEB_AUTHN', credential }`.
 */
export type EncodedAnswer =
  | ChallengeResponse
  | { kind: 'startTotp' }
  | { kind: 'verifyTotp'; code: string; friendlyDeviceName?: string; verified: SignInStepOf<'MFA_SETUP'> }
  | { kind: 'webAuthn'; credentialRequestOptions: CredentialRequestOptionsJSON };

const respond = (challengeName: string, responses: Record<string, string>, sentPassword = false): ChallengeResponse => ({
  kind: 'respond',
  challengeName,
  responses,
  sentPassword,
});

/**
 * Encodes an answer to the current step into ChallengeResponses (or into the step the store must take
 * first). Pure: no request, no clock, no randomness. Expects an answer `validateAnswer` has passed, so codes
 * are already normalised.
 *
 * @example
 * encodeAnswer({ name: 'SMS_MFA', codeDelivery }, { name: 'SMS_MFA', code: '123456' });
 * // { kind: 'respond', challengeName: 'SMS_MFA', responses: { SMS_MFA_CODE: '123456' }, sentPassword: false }
 */
export function encodeAnswer(step: ChallengeStep, answer: ChallengeAnswer): EncodedAnswer {
  if (answer.name !== step.name) {
    throw new CognitoAuthError('StepMismatch', `The current step is ${step.name}, not ${String(answer.name)}.`);
  }
  switch (answer.name) {
    case 'SMS_MFA':
      return respond(answer.name, { SMS_MFA_CODE: answer.code });
    case 'SOFTWARE_TOKEN_MFA':
      return respond(answer.name, { SOFTWARE_TOKEN_MFA_CODE: answer.code });
    case 'EMAIL_OTP':
      return respond(answer.name, { EMAIL_OTP_CODE: answer.code });
    case 'SMS_OTP':
      return respond(answer.name, { SMS_OTP_CODE: answer.code });
    case 'SELECT_MFA_TYPE':
      return respond(answer.name, { ANSWER: answer.mfaType });
    case 'SELECT_CHALLENGE': {
      // With a password the chosen factor is answered in the same call, one round trip fewer.
      const { challenge, password } = answer;
      if (password === undefined) return respond(answer.name, { ANSWER: challenge });
      if (challenge === 'PASSWORD') return respond(answer.name, { ANSWER: challenge, PASSWORD: password }, true);
      if (challenge === 'PASSWORD_SRP') return { ...respond(answer.name, { ANSWER: challenge }, true), srpPassword: password };
      return respond(answer.name, { ANSWER: challenge }, true);
    }
    case 'PASSWORD':
      return respond(answer.name, { PASSWORD: answer.password }, true);
    case 'PASSWORD_SRP':
      return { ...respond(answer.name, {}, true), srpPassword: answer.password };
    case 'MFA_SETUP': {
      const setup = step as SignInStepOf<'MFA_SETUP'>;
      if (answer.method === 'EMAIL_OTP') return respond(answer.name, { EMAIL: answer.email as string });
      if (answer.code === undefined) return { kind: 'startTotp' };
      if (!setup.totp) throw invalidInput('code', 'Start authenticator-app setup (without a code) before sending a code.');
      // The code was accepted before and its Session is spent: only the challenge answer is left.
      if (setup.totp.verified) return respond(answer.name, {});
      return {
        kind: 'verifyTotp',
        code: answer.code,
        ...(answer.friendlyDeviceName ? { friendlyDeviceName: answer.friendlyDeviceName } : {}),
        verified: { ...setup, totp: { ...setup.totp, verified: true } },
      };
    }
    case 'NEW_PASSWORD_REQUIRED': {
      const current = (step as SignInStepOf<'NEW_PASSWORD_REQUIRED'>).userAttributes;
      const responses: Record<string, string> = { NEW_PASSWORD: answer.newPassword };
      // Cognito refuses changes to a required attribute that already has a value: send only new values.
      for (const [name, value] of Object.entries(answer.attributes ?? {})) {
        if (current[name] !== value) responses[`userAttributes.${name}`] = value;
      }
      return respond(answer.name, responses);
    }
    case 'CUSTOM_CHALLENGE':
      return respond(answer.name, { ANSWER: answer.answer });
    case 'WEB_AUTHN':
      if (!answer.credential) {
        return { kind: 'webAuthn', credentialRequestOptions: (step as SignInStepOf<'WEB_AUTHN'>).credentialRequestOptions };
      }
      return respond(answer.name, { CREDENTIAL: JSON.stringify(answer.credential) });
    case 'UNKNOWN_CHALLENGE':
      return respond((step as SignInStepOf<'UNKNOWN_CHALLENGE'>).challengeName, { ...answer.responses });
    default:
      return answer satisfies never;
  }
}
