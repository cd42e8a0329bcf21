'use client';
import { useCallback, useRef } from 'react';
import { accountMessages } from '../accountMessages.js';
import { translator, type Messages } from '../messages.js';
import { Skeleton } from '../shared/Skeleton.js';
import { useFormLocale } from '../shared/useLocale.js';

/** The placeholder while a step finds out whether it applies (GetUser, the passkey list, ConfirmDevice). */
export function Checking({ messages }: { messages: Messages | undefined }) {
  const lang = useFormLocale(messages);
  return <Skeleton label={translator(lang.messages, accountMessages, lang.locale)('afterSignIn.checking')} />;
}

/**
 * The focus for a step's screen, as the sign-in steps take it: a ref for the screen's root, and `focus()`
 * (its first field, else its heading) to call when it appears.
 */
export function useStepFocus<E extends HTMLElement>() {
  const ref = useRef<E>(null);
  const focus = useCallback(() => {
    const el = ref.current;
    (el?.querySelector<HTMLElement>('input:not([type="hidden"])') ?? el?.querySelector<HTMLElement>('h2'))?.focus();
  }, []);
  return { ref, focus };
}
