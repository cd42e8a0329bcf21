'use client';
import type { FirstFactor, SignInStepOf } from '../../core/index.js';
import { useCognitoContext } from '../../react/context.js';
import { useAuth } from '../../react/useAuth.js';
import { useRespondToAuthChallenge } from '../../react/useRespondToAuthChallenge.js';
import type { MessageKey, Messages } from '../messages.js';
import { say } from '../shared/text.js';
import { stepMessages } from '../stepMessages.js';
import { radioOptions, type RadioOption } from '../shared/radioOptions.js';
import { useStepForm, type FieldRenderProps, type StepFormRenderProps } from '../shared/useStepForm.js';
import { useFormLocale } from '../shared/useLocale.js';

export interface UseSelectChallengeFormOptions {
  messages?: Messages;
  /**
   * The first factor selected at first, when offered (`PASSWORD` and `PASSWORD_SRP` both select the password
   * choice). `<SignIn>` gives its `preferredChallenge`: the choice Cognito offers when that factor was not
   * available starts on it if it is there after all, else on nothing.
   *
   * @example
   * <SelectChallengeForm preferredChallenge="WEB_AUTHN" />
   */
  preferredChallenge?: FirstFactor;
  /**
   * Start on the way this device last signed in, when offered and nothing is preferred (default `false`:
   * nothing is read or written). Kept in `localStorage` as `cognito-react.firstFactor.<clientId>`: the
   * factor's name only (such as `WEB_AUTHN`), not the username, nothing secret.
   *
   * @example
   * <SelectChallengeForm rememberChoice />
   */
  rememberChoice?: boolean;
}

const choiceKey = (clientId: string) => `cognito-react.firstFactor.${clientId}`;

/** Reads or writes the remembered choice; without storage (SSR, private modes, full or refused) nothing. */
function storedChoice(clientId: string, choice?: string): string | null {
  try {
    const storage = window.localStorage;
    if (choice) storage.setItem(choiceKey(clientId), choice);
    return storage.getItem(choiceKey(clientId));
  } catch {
    return null;
  }
}

/** The choices shown: PASSWORD and PASSWORD_SRP are one "password" choice (SRP preferred: it never sends it). */
type Choice = Exclude<FirstFactor, 'PASSWORD_SRP'>;

export interface SelectChallengeFormRenderProps extends StepFormRenderProps {
  step: SignInStepOf<'SELECT_CHALLENGE'> | null;
  options: RadioOption<Choice>[];
  /** Present when the password choice is selected: answered in the same request (one round trip fewer). */
  fields: { password: FieldRenderProps | null };
  choiceError: string | null;
  choiceErrorId: string;
  submit(): Promise<void>;
}

/**
 * SELECT_CHALLENGE (choice-based sign-in, USER_AUTH): password, email or text code, or passkey, as the
 * pool and the user allow.
 *
 * @example
 * const form = useSelectChallengeForm();
 * form.options.map((o) => <label key={o.value}><input {...o.inputProps} />{o.label}</label>);
 */
export function useSelectChallengeForm(options: UseSelectChallengeFormOptions = {}): SelectChallengeFormRenderProps {
  const { auth } = useCognitoContext('useSelectChallengeForm');
  const remember = options.rememberChoice === true;
  const current = useAuth((s) => s.step);
  const step = current?.name === 'SELECT_CHALLENGE' ? current : null;
  const respond = useRespondToAuthChallenge();
  const { messages, locale } = useFormLocale(options.messages);
  const t = (key: MessageKey) => say(messages, key, undefined, stepMessages, locale);
  const offered = step?.options ?? [];
  const choices = [...new Set(offered.map((o): Choice => (o === 'PASSWORD_SRP' ? 'PASSWORD' : o)))];
  const passwordFactor: FirstFactor = offered.includes('PASSWORD_SRP') ? 'PASSWORD_SRP' : 'PASSWORD';
  const { fields, renderProps, submit, values, setValues } = useStepForm({
    hook: 'useSelectChallengeForm',
    messages,
    locale,
    table: stepMessages,
    title: t('selectChallenge.title'),
    hint: null,
    submitLabel: t('selectChallenge.submit'),
    fields: [
      {
        name: 'choice',
        label: t('selectChallenge.title'),
        initial:
          choices.find((c) => c === (options.preferredChallenge === 'PASSWORD_SRP' ? 'PASSWORD' : options.preferredChallenge)) ??
          (remember ? choices.find((c) => c === storedChoice(auth.config.clientId)) : undefined) ??
          '',
        validate: (v) => (v === '' ? 'invalid.choice' : null),
      },
      {
        name: 'password',
        label: t('signIn.password'),
        validate: (v, all) => (all.choice === 'PASSWORD' && v === '' ? 'invalid.password' : null),
        input: { type: 'password', autoComplete: 'current-password' },
      },
    ],
    clearOnFailure: ['password'],
    send: async (v) => {
      try {
        await respond.mutateAsync(
          v.choice === 'PASSWORD'
            ? { name: 'SELECT_CHALLENGE', challenge: passwordFactor, password: v.password as string }
            : { name: 'SELECT_CHALLENGE', challenge: v.choice as FirstFactor },
        );
      } catch {
        return;
      }
      // Accepted (a wrong password or a refused passkey is not a way to start next time).
      if (remember) storedChoice(auth.config.clientId, v.choice);
    },
  });
  const choice = fields.choice as FieldRenderProps;
  return {
    ...renderProps,
    step,
    choiceError: choice.error,
    choiceErrorId: choice.errorId,
    options: radioOptions({
      field: choice,
      values: choices,
      label: (value) => t(`selectChallenge.${value}`),
      select: (value) => setValues((current) => ({ ...current, choice: value })),
    }),
    fields: { password: values.choice === 'PASSWORD' ? (fields.password as FieldRenderProps) : null },
    submit,
  };
}
