'use client';
import type { RadioOption } from './radioOptions.js';

/** The default markup of a choice: a fieldset with its legend, one labelled radio per option, the error. */
export function RadioGroup<V extends string>({
  legend,
  options,
  error,
  errorId,
}: {
  legend: string;
  options: RadioOption<V>[];
  error: string | null;
  errorId: string;
}) {
  return (
    <fieldset {...(error ? { 'data-invalid': '' } : {})}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <div key={option.value}>
          <input {...option.inputProps} />
          <label htmlFor={option.inputProps.id}>{option.label}</label>
        </div>
      ))}
      {error && (
        <p id={errorId} data-field-error="">
          {error}
        </p>
      )}
    </fieldset>
  );
}
