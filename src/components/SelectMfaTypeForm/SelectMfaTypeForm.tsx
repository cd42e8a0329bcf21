'use client';
import type { ReactNode } from 'react';
import { FormLayout } from '../shared/FormLayout.js';
import { useSelectMfaTypeForm, type SelectMfaTypeFormRenderProps, type UseSelectMfaTypeFormOptions } from './useSelectMfaTypeForm.js';

export interface SelectMfaTypeFormProps extends UseSelectMfaTypeFormOptions {
  className?: string;
  children?: (props: SelectMfaTypeFormRenderProps) => ReactNode;
}

/**
 * Lets the user choose the MFA method (SELECT_MFA_TYPE) as radio buttons.
 *
 * @example
 * <SelectMfaTypeForm messages={{ 'selectMfa.SMS_MFA': 'Text me a code' }} />
 */
export function SelectMfaTypeForm({ children, className, ...options }: SelectMfaTypeFormProps) {
  const form = useSelectMfaTypeForm(options);
  if (children) return <>{children(form)}</>;
  return (
    <FormLayout props={{ ...form, title: form.title }} step="SELECT_MFA_TYPE" className={className}>
      <fieldset {...(form.choiceError ? { 'data-invalid': '' } : {})}>
        <legend>{form.title}</legend>
        {form.options.map((option) => (
          <div key={option.value}>
            <input {...option.inputProps} />
            <label htmlFor={option.inputProps.id}>{option.label}</label>
          </div>
        ))}
        {form.choiceError && (
          <p id={form.choiceErrorId} data-field-error="">
            {form.choiceError}
          </p>
        )}
      </fieldset>
    </FormLayout>
  );
}
