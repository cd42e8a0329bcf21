'use client';
import type { CodeDelivery } from '../../core/index.js';
import { useConfirmSignUp, useResendSignUpCode } from '../../react/account.js';
import { translator, type Messages } from '../messages.js';
import { accountMessages } from '../accountMessages.js';
import { cleanCode, codeField } from '../shared/accountFields.js';
import { useAccountForm, type AccountFormRenderProps } from '../shared/useAccountForm.js';
import { useFormLocale } from '../shared/useLocale.js';

export interface UseConfirmSignUpFormOptions {
  username: string;
  /** The Session SignUp returned (for sign-in without the password afterwards). */
  session?: string | undefined;
  codeDelivery?: CodeDelivery | undefined;
  /** False when no code was just sent (confirming later, from sign-in): "send a new code" is ready at once. */
  codeSent?: boolean;
  messages?: Messages;
  onConfirmed?: (result: { session: string | undefined }) => void;
}

/**
 * The confirmation form (ConfirmSignUp): the code, and a resend with a countdown.
 *
 * @example
 * const form = useConfirmSignUpForm({ username: 'alice', onConfirmed: () => setView('signIn') });
 * <form {...form.formProps}><input {...form.fields.code?.inputProps} /><button type="button" onClick={() => void form.resend()}>Resend</button></form>
 */
export function useConfirmSignUpForm(options: UseConfirmSignUpFormOptions): AccountFormRenderProps & { resend: () => ReturnType<ReturnType<typeof useResendSignUpCode>['mutateAsync']> } {
  const mutation = useConfirmSignUp();
  const resend = useResendSignUpCode();
  const { messages, locale } = useFormLocale(options.messages);
  const t = translator(messages, accountMessages, locale);
  const form = useAccountForm({
    hook: 'useConfirmSignUpForm',
    messages,
    locale,
    title: t('confirmSignUp.title'),
    hint:
      options.codeSent === false
        ? t('confirmSignUp.hintLater')
        : options.codeDelivery?.destination
          ? t('confirmSignUp.hint', { destination: options.codeDelivery.destination })
          : t('confirmSignUp.hintNoDestination'),
    submitLabel: t('confirmSignUp.submit'),
    fields: [codeField(t('code.label'), 'SIGN_UP')],
    mutation,
    clearOnFailure: ['code'],
    errorContext: 'account',
    toInput: (v) => ({ username: options.username, code: cleanCode(v.code), ...(options.session ? { session: options.session } : {}) }),
    onSuccess: (result) => options.onConfirmed?.(result),
  });
  return { ...form, resend: () => resend.mutateAsync({ username: options.username }) };
}
