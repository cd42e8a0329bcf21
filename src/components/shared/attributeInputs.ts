import type { InputHTMLAttributes } from 'react';
import { defaultMessages, type MessageKey } from '../messages.js';

/** Input types and autocomplete tokens for Cognito's standard attributes; anything else is text. */
export const ATTRIBUTE_INPUTS: Record<string, InputHTMLAttributes<HTMLInputElement>> = {
  email: { type: 'email', autoComplete: 'email' },
  phone_number: { type: 'tel', autoComplete: 'tel' },
  birthdate: { type: 'date', autoComplete: 'bday' },
  name: { type: 'text', autoComplete: 'name' },
  given_name: { type: 'text', autoComplete: 'given-name' },
  family_name: { type: 'text', autoComplete: 'family-name' },
  address: { type: 'text', autoComplete: 'street-address' },
  preferred_username: { type: 'text', autoComplete: 'nickname' },
  website: { type: 'url', autoComplete: 'url' },
  locale: { type: 'text', autoComplete: 'language' },
  zoneinfo: { type: 'text' },
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

/** Phone numbers in E.164, as Cognito stores them; emails with an @ and a dot after it. */
export function attributeFormatError(name: string, value: string): 'invalid.email' | 'invalid.phone' | null {
  if (value === '') return null;
  if (name === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return 'invalid.email';
  if (name === 'phone_number' && !/^\+[1-9]\d{6,14}$/.test(value.replace(/[\s()-]/g, ''))) return 'invalid.phone';
  return null;
}

/** The label of an attribute: the app's, else the table's for a standard one, else its name without `custom:`. */
export function attributeLabel(t: (key: MessageKey) => string, name: string, given?: string): string {
  if (given) return given;
  const key = `attribute.${name}`;
  return key in defaultMessages ? t(key as MessageKey) : name.replace(/^custom:/, '');
}

/**
 * An attribute's label inside a sentence (`invalid.attribute`, `attributes.verifyTitle`: "Enter your email
 * address."): lower-cased in English, whose labels are capitalised words; any other language keeps it as
 * written (German nouns, for one). The forms are English unless the provider sets a `locale`.
 */
export function labelInSentence(label: string, locale: string | undefined): string {
  return (locale ?? 'en').split('-')[0]!.toLowerCase() === 'en' ? label.toLowerCase() : label;
}
