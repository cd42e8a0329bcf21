'use client';
import { useState, type ReactNode } from 'react';
import type { CodeDelivery } from '../../core/index.js';
import { useConfirmForgotPassword, useForgotPassword } from '../../react/account.js';
import { Field } from '../shared/Field.js';
import { PasswordMatch } from '../shared/PasswordMatch.js';
import { ViewLink, type ViewLinkProp } from '../shared/ViewLink.js';
import { FormLayout } from '../shared/FormLayout.js';
import type { StepFormRenderProps } from '../shared/useStepForm.js';
import { accountT, translateAccount, type AccountMessages } from '../accountMessages.js';
import { ResendButton } from '../ResendButton/ResendButton.js';
import { cleanCode, codeField, newPasswordFields, passwordsMatch } from '../shared/accountFields.js';
import { useAccountForm, type AccountFormRenderProps } from '../shared/useAccountForm.js';

export interface UseForgotPasswordFormOptions {
  messages?: AccountMessages;
  initialUsername?: string;
  onCodeSent?: (result: { username: string; codeDelivery: CodeDelivery | undefined }) => void;
}

/** Step one of a password reset (ForgotPassword): the username. */
export function useForgotPasswordForm(options: UseForgotPasswordFormOptions = {}): AccountFormRenderProps {
  const mutation = useForgotPassword();
  const t = accountT(options.messages);
  return useAccountForm({
    hook: 'useForgotPasswordForm',
    messages: options.messages,
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

export interface UseConfirmForgotPasswordFormOptions {
  username: string;
  codeDelivery?: CodeDelivery | undefined;
  messages?: AccountMessages;
  onPasswordReset?: (result: { username: string }) => void;
}

/** Step two (ConfirmForgotPassword): the code and the new password twice, with the match check. */
export function useConfirmForgotPasswordForm(
  options: UseConfirmForgotPasswordFormOptions,
): AccountFormRenderProps & { passwordsMatch: boolean | null; resend: () => Promise<{ codeDelivery: CodeDelivery | undefined }> } {
  const mutation = useConfirmForgotPassword();
  const resend = useForgotPassword();
  const t = accountT(options.messages);
  const form = useAccountForm({
    hook: 'useConfirmForgotPasswordForm',
    messages: options.messages,
    title: t('forgotConfirm.title'),
    hint: options.codeDelivery?.destination
      ? t('forgotConfirm.hint', { destination: options.codeDelivery.destination })
      : t('forgotConfirm.hintNoDestination'),
    submitLabel: t('forgotConfirm.submit'),
    fields: [codeField(t('code.label')), ...newPasswordFields({ password: t('newPassword.password'), confirm: t('newPassword.confirm') })],
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

export interface ForgotPasswordProps {
  messages?: AccountMessages;
  className?: string;
  initialUsername?: string;
  /** After the new password is set; `<Authentication>` returns to sign-in with the username filled in. */
  onPasswordReset?: (result: { username: string }) => void;
  /** Shows "Back to sign in" (a button calling this; or `false` to hide, or your own node). */
  signInLink?: ViewLinkProp;
  children?: (props: AccountFormRenderProps) => ReactNode;
  renderConfirm?: (props: ReturnType<typeof useConfirmForgotPasswordForm>) => ReactNode;
}

function ConfirmStep({ options, render }: { options: UseConfirmForgotPasswordFormOptions; render: ForgotPasswordProps['renderConfirm'] }) {
  const form = useConfirmForgotPasswordForm(options);
  if (render) return <>{render(form)}</>;
  return (
    <FormLayout props={form as unknown as StepFormRenderProps} step="CONFIRM_FORGOT_PASSWORD" canCancel={false}>
      {form.fields.code && <Field field={form.fields.code} />}
      <ResendButton resend={form.resend} messages={options.messages} />
      {form.fields.newPassword && <Field field={form.fields.newPassword} />}
      {form.fields.confirm && <Field field={form.fields.confirm} />}
      <PasswordMatch match={form.passwordsMatch} matches={form.t('newPassword.matches')} differ={form.t('invalid.confirm')} />
    </FormLayout>
  );
}

function RequestStep({ options, render }: { options: UseForgotPasswordFormOptions; render: ForgotPasswordProps['children'] }) {
  const form = useForgotPasswordForm(options);
  if (render) return <>{render(form)}</>;
  return (
    <FormLayout props={form as unknown as StepFormRenderProps} step="FORGOT_PASSWORD" canCancel={false}>
      {form.fields.username && <Field field={form.fields.username} />}
    </FormLayout>
  );
}

/**
 * A password reset in two steps: the username (ForgotPassword sends a code), then the code and the new
 * password twice (ConfirmForgotPassword), with "send a new code" on a countdown.
 *
 * @example
 * <ForgotPassword onPasswordReset={({ username }) => setView({ name: 'signIn', username })} />
 */
export function ForgotPassword({ messages, className, initialUsername, onPasswordReset, signInLink, children, renderConfirm }: ForgotPasswordProps) {
  const [sent, setSent] = useState<{ username: string; codeDelivery: CodeDelivery | undefined } | null>(null);
  const link = <ViewLink link={signInLink} name="signIn" label={translateAccount(messages, 'link.signIn')} />;
  return (
    <div className={className} data-cognito-view={sent ? 'confirmForgotPassword' : 'forgotPassword'}>
      {sent ? (
        <ConfirmStep
          options={{ ...sent, ...(messages ? { messages } : {}), ...(onPasswordReset ? { onPasswordReset } : {}) }}
          render={renderConfirm}
        />
      ) : (
        <RequestStep
          options={{ ...(messages ? { messages } : {}), ...(initialUsername ? { initialUsername } : {}), onCodeSent: setSent }}
          render={children}
        />
      )}
      {link}
    </div>
  );
}
