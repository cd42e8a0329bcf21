'use client';
import type { ReactNode } from 'react';
import { Field } from '../shared/Field.js';
import { FormLayout } from '../shared/FormLayout.js';
import type { UseCodeFormOptions } from './useCodeStepForm.js';
import { useEmailOtpForm, type EmailOtpFormRenderProps } from './useEmailOtpForm.js';

export interface EmailOtpFormProps extends UseCodeFormOptions {
  className?: string;
  /** Replaces the markup: receives the field, the step (with where the code went), state and actions. */
  children?: (props: EmailOtpFormRenderProps) => ReactNode;
}

/**
 * Asks for an email code (EMAIL_OTP, MFA or passwordless).
 *
 * @example
 * <EmailOtpForm>{(form) => <MyCodeInput {...form.fields.code.inputProps} />}</EmailOtpForm>
 */
export function EmailOtpForm({ children, className, ...options }: EmailOtpFormProps) {
  const form = useEmailOtpForm(options);
  if (children) return <>{children(form)}</>;
  return (
    <FormLayout props={form} step="EMAIL_OTP" className={className}>
      <Field field={form.fields.code} />
    </FormLayout>
  );
}
