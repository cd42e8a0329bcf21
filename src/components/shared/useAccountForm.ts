'use client';
import type { UseMutationResult } from '@tanstack/react-query';
import { useEffect } from 'react';
import { checkPasswordPolicy, cooldownAfter, type CognitoAuthError } from '../../core/index.js';
import { accountMessages } from '../accountMessages.js';
import { defaultMessages, type Messages } from '../messages.js';
import { useStepForm, type FieldRenderProps, type FieldSpec, type StepFormRenderProps } from './useStepForm.js';
import { useCooldown } from './useCooldown.js';

/**
 * What every account form's render props share: the sign-in forms' (their `t` looks in the account table
 * first), with the fields by name and the rate-limit countdown.
 *
 * @example
 * const form: AccountFormRenderProps = useChangePasswordForm();
 * <button type="submit" disabled={form.pending}>{form.cooldown > 0 ? `${form.cooldown} s` : form.submitLabel}</button>
 */
export interface AccountFormRenderProps extends StepFormRenderProps {
  fields: Record<string, FieldRenderProps>;
  submit(): Promise<void>;
  /** Seconds left before the form may be sent again after a rate limit (0 when it may). */
  cooldown: number;
}

/**
 * A form outside the sign-in flow (sign-up, password reset, account settings) over one mutation: the
 * sign-in forms' validation, accessibility and kept input, with the mutation's pending and error state.
 * A rate-limit error holds the submit button for a while (`cooldown`).
 */
export function useAccountForm<I, O>(options: {
  hook: string;
  messages: Messages | undefined;
  /** The BCP 47 tag plurals, numbers and dates are written in (the provider's `locale`). */
  locale?: string | undefined;
  title: string;
  hint: string | null;
  submitLabel: string;
  fields: FieldSpec[];
  mutation: UseMutationResult<O, CognitoAuthError, I>;
  toInput: (values: Record<string, string>) => I;
  onSuccess?: (output: O, values: Record<string, string>) => void;
  clearOnFailure?: string[];
  /** Picks operation-specific messages, e.g. `changePassword` for `error.NotAuthorizedException.changePassword`. */
  errorContext?: string;
  onCancel?: () => void;
}): AccountFormRenderProps & { values: Record<string, string>; setValues: (fn: (v: Record<string, string>) => Record<string, string>) => void } {
  const { messages, mutation } = options;
  const cooldown = useCooldown();
  const error = mutation.error;
  const { start } = cooldown;
  useEffect(() => {
    if (error) start(cooldownAfter(error));
  }, [error, start]);
  const { fields, renderProps, submit, values, setValues } = useStepForm({
    hook: options.hook,
    messages,
    locale: options.locale,
    table: accountMessages,
    fallback: defaultMessages,
    checkPolicy: checkPasswordPolicy,
    errorContext: options.errorContext,
    title: options.title,
    hint: options.hint,
    submitLabel: options.submitLabel,
    fields: options.fields,
    clearOnFailure: options.clearOnFailure ?? [],
    status: { pending: mutation.isPending || cooldown.remaining > 0, error },
    ...(options.onCancel ? { onCancel: options.onCancel } : {}),
    // The callbacks of the render whose submit this is: `send` runs from that submit, so it needs no ref
    // kept current during render.
    send: async (v) => {
      const output = await mutation.mutateAsync(options.toInput(v));
      options.onSuccess?.(output, v);
    },
  });
  return { ...renderProps, fields, submit, cooldown: cooldown.remaining, values, setValues };
}
