'use client';
import type { MfaType, SignInStepOf } from '../../core/index.js';
import { useCognitoContext } from '../../react/context.js';
import { useAuth } from '../../react/useAuth.js';
import { useRespondToAuthChallenge } from '../../react/useRespondToAuthChallenge.js';
import type { MessageKey, Messages } from '../messages.js';
import { say } from '../shared/text.js';
import { stepMessages } from '../stepMessages.js';
import { radioOptions, type RadioOption } from '../shared/radioOptions.js';
import { useStepForm, type StepFormRenderProps } from '../shared/useStepForm.js';
import { useFormLocale } from '../shared/useLocale.js';

export interface UseSelectMfaTypeFormOptions {
  messages?: Messages;
  /**
   * The method selected at first, when Cognito offers it (the user can still pick another).
   *
   * @example
   * <SelectMfaTypeForm preferredMfa="SOFTWARE_TOKEN_MFA" />
   */
  preferredMfa?: MfaType;
}

export interface SelectMfaTypeFormRenderProps extends StepFormRenderProps {
  step: SignInStepOf<'SELECT_MFA_TYPE'> | null;
  /** One radio button per method Cognito offers: spread `inputProps` on `<input type="radio">`. */
  options: RadioOption<MfaType>[];
  /** The message when nothing was chosen, or `null`. */
  choiceError: string | null;
  choiceErrorId: string;
  submit(): Promise<void>;
}

/**
 * SELECT_MFA_TYPE: the user picks how to receive the second factor, from the methods Cognito offers.
 *
 * @example
 * const form = useSelectMfaTypeForm();
 * form.options.map((o) => <label key={o.value}><input {...o.inputProps} />{o.label}</label>);
 */
export function useSelectMfaTypeForm(options: UseSelectMfaTypeFormOptions = {}): SelectMfaTypeFormRenderProps {
  useCognitoContext('useSelectMfaTypeForm');
  const current = useAuth((s) => s.step);
  const step = current?.name === 'SELECT_MFA_TYPE' ? current : null;
  const respond = useRespondToAuthChallenge();
  const { messages, locale } = useFormLocale(options.messages);
  const t = (key: MessageKey) => say(messages, key, undefined, stepMessages, locale);
  const { fields, renderProps, submit, setValues } = useStepForm({
    hook: 'useSelectMfaTypeForm',
    messages,
    locale,
    table: stepMessages,
    title: t('selectMfa.title'),
    hint: null,
    submitLabel: t('selectMfa.submit'),
    fields: [
      {
        name: 'choice',
        label: t('selectMfa.title'),
        initial: options.preferredMfa && step?.options.includes(options.preferredMfa) ? options.preferredMfa : '',
        validate: (v) => (v === '' ? 'invalid.choice' : null),
      },
    ],
    send: (v) => respond.mutateAsync({ name: 'SELECT_MFA_TYPE', mfaType: v.choice as MfaType }).catch(() => undefined),
  });
  const choice = fields.choice!;
  return {
    ...renderProps,
    step,
    choiceError: choice.error,
    choiceErrorId: choice.errorId,
    options: radioOptions({
      field: choice,
      values: step?.options ?? [],
      label: (value) => t(`selectMfa.${value}`),
      select: (value) => setValues((v) => ({ ...v, choice: value })),
    }),
    submit,
  };
}
