'use client';
import type { CodeDelivery } from '../../core/index.js';
import { useVerifyUserAttribute } from '../../react/account.js';
import { attributeLabel } from '../shared/attributeInputs.js';
import { translator, type Messages } from '../messages.js';
import { accountMessages } from '../accountMessages.js';
import { cleanCode, codeField } from '../shared/accountFields.js';
import { useAccountForm } from '../shared/useAccountForm.js';

/** The code form that verifies a changed or unverified email or phone number (VerifyUserAttribute). */
export function useVerifyAttributeForm(options: {
  attribute: string;
  codeDelivery: CodeDelivery | undefined;
  messages: Messages | undefined;
  onVerified: () => void;
  onCancel: () => void;
}) {
  const mutation = useVerifyUserAttribute();
  const t = translator(options.messages, accountMessages);
  const destination = options.codeDelivery?.destination;
  return useAccountForm({
    hook: 'useUserAttributesForm',
    messages: options.messages,
    title: t('attributes.verifyTitle', { attribute: attributeLabel(t, options.attribute).toLowerCase() }),
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
