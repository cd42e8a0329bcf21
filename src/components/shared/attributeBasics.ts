import type { InputHTMLAttributes } from 'react';

// The little of the attribute tables a username field needs (an email or a phone number as the
// username), apart from `attributeInputs.ts`, so that the sign-in form carries only this.

/** The input of an email address. */
export const EMAIL_INPUT: InputHTMLAttributes<HTMLInputElement> = { type: 'email', autoComplete: 'email', autoCapitalize: 'none', spellCheck: false };

/** The input of a phone number. */
export const PHONE_INPUT: InputHTMLAttributes<HTMLInputElement> = { type: 'tel', autoComplete: 'tel' };

/**
 * An attribute's label inside a sentence (`invalid.attribute`, `attributes.verifyTitle`: "Enter your email
 * address."): lower-cased in English, whose labels are capitalised words; any other language keeps it as
 * written (German nouns, for one). The forms are English unless the provider sets a `locale`.
 */
export function labelInSentence(label: string, locale: string | undefined): string {
  return (locale ?? 'en').split('-')[0]!.toLowerCase() === 'en' ? label.toLowerCase() : label;
}
