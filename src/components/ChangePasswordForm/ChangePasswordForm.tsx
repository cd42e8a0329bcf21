'use client';
import { useState, type ReactNode } from 'react';
import { useChangePassword } from '../../react/account.js';
import { Field } from '../shared/Field.js';
import { PasswordMatch } from '../shared/PasswordMatch.js';
import { FormLayout } from '../shared/FormLayout.js';
import type { StepFormRenderProps } from '../shared/useStepForm.js';
import { accountT, type AccountMessages } from '../accountMessages.js';
import { newPasswordFields, passwordsMatch } from '../shared/accountFields.js';
import { useAccountForm, type AccountFormRenderProps } from '../shared/useAccountForm.js';

export interface UseChangePasswordFormOptions {
  messages?: AccountMessages;
  onChanged?: () => void;
}

export interface ChangePasswordFormRenderProps extends AccountFormRenderProps {
  passwordsMatch: boolean | null;
  /** "Your password is changed." after a success, until the next edit. */
  done: string | null;
}

/** Changes the signed-in user's password (ChangePassword): the current one, then the new one twice. */
export function useChangePasswordForm(options: UseChangePasswordFormOptions = {}): ChangePasswordFormRenderProps {
  const mutation = useChangePassword();
  const [done, setDone] = useState(false);
  const t = accountT(options.messages);
  const form = useAccountForm({
    hook: 'useChangePasswordForm',
    messages: options.messages,
    title: t('changePassword.title'),
    hint: null,
    submitLabel: t('changePassword.submit'),
    fields: [
      {
        name: 'current',
        label: t('changePassword.current'),
        validate: (v) => (v === '' ? 'invalid.previousPassword' : null),
        input: { type: 'password', autoComplete: 'current-password' },
      },
      ...newPasswordFields({ password: t('newPassword.password'), confirm: t('newPassword.confirm') }),
    ],
    mutation,
    clearOnFailure: ['current', 'newPassword', 'confirm'],
    errorContext: 'changePassword',
    toInput: (v) => {
      setDone(false);
      return { previousPassword: v.current ?? '', proposedPassword: v.newPassword ?? '' };
    },
    onSuccess: () => {
      setDone(true);
      form.setValues(() => ({ current: '', newPassword: '', confirm: '' }));
      options.onChanged?.();
    },
  });
  return {
    ...form,
    passwordsMatch: passwordsMatch(form.values),
    done: done ? t('changePassword.done') : null,
  };
}

export interface ChangePasswordFormProps extends UseChangePasswordFormOptions {
  className?: string;
  children?: (props: ChangePasswordFormRenderProps) => ReactNode;
}

/**
 * @example
 * <ChangePasswordForm onChanged={() => toast('Password changed')} />
 */
export function ChangePasswordForm({ className, children, ...options }: ChangePasswordFormProps) {
  const form = useChangePasswordForm(options);
  if (children) return <>{children(form)}</>;
  return (
    <FormLayout props={form as unknown as StepFormRenderProps} step="CHANGE_PASSWORD" className={className} canCancel={false}>
      {form.fields.current && <Field field={form.fields.current} />}
      {form.fields.newPassword && <Field field={form.fields.newPassword} />}
      {form.fields.confirm && <Field field={form.fields.confirm} />}
      <PasswordMatch match={form.passwordsMatch} matches={form.t('newPassword.matches')} differ={form.t('invalid.confirm')} />
      <p role="status" data-done="">
        {form.done}
      </p>
    </FormLayout>
  );
}
