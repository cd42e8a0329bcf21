import { describe, expect, it } from 'vitest';
import { checkCode, codeDigits, normalizeCode, type CodeCheck, type CodeKind } from '../../../src/core/engine/codeFormat';

describe('codeDigits', () => {
  it.each([
    ['SMS_MFA', [6]],
    ['SOFTWARE_TOKEN_MFA', [6]],
    ['TOTP_SETUP', [6]],
    ['SIGN_UP', [6]],
    ['PASSWORD_RESET', [6]],
    ['ATTRIBUTE_VERIFICATION', [6]],
    ['EMAIL_OTP', [6, 8]],
    ['SMS_OTP', [6, 8]],
  ] as [CodeKind, number[]][])('gives a %s code %j digits', (kind, digits) => {
    expect(codeDigits(kind)).toEqual(digits);
  });
});

describe('normalizeCode', () => {
  it.each([
    ['123456', '123456'],
    [' 123 456 ', '123456'],
    ['123-456', '123456'],
    ['12\t34-56', '123456'],
    ['12a456', '12a456'],
  ])('cleans %j to %j', (typed, clean) => {
    expect(normalizeCode(typed)).toBe(clean);
  });
});

describe('checkCode', () => {
  it.each([
    ['accepts a 6-digit MFA code', 'SMS_MFA', '123456', { ok: true, code: '123456' }],
    ['accepts a code typed in groups', 'SOFTWARE_TOKEN_MFA', '123 456', { ok: true, code: '123456' }],
    ['accepts a pasted code with a dash', 'SIGN_UP', '123-456', { ok: true, code: '123456' }],
    ['accepts an 8-digit passwordless email code', 'EMAIL_OTP', '1234 5678', { ok: true, code: '12345678' }],
    ['accepts a 6-digit email MFA code', 'EMAIL_OTP', '123456', { ok: true, code: '123456' }],
    ['accepts an 8-digit passwordless text code', 'SMS_OTP', '12345678', { ok: true, code: '12345678' }],
    ['says an empty code is empty', 'PASSWORD_RESET', '', { ok: false, problem: 'empty', digits: '6' }],
    ['says only spaces and dashes are empty', 'TOTP_SETUP', ' - ', { ok: false, problem: 'empty', digits: '6' }],
    ['refuses 8 digits where 6 are due', 'SMS_MFA', '12345678', { ok: false, problem: 'format', digits: '6' }],
    ['refuses 7 digits for a passwordless code', 'EMAIL_OTP', '1234567', { ok: false, problem: 'format', digits: '6 or 8' }],
    ['refuses letters', 'ATTRIBUTE_VERIFICATION', '12a456', { ok: false, problem: 'format', digits: '6' }],
  ] as [string, CodeKind, string, CodeCheck][])('%s', (_goal, kind, typed, verdict) => {
    expect(checkCode(kind, typed)).toEqual(verdict);
  });
});
