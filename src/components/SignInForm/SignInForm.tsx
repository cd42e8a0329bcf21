'use client';
import type { ReactNode } from 'react';
import { Field } from '../shared/Field.js';
import { FormLayout } from '../shared/FormLayout.js';
import { useSignInForm, type SignInFormRenderProps, type UseSignInFormOptions } from './useSignInForm.js';

export interface SignInFormProps extends UseSignInFormOptions {
  className?: string;
  /** Replaces the markup: receives the form's fields, state and actions. */
  children?: (props: SignInFormRenderProps) => ReactNode;
}

/**
 * Username and password, the first step of `<SignIn>`; usable on its own.
 *
 * @example
 * <SignInForm messages={{ 'signIn.username': 'Email' }} />
 */
export function SignInForm({ children, className, ...options }: SignInFormProps) {
  const form = useSignInForm(options);
  if (children) return <>{children(form)}</>;
  return (
    <FormLayout props={form} step="SIGN_IN" className={className} canCancel={false}>
      <Field field={form.fields.username} />
      {form.fields.password && <Field field={form.fields.password} />}
    </FormLayout>
  );
}
