'use client';
import { useState } from 'react';
import { RESEND_COOLDOWN_SECONDS, cooldownAfter, isCognitoAuthError, type CodeDelivery } from '../../core/index.js';
import { errorMessage, translate, type MessageKey, type Messages, type MessageValue } from '../messages.js';
import { accountMessages } from '../accountMessages.js';
import { useCooldown } from '../shared/useCooldown.js';
import { useFormLocale } from '../shared/useLocale.js';

/**
 * "Send a new code", with a countdown after each send and a longer one after a rate limit, so the user
 * cannot hammer the service. Its outcome is announced in a polite live region.
 *
 * @example
 * const resend = useResendSignUpCode();
 * <ResendButton resend={() => resend.mutateAsync({ username })} />
 */
export function ResendButton({
  resend,
  messages,
  startWith,
}: {
  resend: () => Promise<{ codeDelivery: CodeDelivery | undefined }>;
  messages?: Messages | undefined;
  /** Seconds to wait before the first resend (default 30: the first code was just sent). */
  startWith?: number | undefined;
}) {
  const cooldown = useCooldown(startWith ?? RESEND_COOLDOWN_SECONDS);
  const [status, setStatus] = useState('');
  const [pending, setPending] = useState(false);
  const lang = useFormLocale(messages);
  const t = (key: MessageKey, values?: Record<string, MessageValue>) => translate(lang.messages, key, values, accountMessages, lang.locale);
  const onClick = async () => {
    setPending(true);
    try {
      const { codeDelivery } = await resend();
      setStatus(codeDelivery?.destination ? t('resend.sent', { destination: codeDelivery.destination }) : t('resend.sentNoDestination'));
      cooldown.start(RESEND_COOLDOWN_SECONDS);
    } catch (error) {
      setStatus(isCognitoAuthError(error) ? errorMessage(lang.messages, error, accountMessages, undefined, lang.locale) : t('error.default'));
      cooldown.start(cooldownAfter(error));
    } finally {
      setPending(false);
    }
  };
  const waiting = cooldown.remaining > 0;
  return (
    <div data-resend="">
      <button type="button" data-link="resend" onClick={() => void onClick()} disabled={pending || waiting} data-cooldown={waiting ? cooldown.remaining : undefined}>
        {waiting ? t('resend.wait', { seconds: cooldown.remaining }) : t('resend.submit')}
      </button>
      <p role="status" data-resend-status="">
        {status}
      </p>
    </div>
  );
}
