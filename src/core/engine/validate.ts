import { invalidInput } from '../errors.js';
import type { ChallengeAnswer, ChallengeStep } from '../types.js';
import { checkCode, type CodeKind } from './codeFormat.js';

function requireCode(code: unknown, kind: CodeKind, what: string): string {
  const check = checkCode(kind, typeof code === 'string' ? code : '');
  if (check.ok) return check.code;
  throw invalidInput('code', check.problem === 'empty' ? `Enter the ${what}.` : `The ${what} is ${check.digits} digits.`);
}

function requirePassword(password: unknown, field: 'password' | 'newPassword' = 'password'): string {
  if (typeof password !== 'string' || password === '') {
    throw invalidInput(field, field === 'password' ? 'Enter your password.' : 'Enter a new password.');
  }
  return password;
}

/** A deliberately loose check: Cognito is the judge; this only catches what is clearly not an address. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Validation result: the answer with its values normalised, ready to be sent. */
export type ValidAnswer = ChallengeAnswer;

/**
 * Checks an answer against the current step before anything is sent, so a mistake costs no request
 * and never disturbs the challenge Session. Returns the answer with codes normalised.
 */
export function validateAnswer(step: ChallengeStep, answer: ChallengeAnswer): ValidAnswer {
  switch (answer.name) {
    case 'SMS_MFA':
      return { ...answer, code: requireCode(answer.code, 'SMS_MFA', 'code we sent by text message') };
    case 'SOFTWARE_TOKEN_MFA':
      return { ...answer, code: requireCode(answer.code, 'SOFTWARE_TOKEN_MFA', 'code from your authenticator app') };
    case 'EMAIL_OTP':
      return { ...answer, code: requireCode(answer.code, 'EMAIL_OTP', 'code we sent by email') };
    case 'SMS_OTP':
      return { ...answer, code: requireCode(answer.code, 'SMS_OTP', 'code we sent by text message') };
    case 'SELECT_MFA_TYPE':
      if (step.name === 'SELECT_MFA_TYPE' && !step.options.includes(answer.mfaType)) {
        throw invalidInput('answer', `Choose one of: ${step.options.join(', ')}.`);
      }
      return answer;
    case 'SELECT_CHALLENGE':
      if (step.name === 'SELECT_CHALLENGE' && !step.options.includes(answer.challenge)) {
        throw invalidInput('answer', `Choose one of: ${step.options.join(', ')}.`);
      }
      if (answer.password !== undefined) {
        if (answer.challenge !== 'PASSWORD' && answer.challenge !== 'PASSWORD_SRP') {
          throw invalidInput('password', `A password goes with PASSWORD or PASSWORD_SRP, not ${answer.challenge}.`);
        }
        requirePassword(answer.password);
      }
      return answer;
    case 'PASSWORD':
    case 'PASSWORD_SRP':
      requirePassword(answer.password);
      return answer;
    case 'MFA_SETUP': {
      if (step.name === 'MFA_SETUP' && !step.options.includes(answer.method)) {
        throw invalidInput('answer', `Choose one of: ${step.options.join(', ')}.`);
      }
      if (answer.method === 'EMAIL_OTP') {
        const email = typeof answer.email === 'string' ? answer.email.trim() : '';
        if (!email) throw invalidInput('email', 'Enter the email address to send codes to.');
        if (!EMAIL.test(email)) throw invalidInput('email', `"${email}" is not an email address.`);
        return { ...answer, email };
      }
      if (answer.code === undefined) return answer;
      return { ...answer, code: requireCode(answer.code, 'TOTP_SETUP', 'code from your authenticator app') };
    }
    case 'NEW_PASSWORD_REQUIRED': {
      requirePassword(answer.newPassword, 'newPassword');
      if (step.name === 'NEW_PASSWORD_REQUIRED') {
        const missing = step.requiredAttributes.filter((name) => !answer.attributes?.[name]?.trim());
        if (missing.length > 0) throw invalidInput('attributes', `Fill in: ${missing.join(', ')}.`);
      }
      return answer;
    }
    case 'CUSTOM_CHALLENGE':
      if (typeof answer.answer !== 'string' || answer.answer === '') throw invalidInput('answer', 'Enter an answer.');
      return answer;
    case 'WEB_AUTHN':
      return answer;
    case 'UNKNOWN_CHALLENGE':
      if (typeof answer.responses !== 'object' || answer.responses === null) {
        throw invalidInput('answer', 'Give the challenge responses as an object of strings.');
      }
      return answer;
    default:
      return answer satisfies never;
  }
}
