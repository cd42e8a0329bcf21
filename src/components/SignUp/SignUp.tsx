'use client';
import { useRef, useState, type ReactNode } from 'react';
import { signInAfterSignUp, type CodeDelivery, type SignInStep, type SignUpResult } from '../../core/index.js';
import { useConfirmSignUp, useResendSignUpCode, useSignUp } from '../../react/account.js';
import { useCognitoContext } from '../../react/context.js';
import { Field } from '../shared/Field.js';
import { PasswordMatch } from '../shared/PasswordMatch.js';
import { ViewLink, type ViewLinkProp } from '../shared/ViewLink.js';
import { FormLayout } from '../shared/FormLayout.js';
import { ATTRIBUTE_INPUTS, attributeFormatError, attributeLabel, normalizeAttribute, type AttributeField } from '../shared/attributeInputs.js';
import type { FieldSpec, StepFormRenderProps } from '../shared/useStepForm.js';
import { accountT, type AccountMessages } from '../accountMessages.js';
import { ResendButton } from '../ResendButton/ResendButton.js';
import { cleanCode, codeField, newPasswordFields, passwordsMatch } from '../shared/accountFields.js';
import { useAccountForm, type AccountFormRenderProps, type AnyMessageKey } from '../shared/useAccountForm.js';

export interface UseSignUpFormOptions {
  /** The attributes to ask for, in order (default `['email']`): names, or `{ name, label, type, required }`. */
  attributes?: AttributeField[];
  messages?: AccountMessages;
  /**
   * Called after SignUp succeeded, with where the code went. The second argument is the password just
   * chosen, for signing in after confirmation: keep it in memory only (`<SignUp>` does, until it is used).
   */
  onSignedUp?: (result: SignUpResult & { username: string }, credentials: { password: string }) => void;
  initialUsername?: string;
}

export interface SignUpFormRenderProps extends AccountFormRenderProps {
  /** `passwordsMatch`: as in the new-password form. */
  passwordsMatch: boolean | null;
  attributeFields: string[];
}

/** The sign-up form (SignUp): username, password twice with a match check, and the app's attributes. */
export function useSignUpForm(options: UseSignUpFormOptions = {}): SignUpFormRenderProps {
  const mutation = useSignUp();
  const t = accountT(options.messages);
  const attrs = (options.attributes ?? ['email']).map(normalizeAttribute);
  const fields: FieldSpec<AnyMessageKey>[] = [
    {
      name: 'username',
      label: t('signUp.username'),
      initial: options.initialUsername ?? '',
      validate: (v) => (v.trim() === '' ? 'invalid.username.signUp' : null),
      input: { type: 'text', autoComplete: 'username', autoCapitalize: 'none', spellCheck: false },
    },
    ...attrs.map<FieldSpec<AnyMessageKey>>((a) => ({
      name: `attribute:${a.name}`,
      label: attributeLabel(t, a.name, a.label),
      validate: (v) => {
        const value = v.trim();
        if (value === '') return a.required ? ['invalid.attribute', { attribute: attributeLabel(t, a.name, a.label).toLowerCase() }] : null;
        return attributeFormatError(a.name, value);
      },
      input: { ...(ATTRIBUTE_INPUTS[a.name] ?? { type: 'text' }), ...(a.type ? { type: a.type } : {}) },
    })),
    ...newPasswordFields({ password: t('signUp.password'), confirm: t('signUp.confirm') }, 'password', 'invalid.password.signUp'),
  ];
  const form = useAccountForm({
    hook: 'useSignUpForm',
    messages: options.messages,
    title: t('signUp.title'),
    hint: null,
    submitLabel: t('signUp.submit'),
    fields,
    mutation,
    clearOnFailure: ['password', 'confirm'],
    toInput: (v) => ({
      username: (v.username ?? '').trim(),
      password: v.password ?? '',
      attributes: Object.fromEntries(attrs.map((a) => [a.name, (v[`attribute:${a.name}`] ?? '').trim()])),
    }),
    onSuccess: (result, v) => options.onSignedUp?.({ ...result, username: (v.username ?? '').trim() }, { password: v.password ?? '' }),
  });
  return {
    ...form,
    passwordsMatch: passwordsMatch(form.values, 'password'),
    attributeFields: attrs.map((a) => `attribute:${a.name}`),
  };
}

export interface UseConfirmSignUpFormOptions {
  username: string;
  /** The Session SignUp returned (for sign-in without the password afterwards). */
  session?: string | undefined;
  codeDelivery?: CodeDelivery | undefined;
  /** False when no code was just sent (confirming later, from sign-in): "send a new code" is ready at once. */
  codeSent?: boolean;
  messages?: AccountMessages;
  onConfirmed?: (result: { session: string | undefined }) => void;
}

/** The confirmation form (ConfirmSignUp): the code, and a resend with a countdown. */
export function useConfirmSignUpForm(options: UseConfirmSignUpFormOptions): AccountFormRenderProps & { resend: () => ReturnType<ReturnType<typeof useResendSignUpCode>['mutateAsync']> } {
  const mutation = useConfirmSignUp();
  const resend = useResendSignUpCode();
  const t = accountT(options.messages);
  const form = useAccountForm({
    hook: 'useConfirmSignUpForm',
    messages: options.messages,
    title: t('confirmSignUp.title'),
    hint:
      options.codeSent === false
        ? t('confirmSignUp.hintLater')
        : options.codeDelivery?.destination
          ? t('confirmSignUp.hint', { destination: options.codeDelivery.destination })
          : t('confirmSignUp.hintNoDestination'),
    submitLabel: t('confirmSignUp.submit'),
    fields: [codeField(t('code.label'))],
    mutation,
    clearOnFailure: ['code'],
    errorContext: 'account',
    toInput: (v) => ({ username: options.username, code: cleanCode(v.code), ...(options.session ? { session: options.session } : {}) }),
    onSuccess: (result) => options.onConfirmed?.(result),
  });
  return { ...form, resend: () => resend.mutateAsync({ username: options.username }) };
}

export interface ConfirmSignUpProps extends UseConfirmSignUpFormOptions {
  className?: string;
  children?: (props: ReturnType<typeof useConfirmSignUpForm>) => ReactNode;
}

/**
 * Confirms a new account with the code Cognito sent, with "send a new code" on a countdown.
 *
 * @example
 * <ConfirmSignUp username="alice" onConfirmed={() => navigate('/sign-in')} />
 */
export function ConfirmSignUp({ children, className, ...options }: ConfirmSignUpProps) {
  const form = useConfirmSignUpForm(options);
  if (children) return <>{children(form)}</>;
  return (
    <FormLayout props={form as unknown as StepFormRenderProps} step="CONFIRM_SIGN_UP" className={className} canCancel={false}>
      {form.fields.code && <Field field={form.fields.code} />}
      <ResendButton resend={form.resend} messages={options.messages} startWith={options.codeSent === false ? 0 : undefined} />
    </FormLayout>
  );
}

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
 * Account creation: the sign-up form, then the confirmation code, then (unless `autoSignIn` is false)
 * sign-in with the confirmation Session when the app client allows USER_AUTH, otherwise the password
 * just chosen. The password is held in memory only until then.
 *
 * @example
 * <SignUp attributes={['email', { name: 'name', required: false }]} onConfirmed={({ step }) => setView('signIn')} />
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
    onConfirmed?.({ username, step });
  };
  const form = useSignUpForm({
    ...options,
    onSignedUp: (result, credentials) => {
      onSignedUp?.(result);
      password.current = credentials.password;
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
        {link}
      </div>
    );
  }
  if (children) return <>{children(form)}</>;
  return (
    <div className={className} data-cognito-view="signUp">
      <FormLayout props={form as unknown as StepFormRenderProps} step="SIGN_UP" canCancel={false}>
        {form.fields.username && <Field field={form.fields.username} />}
        {form.attributeFields.map((name) => form.fields[name] && <Field key={name} field={form.fields[name]} />)}
        {form.fields.password && <Field field={form.fields.password} />}
        {form.fields.confirm && <Field field={form.fields.confirm} />}
        <PasswordMatch match={form.passwordsMatch} matches={form.t('newPassword.matches')} differ={form.t('invalid.confirm')} />
      </FormLayout>
      {link}
    </div>
  );
}
