'use client';
import type { ReactNode } from 'react';
import { Field } from '../shared/Field.js';
import { FormLayout } from '../shared/FormLayout.js';
import type { AccountFormRenderProps } from '../shared/useAccountForm.js';
import { useDeleteAccountForm, type UseDeleteAccountFormOptions } from './useDeleteAccountForm.js';

export interface DeleteAccountProps extends UseDeleteAccountFormOptions {
  className?: string;
  children?: (props: AccountFormRenderProps) => ReactNode;
}

/**
 * Account deletion behind an explicit confirmation: the user types DELETE (or your word, through
 * `messages['deleteAccount.word']`). The session ends once Cognito has deleted the user.
 *
 * @example
 * <DeleteAccount onDeleted={() => navigate('/goodbye')} />
 */
export function DeleteAccount({ className, children, ...options }: DeleteAccountProps) {
  const form = useDeleteAccountForm(options);
  if (children) return <>{children(form)}</>;
  return (
    <FormLayout props={form} step="DELETE_ACCOUNT" className={className} canCancel={false} danger>
      {form.fields.confirmation && <Field field={form.fields.confirmation} />}
    </FormLayout>
  );
}
