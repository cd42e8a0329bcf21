'use client';
import type { ReactNode } from 'react';
import { Field } from '../shared/Field.js';
import { FormLayout } from '../shared/FormLayout.js';
import type { UseCodeFormOptions } from './useCodeStepForm.js';
import { useSmsOtpForm, type SmsOtpFormRenderProps } from './useSmsOtpForm.js';

export interface SmsOtpFormProps extends UseCodeFormOptions {
  className?: string;
  /** Replaces the markup: receives the field, the step (with where the code went), state and actions. */
  children?: (props: SmsOtpFormRenderProps) => ReactNode;
}

/**
 * Asks for a passwordless text message code (SMS_OTP).
 *
 * @example
 * <SmsOtpForm>{(form) => <MyCodeInput {...form.fields.code.inputProps} />}</SmsOtpForm>
 */
export function SmsOtpForm({ children, className, ...options }: SmsOtpFormProps) {
  const form = useSmsOtpForm(options);
  if (children) return <>{children(form)}</>;
  return (
    <FormLayout props={form} step="SMS_OTP" className={className}>
      <Field field={form.fields.code} />
    </FormLayout>
  );
}
