'use client';
import type { InputHTMLAttributes } from 'react';
import type { FieldRenderProps } from './useStepForm.js';

/** One radio button of a choice: its value, its label, and the props to spread on `<input type="radio">`. */
export interface RadioOption<V extends string> {
  value: V;
  label: string;
  inputProps: InputHTMLAttributes<HTMLInputElement> & { id: string };
}

/**
 * The radio buttons of a choice kept in a form field (`field`): checked from its value, setting it on
 * change, the first one taking the focus when nothing was chosen, described by the field's error.
 */
export function radioOptions<V extends string>(options: {
  field: FieldRenderProps;
  values: readonly V[];
  label: (value: V) => string;
  select: (value: V) => void;
}): RadioOption<V>[] {
  const { field } = options;
  return options.values.map((value, index) => ({
    value,
    label: options.label(value),
    inputProps: {
      type: 'radio',
      id: `${field.inputProps.id}-${value}`,
      name: field.inputProps.id,
      value,
      checked: field.inputProps.value === value,
      onChange: () => options.select(value),
      ...(index === 0 ? { ref: field.inputProps.ref } : {}),
      'aria-describedby': field.error ? field.errorId : undefined,
    },
  }));
}
