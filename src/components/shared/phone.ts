'use client';
import type { MessageKey } from '../messages.js';

/** The country table (generated from libphonenumber-js's metadata): every country's calling code, number lengths and trunk prefix. */
export type PhoneData = typeof import('./phoneData.js');

let loaded: PhoneData | undefined;
let loading: Promise<PhoneData> | undefined;

/**
 * Loads the country data (a chunk of its own, under 3 kB brotli) the first time a dial-code picker
 * mounts, so an app that never renders a phone field never downloads it.
 */
export function loadPhoneData(): Promise<PhoneData> {
  loading ??= import('./phoneData.js').then((module) => (loaded = module));
  return loading;
}

/** The country data once loaded, else `undefined` (the checks then fall back to the shape of E.164). */
export function phoneData(): PhoneData | undefined {
  return loaded;
}

/** `invalid.phoneNumber` in English (of `fieldMessages`), here for the username field of the sign-in form. */
export const INVALID_PHONE_NUMBER = 'That is not a valid phone number. Check the country and the number.';

/** A typed phone number without the spaces, dashes, dots and brackets people write in one. */
export function compactPhone(value: string): string {
  return value.replace(/[\s().-]/g, '');
}

/**
 * What is wrong with a phone number for Cognito (E.164: `+`, a country code, at most 15 digits), or `null`.
 * Once the country data is loaded, a number whose length does not fit its country's numbers is refused
 * too (the length only: numbers of ranges kept for fiction and tests, +1 555…, pass, as Cognito takes them).
 */
export function phoneProblem(value: string, picker = false): MessageKey | null {
  const compact = compactPhone(value);
  if (!/^\+[1-9]\d{6,14}$/.test(compact)) return picker ? 'invalid.phoneNumber' : 'invalid.phone';
  if (loaded && !loaded.isPossiblePhoneNumber(compact)) return 'invalid.phoneNumber';
  return null;
}
