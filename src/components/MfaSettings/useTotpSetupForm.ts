'use client';
import { useVerifyTotpSetup } from '../../react/account.js';
import { translator, type Messages } from '../messages.js';
import { accountMessages } from '../accountMessages.js';
import { cleanCode, codeField } from '../shared/accountFields.js';
import { useAccountForm, type AccountFormRenderProps } from '../shared/useAccountForm.js';
import { useFormLocale } from '../shared/useLocale.js';

/**
 * The code form of authenticator-app enrolment while signed in (VerifySoftwareToken), once
 * `useMfaSettings().startTotpSetup()` has the secret.
 *
 * @example
 * const form = useTotpSetupForm({ onVerified: settings.finishTotpSetup, onCancel: settings.cancelTotpSetup });
 * <form {...form.formProps}><input {...form.fields.code?.inputProps} /></form>
 */
export function useTotpSetupForm(options: { messages?: Messages | undefined; onVerified: () => void; onCancel: () => void }): AccountFormRenderProps {
  const mutation = useVerifyTotpSetup();
  const { messages, locale } = useFormLocale(options.messages);
  const t = translator(messages, accountMessages, locale);
  return useAccountForm({
    hook: 'useTotpSetupForm',
    messages,
    locale,
    title: t('mfa.setUpTotp'),
    hint: t('mfaSetup.totpHint'),
    submitLabel: t('mfa.totpSubmit'),
    fields: [codeField(t('code.label'), 'TOTP_SETUP')],
    mutation,
    clearOnFailure: ['code'],
    toInput: (v) => ({ code: cleanCode(v.code), preferred: true }),
    onSuccess: () => options.onVerified(),
    onCancel: options.onCancel,
  });
}
