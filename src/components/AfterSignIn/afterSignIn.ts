'use client';
import type { ReactNode } from 'react';
import type { Messages } from '../messages.js';

/** What the sign-in that just finished went through, for a step to decide whether it applies. */
export interface FinishedSignIn {
  /** The challenge steps it went through, in order (`SOFTWARE_TOKEN_MFA`, `WEB_AUTHN`…). */
  steps: readonly string[];
}

/**
 * What a step's `render` receives. A step that does not apply calls `next()` at once (showing nothing, or
 * a placeholder while it finds out); one that asks calls it once the user answered or skipped, and moves
 * the focus to its first field or heading when it appears (the field the user was typing in is gone).
 */
export interface AfterSignInStepProps {
  finished: FinishedSignIn;
  /** `<SignIn>`'s `messages`. */
  messages: Messages | undefined;
  /** This step is done, skipped or does not apply: on to the next (or to `signedIn`). */
  next: () => void;
}

/**
 * One step of `<SignIn afterSignIn={[...]}>`: the prebuilt `verifyContactStep()`, `rememberDeviceStep()`,
 * `addPasskeyStep()`, or the app's own (a terms screen, a profile question).
 *
 * @example
 * const terms: AfterSignInStep = { name: 'TERMS', render: ({ next }) => <Terms onAccept={next} /> };
 * <SignIn afterSignIn={[verifyContactStep(), terms]} />
 */
export interface AfterSignInStep {
  /** Its name, unique in the list: shown as `data-after-sign-in` on the step's wrapper. */
  name: string;
  /** Draws the step (called as a function: return an element of a component declared once, not inline). */
  render: (props: AfterSignInStepProps) => ReactNode;
}
