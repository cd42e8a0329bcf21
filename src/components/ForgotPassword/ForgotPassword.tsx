'use client';
import { useState, type ReactNode } from 'react';
import type { CodeDelivery, UsernameKind } from '../../core/index.js';
import { Field } from '../shared/Field.js';
import { PasswordMatch } from '../shared/PasswordMatch.js';
import { PasswordPolicyChecklist } from '../shared/PasswordPolicyChecklist.js';
import { ViewLink, type ViewLinkProp } from '../shared/ViewLink.js';
import { FormLayout } from '../shared/FormLayout.js';
import type { AccountFormRenderProps } from '../shared/useAccountForm.js';
import { translate, type Messages } from '../messages.js';
import { accountMessages } from '../accountMessages.js';
import { ResendButton } from '../ResendButton/ResendButton.js';
import { useConfirmForgotPasswordForm, type UseConfirmForgotPasswordFormOptions } from './useConfirmForgotPasswordForm.js';
import { useForgotPasswordForm, type UseForgotPasswordFormOptions } from './useForgotPasswordForm.js';
import { useFormLocale } from '../shared/useLocale.js';

export interface ForgotPasswordProps {
  messages?: Messages;
  className?: string;
  initialUsername?: string;
  /**
   * Start at the code step: ForgotPassword was already sent for this username (`<Authentication>` does so
   * when sign-in answers PasswordResetRequiredException).
   */
  codeSent?: { username: string; codeDelivery: CodeDelivery | undefined };
  /** What the username is (default: the store's `usernameKind`): its input, label and normalisation. */
  usernameKind?: UsernameKind;
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
    <FormLayout props={form} step="CONFIRM_FORGOT_PASSWORD" canCancel={false}>
      {form.fields.code && <Field field={form.fields.code} />}
      <ResendButton resend={form.resend} messages={options.messages} />
      {form.fields.newPassword && <Field field={form.fields.newPassword} />}
      <PasswordPolicyChecklist field={form.fields.newPassword} t={form.t} />
      {form.fields.confirm && <Field field={form.fields.confirm} />}
      <PasswordMatch match={form.passwordsMatch} fieldError={form.fields.confirm?.error} matches={form.t('newPassword.matches')} differ={form.t('invalid.confirm')} />
    </FormLayout>
  );
}

function RequestStep({ options, render }: { options: UseForgotPasswordFormOptions; render: ForgotPasswordProps['children'] }) {
  const form = useForgotPasswordForm(options);
  if (render) return <>{render(form)}</>;
  return (
    <FormLayout props={form} step="FORGOT_PASSWORD" canCancel={false}>
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
export function ForgotPassword({ messages, className, initialUsername, usernameKind, codeSent, onPasswordReset, signInLink, children, renderConfirm }: ForgotPasswordProps) {
  const [sent, setSent] = useState<{ username: string; codeDelivery: CodeDelivery | undefined } | null>(codeSent ?? null);
  const lang = useFormLocale(messages);
  const link = <ViewLink link={signInLink} name="signIn" label={translate(lang.messages, 'link.signIn', {}, accountMessages, lang.locale)} />;
  return (
    <div className={className} data-cognito-view={sent ? 'confirmForgotPassword' : 'forgotPassword'}>
      {sent ? (
        <ConfirmStep
          options={{ ...sent, ...(messages ? { messages } : {}), ...(onPasswordReset ? { onPasswordReset } : {}) }}
          render={renderConfirm}
        />
      ) : (
        <RequestStep
          options={{ ...(messages ? { messages } : {}), ...(initialUsername ? { initialUsername } : {}), ...(usernameKind ? { usernameKind } : {}), onCodeSent: setSent }}
          render={children}
        />
      )}
      <div data-links="">{link}</div>
    </div>
  );
}
