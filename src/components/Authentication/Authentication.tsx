'use client';
import { useState, type ReactNode } from 'react';
import { SignIn, type SignInProps } from '../SignIn/SignIn.js';
import type { AttributeField } from '../shared/attributeInputs.js';
import { ViewLink } from '../shared/ViewLink.js';
import { ForgotPassword } from '../ForgotPassword/ForgotPassword.js';
import { translator, type Messages } from '../messages.js';
import { accountMessages } from '../accountMessages.js';
import { ConfirmSignUp } from '../ConfirmSignUp/ConfirmSignUp.js';
import { SignUp } from '../SignUp/SignUp.js';
import { useAuth } from '../../react/useAuth.js';

export type AuthenticationView = 'signIn' | 'signUp' | 'forgotPassword' | 'confirmSignUp';

export interface AuthenticationProps extends Omit<SignInProps, 'signUpLink' | 'forgotPasswordLink' | 'notice' | 'messages'> {
  /** The view to start on (default `signIn`). */
  initialView?: AuthenticationView;
  /** The attributes the sign-up form asks for (default `['email']`). */
  signUpAttributes?: AttributeField[];
  /** Hide sign-up (e.g. pools where only administrators create users). */
  hideSignUp?: boolean;
  hideForgotPassword?: boolean;
  messages?: Messages;
  /** Called when the view changes, for apps that keep it in the URL. */
  onViewChange?: (view: AuthenticationView) => void;
}

/**
 * Sign-in, sign-up and password reset in one component, switching between them with links: a new user
 * signs up, confirms the code and is signed in; a user who forgot the password resets it and returns to
 * sign-in with the username filled in. Every part takes the same props as when used alone.
 *
 * @example
 * <Authentication signUpAttributes={['email', 'name']} signedIn={<App />} />
 */
export function Authentication({
  initialView = 'signIn',
  signUpAttributes,
  hideSignUp = false,
  hideForgotPassword = false,
  messages,
  onViewChange,
  className,
  ...signInProps
}: AuthenticationProps): ReactNode {
  const t = translator(messages, accountMessages);
  const [view, setViewState] = useState<AuthenticationView>(initialView);
  const [notice, setNotice] = useState<string | null>(null);
  const [username, setUsername] = useState<string | undefined>(undefined);
  // A user who signed up but never confirmed learns it at sign-in: offer to confirm the account there.
  const unconfirmed = useAuth((s) => (s.error?.name === 'UserNotConfirmedException' ? s.username : null));
  const setView = (next: AuthenticationView) => {
    if (next !== 'signIn') setNotice(null);
    setViewState(next);
    onViewChange?.(next);
  };
  const root = ['cognito-react', className].filter(Boolean).join(' ');
  if (view === 'signUp') {
    return (
      <div className={root} data-view="signUp">
        <SignUp
          {...(signUpAttributes ? { attributes: signUpAttributes } : {})}
          {...(messages ? { messages } : {})}
          signInLink={() => setView('signIn')}
          onConfirmed={({ username: name, step }) => {
            setUsername(name);
            if (!step) setNotice(t('signUp.confirmed'));
            setView('signIn');
          }}
        />
      </div>
    );
  }
  if (view === 'confirmSignUp' && username) {
    return (
      <div className={root} data-view="confirmSignUp">
        <ConfirmSignUp
          username={username}
          codeSent={false}
          {...(messages ? { messages } : {})}
          onConfirmed={() => {
            setNotice(t('signUp.confirmed'));
            setView('signIn');
          }}
        />
        <ViewLink link={() => setView('signIn')} name="signIn" label={t('link.signIn')} />
      </div>
    );
  }
  if (view === 'forgotPassword') {
    return (
      <div className={root} data-view="forgotPassword">
        <ForgotPassword
          {...(messages ? { messages } : {})}
          {...(username ? { initialUsername: username } : {})}
          signInLink={() => setView('signIn')}
          onPasswordReset={({ username: name }) => {
            setUsername(name);
            setNotice(t('forgot.done'));
            setView('signIn');
          }}
        />
      </div>
    );
  }
  const signIn = (
    <SignIn
      {...signInProps}
      {...(className ? { className } : {})}
      {...(messages ? { messages } : {})}
      {...(username ? { initialUsername: username } : {})}
      notice={notice}
      signUpLink={hideSignUp ? false : () => setView('signUp')}
      forgotPasswordLink={hideForgotPassword ? false : () => setView('forgotPassword')}
    />
  );
  if (!unconfirmed) return signIn;
  return (
    <>
      {signIn}
      <ViewLink
        link={() => {
          setUsername(unconfirmed);
          setView('confirmSignUp');
        }}
        name="confirmSignUp"
        label={t('link.confirmSignUp')}
      />
    </>
  );
}
