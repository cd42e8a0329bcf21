'use client';
import type { UseMutationResult } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { cooldownAfter, type CognitoAuthError } from '../../core/index.js';
import { useStepForm, type FieldRenderProps, type FieldSpec, type StepFormRenderProps } from './useStepForm.js';
import { accountErrorMessage, translateAccount, type AccountMessageKey, type AccountMessages } from '../accountMessages.js';
import type { MessageKey } from '../messages.js';
import { useCooldown } from './useCooldown.js';

export type AnyMessageKey = AccountMessageKey | MessageKey;

/** What every account form's render props share (as the sign-in forms', with the account table's `t`). */
export interface AccountFormRenderProps extends Omit<StepFormRenderProps, 't'> {
  fields: Record<string, FieldRenderProps>;
  submit(): Promise<void>;
  /** Seconds left before the form may be sent again after a rate limit (0 when it may). */
  cooldown: number;
  t(key: AnyMessageKey, values?: Record<string, string>): string;
}

/**
 * A form outside the sign-in flow (sign-up, password reset, account settings) over one mutation: the
 * sign-in forms' validation, accessibility and kept input, with the mutation's pending and error state.
 * A rate-limit error holds the submit button for a while (`cooldown`).
 */
export function useAccountForm<I, O>(options: {
  hook: string;
  messages: AccountMessages | undefined;
  title: string;
  hint: string | null;
  submitLabel: string;
  fields: FieldSpec<AnyMessageKey>[];
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
  const t = useCallback((key: AnyMessageKey, values?: Record<string, string>) => translateAccount(messages, key, values), [messages]);
  const onSuccess = useRef(options.onSuccess);
  onSuccess.current = options.onSuccess;
  const error = mutation.error;
  const { start } = cooldown;
  useEffect(() => {
    if (error) start(cooldownAfter(error));
  }, [error, start]);
  const { fields, renderProps, submit, values, setValues } = useStepForm<AnyMessageKey>({
    hook: options.hook,
    messages: undefined,
    title: options.title,
    hint: options.hint,
    submitLabel: options.submitLabel,
    fields: options.fields,
    clearOnFailure: options.clearOnFailure ?? [],
    status: { pending: mutation.isPending || cooldown.remaining > 0, error },
    translate: t,
    describeError: (e) => accountErrorMessage(messages, e, options.errorContext),
    ...(options.onCancel ? { onCancel: options.onCancel } : {}),
    send: async (v) => {
      const output = await mutation.mutateAsync(options.toInput(v));
      onSuccess.current?.(output, v);
    },
  });
  return { ...renderProps, t, fields, submit, cooldown: cooldown.remaining, values, setValues };
}
