'use client';
import type { ReactNode } from 'react';
import { ConfiguredField } from '../shared/ConfiguredField.js';
import { Field } from '../shared/Field.js';
import { PasswordMatch } from '../shared/PasswordMatch.js';
import { PasswordPolicyChecklist } from '../shared/PasswordPolicyChecklist.js';
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
 * <NewPasswordRequiredForm fields={[{ name: 'custom:team', label: 'Team' }, { name: 'terms', type: 'checkbox', label: 'I accept the terms' }]} />
 */
export function NewPasswordRequiredForm({ children, className, ...options }: NewPasswordRequiredFormProps) {
  const form = useNewPasswordRequiredForm(options);
  if (children) return <>{children(form)}</>;
  return (
    <FormLayout props={form} step="NEW_PASSWORD_REQUIRED" className={className} blocked={!form.ready}>
      {form.fields.attributes.map((field) => (
        <ConfiguredField key={field.name} field={field} />
      ))}
      <Field field={form.fields.newPassword} />
      <PasswordPolicyChecklist field={form.fields.newPassword} t={form.t} />
      <Field field={form.fields.confirm} />
      <PasswordMatch match={form.passwordsMatch} fieldError={form.fields.confirm?.error} matches={form.t('newPassword.matches')} differ={form.t('invalid.confirm')} />
    </FormLayout>
  );
}
