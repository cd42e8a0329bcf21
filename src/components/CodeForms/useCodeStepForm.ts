'use client';
import { checkCode, codeDigits, normalizeCode, type SignInStepOf } from '../../core/index.js';
import { useCognitoContext } from '../../react/context.js';
import { useAuth } from '../../react/useAuth.js';
import { useRespondToAuthChallenge } from '../../react/useRespondToAuthChallenge.js';
import type { MessageKey, Messages } from '../messages.js';
import { say } from '../shared/text.js';
import { stepMessages } from '../stepMessages.js';
import { useStepForm, type FieldRenderProps, type StepFormRenderProps } from '../shared/useStepForm.js';
import { useFormLocale } from '../shared/useLocale.js';

export type CodeStepName = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP' | 'SMS_OTP';

export interface UseCodeFormOptions {
  messages?: Messages;
}

export interface CodeFormRenderProps<N extends CodeStepName> extends StepFormRenderProps {
  /** The step as the store has it (with where the code was sent), or `null` when it is not current. */
  step: SignInStepOf<N> | null;
  fields: { code: FieldRenderProps };
  submit(): Promise<void>;
}

/** The shared hook of the code forms: one field, checked for its digits before anything is sent. */
export function useCodeStepForm<N extends CodeStepName>(name: N, hook: string, options: UseCodeFormOptions): CodeFormRenderProps<N> {
  useCognitoContext(hook);
  const current = useAuth((s) => s.step);
  const step = current?.name === name ? (current as SignInStepOf<N>) : null;
  const respond = useRespondToAuthChallenge();
  const { messages, locale } = useFormLocale(options.messages);
  const t = (key: MessageKey, values?: Record<string, string>) => say(messages, key, values, stepMessages, locale);
  const destination = step && 'codeDelivery' in step ? step.codeDelivery.destination : '';
  const device = step && 'friendlyDeviceName' in step && step.friendlyDeviceName ? ` (${step.friendlyDeviceName})` : '';
  const { fields, renderProps, submit } = useStepForm({
    hook,
    messages,
    locale,
    table: stepMessages,
    title: t(`${name}.title`),
    hint: t(`${name}.hint`, { destination, device }),
    submitLabel: t('code.submit'),
    fields: [
      {
        name: 'code',
        label: t('code.label'),
        validate: (v) => {
          const check = checkCode(name, v);
          return check.ok ? null : check.problem === 'empty' ? 'invalid.code' : ['invalid.codeFormat', { digits: codeDigits(name) }];
        },
        input: { type: 'text', dir: 'ltr', inputMode: 'numeric', autoComplete: 'one-time-code', pattern: '[0-9 -]*' },
      },
    ],
    clearOnFailure: ['code'],
    send: (values) => respond.mutateAsync({ name, code: normalizeCode(values.code as string) } as never).catch(() => undefined),
  });
  return { ...renderProps, step, fields: { code: fields.code as FieldRenderProps }, submit };
}
