'use client';
import type { FieldRenderProps } from './useStepForm.js';

/** The default markup of one field: label, input, and its error when there is one. */
export function Field({ field }: { field: FieldRenderProps }) {
  return (
    <div data-field={field.name} {...(field.error ? { 'data-invalid': '' } : {})}>
      <label htmlFor={field.inputProps.id}>{field.label}</label>
      <input {...field.inputProps} />
      {field.error && (
        <p id={field.errorId} data-field-error="">
          {field.error}
        </p>
      )}
    </div>
  );
}
