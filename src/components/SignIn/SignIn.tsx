'use client';
import { Suspense, useEffect, useRef, type ReactNode } from 'react';
import { lazyPart, useIdlePreload } from '../shared/lazyPart.js';
import type { AuthUser, CognitoAuth, CognitoAuthError, FirstFactor, MfaType, SignInAuthFlow, SignInStepName, SignInStepOf } from '../../core/index.js';
import { useCognitoContext } from '../../react/context.js';
import { useAuth } from '../../react/useAuth.js';
import type { CodeFormRenderProps } from '../CodeForms/useCodeStepForm.js';
import type { CustomChallengeFormRenderProps } from '../CustomChallengeForm/useCustomChallengeForm.js';
import type { MessageKey, Messages } from '../messages.js';
import { say } from '../shared/text.js';
import { ViewLink, type ViewLinkProp } from '../shared/ViewLink.js';
import { rootProps, WithSlots, type CognitoTheme, type Slots } from '../shared/root.js';
import { useFormLocale } from '../shared/useLocale.js';
import type { NewPasswordRequiredFormRenderProps } from '../NewPasswordRequiredForm/useNewPasswordRequiredForm.js';
import type { MfaSetupFormRenderProps } from '../MfaSetupForm/useMfaSetupForm.js';
import type { SelectChallengeFormRenderProps } from '../SelectChallengeForm/useSelectChallengeForm.js';
import type { WebAuthnPromptRenderProps } from '../WebAuthnPrompt/useWebAuthnPrompt.js';
import type { PasswordFormRenderProps } from '../PasswordForm/usePasswordForm.js';
import type { SelectMfaTypeFormRenderProps } from '../SelectMfaTypeForm/useSelectMfaTypeForm.js';
import { SignInForm } from '../SignInForm/SignInForm.js';
// The challenge forms load when reached, fetched while the request leading to them is in flight.
import { ChallengeStep, preloadStepForms, STEP_FORMS } from './stepForms.js';
import type { ChallengeStepProps } from './ChallengeStep.js';
import { StepPending } from './StepPending.js';
import type { SignInFormRenderProps, UseSignInFormOptions } from '../SignInForm/useSignInForm.js';
import type { FieldConfig } from '../shared/fields.js';
import type { AfterSignInStep } from '../AfterSignIn/afterSignIn.js';
import { useAfterSignIn } from '../AfterSignIn/useAfterSignIn.js';

/**
 * The after-sign-in steps' runner, in a chunk of its own: fetched (like the challenge forms) at idle and
 * while a request is in flight, by a `<SignIn>` given `afterSignIn` steps only.
 */
const AfterSignIn = lazyPart(() => import('../AfterSignIn/AfterSignIn.js').then((m) => m.AfterSignIn));
const AFTER_SIGN_IN = [ChallengeStep, AfterSignIn] as const;

/** The steps `<SignIn>` renders: the first form (`SIGN_IN`) and every challenge step. */
export type SignInRenderStep = 'SIGN_IN' | Exclude<SignInStepName, 'DONE'>;

/** What a step without a prebuilt form yet gives its renderer: the raw step and the store. */
export interface RawStepRenderProps<N extends Exclude<SignInStepName, 'DONE'>> {
  step: SignInStepOf<N>;
  auth: CognitoAuth;
}

/** Render props of the prebuilt forms, by step. */
interface FormRenderProps {
  SIGN_IN: SignInFormRenderProps;
  SMS_MFA: CodeFormRenderProps<'SMS_MFA'>;
  SOFTWARE_TOKEN_MFA: CodeFormRenderProps<'SOFTWARE_TOKEN_MFA'>;
  EMAIL_OTP: CodeFormRenderProps<'EMAIL_OTP'>;
  SMS_OTP: CodeFormRenderProps<'SMS_OTP'>;
  SELECT_MFA_TYPE: SelectMfaTypeFormRenderProps;
  NEW_PASSWORD_REQUIRED: NewPasswordRequiredFormRenderProps;
  PASSWORD: PasswordFormRenderProps;
  PASSWORD_SRP: PasswordFormRenderProps;
  CUSTOM_CHALLENGE: CustomChallengeFormRenderProps;
  MFA_SETUP: MfaSetupFormRenderProps;
  SELECT_CHALLENGE: SelectChallengeFormRenderProps;
  WEB_AUTHN: WebAuthnPromptRenderProps;
}

/**
 * The props each step's renderer receives, derived from the step union: a step with a prebuilt form gets
 * that form's render props, any other step (including ones added to the union later) the raw step.
 */
export type StepRenderProps = {
  [N in SignInRenderStep]: N extends keyof FormRenderProps ? FormRenderProps[N] : N extends Exclude<SignInStepName, 'DONE'> ? RawStepRenderProps<N> : never;
};

/**
 * Header and footer slots of `<SignIn>`: `Header`/`Footer` on every step, and per step by its name.
 *
 * @example
 * const components: SignInComponents = { Header: Logo, SMS_MFA: { Footer: () => <a href="/help/sms">No code?</a> } };
 */
export type SignInComponents = Slots & { [N in SignInRenderStep]?: Slots };

/** Replacements for the markup of any step, keyed by step name. */
export type SignInRenderers = { [N in SignInRenderStep]?: (props: StepRenderProps[N]) => ReactNode };

export interface SignInProps {
  /** Replace the form of any step; the others keep the prebuilt ones. */
  render?: SignInRenderers;
  /** Called once each time a user signs in (after the `afterSignIn` steps, when there are any). */
  onSignedIn?: (user: AuthUser) => void;
  /** Called with each error the flow reports (wrong code, network...), already shown in the form. */
  onError?: (error: CognitoAuthError) => void;
  /** The AuthFlow to start with (default: the store's, `USER_SRP_AUTH` unless configured). */
  authFlow?: SignInAuthFlow;
  /**
   * USER_AUTH: the first factor to ask for (PREFERRED_CHALLENGE), skipping the choice when the user has it;
   * when Cognito still offers the choice (the factor is not available), it is the one selected.
   *
   * @example
   * <SignIn authFlow="USER_AUTH" preferredChallenge="WEB_AUTHN" />
   */
  preferredChallenge?: FirstFactor;
  /**
   * The MFA method selected at first where the user chooses one (SELECT_MFA_TYPE, and MFA_SETUP's choice of
   * method), when offered. Cognito itself skips the choice for a user with a preferred method.
   *
   * @example
   * <SignIn preferredMfa="SOFTWARE_TOKEN_MFA" />
   */
  preferredMfa?: MfaType;
  /**
   * SELECT_CHALLENGE starts on the first factor this device used last (the factor's name in `localStorage`,
   * nothing else; default `false`). See `SelectChallengeForm`'s `rememberChoice`.
   *
   * @example
   * <SignIn authFlow="USER_AUTH" rememberFirstFactor />
   */
  rememberFirstFactor?: boolean;
  /** See `useSignInForm`'s `onAccountAction` (`<Authentication>` goes to confirmation or reset with it). */
  onAccountAction?: UseSignInFormOptions['onAccountAction'];
  /** Overrides of the message table, for wording or another language. */
  messages?: Messages;
  className?: string;
  /** Shown once signed in (default: nothing). */
  signedIn?: ReactNode;
  /** Shown while a stored session is being restored (default: nothing). */
  loading?: ReactNode;
  /** "Create an account" under the first form: a function makes a button calling it; a node (your own link) is shown as is; absent or `false` hides it. */
  signUpLink?: ViewLinkProp;
  /** "Forgot your password?" under the first form, as `signUpLink`. */
  forgotPasswordLink?: ViewLinkProp;
  /** The username to start with when the store has none (e.g. after a password reset). */
  initialUsername?: string;
  /** A message above the first form (e.g. "Your password is changed"), announced politely. */
  notice?: ReactNode;
  /** Identity-provider buttons above the first form, with a separator: `<FederatedSignIn providers={['Google']} />` (an element, so apps without it carry none of it). */
  federatedProviders?: ReactNode;
  /** More links under the first form, beside "Forgot your password?" (`<Authentication>` puts "Confirm your account" there). */
  moreLinks?: ReactNode;
  /** The colour scheme of the optional theme (default `'system'`): set on the root as `data-theme`. */
  theme?: CognitoTheme;
  /**
   * A header and a footer inside the card, on every step (`Header`, `Footer`) or on one (`SMS_MFA: { Header }`).
   *
   * @example
   * <SignIn components={{ Header: () => <img src="/logo.svg" alt="Acme" />, SIGN_IN: { Footer: () => <a href="/help">Help</a> } }} />
   */
  components?: SignInComponents;
  /** How NEW_PASSWORD_REQUIRED shows the attributes the pool requires, and the app's own fields there (see `<NewPasswordRequiredForm fields>`). */
  fields?: readonly FieldConfig[];
  /**
   * Steps shown in the card, in this order, after a sign-in made here (not a restored session), before
   * `signedIn` and `onSignedIn` (which wait for them; the session itself is live at once). Each shows only
   * when it applies. The prebuilt ones: `verifyContactStep()` (an unverified email or phone number),
   * `rememberDeviceStep()` ("Remember this device?"), `addPasskeyStep()`; an app that imports none carries none.
   *
   * @example
   * <SignIn afterSignIn={[verifyContactStep(), rememberDeviceStep(), addPasskeyStep({ snoozeDays: 30 })]} signedIn={<App />} />
   */
  afterSignIn?: readonly AfterSignInStep[];
}

/**
 * The whole sign-in: the form for the current step, from username and password through every challenge
 * to signed in, moving focus to each new step. Any step's markup can be replaced through `render`.
 *
 * @example
 * <SignIn
 *   onSignedIn={(user) => navigate('/')}
 *   render={{ SMS_MFA: (form) => <MyCodeForm {...form} /> }}
 *   messages={{ 'signIn.username': 'Email' }}
 * />
 */
export function SignIn({
  render = {},
  onSignedIn,
  onError,
  authFlow,
  preferredChallenge,
  preferredMfa,
  rememberFirstFactor,
  onAccountAction,
  messages,
  className,
  signedIn = null,
  loading = null,
  signUpLink,
  forgotPasswordLink,
  notice,
  initialUsername,
  federatedProviders,
  moreLinks,
  theme,
  components,
  fields,
  afterSignIn,
}: SignInProps) {
  const { auth } = useCognitoContext('SignIn');
  const status = useAuth((s) => s.status);
  const step = useAuth((s) => s.step);
  const user = useAuth((s) => s.user);
  const error = useAuth((s) => s.error);
  const key: SignInRenderStep | 'DONE' | 'LOADING' =
    status === 'loading' ? 'LOADING' : status === 'signedIn' ? 'DONE' : step && step.name !== 'DONE' ? step.name : 'SIGN_IN';

  const withAfter = (afterSignIn?.length ?? 0) > 0;
  const after = useAfterSignIn(withAfter, status, status === 'challenge' && step ? step.name : null);
  const lang = useFormLocale(messages);
  const callbacks = useRef({ onSignedIn, onError });
  useEffect(() => {
    callbacks.current = { onSignedIn, onError };
  });
  const announcedUser = useRef<AuthUser | null>(null);
  const afterActive = after.active;
  useEffect(() => {
    if (status === 'signedIn' && user && !afterActive && announcedUser.current !== user) {
      announcedUser.current = user;
      callbacks.current.onSignedIn?.(user);
    }
    if (status !== 'signedIn') announcedUser.current = null;
  }, [status, user, afterActive]);
  useEffect(() => {
    if (error) callbacks.current.onError?.(error);
  }, [error]);

  // Each new step takes the focus (its first field, or its heading), so keyboard and screen-reader users
  // land where they must act. Not on the first render: the page decides where focus starts.
  const container = useRef<HTMLDivElement>(null);
  // A step whose form is still loading takes the focus when its form arrives (see <StepPending>).
  const focusPending = useRef(false);
  const waiting = useRef(false);
  const focusStep = () => {
    const root = container.current;
    const target = root?.querySelector<HTMLElement>('input:not([type="hidden"])') ?? root?.querySelector<HTMLElement>('h2');
    if (!target) return;
    focusPending.current = false;
    target.focus();
  };
  const focusArrived = () => {
    if (focusPending.current) focusStep();
  };
  const shownKey = useRef(key);
  useEffect(() => {
    if (shownKey.current === key) return;
    shownKey.current = key;
    // The signed-in view is the app's: where focus goes there is its decision (`onSignedIn`), not a form field's.
    if (key === 'DONE' || key === 'LOADING') return;
    focusPending.current = true;
    // A step whose form is still loading: the card may still hold the previous step's fields (hidden by
    // <Suspense>), which must not take the focus; the form takes it when it arrives.
    if (!waiting.current) focusStep();
  }, [key]);

  // The challenge forms' code: fetched as soon as a request is in flight (the answer may be a challenge),
  // and at idle anyway.
  useEffect(
    () =>
      auth.subscribe(() => {
        if (!auth.getSnapshot().pending) return;
        preloadStepForms();
        if (withAfter) AfterSignIn.preload().catch(() => undefined);
      }),
    [auth, withAfter],
  );
  useIdlePreload(withAfter ? AFTER_SIGN_IN : STEP_FORMS);

  const t = (key: MessageKey) => say(lang.messages, key, {}, undefined, lang.locale);
  let content: ReactNode;
  switch (key) {
    case 'LOADING':
      // Nothing of the library's (no empty card): the app's own placeholder, if it gave one.
      return loading;
    case 'DONE':
      if (!afterActive || !afterSignIn) return signedIn;
      // The after-sign-in steps, in the card (data-step stays DONE: the sign-in itself is done).
      content = <AfterSignIn steps={afterSignIn} finished={{ steps: after.steps }} messages={messages} onDone={after.finish} />;
      break;
    case 'SIGN_IN':
      content = (
        <>
          {notice && (
            <p role="status" data-notice="">
              {notice}
            </p>
          )}
          {federatedProviders && (
            <>
              {federatedProviders}
              <p data-separator="">{t('signIn.or')}</p>
            </>
          )}
          <SignInForm
            messages={messages}
            {...(initialUsername ? { initialUsername } : {})}
            {...(authFlow ? { authFlow } : {})}
            {...(preferredChallenge ? { preferredChallenge } : {})}
            {...(onAccountAction ? { onAccountAction } : {})}
          >
            {render.SIGN_IN}
          </SignInForm>
          <div data-links="">
            <ViewLink link={forgotPasswordLink} name="forgotPassword" label={t('link.forgotPassword')} />
            <ViewLink link={signUpLink} name="signUp" label={t('link.signUp')} />
            {moreLinks}
          </div>
        </>
      );
      break;
    default:
      // An unknown step the app renders itself needs no form's code; every other step, its form's.
      content =
        key === 'UNKNOWN_CHALLENGE' && render.UNKNOWN_CHALLENGE ? (
          render.UNKNOWN_CHALLENGE({ step: step as SignInStepOf<'UNKNOWN_CHALLENGE'>, auth })
        ) : (
          <ChallengeStep
            step={step as ChallengeStepProps['step']}
            render={render}
            messages={messages}
            preferredMfa={preferredMfa}
            preferredChallenge={preferredChallenge}
            rememberFirstFactor={rememberFirstFactor}
            fields={fields}
          />
        );
  }
  return (
    <div ref={container} {...rootProps(className, theme, lang)} data-step={key} data-status={status}>
      <WithSlots slots={[components, key === 'DONE' ? undefined : components?.[key]]} view={key}>
        <Suspense fallback={<StepPending onArrived={focusArrived} waitingRef={waiting} />}>{content}</Suspense>
      </WithSlots>
    </div>
  );
}
