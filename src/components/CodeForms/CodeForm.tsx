'use client';
import type { ReactNode } from 'react';
import { Field } from '../shared/Field.js';
import { FormLayout } from '../shared/FormLayout.js';
import { useCodeStepForm, type CodeFormRenderProps, type CodeStepName, type UseCodeFormOptions } from './useCodeStepForm.js';

/** The props of the four code forms (`SmsMfaForm`, `SoftwareTokenMfaForm`, `EmailOtpForm`, `SmsOtpForm`). */
export interface CodeFormProps<N extends CodeStepName> extends UseCodeFormOptions {
  className?: string;
  /** Replaces the markup: receives the field, the step (with where the code went), state and actions. */
  children?: (props: CodeFormRenderProps<N>) => ReactNode;
}

/**
 * The one implementation of the four code form components: the hook the four public hooks are
 * (`useCodeStepForm`, as `useSmsMfaForm()` and the others call it), then the app's `children` with its
 * render props, or the default markup (heading, hint, code field, error region, buttons).
 * `hook` is the name of the form's public hook, which the error outside `<CognitoProvider>` names.
 */
export function CodeForm<N extends CodeStepName>({ name, hook, className, children, ...options }: CodeFormProps<N> & { name: N; hook: string }) {
  const form = useCodeStepForm(name, hook, options);
  if (children) return <>{children(form)}</>;
  return (
    <FormLayout props={form} step={name} className={className}>
      <Field field={form.fields.code} />
    </FormLayout>
  );
}
