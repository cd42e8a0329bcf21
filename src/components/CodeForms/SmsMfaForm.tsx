'use client';
import type { ReactNode } from 'react';
import { Field } from '../shared/Field.js';
import { FormLayout } from '../shared/FormLayout.js';
import type { UseCodeFormOptions } from './useCodeStepForm.js';
import { useSmsMfaForm, type SmsMfaFormRenderProps } from './useSmsMfaForm.js';

export interface SmsMfaFormProps extends UseCodeFormOptions {
  className?: string;
  /** Replaces the markup: receives the field, the step (with where the code went), state and actions. */
  children?: (props: SmsMfaFormRenderProps) => ReactNode;
}

/**
 * Asks for a text message code (SMS_MFA).
 *
 * @example
 * <SmsMfaForm>{(form) => <MyCodeInput {...form.fields.code.inputProps} />}</SmsMfaForm>
 */
export function SmsMfaForm({ children, className, ...options }: SmsMfaFormProps) {
  const form = useSmsMfaForm(options);
  if (children) return <>{children(form)}</>;
  return (
    <FormLayout props={form} step="SMS_MFA" className={className}>
      <Field field={form.fields.code} />
    </FormLayout>
  );
}
