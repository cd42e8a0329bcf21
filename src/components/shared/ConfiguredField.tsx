'use client';
import { Field } from './Field.js';
import type { FieldRenderProps } from './useStepForm.js';

/**
 * The default markup of a field of a configured list (sign-up, NEW_PASSWORD_REQUIRED, the profile): a
 * checkbox (an app's terms box) with its label after it, any other field as `Field` draws it. Apart from
 * `Field`, so that forms without configured fields (the sign-in form) carry no checkbox.
 */
export function ConfiguredField({ field }: { field: FieldRenderProps }) {
  if (field.inputProps.type !== 'checkbox') return <Field field={field} />;
  const { value, onChange: _onChange, ...inputProps } = field.inputProps;
  return (
    <div data-field={field.name} data-checkbox="" {...(field.error ? { 'data-invalid': '' } : {})}>
      <input {...inputProps} value="true" checked={value === 'true'} onChange={(event) => field.setValue(event.target.checked ? 'true' : '')} />
      <label htmlFor={inputProps.id}>{field.label}</label>
      {field.error && (
        <p id={field.errorId} data-field-error="">
          {field.error}
        </p>
      )}
    </div>
  );
}
