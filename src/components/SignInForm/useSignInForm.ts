'use client';
import { isCognitoAuthError, type FirstFactor, type SignInAuthFlow, type SignInInput, type SignInStep, type UsernameKind } from '../../core/index.js';
import { useCognitoContext } from '../../react/context.js';
import { useInitiateAuth } from '../../react/useInitiateAuth.js';
import type { MessageKey, Messages } from '../messages.js';
import { say } from '../shared/text.js';
import { useStepForm, type FieldRenderProps, type StepFormRenderProps } from '../shared/useStepForm.js';
import { useFormLocale } from '../shared/useLocale.js';
import { normalizeUsername, usernameField, useUsernameKind } from '../shared/usernameKind.js';

export interface UseSignInFormOptions {
  /** The AuthFlow to start (default: the store's). `USER_AUTH` asks for the username only. */
  authFlow?: SignInAuthFlow;
  messages?: Messages;
  /** The username to start with when the store has none (e.g. after a password reset). */
  initialUsername?: string;
  /**
   * USER_AUTH only: the first factor to ask Cognito for (AuthParameters.PREFERRED_CHALLENGE), so the user
   * skips the choice when the pool and the user have it; otherwise Cognito offers the choice as usual.
   * `PASSWORD` or `PASSWORD_SRP` asks for the password on this form. Ignored with other flows.
   *
   * @example
   * <SignInForm authFlow="USER_AUTH" preferredChallenge="WEB_AUTHN" />
   */
  preferredChallenge?: FirstFactor;
  /**
   * Sign-in failed in a way another form resolves: the account is not confirmed yet
   * (UserNotConfirmedException) or its password must be reset (PasswordResetRequiredException).
   * `<Authentication>` uses it to go straight to that form. `signInAgain` repeats this sign-in with what
   * was typed (the password lives in that function only: drop it once used or abandoned).
   */
  onAccountAction?: (action: SignInAccountAction) => void;
  /** What the username is (default: the store's `usernameKind`): its input, label and normalisation. */
  usernameKind?: UsernameKind;
}

/**
 * What `onAccountAction` of the sign-in form receives.
 *
 * @example
 * onAccountAction={(a) => (a.action === 'confirmSignUp' ? showConfirm(a.username, a.signInAgain) : showReset(a.username))}
 */
export type SignInAccountAction =
  | { action: 'confirmSignUp'; username: string; signInAgain: () => Promise<SignInStep> }
  | { action: 'resetPassword'; username: string };

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
  const preferred = authFlow === 'USER_AUTH' ? options.preferredChallenge : undefined;
  const withPassword = authFlow === 'USER_AUTH' ? preferred === 'PASSWORD' || preferred === 'PASSWORD_SRP' : authFlow !== 'CUSTOM_AUTH';
  const { messages, locale } = useFormLocale(options.messages);
  const kind = useUsernameKind(options.usernameKind, 'useSignInForm');
  const t = (key: MessageKey) => say(messages, key, undefined, undefined, locale);
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
    send: async (values) => {
      const input: SignInInput = {
        username: normalizeUsername(kind, values.username ?? ''),
        ...(withPassword ? { password: values.password } : {}),
        ...(asked ? { authFlow: asked } : {}),
        ...(preferred ? { preferredChallenge: preferred } : {}),
      };
      try {
        await signIn.mutateAsync(input);
      } catch (error) {
        const onAccountAction = options.onAccountAction;
        const username = auth.getSnapshot().username ?? input.username.trim();
        if (!onAccountAction) return;
        // The engine keeps no password: this closure is the only holder, for as long as the app keeps it.
        if (isCognitoAuthError(error, 'UserNotConfirmedException')) onAccountAction({ action: 'confirmSignUp', username, signInAgain: () => auth.signIn(input) });
        else if (isCognitoAuthError(error, 'PasswordResetRequiredException')) onAccountAction({ action: 'resetPassword', username });
      }
    },
  });
  return {
    ...renderProps,
    fields: { username: fields.username as FieldRenderProps, password: fields.password ?? null },
    submit,
  };
}
