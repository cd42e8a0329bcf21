'use client';
import { Suspense, useEffect, useRef, useState, type ReactNode, type SyntheticEvent } from 'react';
import { SignIn, type SignInComponents, type SignInProps } from '../SignIn/SignIn.js';
import type { FieldConfig } from '../shared/fields.js';
import { rootProps, WithSlots, type Slots } from '../shared/root.js';
import { ViewLink } from '../shared/ViewLink.js';
import { translator, type Messages } from '../messages.js';
import { accountMessages } from '../accountMessages.js';
import type { CodeDelivery, SignInStep } from '../../core/index.js';
import { useCognitoContext } from '../../react/context.js';
import { useForgotPassword, useResendSignUpCode } from '../../react/account.js';
import { useAuth } from '../../react/useAuth.js';
import type { SignInAccountAction } from '../SignInForm/useSignInForm.js';
import { useFormLocale } from '../shared/useLocale.js';
import { useIdlePreload } from '../shared/lazyPart.js';
import { StepPending } from '../SignIn/StepPending.js';
// Sign-up, its confirmation and the password reset load when reached (fetched at idle, on a link's intent,
// and while the request leading to them is in flight): the first screen is the sign-in form.
import { ACCOUNT_VIEWS, ConfirmSignUp, ForgotPassword, preloadAccountViews, SignUp } from './views.js';

export type AuthenticationView = 'signIn' | 'signUp' | 'forgotPassword' | 'confirmSignUp';

/**
 * Header and footer slots of `<Authentication>`: `Header`/`Footer` on every view, per sign-in step
 * (`SIGN_IN`, `SMS_MFA`…, as `<SignIn>`'s), and per view (`signUp`, `forgotPassword`, `confirmSignUp`).
 *
 * @example
 * const components: AuthenticationComponents = { Header: Logo, signUp: { Footer: () => <a href="/terms">Terms</a> } };
 */
export type AuthenticationComponents = SignInComponents & { [V in Exclude<AuthenticationView, 'signIn'>]?: Slots };

export interface AuthenticationProps extends Omit<SignInProps, 'signUpLink' | 'forgotPasswordLink' | 'notice' | 'messages' | 'components' | 'moreLinks' | 'onAccountAction'> {
  /** The view to start on (default `signIn`). */
  initialView?: AuthenticationView;
  /**
   * The sign-up form's field list (default: `fields`, else `['email']`): attribute names or field options,
   * as `<SignUp fields>` takes. `fields` (of `<SignIn>`) applies to sign-up and NEW_PASSWORD_REQUIRED both.
   */
  signUpAttributes?: readonly FieldConfig[];
  /** Sign-up without a password, for USER_AUTH pools (see `<SignUp passwordless>`). */
  passwordlessSignUp?: boolean;
  /** Hide sign-up (e.g. pools where only administrators create users). */
  hideSignUp?: boolean;
  hideForgotPassword?: boolean;
  messages?: Messages;
  /** Called when the view changes, for apps that keep it in the URL. */
  onViewChange?: (view: AuthenticationView) => void;
  /**
   * A header and a footer inside the card: on every view, on one sign-in step, or on one view.
   *
   * @example
   * <Authentication components={{ Header: () => <img src="/logo.svg" alt="Acme" />, signUp: { Footer: Terms } }} />
   */
  components?: AuthenticationComponents;
}

/**
 * Sign-in, sign-up and password reset in one component, switching between them with links: a new user
 * signs up, confirms the code and is signed in; a user who forgot the password resets it and returns to
 * sign-in with the username filled in. Every part takes the same props as when used alone. The view a
 * link opens takes the focus (its first field), so keyboard users go on where they clicked.
 *
 * Sign-in goes straight where Cognito says it must: a user who never confirmed the account
 * (UserNotConfirmedException) gets a new code (ResendConfirmationCode) on the confirmation view, and once
 * confirmed is signed in with what they typed (held in memory until then, never stored); a user whose
 * password must be reset (PasswordResetRequiredException) gets a code (ForgotPassword) and the reset's code
 * step, with the username carried.
 *
 * @example
 * <Authentication signUpAttributes={['email', 'name']} signedIn={<App />} />
 */
export function Authentication({
  initialView = 'signIn',
  signUpAttributes,
  passwordlessSignUp = false,
  hideSignUp = false,
  hideForgotPassword = false,
  messages,
  onViewChange,
  className,
  theme,
  components,
  ...signInProps
}: AuthenticationProps): ReactNode {
  const { auth } = useCognitoContext('Authentication');
  const lang = useFormLocale(messages);
  const t = translator(lang.messages, accountMessages, lang.locale);
  const [view, setViewState] = useState<AuthenticationView>(initialView);
  const [notice, setNotice] = useState<string | null>(null);
  const [username, setUsername] = useState<string | undefined>(undefined);
  // What was typed at sign-in, for the reset form (PasswordResetRequiredException sends the user there).
  const typedUsername = useAuth((s) => s.username);
  const moved = useRef(false);
  const wrapper = useRef<HTMLDivElement>(null);
  // The sign-in to repeat once the account is confirmed: the only holder of the password typed, until then.
  const signInAgain = useRef<(() => Promise<SignInStep>) | null>(null);
  const [confirmCode, setConfirmCode] = useState<{ sent: boolean; codeDelivery?: CodeDelivery | undefined }>({ sent: false });
  const [resetCode, setResetCode] = useState<{ username: string; codeDelivery: CodeDelivery | undefined } | null>(null);
  const resendSignUpCode = useResendSignUpCode().mutateAsync;
  const forgotPassword = useForgotPassword().mutateAsync;
  const setView = (next: AuthenticationView) => {
    if (next !== 'signIn') setNotice(null);
    if (next !== 'confirmSignUp') signInAgain.current = null;
    if (next !== 'forgotPassword') setResetCode(null);
    // The sign-in's last failure belongs to the view it was shown in: leaving it (to confirm the account,
    // reset the password…) or coming back with a notice must not leave the old alert beside the new one.
    const s = auth.getSnapshot();
    if (s.status === 'signedOut' && s.error) auth.cancelSignIn();
    moved.current = true;
    setViewState(next);
    onViewChange?.(next);
  };
  // The view a link opens takes the focus; one whose code is still on its way, when it arrives.
  const focusPending = useRef(false);
  const waiting = useRef(false);
  const focusView = () => {
    const root = wrapper.current;
    const target = root?.querySelector<HTMLElement>('input:not([type="hidden"])') ?? root?.querySelector<HTMLElement>('h2');
    if (!target) return;
    focusPending.current = false;
    target.focus();
  };
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    focusPending.current = true;
    if (!waiting.current) focusView();
  }, [view]);
  const viewArrived = () => {
    if (focusPending.current) focusView();
  };

  // The other views' code: at idle, while a sign-in is in flight (its answer may lead to one), and as soon
  // as a link to one is pointed at, focused or pressed.
  useIdlePreload(ACCOUNT_VIEWS);
  useEffect(() => auth.subscribe(() => auth.getSnapshot().pending && preloadAccountViews()), [auth]);
  const onIntent = (event: SyntheticEvent) => {
    if (event.target instanceof Element && event.target.closest('[data-link]')) preloadAccountViews();
  };

  // Straight to the form that resolves it, with the code already on its way (as Amplify's Authenticator
  // does); if sending fails, the form still opens and offers to send one.
  const onAccountAction = (action: SignInAccountAction) => {
    preloadAccountViews();
    setUsername(action.username);
    if (action.action === 'confirmSignUp') {
      const again = action.signInAgain;
      void resendSignUpCode({ username: action.username }).then(
        ({ codeDelivery }) => setConfirmCode({ sent: true, codeDelivery }),
        () => setConfirmCode({ sent: false }),
      ).finally(() => {
        setView('confirmSignUp');
        signInAgain.current = again;
      });
    } else {
      void forgotPassword({ username: action.username }).then(
        ({ codeDelivery }) => {
          setView('forgotPassword');
          setResetCode({ username: action.username, codeDelivery });
        },
        () => setView('forgotPassword'),
      );
    }
  };

  const root = (name: Exclude<AuthenticationView, 'signIn'>, body: ReactNode) => (
    <div {...rootProps(className, theme, lang)} data-view={name}>
      <WithSlots slots={[components, components?.[name]]} view={name}>
        <Suspense fallback={<StepPending onArrived={viewArrived} waitingRef={waiting} />}>{body}</Suspense>
      </WithSlots>
    </div>
  );
  let content: ReactNode;
  const signUpFields = signUpAttributes ?? signInProps.fields;
  if (view === 'signUp') {
    content = root(
      'signUp',
      <SignUp
        {...(signUpFields ? { fields: signUpFields } : {})}
        {...(passwordlessSignUp ? { passwordless: true } : {})}
        {...(messages ? { messages } : {})}
        signInLink={() => setView('signIn')}
        onConfirmed={({ username: name, step }) => {
          setUsername(name);
          if (!step) setNotice(t('signUp.confirmed'));
          setView('signIn');
        }}
      />,
    );
  } else if (view === 'confirmSignUp' && username) {
    content = root(
      'confirmSignUp',
      <>
        <ConfirmSignUp
          // A new form for a new code: its countdown starts with the send.
          key={confirmCode.sent ? 'sent' : 'later'}
          username={username}
          codeSent={confirmCode.sent}
          codeDelivery={confirmCode.codeDelivery}
          {...(messages ? { messages } : {})}
          onConfirmed={() => {
            const again = signInAgain.current;
            setView('signIn');
            if (!again) {
              setNotice(t('signUp.confirmed'));
              return;
            }
            // Signed in as the user first asked; if that fails, the sign-in form says why, under the notice.
            void again().catch(() => setNotice(t('signUp.confirmed')));
          }}
        />
        <div data-links="">
          <ViewLink link={() => setView('signIn')} name="signIn" label={t('link.signIn')} />
        </div>
      </>,
    );
  } else if (view === 'forgotPassword') {
    const resetFor = username ?? typedUsername ?? undefined;
    content = root(
      'forgotPassword',
      <>
        {resetCode && (
          <p role="status" data-notice="">
            {t('error.PasswordResetRequiredException')}
          </p>
        )}
        <ForgotPassword
          key={resetCode ? 'codeSent' : 'request'}
          {...(messages ? { messages } : {})}
          {...(resetFor ? { initialUsername: resetFor } : {})}
          {...(resetCode ? { codeSent: resetCode } : {})}
          signInLink={() => setView('signIn')}
          onPasswordReset={({ username: name }) => {
            setUsername(name);
            setNotice(t('forgot.done'));
            setView('signIn');
          }}
        />
      </>,
    );
  } else {
    content = (
      <SignIn
        {...signInProps}
        {...(className ? { className } : {})}
        {...(theme ? { theme } : {})}
        {...(components ? { components } : {})}
        {...(messages ? { messages } : {})}
        {...(username ? { initialUsername: username } : {})}
        notice={notice}
        onAccountAction={onAccountAction}
        signUpLink={hideSignUp ? false : () => setView('signUp')}
        forgotPasswordLink={hideForgotPassword ? false : () => setView('forgotPassword')}
      />
    );
  }
  return (
    <div ref={wrapper} data-authentication={view} onPointerOver={onIntent} onFocus={onIntent} onPointerDown={onIntent}>
      {content}
    </div>
  );
}
