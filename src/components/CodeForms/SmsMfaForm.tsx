'use client';
import { CodeForm, type CodeFormProps } from './CodeForm.js';

export type SmsMfaFormProps = CodeFormProps<'SMS_MFA'>;

/**
 * Asks for a text message code (SMS_MFA).
 *
 * @example
 * <SmsMfaForm>{(form) => <MyCodeInput {...form.fields.code.inputProps} />}</SmsMfaForm>
 */
export function SmsMfaForm(props: SmsMfaFormProps) {
  return <CodeForm name="SMS_MFA" hook="useSmsMfaForm" {...props} />;
}
