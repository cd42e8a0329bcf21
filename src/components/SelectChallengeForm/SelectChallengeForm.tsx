'use client';
import type { ReactNode } from 'react';
import { Field } from '../shared/Field.js';
import { FormLayout } from '../shared/FormLayout.js';
import { RadioGroup } from '../shared/RadioGroup.js';
import { useSelectChallengeForm, type SelectChallengeFormRenderProps, type UseSelectChallengeFormOptions } from './useSelectChallengeForm.js';

export interface SelectChallengeFormProps extends UseSelectChallengeFormOptions {
  className?: string;
  children?: (props: SelectChallengeFormRenderProps) => ReactNode;
}

/**
 * Lets the user pick how to sign in (SELECT_CHALLENGE); the password choice asks for it right here.
 *
 * @example
 * <SelectChallengeForm messages={{ 'selectChallenge.WEB_AUTHN': 'Face or fingerprint' }} />
 */
export function SelectChallengeForm({ children, className, ...options }: SelectChallengeFormProps) {
  const form = useSelectChallengeForm(options);
  if (children) return <>{children(form)}</>;
  return (
    <FormLayout props={form} step="SELECT_CHALLENGE" className={className}>
      <RadioGroup labelledBy={`${form.errorId}-title`} options={form.options} error={form.choiceError} errorId={form.choiceErrorId} />
      {form.fields.password && <Field field={form.fields.password} />}
    </FormLayout>
  );
}
