'use client';
import type { ReactNode } from 'react';
import { Field } from '../shared/Field.js';
import { FormLayout } from '../shared/FormLayout.js';
import type { UseCodeFormOptions } from './useCodeStepForm.js';
import { useSoftwareTokenMfaForm, type SoftwareTokenMfaFormRenderProps } from './useSoftwareTokenMfaForm.js';

export interface SoftwareTokenMfaFormProps extends UseCodeFormOptions {
  className?: string;
  /** Replaces the markup: receives the field, the step (with where the code went), state and actions. */
  children?: (props: SoftwareTokenMfaFormRenderProps) => ReactNode;
}

/**
 * Asks for an authenticator app code (SOFTWARE_TOKEN_MFA).
 *
 * @example
 * <SoftwareTokenMfaForm>{(form) => <MyCodeInput {...form.fields.code.inputProps} />}</SoftwareTokenMfaForm>
 */
export function SoftwareTokenMfaForm({ children, className, ...options }: SoftwareTokenMfaFormProps) {
  const form = useSoftwareTokenMfaForm(options);
  if (children) return <>{children(form)}</>;
  return (
    <FormLayout props={form} step="SOFTWARE_TOKEN_MFA" className={className}>
      <Field field={form.fields.code} />
    </FormLayout>
  );
}
