import type { CognitoAuthError } from '../../core/index.js';
import type { MessageKey, Messages, MessageValue } from '../messages.js';
import { signInMessages } from '../signInMessages.js';

/**
 * The lookup behind `translate` and `errorMessage` (messages.ts), with the table a key falls back to as a
 * parameter: the public functions fall back to the whole of `defaultMessages`; the modules of `<SignIn>`'s
 * first screen to its first part only (`signInMessages`), so that the challenge steps' strings stay in the
 * chunks of the forms that render them. A form outside the first screen passes its table (the whole
 * `defaultMessages`, or an area's table with `defaultMessages` as the fallback).
 */
export function say(
  messages: Messages | undefined,
  key: MessageKey,
  values: Record<string, MessageValue> = {},
  table: Messages = signInMessages,
  locale?: string,
  fallback: Messages = signInMessages,
): string {
  return format(lookup(messages, key, table, fallback) ?? key, values, locale);
}

/** `errorMessage` (see messages.ts) with the fallback table as a parameter, as `say`. */
export function sayError(
  messages: Messages | undefined,
  error: CognitoAuthError,
  table: Messages = signInMessages,
  context?: string,
  locale?: string,
  fallback: Messages = signInMessages,
): string {
  const keys = [
    context ? `error.${error.name}.${context}` : null,
    error.name === 'InvalidInput' && error.field ? `invalid.${error.field}` : null,
    `error.${error.name}`,
  ];
  const key = (keys.find((k) => k !== null && lookup(messages, k as MessageKey, table, fallback) !== undefined) ?? 'error.default') as MessageKey;
  // `invalid.confirmation` names the word the user must type (a key of the account table).
  const word = lookup(messages, 'deleteAccount.word', table, fallback);
  return say(messages, key, word === undefined ? {} : { word }, table, locale, fallback);
}

/** The app's text for a key, else the table's, else the fallback table's, else `undefined`. */
export function lookup(messages: Messages | undefined, key: MessageKey, table: Messages, fallback: Messages = signInMessages): string | undefined {
  return messages?.[key] ?? table[key] ?? fallback[key];
}

/**
 * Fills `{name}` and `{name, plural, ...}` in a template. A plural's branches may hold placeholders (one
 * level of braces inside a branch); other braces are text.
 */
function format(template: string, values: Record<string, MessageValue>, locale: string | undefined): string {
  return template.replace(/\{(\w+), *plural,((?:[^{}]|\{(?:[^{}]|\{\w+\})*\})*)\}|\{(\w+)\}/g, (whole, counted?: string, branches?: string, name?: string) => {
    const value = values[(counted ?? name)!];
    if (value === undefined) return whole;
    if (!counted) return written(value, locale);
    // The number that decides: the value, or the last number in it ("6 or 8" takes the plural of 8).
    const n = typeof value === 'number' ? value : Array.isArray(value) ? value.at(-1) : String(value).match(/\d+(\.\d+)?(?!.*\d)/)?.[0];
    const found = new Map([...branches!.matchAll(/(=?\w+) *\{((?:[^{}]|\{\w+\})*)\}/g)].map((m) => [m[1], m[2]!] as const));
    const branch = (n === undefined ? undefined : found.get(`=${n}`) ?? found.get(new Intl.PluralRules(locale).select(Number(n)))) ?? found.get('other') ?? '';
    return format(branch.replace(/#/g, () => written(value, locale)), values, locale);
  });
}

function written(value: MessageValue, locale: string | undefined): string {
  return typeof value === 'string'
    ? value
    : typeof value === 'number'
      ? new Intl.NumberFormat(locale).format(value)
      : value instanceof Date
        ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(value)
        : new Intl.ListFormat(locale, { type: 'disjunction' }).format(value.map((n) => written(n, locale)));
}
