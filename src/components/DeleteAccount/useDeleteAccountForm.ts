'use client';
import { useDeleteUser } from '../../react/account.js';
import { translator, type Messages } from '../messages.js';
import { accountMessages } from '../accountMessages.js';
import { useAccountForm, type AccountFormRenderProps } from '../shared/useAccountForm.js';
import { useFormLocale } from '../shared/useLocale.js';

export interface UseDeleteAccountFormOptions {
  messages?: Messages;
  onDeleted?: () => void;
}

/**
 * Deletes the account (DeleteUser) only after the user typed the confirmation word.
 *
 * @example
 * const form = useDeleteAccountForm({ onDeleted: () => navigate('/goodbye') });
 * <form {...form.formProps}><input {...form.fields.confirmation?.inputProps} /><button>{form.submitLabel}</button></form>
 */
export function useDeleteAccountForm(options: UseDeleteAccountFormOptions = {}): AccountFormRenderProps {
  const mutation = useDeleteUser();
  const { messages, locale } = useFormLocale(options.messages);
  const t = translator(messages, accountMessages, locale);
  const word = t('deleteAccount.word');
  return useAccountForm({
    hook: 'useDeleteAccountForm',
    messages,
    locale,
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
