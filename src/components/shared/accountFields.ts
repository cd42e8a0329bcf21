'use client';
import type { FieldSpec } from './useStepForm.js';
import type { MessageKey } from '../messages.js';

/** A 6-digit emailed or texted code: numeric keyboard, one-time-code autofill, format checked before sending. */
export function codeField(label: string): FieldSpec {
  return {
    name: 'code',
    label,
    validate: (v) => (v.trim() === '' ? 'invalid.code' : /^\d{6}$/.test(v.replace(/\s+/g, '')) ? null : ['invalid.codeFormat', { digits: '6' }]),
    input: { type: 'text', inputMode: 'numeric', autoComplete: 'one-time-code', pattern: '[0-9]*' },
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

/** Strips the spaces people type or paste into codes. */
export const cleanCode = (value: string | undefined) => (value ?? '').replace(/\s+/g, '');
