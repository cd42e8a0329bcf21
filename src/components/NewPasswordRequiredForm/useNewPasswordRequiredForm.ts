'use client';
import type { SignInStepOf } from '../../core/index.js';
import { useCognitoContext } from '../../react/context.js';
import { useAuth } from '../../react/useAuth.js';
import { useRespondToAuthChallenge } from '../../react/useRespondToAuthChallenge.js';
import { translate, type MessageKey, type Messages } from '../messages.js';
import { ATTRIBUTE_INPUTS, attributeLabel, labelInSentence } from '../shared/attributeInputs.js';
import { useStepForm, type FieldRenderProps, type FieldSpec, type StepFormRenderProps } from '../shared/useStepForm.js';
import { useFormLocale } from '../shared/useLocale.js';

export interface UseNewPasswordRequiredFormOptions {
  messages?: Messages;
}

export interface NewPasswordRequiredFormRenderProps extends StepFormRenderProps {
  step: SignInStepOf<'NEW_PASSWORD_REQUIRED'> | null;
  /** One field per attribute the pool requires and the user lacks, then the new password twice. */
  fields: { attributes: FieldRenderProps[]; newPassword: FieldRenderProps; confirm: FieldRenderProps };
  /** `true` when both passwords are typed and equal, `false` when they differ, `null` before. */
  passwordsMatch: boolean | null;
  submit(): Promise<void>;
}


/**
 * NEW_PASSWORD_REQUIRED: the attributes the pool requires (email, tel and date inputs where they fit) and
 * the new password twice, with a visible match check. Attributes typed before a failure are kept; the
 * passwords are cleared.
 *
 * @example
 * const form = useNewPasswordRequiredForm();
 * form.fields.attributes.map((f) => <input key={f.name} {...f.inputProps} />);
 */
export function useNewPasswordRequiredForm(options: UseNewPasswordRequiredFormOptions = {}): NewPasswordRequiredFormRenderProps {
  useCognitoContext('useNewPasswordRequiredForm');
  const current = useAuth((s) => s.step);
  const step = current?.name === 'NEW_PASSWORD_REQUIRED' ? current : null;
  const respond = useRespondToAuthChallenge();
  const { messages, locale } = useFormLocale(options.messages);
  const t = (key: MessageKey, values?: Record<string, string>) => translate(messages, key, values, undefined, locale);
  const attributes: FieldSpec[] = (step?.requiredAttributes ?? []).map((name) => ({
    name: `attribute:${name}`,
    label: attributeLabel(t, name),
    initial: step?.userAttributes[name] ?? '',
    validate: (v) => (v.trim() === '' ? ['invalid.attribute', { attribute: labelInSentence(attributeLabel(t, name), locale) }] : null),
    input: ATTRIBUTE_INPUTS[name] ?? { type: 'text' },
  }));
  const { fields, renderProps, submit, values } = useStepForm({
    hook: 'useNewPasswordRequiredForm',
    messages,
    locale,
    title: t('newPassword.title'),
    hint: t('newPassword.hint'),
    submitLabel: t('newPassword.submit'),
    fields: [
      ...attributes,
      {
        name: 'newPassword',
        label: t('newPassword.password'),
        validate: (v) => (v === '' ? 'invalid.newPassword' : null),
        input: { type: 'password', autoComplete: 'new-password' },
      },
      {
        name: 'confirm',
        label: t('newPassword.confirm'),
        validate: (v, all) => (v !== all.newPassword ? 'invalid.confirm' : null),
        input: { type: 'password', autoComplete: 'new-password' },
      },
    ],
    clearOnFailure: ['newPassword', 'confirm'],
    send: (v) =>
      respond
        .mutateAsync({
          name: 'NEW_PASSWORD_REQUIRED',
          newPassword: v.newPassword as string,
          attributes: Object.fromEntries(attributes.map((a) => [a.name.slice('attribute:'.length), (v[a.name] ?? '').trim()])),
        })
        .catch(() => undefined),
  });
  const typed = values.newPassword !== '' && values.confirm !== '';
  return {
    ...renderProps,
    step,
    fields: {
      attributes: attributes.map((a) => fields[a.name] as FieldRenderProps),
      newPassword: fields.newPassword as FieldRenderProps,
      confirm: fields.confirm as FieldRenderProps,
    },
    passwordsMatch: typed ? values.newPassword === values.confirm : null,
    submit,
  };
}
