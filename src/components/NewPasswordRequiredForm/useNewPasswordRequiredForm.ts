'use client';
import { checkPasswordPolicy, type SignInStepOf } from '../../core/index.js';
import { useCognitoContext } from '../../react/context.js';
import { useAuth } from '../../react/useAuth.js';
import { useRespondToAuthChallenge } from '../../react/useRespondToAuthChallenge.js';
import type { MessageKey, Messages } from '../messages.js';
import { say } from '../shared/text.js';
import { stepMessages } from '../stepMessages.js';
import { attributesOf, fieldOptions, isAttributeName, resolveFields, uncheckedRequired, type FieldConfig, type FieldOptions } from '../shared/fields.js';
import { useStepForm, type FieldRenderProps, type StepFormRenderProps } from '../shared/useStepForm.js';
import { useFormLocale } from '../shared/useLocale.js';

export interface UseNewPasswordRequiredFormOptions {
  messages?: Messages;
  /**
   * How to show the attributes Cognito asks for (label, placeholder, type, validator; the same list as
   * `<SignUp fields>`), and fields of the app's own to add (a terms checkbox). An attribute of the list
   * that the pool does not require is not shown; the required ones the list lacks come after it.
   *
   * @example
   * <NewPasswordRequiredForm fields={[{ name: 'phone_number', defaultCountry: 'GB' }, { name: 'terms', type: 'checkbox', label: 'I accept the terms' }]} />
   */
  fields?: readonly FieldConfig[];
}

export interface NewPasswordRequiredFormRenderProps extends StepFormRenderProps {
  step: SignInStepOf<'NEW_PASSWORD_REQUIRED'> | null;
  /** One field per attribute the pool requires and the user lacks (and the app's own fields), then the new password twice. */
  fields: { attributes: FieldRenderProps[]; newPassword: FieldRenderProps; confirm: FieldRenderProps };
  /** `true` when both passwords are typed and equal, `false` when they differ, `null` before. */
  passwordsMatch: boolean | null;
  /** `false` while a required box (the terms) is unchecked: the submit button waits for it. */
  ready: boolean;
  submit(): Promise<void>;
}

/**
 * NEW_PASSWORD_REQUIRED: the attributes the pool requires (with their labels and inputs: email, tel with
 * the dial-code picker, date, url), the app's own fields, and the new password twice, with a visible match
 * check. Attributes typed before a failure are kept; the passwords are cleared.
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
  const t = (key: MessageKey, values?: Record<string, string>) => say(messages, key, values, stepMessages, locale);
  const required = step?.requiredAttributes ?? [];
  const listed = (options.fields ?? []).map(fieldOptions);
  // The app's order for what it lists (required attributes and its own fields), then what Cognito asks for besides.
  const shown: FieldOptions[] = [
    ...listed.filter((f) => required.includes(f.name) || (!isAttributeName(f.name) && f.name !== 'username' && f.name !== 'password')).map((f) =>
      required.includes(f.name) ? { ...f, required: true } : f,
    ),
    ...required.filter((name) => !listed.some((f) => f.name === name)).map((name) => ({ name })),
  ];
  const attributes = resolveFields(shown, { messages, locale, initial: step?.userAttributes ?? {} });
  const { fields, renderProps, submit, values } = useStepForm({
    hook: 'useNewPasswordRequiredForm',
    messages,
    locale,
    table: stepMessages,
    checkPolicy: checkPasswordPolicy,
    title: t('newPassword.title'),
    hint: t('newPassword.hint'),
    submitLabel: t('newPassword.submit'),
    fields: [
      ...attributes.map((a) => a.spec),
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
          // Optional fields left empty are not sent (Cognito would take '' as a value).
          attributes: Object.fromEntries(Object.entries(attributesOf(attributes, v)).filter(([, value]) => value !== '')),
        })
        .catch(() => undefined),
  });
  const typed = values.newPassword !== '' && values.confirm !== '';
  return {
    ...renderProps,
    step,
    fields: {
      attributes: attributes.map((a) => fields[a.formName] as FieldRenderProps),
      newPassword: fields.newPassword as FieldRenderProps,
      confirm: fields.confirm as FieldRenderProps,
    },
    passwordsMatch: typed ? values.newPassword === values.confirm : null,
    ready: !uncheckedRequired(attributes, values),
    submit,
  };
}
