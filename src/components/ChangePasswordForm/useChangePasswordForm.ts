'use client';
import { useState } from 'react';
import { useChangePassword } from '../../react/account.js';
import { translator, type Messages } from '../messages.js';
import { accountMessages } from '../accountMessages.js';
import { newPasswordFields, passwordsMatch } from '../shared/accountFields.js';
import { useAccountForm, type AccountFormRenderProps } from '../shared/useAccountForm.js';
import { useFormLocale } from '../shared/useLocale.js';

export interface UseChangePasswordFormOptions {
  messages?: Messages;
  onChanged?: () => void;
}

export interface ChangePasswordFormRenderProps extends AccountFormRenderProps {
  passwordsMatch: boolean | null;
  /** "Your password is changed." after a success, until the next edit. */
  done: string | null;
}

/**
 * Changes the signed-in user's password (ChangePassword): the current one, then the new one twice.
 *
 * @example
 * const form = useChangePasswordForm({ onChanged: () => toast('Password changed') });
 * <form {...form.formProps}><input {...form.fields.current?.inputProps} />{form.done && <p>{form.done}</p>}</form>
 */
export function useChangePasswordForm(options: UseChangePasswordFormOptions = {}): ChangePasswordFormRenderProps {
  const mutation = useChangePassword();
  const [done, setDone] = useState(false);
  const { messages, locale } = useFormLocale(options.messages);
  const t = translator(messages, accountMessages, locale);
  const form = useAccountForm({
    hook: 'useChangePasswordForm',
    messages,
    locale,
    title: t('changePassword.title'),
    hint: null,
    submitLabel: t('changePassword.submit'),
    fields: [
      {
        name: 'current',
        label: t('changePassword.current'),
        validate: (v) => (v === '' ? 'invalid.previousPassword' : null),
        input: { type: 'password', autoComplete: 'current-password' },
      },
      ...newPasswordFields({ password: t('newPassword.password'), confirm: t('newPassword.confirm') }),
    ],
    mutation,
    clearOnFailure: ['current', 'newPassword', 'confirm'],
    errorContext: 'changePassword',
    toInput: (v) => {
      setDone(false);
      return { previousPassword: v.current ?? '', proposedPassword: v.newPassword ?? '' };
    },
    onSuccess: () => {
      setDone(true);
      form.setValues(() => ({ current: '', newPassword: '', confirm: '' }));
      options.onChanged?.();
    },
  });
  return {
    ...form,
    passwordsMatch: passwordsMatch(form.values),
    done: done ? t('changePassword.done') : null,
  };
}
