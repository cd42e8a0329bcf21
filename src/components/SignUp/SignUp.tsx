'use client';
import { Fragment, useRef, useState, type ReactNode } from 'react';
import { signInAfterSignUp, type SignInStep, type SignUpResult } from '../../core/index.js';
import { useCognitoContext } from '../../react/context.js';
import { ConfiguredField } from '../shared/ConfiguredField.js';
import { PasswordMatch } from '../shared/PasswordMatch.js';
import { PasswordPolicyChecklist } from '../shared/PasswordPolicyChecklist.js';
import { ViewLink, type ViewLinkProp } from '../shared/ViewLink.js';
import { FormLayout } from '../shared/FormLayout.js';
import { ConfirmSignUp, type ConfirmSignUpProps } from '../ConfirmSignUp/ConfirmSignUp.js';
import { useSignUpForm, type SignUpFormRenderProps, type UseSignUpFormOptions } from './useSignUpForm.js';

export interface SignUpProps extends Omit<UseSignUpFormOptions, 'onSignedUp'> {
  className?: string;
  /** Sign the user in once confirmed (default true): with the confirmation Session, else the password. */
  autoSignIn?: boolean;
  /** After SignUp, before confirmation. */
  onSignedUp?: (result: SignUpResult & { username: string }) => void;
  /** After confirmation; `step` is where the sign-in got to (`DONE`, or a step such as MFA for `<SignIn>`). */
  onConfirmed?: (result: { username: string; step: SignInStep | null }) => void;
  /** Shows "Back to sign in" (a button calling this; or `false` to hide, or your own node). */
  signInLink?: ViewLinkProp;
  children?: (props: SignUpFormRenderProps) => ReactNode;
  /** Replaces the confirmation form's markup. */
  renderConfirm?: ConfirmSignUpProps['children'];
}

/**
 * Account creation: the sign-up form (the app's field list, see `fields`), then the confirmation code, then
 * (unless `autoSignIn` is false) sign-in with the confirmation Session when the app client allows
 * USER_AUTH, otherwise the password just chosen. The password is held in memory only until then. A
 * `passwordless` sign-up asks for no password and signs in with the Session, or else offers the pool's
 * first factors (USER_AUTH).
 *
 * @example
 * <SignUp attributes={['email', { name: 'name', required: false }]} onConfirmed={({ step }) => setView('signIn')} />
 * <SignUp fields={['email', { name: 'terms', type: 'checkbox', label: 'I accept the terms' }]} passwordless />
 */
export function SignUp({ className, autoSignIn = true, onSignedUp, onConfirmed, signInLink, children, renderConfirm, ...options }: SignUpProps) {
  const { auth } = useCognitoContext('SignUp');
  const [pendingConfirmation, setPending] = useState<(SignUpResult & { username: string }) | null>(null);
  const password = useRef<string | undefined>(undefined);
  const finish = async (username: string, session: string | undefined) => {
    let step: SignInStep | null = null;
    const secret = password.current;
    password.current = undefined;
    if (autoSignIn && (session || secret !== undefined)) {
      step = await signInAfterSignUp(auth, { username, ...(session ? { session } : {}), ...(secret !== undefined ? { password: secret } : {}) }).catch(() => null);
    }
    // A passwordless user whose Session could not sign in starts USER_AUTH by name: the pool then offers its
    // first factors (a one-time code, a passkey), the way a later sign-in does.
    if (autoSignIn && step === null && options.passwordless) {
      step = await auth.signIn({ username, authFlow: 'USER_AUTH' }).catch(() => null);
    }
    onConfirmed?.({ username, step });
  };
  const form = useSignUpForm({
    ...options,
    onSignedUp: (result, credentials) => {
      onSignedUp?.(result);
      password.current = options.passwordless ? undefined : credentials.password;
      if (result.userConfirmed) void finish(result.username, result.session);
      else setPending(result);
    },
  });
  const link = <ViewLink link={signInLink} name="signIn" label={form.t('link.signIn')} />;
  if (pendingConfirmation) {
    return (
      <div className={className} data-cognito-view="confirmSignUp">
        <ConfirmSignUp
          username={pendingConfirmation.username}
          session={pendingConfirmation.session}
          codeDelivery={pendingConfirmation.codeDelivery}
          {...(options.messages ? { messages: options.messages } : {})}
          onConfirmed={({ session }) => void finish(pendingConfirmation.username, session)}
          {...(renderConfirm ? { children: renderConfirm } : {})}
        />
        <div data-links="">{link}</div>
      </div>
    );
  }
  if (children) return <>{children(form)}</>;
  return (
    <div className={className} data-cognito-view="signUp">
      <FormLayout props={form} step="SIGN_UP" canCancel={false} blocked={!form.ready}>
        {form.fieldOrder.map((name) => (
          <Fragment key={name}>
            {form.fields[name] && <ConfiguredField field={form.fields[name]} />}
            {name === 'password' && <PasswordPolicyChecklist field={form.fields.password} t={form.t} />}
            {name === 'confirm' && (
              <PasswordMatch match={form.passwordsMatch} fieldError={form.fields.confirm?.error} matches={form.t('newPassword.matches')} differ={form.t('invalid.confirm')} />
            )}
          </Fragment>
        ))}
      </FormLayout>
      <div data-links="">{link}</div>
    </div>
  );
}
