'use client';
import { checkCode, codeDigits, normalizeCode, type CodeKind } from '../../core/index.js';
import type { FieldSpec } from './useStepForm.js';
import type { MessageKey } from '../messages.js';

/** A code of the given kind: numeric keyboard, one-time-code autofill, format checked before sending. */
export function codeField(label: string, kind: CodeKind): FieldSpec {
  return {
    name: 'code',
    label,
    validate: (v) => {
      const check = checkCode(kind, v);
      return check.ok ? null : check.problem === 'empty' ? 'invalid.code' : ['invalid.codeFormat', { digits: codeDigits(kind) }];
    },
    input: { type: 'text', dir: 'ltr', inputMode: 'numeric', autoComplete: 'one-time-code', pattern: '[0-9]*' },
  };
}

/** A new password and its confirmation, which must match (checked before sending). */
export function newPasswordFields(
  labels: { password: string; confirm: string },
  name = 'newPassword',
  empty: MessageKey = 'invalid.newPassword',
): FieldSpec[] {
  return [
    { name, label: labels.password, validate: (v) => (v === '' ? empty : null), input: { type: 'password', autoComplete: 'new-password' } },
    {
      name: 'confirm',
      label: labels.confirm,
      validate: (v, all) => (v !== all[name] ? 'invalid.confirm' : null),
      input: { type: 'password', autoComplete: 'new-password' },
    },
  ];
}

/** `true` when both passwords are typed and equal, `false` when they differ, `null` before. */
export function passwordsMatch(values: Record<string, string>, name = 'newPassword'): boolean | null {
  return values[name] !== '' && values.confirm !== '' ? values[name] === values.confirm : null;
}

/** Strips the spaces and dashes people type or paste into codes. */
export const cleanCode = (value: string | undefined) => normalizeCode(value ?? '');
