'use client';
import { accountMessages } from '../accountMessages.js';
import { translator, type Messages } from '../messages.js';
import { Skeleton } from '../shared/Skeleton.js';
import { useFormLocale } from '../shared/useLocale.js';

/** The placeholder while a step finds out whether it applies (GetUser, the passkey list, ConfirmDevice). */
export function Checking({ messages }: { messages: Messages | undefined }) {
  const lang = useFormLocale(messages);
  return <Skeleton label={translator(lang.messages, accountMessages, lang.locale)('afterSignIn.checking')} />;
}
