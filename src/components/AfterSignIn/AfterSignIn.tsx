'use client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useCognitoContext } from '../../react/context.js';
import type { Messages } from '../messages.js';
import { afterSignInSteps, type AfterSignInOptions, type AfterSignInStepName, type FinishedSignIn } from './afterSignIn.js';
import { AddPasskeyStep } from './AddPasskeyStep.js';
import { RememberDeviceStep } from './RememberDeviceStep.js';
import { VerifyContactStep } from './VerifyContactStep.js';

/** What every after-sign-in step receives. */
export interface AfterSignInStepProps {
  options: AfterSignInOptions;
  finished: FinishedSignIn;
  messages: Messages | undefined;
  /** This step is done, skipped or does not apply: go on to the next (or to `signedIn`). */
  next: () => void;
  /** Moves the focus to the step's first field or heading (call it when a screen appears). */
  focus: () => void;
}

/**
 * The after-sign-in steps, one at a time in their fixed order, inside `<SignIn>`'s card: each checks
 * whether it applies (showing a placeholder meanwhile) and either asks or moves on. `onDone` once the
 * last is done. Loaded by `<SignIn>` only when `afterSignIn` turns a step on.
 */
export function AfterSignIn({ options, finished, messages, onDone }: { options: AfterSignInOptions; finished: FinishedSignIn; messages: Messages | undefined; onDone: () => void }) {
  useCognitoContext('SignIn');
  const order = useMemo(() => afterSignInSteps(options), [options]);
  const [index, setIndex] = useState(0);
  const current: AfterSignInStepName | undefined = order[index];
  // Moving on is keyed by the step it leaves, so a second call (an effect run twice) skips nothing more.
  const nextFrom = useCallback((from: AfterSignInStepName) => setIndex((i) => (order[i] === from ? i + 1 : i)), [order]);
  useEffect(() => {
    if (current === undefined) onDone();
  }, [current, onDone]);

  // Each step and each of its screens takes the focus (its first field, else its first button, else its
  // heading) once it asks something, as the sign-in steps do: the MFA field the user typed in is gone.
  const root = useRef<HTMLDivElement>(null);
  const focusFirst = useCallback(() => {
    const el = root.current;
    (el?.querySelector<HTMLElement>('input:not([type="hidden"])') ?? el?.querySelector<HTMLElement>('h2'))?.focus();
  }, []);

  const next = useMemo(
    () => ({
      VERIFY_CONTACT: () => nextFrom('VERIFY_CONTACT'),
      REMEMBER_DEVICE: () => nextFrom('REMEMBER_DEVICE'),
      ADD_PASSKEY: () => nextFrom('ADD_PASSKEY'),
    }),
    [nextFrom],
  );
  const props = { options, finished, messages, focus: focusFirst };
  let body = null;
  switch (current) {
    case 'VERIFY_CONTACT':
      body = <VerifyContactStep {...props} next={next.VERIFY_CONTACT} />;
      break;
    case 'REMEMBER_DEVICE':
      body = <RememberDeviceStep {...props} next={next.REMEMBER_DEVICE} />;
      break;
    case 'ADD_PASSKEY':
      body = <AddPasskeyStep {...props} next={next.ADD_PASSKEY} />;
      break;
    case undefined:
      break;
    default:
      body = current satisfies never;
  }
  return (
    <div ref={root} data-after-sign-in={current ?? 'done'}>
      {body}
    </div>
  );
}
