'use client';
import type { ReactNode } from 'react';
import { Field } from '../shared/Field.js';
import { PasswordMatch } from '../shared/PasswordMatch.js';
import { PasswordPolicyChecklist } from '../shared/PasswordPolicyChecklist.js';
import { FormLayout } from '../shared/FormLayout.js';
import { useChangePasswordForm, type ChangePasswordFormRenderProps, type UseChangePasswordFormOptions } from './useChangePasswordForm.js';

export interface ChangePasswordFormProps extends UseChangePasswordFormOptions {
  className?: string;
  children?: (props: ChangePasswordFormRenderProps) => ReactNode;
}

/**
 * Changes the signed-in user's password: the current one, then the new one twice with a visible match
 * check, and "Your password is changed." once it is.
 *
 * @example
 * <ChangePasswordForm onChanged={() => toast('Password changed')} />
 */
export function ChangePasswordForm({ className, children, ...options }: ChangePasswordFormProps) {
  const form = useChangePasswordForm(options);
  if (children) return <>{children(form)}</>;
  return (
    <FormLayout props={form} step="CHANGE_PASSWORD" className={className} canCancel={false}>
      {form.fields.current && <Field field={form.fields.current} />}
      {form.fields.newPassword && <Field field={form.fields.newPassword} />}
      <PasswordPolicyChecklist field={form.fields.newPassword} t={form.t} />
      {form.fields.confirm && <Field field={form.fields.confirm} />}
      <PasswordMatch match={form.passwordsMatch} fieldError={form.fields.confirm?.error} matches={form.t('newPassword.matches')} differ={form.t('invalid.confirm')} />
      <p role="status" data-done="">
        {form.done}
      </p>
    </FormLayout>
  );
}
