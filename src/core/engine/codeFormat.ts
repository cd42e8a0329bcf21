/**
 * The format of every code a user types: how many digits each one has, and how what was typed or pasted is
 * cleaned. The sign-in engine, the account operations and the forms all check codes here, so a form never
 * accepts a code the engine then refuses (or the other way round).
 */

/**
 * The codes a user types, by what they answer: the four sign-in challenges under Cognito's names, the
 * first code of a new authenticator app (VerifySoftwareToken), and the codes Cognito sends to confirm a
 * sign-up, reset a password or verify an attribute.
 */
export type CodeKind =
  | 'SMS_MFA'
  | 'SOFTWARE_TOKEN_MFA'
  | 'EMAIL_OTP'
  | 'SMS_OTP'
  | 'TOTP_SETUP'
  | 'SIGN_UP'
  | 'PASSWORD_RESET'
  | 'ATTRIBUTE_VERIFICATION';

const SIX: readonly number[] = Object.freeze([6]);
const SIX_OR_EIGHT: readonly number[] = Object.freeze([6, 8]);

const DIGITS: { readonly [K in CodeKind]: readonly number[] } = {
  SMS_MFA: SIX,
  // The API model's SoftwareTokenMFAUserCodeType: exactly 6 digits, at sign-in and at enrolment alike.
  SOFTWARE_TOKEN_MFA: SIX,
  TOTP_SETUP: SIX,
  // EMAIL_OTP answers both email MFA (6 digits) and passwordless sign-in (8), and the challenge does not
  // say which; SMS_OTP is the passwordless text message, whose length is taken as loosely.
  EMAIL_OTP: SIX_OR_EIGHT,
  SMS_OTP: SIX_OR_EIGHT,
  SIGN_UP: SIX,
  PASSWORD_RESET: SIX,
  ATTRIBUTE_VERIFICATION: SIX,
};

/**
 * How many digits a code of this kind may have, smallest first.
 *
 * @example
 * codeDigits('SOFTWARE_TOKEN_MFA'); // [6]
 * codeDigits('EMAIL_OTP'); // [6, 8]
 */
export function codeDigits(kind: CodeKind): readonly number[] {
  return DIGITS[kind];
}

/**
 * Removes the spaces and dashes people type or paste into codes ("123 456", "123-456"). Anything else
 * that is not a digit is left for `checkCode` to reject.
 *
 * @example
 * normalizeCode(' 123-456 '); // '123456'
 */
export function normalizeCode(code: string): string {
  return code.replace(/[\s-]/g, '');
}

/**
 * The verdict on a typed code: the normalised code when it has the digits its kind takes, otherwise why not
 * (`empty`, or `format` with the expected digits written out for a message, "6" or "6 or 8").
 */
export type CodeCheck = { ok: true; code: string } | { ok: false; problem: 'empty' | 'format'; digits: string };

/**
 * Checks a typed code against its kind, after `normalizeCode`.
 *
 * @example
 * checkCode('SMS_MFA', '123 456'); // { ok: true, code: '123456' }
 * checkCode('SMS_MFA', '12345'); // { ok: false, problem: 'format', digits: '6' }
 * checkCode('EMAIL_OTP', ''); // { ok: false, problem: 'empty', digits: '6 or 8' }
 */
export function checkCode(kind: CodeKind, code: string): CodeCheck {
  const digits = DIGITS[kind];
  const normalized = normalizeCode(code);
  if (/^\d+$/.test(normalized) && digits.includes(normalized.length)) return { ok: true, code: normalized };
  return { ok: false, problem: normalized === '' ? 'empty' : 'format', digits: digits.join(' or ') };
}
