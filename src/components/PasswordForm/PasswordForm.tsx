'use client';
import type { ReactNode } from 'react';
import { Field } from '../shared/Field.js';
import { FormLayout } from '../shared/FormLayout.js';
import { usePasswordForm, type PasswordFormRenderProps, type UsePasswordFormOptions } from './usePasswordForm.js';

export interface PasswordFormProps extends UsePasswordFormOptions {
  className?: string;
  children?: (props: PasswordFormRenderProps) => ReactNode;
}

/**
 * Asks for the password when choice-based sign-in (USER_AUTH) continues with PASSWORD or PASSWORD_SRP.
 *
 * @example
 * <PasswordForm />
 */
export function PasswordForm({ children, className, ...options }: PasswordFormProps) {
  const form = usePasswordForm(options);
  if (children) return <>{children(form)}</>;
  return (
    <FormLayout props={form} step={form.stepName ?? 'PASSWORD'} className={className}>
      <Field field={form.fields.password} />
    </FormLayout>
  );
}
