'use client';
import type { MessageKey, Messages, MessageValue } from '../messages.js';
import { signInMessages } from '../signInMessages.js';
import { stepMessages } from '../stepMessages.js';
import { say } from './text.js';

/** The keys of `defaultMessages` (both its parts), without the public table that lists them again one by one. */
const signInAndSteps: Messages = { ...signInMessages, ...stepMessages };
import { ATTRIBUTE_INPUTS, STANDARD_ATTRIBUTES, attributeFormatError, attributeLabel, labelInSentence, toCognitoDate } from './attributeInputs.js';
import { fieldMessages } from './fieldMessages.js';
import { compactPhone, phoneProblem } from './phone.js';
import type { FieldSpec } from './useStepForm.js';

/** The input a configured field renders. `tel` shows the dial-code picker unless `dialCodes` is false. */
export type FieldType = 'text' | 'email' | 'tel' | 'url' | 'date' | 'number' | 'password' | 'checkbox';

/**
 * One field of a form's field list (sign-up, NEW_PASSWORD_REQUIRED), declared: a Cognito attribute (a
 * standard one such as `given_name`, or `custom:team`), or a field of the app's own (a terms checkbox) that
 * is sent only when `attribute` names where to. Every property is optional but `name`; a standard
 * attribute's label, input type and autocomplete come from the tables.
 *
 * @example
 * const fields: FieldOptions[] = [
 *   { name: 'email', placeholder: 'you@example.com' },
 *   { name: 'phone_number', required: false, defaultCountry: 'DE' },
 *   { name: 'custom:team', label: 'Team', validate: (v) => (/^[a-z]+$/.test(v) ? null : 'Lower-case letters only.') },
 *   { name: 'terms', type: 'checkbox', label: 'I accept the terms' },
 * ];
 */
export interface FieldOptions {
  /** The attribute (`email`, `custom:team`), `username` or `password` to place those, or a name of your own. */
  name: string;
  /**
   * Default: the attribute's label in the message table (`attribute.<name>`; `field.terms` for a checkbox
   * named `terms`), else the name without `custom:`.
   */
  label?: string;
  /** A hint inside the empty input (default: the table's `placeholder.<name>` if any, else none). */
  placeholder?: string;
  /** Default: the attribute's (`email`, `tel`, `url`, `date`…), else `text`. Another input type is passed through. */
  type?: FieldType | (string & {});
  /** Default `true`: an empty field (an unchecked box) is refused before anything is sent. */
  required?: boolean;
  /** The HTML autofill token (default: the attribute's, e.g. `given-name`, `bday`). */
  autoComplete?: string;
  /** The value the field starts with (`'true'` checks a box). */
  initial?: string;
  /**
   * Your own check, after the required and format checks: return a message key (`'invalid.email'`) or
   * your own text to refuse the value, `null` to accept it. `values` holds every field by its `name`.
   */
  validate?: (value: string, values: Record<string, string>) => MessageKey | string | null | undefined;
  /**
   * The attribute the value is sent as. Default: the name itself for a standard or `custom:` attribute;
   * nothing for any other name (a terms box is checked, not sent). A checkbox sends `'true'` when checked.
   */
  attribute?: string | false;
  /** For a phone number: the country the dial-code picker starts on (ISO 3166 code, e.g. `'DE'`). */
  defaultCountry?: string;
  /** For a phone number: `false` for one input where the number is typed in full (+4915112345678). */
  dialCodes?: boolean;
}

/** A field of the list: an attribute name (required), or its options. */
export type FieldConfig = string | FieldOptions;

/** A configured field resolved for one form: its spec for `useStepForm`, and what is sent. */
export interface ResolvedField {
  /** The name in the app's list (`email`, `terms`). */
  name: string;
  /** The form's name for it (`attribute:email`), unique beside `username` and `password`. */
  formName: string;
  /** The attribute it is sent as, or `null`. */
  attribute: string | null;
  type: FieldType;
  required: boolean;
  spec: FieldSpec;
}

const tables = new WeakMap<Messages, Messages>();
/** An area's table with the field strings under it (one object per table, made once). */
export function withFieldMessages(table: Messages = signInAndSteps): Messages {
  let merged = tables.get(table);
  if (!merged) tables.set(table, (merged = { ...fieldMessages, ...table }));
  return merged;
}

/**
 * `translate` over the field strings too: the validators below hand `useStepForm` a finished sentence, which
 * its lookup passes through as it is (a text that is no key comes back as itself).
 */
export function fieldTranslator(messages: Messages | undefined, table: Messages | undefined, locale: string | undefined) {
  const merged = withFieldMessages(table);
  return (key: MessageKey, values?: Record<string, MessageValue>) => say(messages, key, values, merged, locale, signInAndSteps);
}

/** Whether a name is one Cognito keeps as an attribute (standard, or `custom:`), so sent by default. */
export function isAttributeName(name: string): boolean {
  return name.startsWith('custom:') || (STANDARD_ATTRIBUTES as readonly string[]).includes(name);
}

/** A field of the list as options (a bare name is a required field). */
export function fieldOptions(field: FieldConfig): FieldOptions {
  return typeof field === 'string' ? { name: field } : field;
}

/** A value as it is sent: trimmed; a checkbox's `'true'` or nothing. */
export function sentValue(field: ResolvedField, value: string | undefined): string {
  if (field.type === 'checkbox') return value === 'true' ? 'true' : '';
  if (field.name === 'birthdate' || field.type === 'date') return toCognitoDate(value ?? '');
  return field.type === 'tel' ? compactPhone(value ?? '') : (value ?? '').trim();
}

/**
 * Resolves the app's field list for a form: the label, input, checks and the attribute each is sent as.
 * `username` and `password` entries are left to the form (they only say where those go).
 */
export function resolveFields(
  list: readonly FieldConfig[],
  context: { messages: Messages | undefined; table?: Messages; locale: string | undefined; initial?: Record<string, string | undefined> },
): ResolvedField[] {
  const t = fieldTranslator(context.messages, context.table, context.locale);
  // `invalid.phone` is worded in the account table only: a form without it says the picker's sentence.
  const said = (key: MessageKey, values?: Record<string, MessageValue>) => {
    const text = t(key, values);
    return (text === key && key === 'invalid.phone' ? t('invalid.phoneNumber') : text) as MessageKey;
  };
  const options = list.map(fieldOptions).filter((f) => f.name !== 'username' && f.name !== 'password');
  const resolved = options.map<ResolvedField>((f) => {
    const standard = ATTRIBUTE_INPUTS[f.name] ?? {};
    const type = (f.type ?? standard.type ?? 'text') as FieldType;
    const required = f.required ?? true;
    const label = f.label ?? (type === 'checkbox' && f.name === 'terms' ? t('field.terms') : attributeLabel(t, f.name));
    const attribute = f.attribute === false ? null : (f.attribute ?? (isAttributeName(f.name) ? f.name : null));
    const picker = type === 'tel' && f.dialCodes !== false;
    const spec: FieldSpec = {
      name: `attribute:${f.name}`,
      label,
      initial: f.initial ?? context.initial?.[f.name] ?? '',
      required,
      validate: (raw, all) => {
        if (type === 'checkbox') {
          if (required && raw !== 'true') return said('invalid.checkbox');
        } else {
          const value = raw.trim();
          if (value === '') return required ? said('invalid.attribute', { attribute: labelInSentence(label, context.locale) }) : null;
          const format = type === 'tel' ? phoneProblem(value, picker) : attributeFormatError(f.name, value, type);
          if (format) return said(format);
        }
        const own = f.validate?.(type === 'checkbox' ? raw : raw.trim(), byName(all));
        return own ? said(own as MessageKey) : null;
      },
      input: {
        ...standard,
        type,
        // An address or a number of the app's own is written left to right, as the standard ones are.
        ...(type === 'email' || type === 'tel' || type === 'url' ? { dir: 'ltr' } : {}),
        ...(f.autoComplete ? { autoComplete: f.autoComplete } : {}),
        ...(f.placeholder ? { placeholder: f.placeholder } : {}),
      },
      ...(picker ? { phone: { defaultCountry: f.defaultCountry } } : {}),
    };
    return { name: f.name, formName: spec.name, attribute, type, required, spec };
  });
  // The app's validators see the values by the names of its list.
  const byName = (all: Record<string, string>) => {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(all)) out[key.startsWith('attribute:') ? key.slice('attribute:'.length) : key] = value;
    return out;
  };
  return resolved;
}

/** The attributes to send, by attribute name: every mapped field's value (empty ones are dropped later). */
export function attributesOf(fields: readonly ResolvedField[], values: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) if (f.attribute) out[f.attribute] = sentValue(f, values[f.formName]);
  return out;
}

/** Whether a required box is still unchecked: the form's submit button waits for it. */
export function uncheckedRequired(fields: readonly ResolvedField[], values: Record<string, string>): boolean {
  return fields.some((f) => f.type === 'checkbox' && f.required && values[f.formName] !== 'true');
}
