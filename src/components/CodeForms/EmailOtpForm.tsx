'use client';
import { CodeForm, type CodeFormProps } from './CodeForm.js';

export type EmailOtpFormProps = CodeFormProps<'EMAIL_OTP'>;

/**
 * Asks for an email code (EMAIL_OTP, MFA or passwordless).
 *
 * @example
 * <EmailOtpForm>{(form) => <MyCodeInput {...form.fields.code.inputProps} />}</EmailOtpForm>
 */
export function EmailOtpForm(props: EmailOtpFormProps) {
  return <CodeForm name="EMAIL_OTP" hook="useEmailOtpForm" {...props} />;
}
