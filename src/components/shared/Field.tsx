'use client';
import { Suspense, lazy, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { loadPhoneData } from './phone.js';
import type { FieldRenderProps } from './useStepForm.js';

/** The dial-code picker and its country table, fetched together when a phone field first renders. */
const PhoneField = lazy(() => Promise.all([import('./PhoneField.js'), loadPhoneData()]).then(([module]) => ({ default: module.PhoneField })));

/** Where the caret was in the stand-in's input when the picker replaced it, or `null` if it had no focus. */
type Handoff = RefObject<[number | null, number | null] | null>;

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
  // The picker and its country data load when a phone field first renders; until then a stand-in of the
  // same shape takes the number (typed in full it works as it is), and the picker keeps what was typed.
  if (field.phone) return <LazyPhoneField field={field} error={error} />;
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

function LazyPhoneField({ field, error }: { field: FieldRenderProps; error: ReactNode }) {
  const handoffRef: Handoff = useRef(null);
  // Whether the user typed in the stand-in: the picker then keeps the number as typed (not split into country and national).
  const typedRef = useRef(false);
  return (
    <Suspense fallback={<PhonePending field={field} error={error} handoffRef={handoffRef} typedRef={typedRef} />}>
      <PhoneField field={field} error={error} typedRef={typedRef} />
      <RestoreFocus input={field.inputProps.ref} handoffRef={handoffRef} />
    </Suspense>
  );
}

/** The phone field while the picker loads: the same boxes (the dial code's box empty), the number input live. */
function PhonePending({ field, error, handoffRef, typedRef }: { field: FieldRenderProps; error: ReactNode; handoffRef: Handoff; typedRef: { current: boolean } }) {
  const { ref, onChange } = field.inputProps;
  useLayoutEffect(() => {
    const input = ref.current;
    return () => {
      // Runs before the input leaves the page: the picker's input takes the focus and caret over.
      handoffRef.current = input && input === input.ownerDocument.activeElement ? [input.selectionStart, input.selectionEnd] : null;
    };
  }, [ref, handoffRef]);
  return (
    <div data-field={field.name} data-phone-field="" {...(field.error ? { 'data-invalid': '' } : {})}>
      <label htmlFor={field.inputProps.id}>{field.label}</label>
      <div data-phone="">
        <div data-dial="">
          <span aria-hidden="true" data-dial-code="">
            {field.phone?.defaultCountry?.toUpperCase() || '+'}
          </span>
        </div>
        <input
          {...field.inputProps}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          onChange={(event) => {
            typedRef.current = true;
            onChange?.(event);
          }}
        />
      </div>
      {error}
    </div>
  );
}

/** Gives the picker's input the focus (and caret) its stand-in had, in the commit that swaps them. */
function RestoreFocus({ input, handoffRef }: { input: FieldRenderProps['inputProps']['ref']; handoffRef: Handoff }) {
  useLayoutEffect(() => {
    const kept = handoffRef.current;
    const element = input.current;
    handoffRef.current = null;
    if (!kept || !element) return;
    element.focus();
    if (kept[0] !== null && kept[1] !== null) element.setSelectionRange(kept[0], kept[1]);
  }, [input, handoffRef]);
  return null;
}
