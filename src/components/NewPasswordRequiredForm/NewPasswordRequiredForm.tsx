'use client';
import type { ReactNode } from 'react';
import { Field } from '../shared/Field.js';
import { FormLayout } from '../shared/FormLayout.js';
import {
  useNewPasswordRequiredForm,
  type NewPasswordRequiredFormRenderProps,
  type UseNewPasswordRequiredFormOptions,
} from './useNewPasswordRequiredForm.js';

export interface NewPasswordRequiredFormProps extends UseNewPasswordRequiredFormOptions {
  className?: string;
  children?: (props: NewPasswordRequiredFormRenderProps) => ReactNode;
}

/**
 * Sets the new password an administrator-created user must choose, with any attribute the pool requires.
 *
 * @example
 * <NewPasswordRequiredForm messages={{ 'attribute.custom:team': 'Team' }} />
 */
export function NewPasswordRequiredForm({ children, className, ...options }: NewPasswordRequiredFormProps) {
  const form = useNewPasswordRequiredForm(options);
  if (children) return <>{children(form)}</>;
  return (
    <FormLayout props={form} step="NEW_PASSWORD_REQUIRED" className={className}>
      {form.fields.attributes.map((field) => (
        <Field key={field.name} field={field} />
      ))}
      <Field field={form.fields.newPassword} />
      <Field field={form.fields.confirm} />
      <p aria-live="polite" data-password-match={form.passwordsMatch === null ? undefined : String(form.passwordsMatch)}>
        {form.passwordsMatch ? form.t('newPassword.matches') : form.passwordsMatch === false ? form.t('invalid.confirm') : ''}
      </p>
    </FormLayout>
  );
}
