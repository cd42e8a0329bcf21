'use client';
import type { CodeDelivery } from '../../core/index.js';
import { useVerifyUserAttribute } from '../../react/account.js';
import { attributeLabel, labelInSentence } from '../shared/attributeInputs.js';
import { translator, type Messages } from '../messages.js';
import { accountMessages } from '../accountMessages.js';
import { cleanCode, codeField } from '../shared/accountFields.js';
import { useAccountForm } from '../shared/useAccountForm.js';
import { useFormLocale } from '../shared/useLocale.js';

/** The code form that verifies a changed or unverified email or phone number (VerifyUserAttribute). */
export function useVerifyAttributeForm(options: {
  attribute: string;
  codeDelivery: CodeDelivery | undefined;
  messages: Messages | undefined;
  onVerified: () => void;
  onCancel: () => void;
}) {
  const mutation = useVerifyUserAttribute();
  const { messages, locale } = useFormLocale(options.messages);
  const t = translator(messages, accountMessages, locale);
  const destination = options.codeDelivery?.destination;
  return useAccountForm({
    hook: 'useUserAttributesForm',
    messages,
    locale,
    title: t('attributes.verifyTitle', { attribute: labelInSentence(attributeLabel(t, options.attribute), locale) }),
    hint: destination ? t('confirmSignUp.hint', { destination }) : null,
    submitLabel: t('attributes.verifySubmit'),
    fields: [codeField(t('code.label'), 'ATTRIBUTE_VERIFICATION')],
    mutation,
    clearOnFailure: ['code'],
    errorContext: 'account',
    toInput: (v) => ({ attribute: options.attribute, code: cleanCode(v.code) }),
    onSuccess: options.onVerified,
    onCancel: options.onCancel,
  });
}
