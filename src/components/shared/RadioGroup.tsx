'use client';
import type { RadioOption } from './radioOptions.js';

/**
 * The default markup of a choice: a fieldset named by its legend, or by the form's heading when the
 * heading already asks the question (`labelledBy`, so it is not said twice), one labelled radio per
 * option, the error.
 */
export function RadioGroup<V extends string>({
  legend,
  labelledBy,
  options,
  error,
  errorId,
}: {
  legend?: string;
  labelledBy?: string;
  options: RadioOption<V>[];
  error: string | null;
  errorId: string;
}) {
  return (
    <fieldset {...(error ? { 'data-invalid': '' } : {})} {...(labelledBy ? { 'aria-labelledby': labelledBy } : {})}>
      {legend && <legend>{legend}</legend>}
      {options.map((option) => (
        <div key={option.value} data-option="">
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
