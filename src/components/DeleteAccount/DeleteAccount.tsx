'use client';
import type { ReactNode } from 'react';
import { useDeleteUser } from '../../react/account.js';
import { Field } from '../shared/Field.js';
import { FormLayout } from '../shared/FormLayout.js';
import type { StepFormRenderProps } from '../shared/useStepForm.js';
import { accountT, type AccountMessages } from '../accountMessages.js';
import { useAccountForm, type AccountFormRenderProps } from '../shared/useAccountForm.js';

export interface UseDeleteAccountFormOptions {
  messages?: AccountMessages;
  onDeleted?: () => void;
}

/** Deletes the account (DeleteUser) only after the user typed the confirmation word. */
export function useDeleteAccountForm(options: UseDeleteAccountFormOptions = {}): AccountFormRenderProps {
  const mutation = useDeleteUser();
  const t = accountT(options.messages);
  const word = t('deleteAccount.word');
  return useAccountForm({
    hook: 'useDeleteAccountForm',
    messages: options.messages,
    title: t('deleteAccount.title'),
    hint: t('deleteAccount.hint', { word }),
    submitLabel: t('deleteAccount.submit'),
    fields: [
      {
        name: 'confirmation',
        label: t('deleteAccount.confirm'),
        validate: (v) => (v.trim() !== word ? ['invalid.confirmation', { word }] : null),
        input: { type: 'text', autoComplete: 'off', autoCapitalize: 'characters', spellCheck: false },
      },
    ],
    mutation,
    toInput: () => undefined,
    onSuccess: () => options.onDeleted?.(),
  });
}

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
    <FormLayout props={form as unknown as StepFormRenderProps} step="DELETE_ACCOUNT" className={className} canCancel={false}>
      {form.fields.confirmation && <Field field={form.fields.confirmation} />}
    </FormLayout>
  );
}
