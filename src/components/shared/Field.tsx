'use client';
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { PhoneField } from './PhoneField.js';
import type { FieldRenderProps } from './useStepForm.js';

/**
 * The default markup of one field: label, input, and its error when there is one. A password field has a
 * "Show password" toggle (a pressed/unpressed button, never a submit) that keeps the caret and selection.
 */
export function Field({ field }: { field: FieldRenderProps }) {
  const [shown, setShown] = useState(false);
  const selection = useRef<[number | null, number | null] | null>(null);
  const { ref } = field.inputProps;
  useLayoutEffect(() => {
    const input = ref.current;
    const kept = selection.current;
    if (!input || !kept) return;
    selection.current = null;
    // Changing an input's type can reset its selection: put back what the user had.
    if (kept[0] !== null && kept[1] !== null) input.setSelectionRange(kept[0], kept[1]);
  }, [shown, ref]);
  const reveal = field.revealLabel;
  const error = field.error && (
    <p id={field.errorId} data-field-error="">
      {field.error}
    </p>
  );
  // The picker's country data is loaded when it mounts; a number typed in full works before that.
  if (field.phone) return <PhoneField field={field} error={error} />;
  if (field.inputProps.type === 'checkbox') {
    const { value, onChange: _onChange, ...inputProps } = field.inputProps;
    return (
      <div data-field={field.name} data-checkbox="" {...(field.error ? { 'data-invalid': '' } : {})}>
        <input {...inputProps} value="true" checked={value === 'true'} onChange={(event) => field.setValue(event.target.checked ? 'true' : '')} />
        <label htmlFor={inputProps.id}>{field.label}</label>
        {error}
      </div>
    );
  }
  if (!reveal) return <PlainField field={field} error={error} />;
  return (
    <div data-field={field.name} {...(field.error ? { 'data-invalid': '' } : {})}>
      <label htmlFor={field.inputProps.id}>{field.label}</label>
      <div data-password="">
          <input {...field.inputProps} type={shown ? 'text' : 'password'} />
          <button
            type="button"
            data-reveal=""
            aria-pressed={shown}
            aria-controls={field.inputProps.id}
            // A mouse press must not take the focus from the field (the caret stays where it was).
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              const input = ref.current;
              selection.current = input ? [input.selectionStart, input.selectionEnd] : null;
              setShown((s) => !s);
            }}
          >
            {reveal}
          </button>
        </div>
      {error}
    </div>
  );
}

function PlainField({ field, error }: { field: FieldRenderProps; error: ReactNode }) {
  return (
    <div data-field={field.name} {...(field.error ? { 'data-invalid': '' } : {})}>
      <label htmlFor={field.inputProps.id}>{field.label}</label>
      <input {...field.inputProps} />
      {error}
    </div>
  );
}
