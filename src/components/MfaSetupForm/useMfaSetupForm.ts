'use client';
import { useEffect, useRef, useState } from 'react';
import { checkCode, codeDigits, normalizeCode, type MfaSetupMethod, type MfaType, type SignInStepOf } from '../../core/index.js';
import { useCognitoContext } from '../../react/context.js';
import { useAuth } from '../../react/useAuth.js';
import { useRespondToAuthChallenge } from '../../react/useRespondToAuthChallenge.js';
import type { MessageKey, Messages } from '../messages.js';
import { say } from '../shared/text.js';
import { stepMessages } from '../stepMessages.js';
import { radioOptions, type RadioOption } from '../shared/radioOptions.js';
import { useStepForm, type FieldRenderProps, type StepFormRenderProps } from '../shared/useStepForm.js';
import { useFormLocale } from '../shared/useLocale.js';

export interface UseMfaSetupFormOptions {
  messages?: Messages;
  /**
   * The method selected at first when the user chooses which to set up (when Cognito offers it).
   *
   * @example
   * <MfaSetupForm preferredMfa="EMAIL_OTP" />
   */
  preferredMfa?: MfaType;
}

export interface MfaSetupFormRenderProps extends StepFormRenderProps {
  step: SignInStepOf<'MFA_SETUP'> | null;
  /** The method being set up, or `null` while the user has yet to choose (when both are offered). */
  method: MfaSetupMethod | null;
  /** The methods to choose from, as radio buttons (empty once a method is chosen or when there is one). */
  choices: RadioOption<MfaSetupMethod>[];
  /** The message when Continue was pressed with nothing chosen, or `null`. */
  choiceError: string | null;
  choiceErrorId: string;
  /** TOTP enrolment: the otpauth URI (for the QR code) and the key, in groups of four for reading aloud. */
  totp: { uri: string; secret: string; secretGroups: string[]; copy(): Promise<void>; copied: boolean } | null;
  /** `code` for TOTP, `email` for email; `null` for the other. */
  fields: { code: FieldRenderProps | null; email: FieldRenderProps | null };
  submit(): Promise<void>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * MFA_SETUP: enrol an authenticator app (QR code generated here from the otpauth URI, the key shown in
 * groups with a copy button, then the first code) or an email address, with a choice when both are
 * offered. The secret never leaves the browser except to Cognito.
 *
 * @example
 * const form = useMfaSetupForm();
 * form.totp && <p>{form.totp.secretGroups.join(' ')}</p>;
 */
export function useMfaSetupForm(options: UseMfaSetupFormOptions = {}): MfaSetupFormRenderProps {
  const { auth } = useCognitoContext('useMfaSetupForm');
  const current = useAuth((s) => s.step);
  const step = current?.name === 'MFA_SETUP' ? current : null;
  const respond = useRespondToAuthChallenge();
  const { messages, locale } = useFormLocale(options.messages);
  const t = (key: MessageKey) => say(messages, key, undefined, stepMessages, locale);
  const offered = step?.options ?? [];
  const [chosen, setChosen] = useState<MfaSetupMethod | null>(null);
  const method: MfaSetupMethod | null = step?.totp ? 'SOFTWARE_TOKEN_MFA' : offered.length === 1 ? (offered[0] as MfaSetupMethod) : chosen;
  const [copied, setCopied] = useState(false);

  // Choosing the authenticator app starts enrolment at once (AssociateSoftwareToken), so the QR code shows.
  // Once per step: StrictMode runs effects twice, and the request must not be.
  const startFor = method === 'SOFTWARE_TOKEN_MFA' && step && !step.totp ? step : null;
  const started = useRef<object | null>(null);
  const { mutateAsync } = respond;
  useEffect(() => {
    if (!startFor || started.current === startFor || auth.getSnapshot().pending) return;
    started.current = startFor;
    void mutateAsync({ name: 'MFA_SETUP', method: 'SOFTWARE_TOKEN_MFA' }).catch(() => undefined);
  }, [startFor, auth, mutateAsync]);

  const { fields, renderProps, submit, setValues } = useStepForm({
    hook: 'useMfaSetupForm',
    messages,
    locale,
    table: stepMessages,
    title: t('mfaSetup.title'),
    hint: method === 'SOFTWARE_TOKEN_MFA' ? t('mfaSetup.totpHint') : method === 'EMAIL_OTP' ? t('mfaSetup.emailHint') : t('mfaSetup.choose'),
    submitLabel: method ? t('mfaSetup.submit') : t('mfaSetup.chooseSubmit'),
    fields:
      method === 'SOFTWARE_TOKEN_MFA'
        ? [
            {
              name: 'code',
              label: t('code.label'),
              validate: (v) => {
                const check = checkCode('TOTP_SETUP', v);
                return check.ok ? null : check.problem === 'empty' ? 'invalid.code' : ['invalid.codeFormat', { digits: codeDigits('TOTP_SETUP') }];
              },
              input: { type: 'text', dir: 'ltr', inputMode: 'numeric', autoComplete: 'one-time-code' },
            },
          ]
        : method === 'EMAIL_OTP'
          ? [
              {
                name: 'email',
                label: t('mfaSetup.email'),
                validate: (v) => (EMAIL.test(v.trim()) ? null : 'invalid.email'),
                input: { type: 'email', dir: 'ltr', autoComplete: 'email' },
              },
            ]
          : [
              {
                name: 'choice',
                label: t('mfaSetup.choose'),
                initial: offered.find((m) => m === options.preferredMfa) ?? '',
                validate: (v) => (v === '' ? 'invalid.choice' : null),
              },
            ],
    clearOnFailure: method === 'SOFTWARE_TOKEN_MFA' ? ['code'] : [],
    send: async (v) => {
      if (method === null) {
        setChosen(v.choice as MfaSetupMethod);
        return;
      }
      await respond
        .mutateAsync(
          method === 'EMAIL_OTP'
            ? { name: 'MFA_SETUP', method: 'EMAIL_OTP', email: (v.email as string).trim() }
            : { name: 'MFA_SETUP', method: 'SOFTWARE_TOKEN_MFA', code: normalizeCode(v.code as string) },
        )
        .catch(() => undefined);
    },
  });

  const totp = step?.totp;
  return {
    ...renderProps,
    step,
    method,
    choices:
      method === null && fields.choice
        ? radioOptions({
            field: fields.choice,
            values: offered,
            label: (value) => t(`mfaSetup.${value}`),
            select: (value) => setValues((current) => ({ ...current, choice: value })),
          })
        : [],
    choiceError: fields.choice?.error ?? null,
    choiceErrorId: fields.choice?.errorId ?? '',
    totp: totp
      ? {
          uri: totp.uri,
          secret: totp.secret,
          secretGroups: totp.secret.match(/.{1,4}/g) ?? [],
          copied,
          async copy() {
            await navigator.clipboard.writeText(totp.secret);
            setCopied(true);
          },
        }
      : null,
    fields: { code: fields.code ?? null, email: fields.email ?? null },
    submit,
  };
}
