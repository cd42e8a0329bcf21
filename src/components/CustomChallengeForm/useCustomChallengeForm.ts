'use client';
import type { SignInStepOf } from '../../core/index.js';
import { useCognitoContext } from '../../react/context.js';
import { useAuth } from '../../react/useAuth.js';
import { useRespondToAuthChallenge } from '../../react/useRespondToAuthChallenge.js';
import type { MessageKey, Messages } from '../messages.js';
import { say } from '../shared/text.js';
import { stepMessages } from '../stepMessages.js';
import { useStepForm, type FieldRenderProps, type StepFormRenderProps } from '../shared/useStepForm.js';
import { useFormLocale } from '../shared/useLocale.js';

export interface UseCustomChallengeFormOptions {
  messages?: Messages;
}

export interface CustomChallengeFormRenderProps extends StepFormRenderProps {
  /** The step, with the public ChallengeParameters your Lambda returned (render a question from them). */
  step: SignInStepOf<'CUSTOM_CHALLENGE'> | null;
  fields: { answer: FieldRenderProps };
  submit(): Promise<void>;
}

/**
 * CUSTOM_CHALLENGE: one answer for the pool's custom-auth Lambda. What the question is depends on your
 * Lambda: render it from `step.parameters` through `children`.
 *
 * @example
 * const form = useCustomChallengeForm();
 * <p>{form.step?.parameters.question}</p>
 */
export function useCustomChallengeForm(options: UseCustomChallengeFormOptions = {}): CustomChallengeFormRenderProps {
  useCognitoContext('useCustomChallengeForm');
  const current = useAuth((s) => s.step);
  const step = current?.name === 'CUSTOM_CHALLENGE' ? current : null;
  const respond = useRespondToAuthChallenge();
  const { messages, locale } = useFormLocale(options.messages);
  const t = (key: MessageKey) => say(messages, key, undefined, stepMessages, locale);
  const { fields, renderProps, submit } = useStepForm({
    hook: 'useCustomChallengeForm',
    messages,
    locale,
    table: stepMessages,
    title: t('custom.title'),
    hint: null,
    submitLabel: t('custom.submit'),
    fields: [{ name: 'answer', label: t('custom.answer'), validate: (v) => (v.trim() === '' ? 'invalid.answer' : null), input: { type: 'text', autoComplete: 'off' } }],
    clearOnFailure: ['answer'],
    send: (v) => respond.mutateAsync({ name: 'CUSTOM_CHALLENGE', answer: v.answer as string }).catch(() => undefined),
  });
  return { ...renderProps, step, fields: { answer: fields.answer as FieldRenderProps }, submit };
}
