'use client';
import { useCodeStepForm, type CodeFormRenderProps, type UseCodeFormOptions } from './useCodeStepForm.js';

export type SmsMfaFormRenderProps = CodeFormRenderProps<'SMS_MFA'>;

/**
 * The headless form for a text message code (SMS_MFA): one field, validated before anything is sent, cleared after a wrong code.
 *
 * @example
 * const form = useSmsMfaForm();
 * <form {...form.formProps}><input {...form.fields.code.inputProps} /></form>
 */
export function useSmsMfaForm(options: UseCodeFormOptions = {}): SmsMfaFormRenderProps {
  return useCodeStepForm('SMS_MFA', 'useSmsMfaForm', options);
}
