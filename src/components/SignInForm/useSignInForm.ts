'use client';
import type { SignInAuthFlow, UsernameKind } from '../../core/index.js';
import { useCognitoContext } from '../../react/context.js';
import { useInitiateAuth } from '../../react/useInitiateAuth.js';
import type { Messages } from '../messages.js';
import { translate } from '../messages.js';
import { useStepForm, type FieldRenderProps, type StepFormRenderProps } from '../shared/useStepForm.js';
import { useFormLocale } from '../shared/useLocale.js';
import { normalizeUsername, usernameField, useUsernameKind } from '../shared/usernameKind.js';

export interface UseSignInFormOptions {
  /** The AuthFlow to start (default: the store's). `USER_AUTH` asks for the username only. */
  authFlow?: SignInAuthFlow;
  messages?: Messages;
  /** The username to start with when the store has none (e.g. after a password reset). */
  initialUsername?: string;
  /** What the username is (default: the store's `usernameKind`): its input, label and normalisation. */
  usernameKind?: UsernameKind;
}

export interface SignInFormRenderProps extends StepFormRenderProps {
  fields: { username: FieldRenderProps; password: FieldRenderProps | null };
  submit(): Promise<void>;
}

/**
 * The first step: username and password (username only for choice-based USER_AUTH). The username typed
 * before a failure or an expired session is kept; the password is cleared for re-entry.
 *
 * @example
 * const form = useSignInForm();
 * <form {...form.formProps}><input {...form.fields.username.inputProps} />...</form>
 */
export function useSignInForm(options: UseSignInFormOptions = {}): SignInFormRenderProps {
  const { auth } = useCognitoContext('useSignInForm');
  const signIn = useInitiateAuth();
  // Sent only when named here or in the store's config; otherwise the store decides (in server mode, the
  // server), and the fields follow its default.
  const asked = options.authFlow ?? auth.config.authFlow;
  const authFlow = asked ?? 'USER_SRP_AUTH';
  const withPassword = authFlow !== 'USER_AUTH' && authFlow !== 'CUSTOM_AUTH';
  const { messages, locale } = useFormLocale(options.messages);
  const kind = useUsernameKind(options.usernameKind, 'useSignInForm');
  const t = (key: Parameters<typeof translate>[1]) => translate(messages, key, undefined, undefined, locale);
  const { fields, renderProps, submit } = useStepForm({
    hook: 'useSignInForm',
    messages,
    locale,
    title: t('signIn.title'),
    hint: null,
    submitLabel: t('signIn.submit'),
    fields: [
      usernameField(kind, { label: t('signIn.username'), initial: auth.getSnapshot().username ?? options.initialUsername ?? '', empty: 'invalid.username', messages, locale }),
      ...(withPassword
        ? [
            {
              name: 'password',
              label: t('signIn.password'),
              validate: (v: string) => (v === '' ? 'invalid.password' : null),
              input: { type: 'password', autoComplete: 'current-password' },
            } as const,
          ]
        : []),
    ],
    clearOnFailure: withPassword ? ['password'] : [],
    send: (values) =>
      signIn
        .mutateAsync({ username: normalizeUsername(kind, values.username ?? ''), ...(withPassword ? { password: values.password } : {}), ...(asked ? { authFlow: asked } : {}) })
        .catch(() => undefined),
  });
  return {
    ...renderProps,
    fields: { username: fields.username as FieldRenderProps, password: fields.password ?? null },
    submit,
  };
}
