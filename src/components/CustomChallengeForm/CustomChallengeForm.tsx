'use client';
import type { ReactNode } from 'react';
import { Field } from '../shared/Field.js';
import { FormLayout } from '../shared/FormLayout.js';
import { useCustomChallengeForm, type CustomChallengeFormRenderProps, type UseCustomChallengeFormOptions } from './useCustomChallengeForm.js';

export interface CustomChallengeFormProps extends UseCustomChallengeFormOptions {
  className?: string;
  children?: (props: CustomChallengeFormRenderProps) => ReactNode;
}

/**
 * Answers a custom-auth Lambda's CUSTOM_CHALLENGE with one text field.
 *
 * @example
 * <CustomChallengeForm>{(form) => <MyCaptcha question={form.step?.parameters.question} {...form} />}</CustomChallengeForm>
 */
export function CustomChallengeForm({ children, className, ...options }: CustomChallengeFormProps) {
  const form = useCustomChallengeForm(options);
  if (children) return <>{children(form)}</>;
  return (
    <FormLayout props={form} step="CUSTOM_CHALLENGE" className={className}>
      <Field field={form.fields.answer} />
    </FormLayout>
  );
}
