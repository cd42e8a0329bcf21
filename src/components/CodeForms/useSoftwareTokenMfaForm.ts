'use client';
import { useCodeStepForm, type CodeFormRenderProps, type UseCodeFormOptions } from './useCodeStepForm.js';

export type SoftwareTokenMfaFormRenderProps = CodeFormRenderProps<'SOFTWARE_TOKEN_MFA'>;

/**
 * The headless form for an authenticator app code (SOFTWARE_TOKEN_MFA): one field, validated before anything is sent, cleared after a wrong code.
 *
 * @example
 * const form = useSoftwareTokenMfaForm();
 * <form {...form.formProps}><input {...form.fields.code.inputProps} /></form>
 */
export function useSoftwareTokenMfaForm(options: UseCodeFormOptions = {}): SoftwareTokenMfaFormRenderProps {
  return useCodeStepForm('SOFTWARE_TOKEN_MFA', 'useSoftwareTokenMfaForm', options);
}
