'use client';
import { useLayoutEffect, useRef, useState } from 'react';
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
  return (
    <div data-field={field.name} {...(field.error ? { 'data-invalid': '' } : {})}>
      <label htmlFor={field.inputProps.id}>{field.label}</label>
      {reveal ? (
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
      ) : (
        <input {...field.inputProps} />
      )}
      {field.error && (
        <p id={field.errorId} data-field-error="">
          {field.error}
        </p>
      )}
    </div>
  );
}
