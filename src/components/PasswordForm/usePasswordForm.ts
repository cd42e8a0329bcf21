'use client';
import { useCognitoContext } from '../../react/context.js';
import { useAuth } from '../../react/useAuth.js';
import { useRespondToAuthChallenge } from '../../react/useRespondToAuthChallenge.js';
import type { MessageKey, Messages } from '../messages.js';
import { say } from '../shared/text.js';
import { stepMessages } from '../stepMessages.js';
import { useStepForm, type FieldRenderProps, type StepFormRenderProps } from '../shared/useStepForm.js';
import { useFormLocale } from '../shared/useLocale.js';

export interface UsePasswordFormOptions {
  messages?: Messages;
}

export interface PasswordFormRenderProps extends StepFormRenderProps {
  /** Which password step this answers: PASSWORD_SRP (never sent) or PASSWORD, or `null` when neither is current. */
  stepName: 'PASSWORD' | 'PASSWORD_SRP' | null;
  fields: { password: FieldRenderProps };
  submit(): Promise<void>;
}

/**
 * The password step of choice-based sign-in (PASSWORD or PASSWORD_SRP, after USER_AUTH).
 *
 * @example
 * const form = usePasswordForm();
 * <input {...form.fields.password.inputProps} />
 */
export function usePasswordForm(options: UsePasswordFormOptions = {}): PasswordFormRenderProps {
  useCognitoContext('usePasswordForm');
  const name = useAuth((s) => (s.step?.name === 'PASSWORD' || s.step?.name === 'PASSWORD_SRP' ? s.step.name : null));
  const respond = useRespondToAuthChallenge();
  const { messages, locale } = useFormLocale(options.messages);
  const t = (key: MessageKey) => say(messages, key, undefined, stepMessages, locale);
  const { fields, renderProps, submit } = useStepForm({
    hook: 'usePasswordForm',
    messages,
    locale,
    table: stepMessages,
    title: t('password.title'),
    hint: null,
    submitLabel: t('password.submit'),
    fields: [
      {
        name: 'password',
        label: t('signIn.password'),
        validate: (v) => (v === '' ? 'invalid.password' : null),
        input: { type: 'password', autoComplete: 'current-password' },
      },
    ],
    clearOnFailure: ['password'],
    send: (v) => respond.mutateAsync({ name: name ?? 'PASSWORD_SRP', password: v.password as string }).catch(() => undefined),
  });
  return { ...renderProps, stepName: name, fields: { password: fields.password as FieldRenderProps }, submit };
}
