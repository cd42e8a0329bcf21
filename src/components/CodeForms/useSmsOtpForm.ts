'use client';
import { useCodeStepForm, type CodeFormRenderProps, type UseCodeFormOptions } from './useCodeStepForm.js';

export type SmsOtpFormRenderProps = CodeFormRenderProps<'SMS_OTP'>;

/**
 * The headless form for a passwordless text message code (SMS_OTP): one field, validated before anything is sent, cleared after a wrong code.
 *
 * @example
 * const form = useSmsOtpForm();
 * <form {...form.formProps}><input {...form.fields.code.inputProps} /></form>
 */
export function useSmsOtpForm(options: UseCodeFormOptions = {}): SmsOtpFormRenderProps {
  return useCodeStepForm('SMS_OTP', 'useSmsOtpForm', options);
}
