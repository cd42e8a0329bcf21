'use client';
import { useState } from 'react';
import type { CodeDelivery, UserDetails } from '../../core/index.js';
import { useUpdateUserAttributes } from '../../react/account.js';
import { ATTRIBUTE_INPUTS, attributeFormatError, attributeLabel, normalizeAttribute, toCognitoDate, type AttributeField, labelInSentence } from '../shared/attributeInputs.js';
import { translator, type MessageKey, type Messages } from '../messages.js';
import { fieldTranslator } from '../shared/fields.js';
import { accountMessages } from '../accountMessages.js';
import { useAccountForm, type AccountFormRenderProps } from '../shared/useAccountForm.js';
import { useFormLocale } from '../shared/useLocale.js';
import { phoneProblem } from '../shared/phone.js';

/** Whether a profile field is the phone number shown with the dial-code picker (not when the app gave it another type). */
const picker = (a: { name: string; type: string | undefined }) => a.name === 'phone_number' && (a.type ?? 'tel') === 'tel';

const VERIFIABLE = ['email', 'phone_number'];

export interface UserAttributesFormRenderProps extends AccountFormRenderProps {
  attributeFields: string[];
  /** Per verifiable attribute shown (email, phone_number): whether Cognito says it is verified. */
  verified: Record<string, boolean>;
  /** "Saved." after a save that needed no verification. */
  done: string | null;
}

/** The profile form of `<UserAttributesForm>` (UpdateUserAttributes), over the user GetUser returned. */
export function useProfileForm(options: {
  details: UserDetails;
  attributes: AttributeField[];
  messages: Messages | undefined;
  onVerificationNeeded: (attribute: string, codeDelivery: CodeDelivery | undefined) => void;
}): UserAttributesFormRenderProps {
  const mutation = useUpdateUserAttributes();
  const [done, setDone] = useState(false);
  const attrs = options.attributes.map(normalizeAttribute);
  const { messages, locale } = useFormLocale(options.messages);
  const t = translator(messages, accountMessages, locale);
  const fieldT = fieldTranslator(messages, accountMessages, locale);
  const current = options.details.attributes;
  const form = useAccountForm({
    hook: 'useUserAttributesForm',
    messages,
    locale,
    title: t('attributes.title'),
    hint: null,
    submitLabel: t('attributes.submit'),
    fields: attrs.map((a) => ({
      name: a.name,
      label: attributeLabel(t, a.name, a.label),
      initial: current[a.name] ?? '',
      validate: (v: string) => {
        const value = v.trim();
        if (value === '') return a.required && current[a.name] ? ['invalid.attribute', { attribute: labelInSentence(attributeLabel(t, a.name, a.label), locale) }] : null;
        // The URL, date and phone checks are worded in the field table, which the account table lacks. A phone
        // number with the picker is checked as at sign-up: a number its country cannot have is refused here.
        const problem = picker(a) ? phoneProblem(value, true) : attributeFormatError(a.name, value, a.type);
        return problem ? (fieldT(problem) as MessageKey) : null;
      },
      input: { ...(ATTRIBUTE_INPUTS[a.name] ?? { type: 'text' }), ...(a.type ? { type: a.type } : {}) },
      // The phone number with the dial-code picker, as at sign-up: the number the user has shows as its country
      // and national number, and what is sent stays E.164.
      ...(picker(a) ? { phone: {} } : {}),
    })),
    mutation,
    toInput: (v) => {
      setDone(false);
      const changed = Object.fromEntries(attrs.map((a) => [a.name, a.name === 'birthdate' ? toCognitoDate(v[a.name] ?? '') : (v[a.name] ?? '').trim()]).filter(([name, value]) => value !== '' && value !== (current[name as string] ?? '')));
      return changed;
    },
    onSuccess: ({ codeDeliveries }) => {
      const first = codeDeliveries.find((d) => d.attribute && VERIFIABLE.includes(d.attribute));
      if (first?.attribute) options.onVerificationNeeded(first.attribute, first);
      else setDone(true);
    },
  });
  const verified = Object.fromEntries(attrs.filter((a) => VERIFIABLE.includes(a.name) && current[a.name]).map((a) => [a.name, current[`${a.name}_verified`] === 'true']));
  return { ...form, attributeFields: attrs.map((a) => a.name), verified, done: done ? t('attributes.saved') : null };
}
