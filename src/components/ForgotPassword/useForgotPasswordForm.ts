'use client';
import type { CodeDelivery } from '../../core/index.js';
import { useForgotPassword } from '../../react/account.js';
import { translator, type Messages } from '../messages.js';
import { accountMessages } from '../accountMessages.js';
import { useAccountForm, type AccountFormRenderProps } from '../shared/useAccountForm.js';
import { useFormLocale } from '../shared/useLocale.js';

export interface UseForgotPasswordFormOptions {
  messages?: Messages;
  initialUsername?: string;
  onCodeSent?: (result: { username: string; codeDelivery: CodeDelivery | undefined }) => void;
}

/**
 * Step one of a password reset (ForgotPassword): the username.
 *
 * @example
 * const form = useForgotPasswordForm({ onCodeSent: ({ username, codeDelivery }) => setSent({ username, codeDelivery }) });
 * <form {...form.formProps}><input {...form.fields.username?.inputProps} /></form>
 */
export function useForgotPasswordForm(options: UseForgotPasswordFormOptions = {}): AccountFormRenderProps {
  const mutation = useForgotPassword();
  const { messages, locale } = useFormLocale(options.messages);
  const t = translator(messages, accountMessages, locale);
  return useAccountForm({
    hook: 'useForgotPasswordForm',
    messages,
    locale,
    title: t('forgot.title'),
    hint: t('forgot.hint'),
    submitLabel: t('forgot.submit'),
    fields: [
      {
        name: 'username',
        label: t('signIn.username'),
        initial: options.initialUsername ?? '',
        validate: (v) => (v.trim() === '' ? 'invalid.username' : null),
        input: { type: 'text', autoComplete: 'username', autoCapitalize: 'none', spellCheck: false },
      },
    ],
    mutation,
    toInput: (v) => ({ username: (v.username ?? '').trim() }),
    onSuccess: (result, v) => options.onCodeSent?.({ username: (v.username ?? '').trim(), codeDelivery: result.codeDelivery }),
  });
}
