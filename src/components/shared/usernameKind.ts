'use client';
import type { UsernameKind } from '../../core/index.js';
import { useCognitoContext } from '../../react/context.js';
import type { MessageKey, Messages } from '../messages.js';
import { EMAIL_INPUT, labelInSentence, PHONE_INPUT } from './attributeBasics.js';
import { compactPhone, INVALID_PHONE_NUMBER, phoneProblem } from './phone.js';
import { say } from './text.js';
import type { FieldSpec } from './useStepForm.js';

/** The form's `usernameKind` prop, else the store's (`CognitoAuthConfig.usernameKind`), else `'username'`. */
export function useUsernameKind(own: UsernameKind | undefined, hook: string): UsernameKind {
  const { auth } = useCognitoContext(hook);
  return own ?? auth.config.usernameKind ?? 'username';
}

/**
 * A username as it is sent: trimmed; an email also lower-cased (Cognito matches email usernames without
 * regard to case only when the pool is case-insensitive, and people type them capitalised on phones); a
 * phone number without the spaces and dashes people type, as E.164.
 *
 * @example
 * normalizeUsername('email', '  Alice@Example.COM '); // 'alice@example.com'
 */
export function normalizeUsername(kind: UsernameKind, value: string): string {
  const trimmed = value.trim();
  if (kind === 'email') return trimmed.toLowerCase();
  if (kind === 'phone_number') return compactPhone(trimmed);
  return trimmed;
}

/**
 * The username field of a form for a kind of username: the input type, autofill token and label (the
 * username kind keeps the form's own label and empty-field message), and its format check.
 */
export function usernameField(
  kind: UsernameKind,
  base: { label: string; initial: string; empty: MessageKey; messages: Messages | undefined; table?: Messages; locale: string | undefined },
): FieldSpec {
  // The form's table, with the one string of the field table a username needs (a phone number's check).
  const table: Messages = { 'invalid.phoneNumber': INVALID_PHONE_NUMBER, ...base.table };
  const t = (key: MessageKey, values?: Record<string, string>) => say(base.messages, key, values, table, base.locale) as MessageKey;
  if (kind === 'username') {
    return {
      name: 'username',
      label: base.label,
      initial: base.initial,
      validate: (v) => (v.trim() === '' ? base.empty : null),
      input: { type: 'text', autoComplete: 'username', autoCapitalize: 'none', spellCheck: false },
    };
  }
  const label = t(kind === 'email' ? 'attribute.email' : 'attribute.phone_number');
  return {
    name: 'username',
    label,
    initial: base.initial,
    validate: (v) => {
      const value = v.trim();
      if (value === '') return t('invalid.attribute', { attribute: labelInSentence(label, base.locale) });
      if (kind === 'email') return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? null : t('invalid.email');
      const problem = phoneProblem(value, true);
      return problem ? t(problem) : null;
    },
    input: kind === 'email' ? EMAIL_INPUT : PHONE_INPUT,
    ...(kind === 'phone_number' ? { phone: {} } : {}),
  };
}
