'use client';
import type { ReactNode } from 'react';
import type { StepFormRenderProps } from './useStepForm.js';

/**
 * The default markup around a form's fields: heading, hint, fields, the live error region (always in the
 * page, so screen readers announce what appears in it), submit and "start again".
 */
export function FormLayout({
  props,
  step,
  className,
  children,
  canCancel = true,
  danger = false,
  blocked = false,
}: {
  props: StepFormRenderProps;
  step: string;
  className?: string | undefined;
  children: ReactNode;
  canCancel?: boolean;
  /** The submit button does something that cannot be undone (deleting the account): drawn in the danger style. */
  danger?: boolean;
  /** The form cannot be sent yet (a required box is unchecked): the submit button is disabled. */
  blocked?: boolean;
}) {
  return (
    <form {...props.formProps} className={className} data-step={step} aria-labelledby={`${props.errorId}-title`}>
      <h2 id={`${props.errorId}-title`} tabIndex={-1}>
        {props.title}
      </h2>
      {props.hint && <p id={props.hintId}>{props.hint}</p>}
      {children}
      <div id={props.errorId} role="alert" data-form-error="">
        {props.error}
      </div>
      <button type="submit" disabled={props.pending || blocked} data-variant={danger ? 'danger' : 'primary'}>
        {props.submitLabel}
      </button>
      {canCancel && (
        <div data-links="">
          <button type="button" data-link="cancel" onClick={props.cancel} disabled={props.pending}>
            {props.t('action.cancel')}
          </button>
        </div>
      )}
    </form>
  );
}
