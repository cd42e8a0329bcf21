'use client';
import { useCodeStepForm, type CodeFormRenderProps, type UseCodeFormOptions } from './useCodeStepForm.js';

export type EmailOtpFormRenderProps = CodeFormRenderProps<'EMAIL_OTP'>;

/**
 * The headless form for an email code (EMAIL_OTP, MFA or passwordless): one field, validated before anything is sent, cleared after a wrong code.
 *
 * @example
 * const form = useEmailOtpForm();
 * <form {...form.formProps}><input {...form.fields.code.inputProps} /></form>
 */
export function useEmailOtpForm(options: UseCodeFormOptions = {}): EmailOtpFormRenderProps {
  return useCodeStepForm('EMAIL_OTP', 'useEmailOtpForm', options);
}
