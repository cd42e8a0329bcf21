'use client';
import type { CodeDelivery } from '../../core/index.js';
import { useConfirmForgotPassword, useForgotPassword } from '../../react/account.js';
import { translator, type Messages } from '../messages.js';
import { accountMessages } from '../accountMessages.js';
import { cleanCode, codeField, newPasswordFields, passwordsMatch } from '../shared/accountFields.js';
import { useAccountForm, type AccountFormRenderProps } from '../shared/useAccountForm.js';
import { useFormLocale } from '../shared/useLocale.js';

export interface UseConfirmForgotPasswordFormOptions {
  username: string;
  codeDelivery?: CodeDelivery | undefined;
  messages?: Messages;
  onPasswordReset?: (result: { username: string }) => void;
}

/**
 * Step two (ConfirmForgotPassword): the code and the new password twice, with the match check.
 *
 * @example
 * const form = useConfirmForgotPasswordForm({ username: 'alice', onPasswordReset: () => setView('signIn') });
 * <form {...form.formProps}><input {...form.fields.code?.inputProps} /><input {...form.fields.newPassword?.inputProps} /></form>
 */
export function useConfirmForgotPasswordForm(
  options: UseConfirmForgotPasswordFormOptions,
): AccountFormRenderProps & { passwordsMatch: boolean | null; resend: () => Promise<{ codeDelivery: CodeDelivery | undefined }> } {
  const mutation = useConfirmForgotPassword();
  const resend = useForgotPassword();
  const { messages, locale } = useFormLocale(options.messages);
  const t = translator(messages, accountMessages, locale);
  const form = useAccountForm({
    hook: 'useConfirmForgotPasswordForm',
    messages,
    locale,
    title: t('forgotConfirm.title'),
    hint: options.codeDelivery?.destination
      ? t('forgotConfirm.hint', { destination: options.codeDelivery.destination })
      : t('forgotConfirm.hintNoDestination'),
    submitLabel: t('forgotConfirm.submit'),
    fields: [codeField(t('code.label'), 'PASSWORD_RESET'), ...newPasswordFields({ password: t('newPassword.password'), confirm: t('newPassword.confirm') })],
    mutation,
    clearOnFailure: ['code', 'newPassword', 'confirm'],
    errorContext: 'account',
    toInput: (v) => ({ username: options.username, code: cleanCode(v.code), newPassword: v.newPassword ?? '' }),
    onSuccess: () => options.onPasswordReset?.({ username: options.username }),
  });
  return {
    ...form,
    passwordsMatch: passwordsMatch(form.values),
    resend: () => resend.mutateAsync({ username: options.username }),
  };
}
