'use client';
import type { SignInStepOf } from '../../core/index.js';
import { useCognitoContext } from '../../react/context.js';
import { useAuth } from '../../react/useAuth.js';
import { useRespondToAuthChallenge } from '../../react/useRespondToAuthChallenge.js';
import type { MessageKey, Messages } from '../messages.js';
import { say } from '../shared/text.js';
import { stepMessages } from '../stepMessages.js';
import { useStepForm, type StepFormRenderProps } from '../shared/useStepForm.js';
import { useFormLocale } from '../shared/useLocale.js';

export interface UseWebAuthnPromptOptions {
  messages?: Messages;
}

export interface WebAuthnPromptRenderProps extends StepFormRenderProps {
  step: SignInStepOf<'WEB_AUTHN'> | null;
  submit(): Promise<void>;
}

/**
 * WEB_AUTHN: one button that asks the browser for the passkey (`navigator.credentials.get` with Cognito's
 * options, inside the click, as browsers require a user gesture). A cancelled prompt can be tried again.
 *
 * @example
 * const prompt = useWebAuthnPrompt();
 * <button onClick={() => prompt.submit()}>Use passkey</button>
 */
export function useWebAuthnPrompt(options: UseWebAuthnPromptOptions = {}): WebAuthnPromptRenderProps {
  useCognitoContext('useWebAuthnPrompt');
  const current = useAuth((s) => s.step);
  const step = current?.name === 'WEB_AUTHN' ? current : null;
  const respond = useRespondToAuthChallenge();
  const { messages, locale } = useFormLocale(options.messages);
  const t = (key: MessageKey) => say(messages, key, undefined, stepMessages, locale);
  const { renderProps, submit } = useStepForm({
    hook: 'useWebAuthnPrompt',
    messages,
    locale,
    table: stepMessages,
    title: t('webAuthn.title'),
    hint: t('webAuthn.hint'),
    submitLabel: t('webAuthn.submit'),
    fields: [],
    send: () => respond.mutateAsync({ name: 'WEB_AUTHN' }).catch(() => undefined),
  });
  return { ...renderProps, step, submit };
}
