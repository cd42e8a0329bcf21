'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Messages } from '../messages.js';
import type { AfterSignInStep, AfterSignInStepProps, FinishedSignIn } from './afterSignIn.js';

/** One step, drawn by its `render`. */
function Step({ step, ...props }: AfterSignInStepProps & { step: AfterSignInStep }) {
  return <>{step.render(props)}</>;
}

/**
 * The after-sign-in steps, one at a time in the order given, inside `<SignIn>`'s card: each shows itself
 * or moves on (`next`); `onDone` once past the last.
 */
export function AfterSignIn({ steps, finished, messages, onDone }: { steps: readonly AfterSignInStep[]; finished: FinishedSignIn; messages: Messages | undefined; onDone: () => void }) {
  const [index, setIndex] = useState(0);
  const current = steps[index];
  const name = current?.name;
  // Moving on is keyed by the step it leaves, so a second call (an effect run twice) skips nothing more;
  // and it stays the same function while the names do (an app may pass a new array at every render).
  const names = steps.map((s) => s.name).join('\n');
  const next = useCallback(() => setIndex((i) => (names.split('\n')[i] === name ? i + 1 : i)), [names, name]);
  useEffect(() => {
    if (name === undefined) onDone();
  }, [name, onDone]);

  // A step's screen takes the focus (its first field, else its heading), as the sign-in steps do: the MFA
  // field the user typed in is gone.
  const root = useRef<HTMLDivElement>(null);
  const focus = useCallback(() => {
    const el = root.current;
    (el?.querySelector<HTMLElement>('input:not([type="hidden"])') ?? el?.querySelector<HTMLElement>('h2'))?.focus();
  }, []);
  return (
    <div ref={root} data-after-sign-in={name ?? 'done'}>
      {current && <Step key={current.name} step={current} finished={finished} messages={messages} next={next} focus={focus} />}
    </div>
  );
}
