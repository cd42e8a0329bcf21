import type { InputHTMLAttributes } from 'react';
import type { MessageKey } from '../messages.js';
import { EMAIL_INPUT, labelInSentence, PHONE_INPUT } from './attributeBasics.js';
import { fieldMessages } from './fieldMessages.js';

export { labelInSentence };

/**
 * The standard attributes of a Cognito user pool (the OpenID Connect standard claims it keeps), in the
 * order a profile usually lists them.
 */
export const STANDARD_ATTRIBUTES = [
  'name',
  'given_name',
  'middle_name',
  'family_name',
  'nickname',
  'preferred_username',
  'email',
  'phone_number',
  'birthdate',
  'gender',
  'address',
  'locale',
  'zoneinfo',
  'profile',
  'picture',
  'website',
  'updated_at',
] as const;

/** Input types and autocomplete tokens (HTML autofill names) for Cognito's standard attributes; anything else is text. */
export const ATTRIBUTE_INPUTS: Record<string, InputHTMLAttributes<HTMLInputElement>> = {
  email: EMAIL_INPUT,
  phone_number: PHONE_INPUT,
  birthdate: { type: 'date', autoComplete: 'bday' },
  name: { type: 'text', autoComplete: 'name' },
  given_name: { type: 'text', autoComplete: 'given-name' },
  middle_name: { type: 'text', autoComplete: 'additional-name' },
  family_name: { type: 'text', autoComplete: 'family-name' },
  nickname: { type: 'text', autoComplete: 'nickname' },
  address: { type: 'text', autoComplete: 'street-address' },
  preferred_username: { type: 'text', autoComplete: 'nickname', autoCapitalize: 'none', spellCheck: false },
  gender: { type: 'text', autoComplete: 'sex' },
  profile: { type: 'url', dir: 'ltr', autoComplete: 'url', autoCapitalize: 'none', spellCheck: false },
  picture: { type: 'url', dir: 'ltr', autoComplete: 'photo', autoCapitalize: 'none', spellCheck: false },
  website: { type: 'url', dir: 'ltr', autoComplete: 'url', autoCapitalize: 'none', spellCheck: false },
  locale: { type: 'text', autoComplete: 'language', autoCapitalize: 'none', spellCheck: false },
  zoneinfo: { type: 'text', autoCapitalize: 'none', spellCheck: false },
  updated_at: { type: 'number', dir: 'ltr', inputMode: 'numeric' },
};

/** An attribute a form shows: a name, or the name with its label, input type and whether it is required. */
export type AttributeField =
  | string
  | { name: string; label?: string; type?: InputHTMLAttributes<HTMLInputElement>['type']; required?: boolean };

export function normalizeAttribute(field: AttributeField): { name: string; label: string | undefined; type: string | undefined; required: boolean } {
  return typeof field === 'string'
    ? { name: field, label: undefined, type: undefined, required: true }
    : { name: field.name, label: field.label, type: field.type, required: field.required ?? true };
}

/** A web address Cognito will take for profile, picture, website: absolute, http or https. */
function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * A date as Cognito's birthdate is written, YYYY-MM-DD, from what a date input gives (that already) or a
 * text input may hold (`1990/2/3`, `1990.02.03`: year first, so never ambiguous); anything else as it is.
 */
export function toCognitoDate(value: string): string {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value.trim());
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : value.trim();
}

/** A calendar date written as Cognito's birthdate is, YYYY-MM-DD (0000 for a year not given). */
export function isCognitoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Any leap year stands in for 0000, so that 0000-02-29 is accepted.
  const date = new Date(Date.UTC(year === 0 ? 2000 : year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Phone numbers in E.164, as Cognito stores them; emails with an @ and a dot after it; web addresses for
 * url inputs; dates as YYYY-MM-DD for date inputs (what a date input gives).
 */
export function attributeFormatError(name: string, value: string, type?: string): MessageKey | null {
  if (value === '') return null;
  const kind = type ?? ATTRIBUTE_INPUTS[name]?.type;
  if ((name === 'email' || kind === 'email') && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return 'invalid.email';
  if ((name === 'phone_number' || kind === 'tel') && !/^\+[1-9]\d{6,14}$/.test(value.replace(/[\s()-]/g, ''))) return 'invalid.phone';
  if (kind === 'url' && !isWebAddress(value)) return 'invalid.url';
  if ((name === 'birthdate' || kind === 'date') && !isCognitoDate(toCognitoDate(value))) return 'invalid.date';
  return null;
}

/**
 * The label of an attribute: the app's, else the table's for a standard one (the app's `messages` first,
 * then the English defaults), else its name without `custom:`.
 */
export function attributeLabel(t: (key: MessageKey) => string, name: string, given?: string): string {
  if (given) return given;
  const key = `attribute.${name}` as MessageKey;
  // A table lookup gives the key back when no table has it (a custom attribute the app did not word).
  const found = t(key);
  if (found !== key) return found;
  if (key in fieldMessages) return fieldMessages[key as keyof typeof fieldMessages];
  return name.replace(/^custom:/, '');
}
