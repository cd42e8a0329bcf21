'use client';
import type { CodeDelivery, UsernameKind } from '../../core/index.js';
import { useForgotPassword } from '../../react/account.js';
import { translator, type Messages } from '../messages.js';
import { accountMessages } from '../accountMessages.js';
import { useAccountForm, type AccountFormRenderProps } from '../shared/useAccountForm.js';
import { useFormLocale } from '../shared/useLocale.js';
import { normalizeUsername, usernameField, useUsernameKind } from '../shared/usernameKind.js';

export interface UseForgotPasswordFormOptions {
  messages?: Messages;
  initialUsername?: string;
  onCodeSent?: (result: { username: string; codeDelivery: CodeDelivery | undefined }) => void;
  /** What the username is (default: the store's `usernameKind`): its input, label and normalisation. */
  usernameKind?: UsernameKind;
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
  const kind = useUsernameKind(options.usernameKind, 'useForgotPasswordForm');
  return useAccountForm({
    hook: 'useForgotPasswordForm',
    messages,
    locale,
    title: t('forgot.title'),
    hint: t('forgot.hint'),
    submitLabel: t('forgot.submit'),
    fields: [
      usernameField(kind, { label: t('signIn.username'), initial: options.initialUsername ?? '', empty: 'invalid.username', messages, table: accountMessages, locale }),
    ],
    mutation,
    toInput: (v) => ({ username: normalizeUsername(kind, v.username ?? '') }),
    onSuccess: (result, v) => options.onCodeSent?.({ username: normalizeUsername(kind, v.username ?? ''), codeDelivery: result.codeDelivery }),
  });
}
