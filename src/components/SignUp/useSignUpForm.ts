'use client';
import type { SignUpResult, UsernameKind } from '../../core/index.js';
import { useSignUp } from '../../react/account.js';
import { attributesOf, fieldOptions, resolveFields, uncheckedRequired, type FieldConfig } from '../shared/fields.js';
import type { FieldSpec } from '../shared/useStepForm.js';
import { translator, type Messages } from '../messages.js';
import { accountMessages } from '../accountMessages.js';
import { newPasswordFields, passwordsMatch } from '../shared/accountFields.js';
import { useAccountForm, type AccountFormRenderProps } from '../shared/useAccountForm.js';
import { useFormLocale } from '../shared/useLocale.js';
import { normalizeUsername, usernameField, useUsernameKind } from '../shared/usernameKind.js';

export interface UseSignUpFormOptions {
  /**
   * The fields to ask for, in order (default `['email']`): attribute names, or field options (label,
   * placeholder, type, required, autocomplete, your own validator, a checkbox, the attribute it is sent
   * as; see `FieldOptions`). `'username'` and `'password'` in the list place those fields (default: the
   * username first, the password after the rest). The simple form (`['email', { name: 'name', required: false }]`) is a list of these.
   *
   * @example
   * <SignUp fields={['email', { name: 'phone_number', defaultCountry: 'DE', required: false }, { name: 'terms', type: 'checkbox', label: 'I accept the terms' }]} />
   */
  fields?: readonly FieldConfig[];
  /** The same as `fields` (its former name); `fields` wins when both are given. */
  attributes?: readonly FieldConfig[];
  /**
   * No password: SignUp without one, for user pools whose app client signs in with USER_AUTH and a
   * one-time code or a passkey. After the code is confirmed the user is signed in with the confirmation
   * Session (see `<SignUp autoSignIn>`).
   */
  passwordless?: boolean;
  /** What the username is (default: the store's `usernameKind`): an email or phone username is also sent as that attribute. */
  usernameKind?: UsernameKind;
  messages?: Messages;
  /**
   * Called after SignUp succeeded, with where the code went. The second argument is the password just
   * chosen (`''` when passwordless), for signing in after confirmation: keep it in memory only (`<SignUp>`
   * does, until it is used).
   */
  onSignedUp?: (result: SignUpResult & { username: string }, credentials: { password: string }) => void;
  initialUsername?: string;
}

export interface SignUpFormRenderProps extends AccountFormRenderProps {
  /** `passwordsMatch`: as in the new-password form (`null` when passwordless). */
  passwordsMatch: boolean | null;
  /** The form names of the attribute and custom fields (`attribute:email`, `attribute:terms`), in order. */
  attributeFields: string[];
  /** Every field's name in the order to render them: `username`, the attribute fields, `password`, `confirm`. */
  fieldOrder: string[];
  /** `false` while a required box (the terms) is unchecked: the submit button waits for it. */
  ready: boolean;
  passwordless: boolean;
}

/**
 * The sign-up form (SignUp): username, password twice with a match check (none when passwordless), and
 * the app's field list.
 *
 * @example
 * const form = useSignUpForm({ fields: ['email'], onSignedUp: ({ username }) => setConfirming(username) });
 * <form {...form.formProps}>{form.fieldOrder.map((name) => <input key={name} {...form.fields[name]?.inputProps} />)}</form>
 */
export function useSignUpForm(options: UseSignUpFormOptions = {}): SignUpFormRenderProps {
  const mutation = useSignUp();
  const { messages, locale } = useFormLocale(options.messages);
  const t = translator(messages, accountMessages, locale);
  const kind = useUsernameKind(options.usernameKind, 'useSignUpForm');
  const passwordless = options.passwordless === true;
  const list: readonly FieldConfig[] = options.fields ?? options.attributes ?? ['email'];
  // An email or phone username is that attribute too: it is not asked for twice.
  const asUsername = kind === 'username' ? null : kind;
  const configured = resolveFields(
    list.filter((f) => fieldOptions(f).name !== asUsername),
    { messages, table: accountMessages, locale },
  );
  const usernameOptions = asUsername ? list.map(fieldOptions).find((f) => f.name === asUsername) : undefined;
  const username = usernameField(kind, {
    label: t('signUp.username'),
    initial: options.initialUsername ?? '',
    empty: 'invalid.username.signUp',
    messages,
    table: accountMessages,
    locale,
  });
  if (username.phone && usernameOptions?.defaultCountry) username.phone = { defaultCountry: usernameOptions.defaultCountry };
  if (usernameOptions?.label) username.label = usernameOptions.label;
  const passwords: FieldSpec[] = passwordless ? [] : newPasswordFields({ password: t('signUp.password'), confirm: t('signUp.confirm') }, 'password', 'invalid.password.signUp');
  const form = useAccountForm({
    hook: 'useSignUpForm',
    messages,
    locale,
    title: t('signUp.title'),
    hint: null,
    submitLabel: t('signUp.submit'),
    fields: [username, ...configured.map((f) => f.spec), ...passwords],
    mutation,
    clearOnFailure: passwordless ? [] : ['password', 'confirm'],
    toInput: (v) => {
      const name = normalizeUsername(kind, v.username ?? '');
      return {
        username: name,
        ...(passwordless ? {} : { password: v.password ?? '' }),
        attributes: { ...attributesOf(configured, v), ...(asUsername ? { [asUsername]: name } : {}) },
      };
    },
    onSuccess: (result, v) => options.onSignedUp?.({ ...result, username: normalizeUsername(kind, v.username ?? '') }, { password: passwordless ? '' : (v.password ?? '') }),
  });
  // Where `username` and `password` go when the list names them; else first and last.
  const names = list.map((f) => fieldOptions(f).name);
  const order: string[] = [];
  if (!names.includes('username')) order.push('username');
  for (const name of names) {
    if (name === 'username') order.push('username');
    else if (name === 'password') order.push(...(passwordless ? [] : ['password', 'confirm']));
    else if (name !== asUsername) order.push(`attribute:${name}`);
  }
  if (!passwordless && !names.includes('password')) order.push('password', 'confirm');
  return {
    ...form,
    passwordsMatch: passwordless ? null : passwordsMatch(form.values, 'password'),
    attributeFields: configured.map((f) => f.formName),
    fieldOrder: order.filter((name) => form.fields[name] !== undefined),
    ready: !uncheckedRequired(configured, form.values),
    passwordless,
  };
}
