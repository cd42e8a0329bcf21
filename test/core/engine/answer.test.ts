import { describe, expect, it } from 'vitest';
import { encodeAnswer, type ChallengeResponse, type EncodedAnswer } from '../../../src/core/engine/answer';
import type { AuthenticationResponseJSON, ChallengeAnswer, SignInStep, SignInStepOf } from '../../../src/core/types';

type UserStep = Exclude<SignInStep, { name: 'DONE' }>;

const sms = { deliveryMedium: 'SMS', destination: '+*******1234' };
const email = { deliveryMedium: 'EMAIL', destination: 'a***@e***' };
const totp = { secret: 'JBSWY3DPEHPK3PXP', uri: 'otpauth://totp/pool:alice?secret=JBSWY3DPEHPK3PXP&issuer=pool' };
const totpOnly: SignInStepOf<'MFA_SETUP'> = { name: 'MFA_SETUP', options: ['SOFTWARE_TOKEN_MFA'] };
const enrolling: SignInStepOf<'MFA_SETUP'> = { ...totpOnly, totp };
const verified: SignInStepOf<'MFA_SETUP'> = { ...totpOnly, totp: { ...totp, verified: true } };
const newPassword: SignInStepOf<'NEW_PASSWORD_REQUIRED'> = {
  name: 'NEW_PASSWORD_REQUIRED',
  requiredAttributes: ['email', 'name'],
  userAttributes: { email: 'bob@example.com', email_verified: 'true' },
};
const requestOptions = { challenge: 'Y2hhbGxlbmdl', rpId: 'example.com' };
const credential: AuthenticationResponseJSON = {
  id: 'cred-1',
  rawId: 'cred-1',
  type: 'public-key',
  response: { clientDataJSON: 'cdj', authenticatorData: 'ad', signature: 'sig' },
  clientExtensionResults: {},
};

const respond = (challengeName: string, responses: Record<string, string>, sentPassword = false): ChallengeResponse => ({
  kind: 'respond',
  challengeName,
  responses,
  sentPassword,
});

// (step, validated answer) -> what the store sends, or what it must do first.
const table: [string, UserStep, ChallengeAnswer, EncodedAnswer][] = [
  ['sends a text-message MFA code as SMS_MFA_CODE', { name: 'SMS_MFA', codeDelivery: sms }, { name: 'SMS_MFA', code: '123456' }, respond('SMS_MFA', { SMS_MFA_CODE: '123456' })],
  ['sends an authenticator code as SOFTWARE_TOKEN_MFA_CODE', { name: 'SOFTWARE_TOKEN_MFA' }, { name: 'SOFTWARE_TOKEN_MFA', code: '654321' }, respond('SOFTWARE_TOKEN_MFA', { SOFTWARE_TOKEN_MFA_CODE: '654321' })],
  ['sends an emailed code as EMAIL_OTP_CODE', { name: 'EMAIL_OTP', codeDelivery: email }, { name: 'EMAIL_OTP', code: '12345678' }, respond('EMAIL_OTP', { EMAIL_OTP_CODE: '12345678' })],
  ['sends a passwordless text code as SMS_OTP_CODE', { name: 'SMS_OTP', codeDelivery: sms }, { name: 'SMS_OTP', code: '87654321' }, respond('SMS_OTP', { SMS_OTP_CODE: '87654321' })],
  ['answers the chosen MFA method', { name: 'SELECT_MFA_TYPE', options: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'] }, { name: 'SELECT_MFA_TYPE', mfaType: 'SOFTWARE_TOKEN_MFA' }, respond('SELECT_MFA_TYPE', { ANSWER: 'SOFTWARE_TOKEN_MFA' })],
  ['answers a chosen first factor alone when no password comes with it', { name: 'SELECT_CHALLENGE', options: ['EMAIL_OTP', 'PASSWORD'] }, { name: 'SELECT_CHALLENGE', challenge: 'EMAIL_OTP' }, respond('SELECT_CHALLENGE', { ANSWER: 'EMAIL_OTP' })],
  ['sends the password with PASSWORD in the same call', { name: 'SELECT_CHALLENGE', options: ['PASSWORD', 'WEB_AUTHN'] }, { name: 'SELECT_CHALLENGE', challenge: 'PASSWORD', password: 'hunter2!' }, respond('SELECT_CHALLENGE', { ANSWER: 'PASSWORD', PASSWORD: 'hunter2!' }, true)],
  ['asks for SRP_A with PASSWORD_SRP in the same call, keeping the password for the verifier', { name: 'SELECT_CHALLENGE', options: ['PASSWORD_SRP'] }, { name: 'SELECT_CHALLENGE', challenge: 'PASSWORD_SRP', password: 'hunter2!' }, { ...respond('SELECT_CHALLENGE', { ANSWER: 'PASSWORD_SRP' }, true), srpPassword: 'hunter2!' }],
  ['sends the password in the clear for PASSWORD', { name: 'PASSWORD' }, { name: 'PASSWORD', password: 'hunter2!' }, respond('PASSWORD', { PASSWORD: 'hunter2!' }, true)],
  ['proves the password by SRP for PASSWORD_SRP, never sending it', { name: 'PASSWORD_SRP' }, { name: 'PASSWORD_SRP', password: 'hunter2!' }, { ...respond('PASSWORD_SRP', {}, true), srpPassword: 'hunter2!' }],
  ['sends the address for email MFA setup as EMAIL', { name: 'MFA_SETUP', options: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'] }, { name: 'MFA_SETUP', method: 'EMAIL_OTP', email: 'alice@example.com' }, respond('MFA_SETUP', { EMAIL: 'alice@example.com' })],
  ['starts authenticator enrolment when no code comes yet', totpOnly, { name: 'MFA_SETUP', method: 'SOFTWARE_TOKEN_MFA' }, { kind: 'startTotp' }],
  ['verifies the first authenticator code, naming the device, before answering', enrolling, { name: 'MFA_SETUP', method: 'SOFTWARE_TOKEN_MFA', code: '123456', friendlyDeviceName: 'Phone' }, { kind: 'verifyTotp', code: '123456', friendlyDeviceName: 'Phone', verified }],
  ['leaves out an empty device name', enrolling, { name: 'MFA_SETUP', method: 'SOFTWARE_TOKEN_MFA', code: '123456', friendlyDeviceName: '' }, { kind: 'verifyTotp', code: '123456', verified }],
  ['only completes the challenge once the code was verified', verified, { name: 'MFA_SETUP', method: 'SOFTWARE_TOKEN_MFA', code: '123456' }, respond('MFA_SETUP', {})],
  ['sends the new password and only the attributes that change', newPassword, { name: 'NEW_PASSWORD_REQUIRED', newPassword: 'N3w-password', attributes: { email: 'bob@example.com', name: 'Bob' } }, respond('NEW_PASSWORD_REQUIRED', { NEW_PASSWORD: 'N3w-password', 'userAttributes.name': 'Bob' })],
  ['sends a changed attribute that already had a value', newPassword, { name: 'NEW_PASSWORD_REQUIRED', newPassword: 'N3w-password', attributes: { email: 'robert@example.com' } }, respond('NEW_PASSWORD_REQUIRED', { NEW_PASSWORD: 'N3w-password', 'userAttributes.email': 'robert@example.com' })],
  ['sends the new password alone when no attributes come with it', { name: 'NEW_PASSWORD_REQUIRED', requiredAttributes: [], userAttributes: {} }, { name: 'NEW_PASSWORD_REQUIRED', newPassword: 'N3w-password' }, respond('NEW_PASSWORD_REQUIRED', { NEW_PASSWORD: 'N3w-password' })],
  ["sends a custom challenge's answer as ANSWER", { name: 'CUSTOM_CHALLENGE', parameters: { question: 'Colour?' } }, { name: 'CUSTOM_CHALLENGE', answer: 'blue' }, respond('CUSTOM_CHALLENGE', { ANSWER: 'blue' })],
  ['asks for a passkey assertion with the challenge options when none comes with the answer', { name: 'WEB_AUTHN', credentialRequestOptions: requestOptions }, { name: 'WEB_AUTHN' }, { kind: 'webAuthn', credentialRequestOptions: requestOptions }],
  ['sends a passkey assertion as JSON in CREDENTIAL', { name: 'WEB_AUTHN', credentialRequestOptions: requestOptions }, { name: 'WEB_AUTHN', credential }, respond('WEB_AUTHN', { CREDENTIAL: JSON.stringify(credential) })],
  ['answers an unknown challenge under its own name with the raw responses', { name: 'UNKNOWN_CHALLENGE', challengeName: 'FUTURE_CHALLENGE', parameters: { hint: 'x' } }, { name: 'UNKNOWN_CHALLENGE', responses: { FUTURE_ANSWER: '42' } }, respond('FUTURE_CHALLENGE', { FUTURE_ANSWER: '42' })],
];

describe('encodeAnswer', () => {
  describe('given a validated answer to the current step', () => {
    it.each(table)('%s', (_goal, step, answer, expected) => {
      expect(encodeAnswer(step, answer)).toEqual(expected);
    });
  });

  describe('given an answer the step cannot take', () => {
    it('refuses an authenticator code before enrolment has started', () => {
      expect(() => encodeAnswer(totpOnly, { name: 'MFA_SETUP', method: 'SOFTWARE_TOKEN_MFA', code: '123456' })).toThrow(
        expect.objectContaining({ name: 'InvalidInput', field: 'code' }),
      );
    });

    it('refuses an answer to another step', () => {
      expect(() => encodeAnswer({ name: 'SOFTWARE_TOKEN_MFA' }, { name: 'SMS_MFA', code: '123456' })).toThrow(
        expect.objectContaining({ name: 'StepMismatch' }),
      );
    });
  });

  it('leaves the step and the answer as they were', () => {
    const step = structuredClone(newPassword);
    const answer: ChallengeAnswer = { name: 'NEW_PASSWORD_REQUIRED', newPassword: 'N3w-password', attributes: { name: 'Bob' } };
    const before = structuredClone(answer);
    encodeAnswer(step, answer);
    expect(step).toEqual(newPassword);
    expect(answer).toEqual(before);
  });
});
