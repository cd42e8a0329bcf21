'use client';
import { CodeForm, type CodeFormProps } from './CodeForm.js';

export type SmsOtpFormProps = CodeFormProps<'SMS_OTP'>;

/**
 * Asks for a passwordless text message code (SMS_OTP).
 *
 * @example
 * <SmsOtpForm>{(form) => <MyCodeInput {...form.fields.code.inputProps} />}</SmsOtpForm>
 */
export function SmsOtpForm(props: SmsOtpFormProps) {
  return <CodeForm name="SMS_OTP" hook="useSmsOtpForm" {...props} />;
}
