'use client';
import type { SignUpResult } from '../../core/index.js';
import { useSignUp } from '../../react/account.js';
import { ATTRIBUTE_INPUTS, attributeFormatError, attributeLabel, normalizeAttribute, type AttributeField, labelInSentence } from '../shared/attributeInputs.js';
import type { FieldSpec } from '../shared/useStepForm.js';
import { translator, type Messages } from '../messages.js';
import { accountMessages } from '../accountMessages.js';
import { newPasswordFields, passwordsMatch } from '../shared/accountFields.js';
import { useAccountForm, type AccountFormRenderProps } from '../shared/useAccountForm.js';
import { useFormLocale } from '../shared/useLocale.js';

export interface UseSignUpFormOptions {
  /** The attributes to ask for, in order (default `['email']`): names, or `{ name, label, type, required }`. */
  attributes?: AttributeField[];
  messages?: Messages;
  /**
   * Called after SignUp succeeded, with where the code went. The second argument is the password just
   * chosen, for signing in after confirmation: keep it in memory only (`<SignUp>` does, until it is used).
   */
  onSignedUp?: (result: SignUpResult & { username: string }, credentials: { password: string }) => void;
  initialUsername?: string;
}

export interface SignUpFormRenderProps extends AccountFormRenderProps {
  /** `passwordsMatch`: as in the new-password form. */
  passwordsMatch: boolean | null;
  attributeFields: string[];
}

/**
 * The sign-up form (SignUp): username, password twice with a match check, and the app's attributes.
 *
 * @example
 * const form = useSignUpForm({ attributes: ['email'], onSignedUp: ({ username }) => setConfirming(username) });
 * <form {...form.formProps}>{Object.values(form.fields).map((f) => <input key={f.name} {...f.inputProps} />)}</form>
 */
export function useSignUpForm(options: UseSignUpFormOptions = {}): SignUpFormRenderProps {
  const mutation = useSignUp();
  const { messages, locale } = useFormLocale(options.messages);
  const t = translator(messages, accountMessages, locale);
  const attrs = (options.attributes ?? ['email']).map(normalizeAttribute);
  const fields: FieldSpec[] = [
    {
      name: 'username',
      label: t('signUp.username'),
      initial: options.initialUsername ?? '',
      validate: (v) => (v.trim() === '' ? 'invalid.username.signUp' : null),
      input: { type: 'text', autoComplete: 'username', autoCapitalize: 'none', spellCheck: false },
    },
    ...attrs.map<FieldSpec>((a) => ({
      name: `attribute:${a.name}`,
      label: attributeLabel(t, a.name, a.label),
      validate: (v) => {
        const value = v.trim();
        if (value === '') return a.required ? ['invalid.attribute', { attribute: labelInSentence(attributeLabel(t, a.name, a.label), locale) }] : null;
        return attributeFormatError(a.name, value);
      },
      input: { ...(ATTRIBUTE_INPUTS[a.name] ?? { type: 'text' }), ...(a.type ? { type: a.type } : {}) },
    })),
    ...newPasswordFields({ password: t('signUp.password'), confirm: t('signUp.confirm') }, 'password', 'invalid.password.signUp'),
  ];
  const form = useAccountForm({
    hook: 'useSignUpForm',
    messages,
    locale,
    title: t('signUp.title'),
    hint: null,
    submitLabel: t('signUp.submit'),
    fields,
    mutation,
    clearOnFailure: ['password', 'confirm'],
    toInput: (v) => ({
      username: (v.username ?? '').trim(),
      password: v.password ?? '',
      attributes: Object.fromEntries(attrs.map((a) => [a.name, (v[`attribute:${a.name}`] ?? '').trim()])),
    }),
    onSuccess: (result, v) => options.onSignedUp?.({ ...result, username: (v.username ?? '').trim() }, { password: v.password ?? '' }),
  });
  return {
    ...form,
    passwordsMatch: passwordsMatch(form.values, 'password'),
    attributeFields: attrs.map((a) => `attribute:${a.name}`),
  };
}
