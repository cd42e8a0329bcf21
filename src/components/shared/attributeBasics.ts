import type { InputHTMLAttributes } from 'react';

// The little of the attribute tables a username field needs (an email or a phone number as the
// username), apart from `attributeInputs.ts`, so that the sign-in form carries only this. Addresses, numbers and
// codes are written left to right (`dir="ltr"`) in every language: in a right-to-left form `+44 7700 900` would
// otherwise show as `900 7700 44+` (the sheet still starts them at the form's inline start).

/** The input of an email address. */
export const EMAIL_INPUT: InputHTMLAttributes<HTMLInputElement> = { type: 'email', dir: 'ltr', autoComplete: 'email', autoCapitalize: 'none', spellCheck: false };

/** The input of a phone number. */
export const PHONE_INPUT: InputHTMLAttributes<HTMLInputElement> = { type: 'tel', dir: 'ltr', autoComplete: 'tel' };

/**
 * An attribute's label inside a sentence (`invalid.attribute`, `attributes.verifyTitle`: "Enter your email
 * address."): lower-cased in English, whose labels are capitalised words; any other language keeps it as
 * written (German nouns, for one). The forms are English unless the provider sets a `locale`.
 */
export function labelInSentence(label: string, locale: string | undefined): string {
  return (locale ?? 'en').split('-')[0]!.toLowerCase() === 'en' ? label.toLowerCase() : label;
}
