'use client';
import type { ReactNode } from 'react';
import { Field } from '../shared/Field.js';
import { FormLayout } from '../shared/FormLayout.js';
import { ResendButton } from '../ResendButton/ResendButton.js';
import { useConfirmSignUpForm, type UseConfirmSignUpFormOptions } from './useConfirmSignUpForm.js';

export interface ConfirmSignUpProps extends UseConfirmSignUpFormOptions {
  className?: string;
  children?: (props: ReturnType<typeof useConfirmSignUpForm>) => ReactNode;
}

/**
 * Confirms a new account with the code Cognito sent, with "send a new code" on a countdown.
 *
 * @example
 * <ConfirmSignUp username="alice" onConfirmed={() => navigate('/sign-in')} />
 */
export function ConfirmSignUp({ children, className, ...options }: ConfirmSignUpProps) {
  const form = useConfirmSignUpForm(options);
  if (children) return <>{children(form)}</>;
  return (
    <FormLayout props={form} step="CONFIRM_SIGN_UP" className={className} canCancel={false}>
      {form.fields.code && <Field field={form.fields.code} />}
      <ResendButton resend={form.resend} messages={options.messages} startWith={options.codeSent === false ? 0 : undefined} />
    </FormLayout>
  );
}
