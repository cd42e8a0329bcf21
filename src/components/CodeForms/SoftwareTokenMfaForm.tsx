'use client';
import { CodeForm, type CodeFormProps } from './CodeForm.js';

export type SoftwareTokenMfaFormProps = CodeFormProps<'SOFTWARE_TOKEN_MFA'>;

/**
 * Asks for an authenticator app code (SOFTWARE_TOKEN_MFA).
 *
 * @example
 * <SoftwareTokenMfaForm>{(form) => <MyCodeInput {...form.fields.code.inputProps} />}</SoftwareTokenMfaForm>
 */
export function SoftwareTokenMfaForm(props: SoftwareTokenMfaFormProps) {
  return <CodeForm name="SOFTWARE_TOKEN_MFA" hook="useSoftwareTokenMfaForm" {...props} />;
}
