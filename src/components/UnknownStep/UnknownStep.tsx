'use client';
import type { SignInStep } from '../../core/index.js';
import { useCognitoContext } from '../../react/context.js';
import type { MessageKey, Messages, MessageValue } from '../messages.js';
import { say } from '../shared/text.js';
import { stepMessages } from '../stepMessages.js';
import { useFormLocale } from '../shared/useLocale.js';

export interface UnknownStepProps {
  step: SignInStep;
  messages?: Messages;
  className?: string;
}

/**
 * The fallback for a step `<SignIn>` has no form for (yet, or from a newer Cognito): says so, and offers
 * to start again. Replace it through `<SignIn render={{ [stepName]: ... }}>`.
 *
 * @example
 * <UnknownStep step={step} />
 */
export function UnknownStep({ step, messages, className }: UnknownStepProps) {
  const { auth } = useCognitoContext('UnknownStep');
  const name = step.name === 'UNKNOWN_CHALLENGE' ? step.challengeName : step.name;
  const lang = useFormLocale(messages);
  const t = (key: MessageKey, values?: Record<string, MessageValue>) => say(lang.messages, key, values, stepMessages, lang.locale);
  return (
    <section className={className} data-step={step.name} aria-labelledby="cognito-react-unknown-step">
      <h2 id="cognito-react-unknown-step" tabIndex={-1}>
        {t('unknown.title')}
      </h2>
      <p>{t('unknown.hint', { step: name })}</p>
      <button type="button" onClick={() => auth.cancelSignIn()}>
        {t('action.cancel')}
      </button>
    </section>
  );
}
