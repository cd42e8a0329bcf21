'use client';
import type { ReactNode } from 'react';
import { FormLayout } from '../shared/FormLayout.js';
import { RadioGroup } from '../shared/RadioGroup.js';
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
    <FormLayout props={form} step="SELECT_MFA_TYPE" className={className}>
      <RadioGroup labelledBy={`${form.errorId}-title`} options={form.options} error={form.choiceError} errorId={form.choiceErrorId} />
    </FormLayout>
  );
}
