'use client';
import type { CognitoAuth } from '../../core/index.js';

/** The contact attributes the verification step can verify. */
export type ContactAttribute = 'email' | 'phone_number';

/**
 * The optional steps `<SignIn>` (and `<Authentication>`) shows inside its card after a sign-in and before
 * `signedIn`/`onSignedIn`, always in this order: verify a contact attribute, remember this device, add a
 * passkey. Each is off unless turned on here, and each shows only when it applies (see each option).
 *
 * @example
 * <SignIn afterSignIn={{ verifyContact: true, rememberDevice: 'ask', addPasskey: { snoozeDays: 30 } }} signedIn={<App />} />
 */
export interface AfterSignInOptions {
  /**
   * Offer to verify an unverified email or phone number (GetUser's `email_verified` /
   * `phone_number_verified`): send a code, confirm it, or skip. `true` checks both; a list checks those.
   */
  verifyContact?: boolean | readonly ContactAttribute[];
  /**
   * `'ask'`: after a sign-in that asked for an MFA code and registered this device as a new, not yet
   * remembered one (the pool remembers devices on the user's opt-in; the store's `deviceTracking: 'userOptIn'`,
   * or the server handler's), ask "Remember this device?". Yes: UpdateDeviceStatus `remembered` (later
   * sign-ins here may skip MFA); no: `not_remembered`.
   */
  rememberDevice?: 'ask' | false;
  /**
   * Offer to add a passkey after a sign-in that did not use one, to a user who has none
   * (ListWebAuthnCredentials), where the browser has WebAuthn (`window.PublicKeyCredential`). "Not now"
   * snoozes the offer for `snoozeDays` (default 30; `0` asks at every sign-in), remembered per user `sub` in
   * `localStorage` (a date, nothing secret). `true` is `{ snoozeDays: 30 }`.
   */
  addPasskey?: boolean | { snoozeDays?: number };
}

/** The name of an after-sign-in step, in the order they are offered. */
export type AfterSignInStepName = 'VERIFY_CONTACT' | 'REMEMBER_DEVICE' | 'ADD_PASSKEY';

/** The steps turned on by `options`, in their fixed order. */
export function afterSignInSteps(options: AfterSignInOptions | undefined): AfterSignInStepName[] {
  if (!options) return [];
  const steps: AfterSignInStepName[] = [];
  if (options.verifyContact === true || (Array.isArray(options.verifyContact) && options.verifyContact.length > 0)) steps.push('VERIFY_CONTACT');
  if (options.rememberDevice === 'ask') steps.push('REMEMBER_DEVICE');
  if (options.addPasskey === true || (typeof options.addPasskey === 'object' && options.addPasskey !== null)) steps.push('ADD_PASSKEY');
  return steps;
}

/** What the sign-in that just finished looked like, for deciding which steps apply. */
export interface FinishedSignIn {
  /** The challenge steps it went through, in order (`SOFTWARE_TOKEN_MFA`, `WEB_AUTHN`…). */
  steps: string[];
  /** ConfirmDevice failed for this sign-in (the browser store's `deviceConfirmationFailed` event). */
  deviceFailed: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The localStorage key of the passkey offer's snooze for one user: per client and `sub`, beside the session's keys. */
function snoozeKey(auth: CognitoAuth, sub: string): string {
  return `${auth.config.storageKeyPrefix ?? 'cognito-react'}.${auth.config.clientId}.${encodeURIComponent(sub)}.passkeyOfferSnoozedUntil`;
}

function localStore(): Storage | null {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : null;
  } catch {
    // Storage disabled (some private modes throw on access): the offer is simply not snoozed.
    return null;
  }
}

const now = (auth: CognitoAuth) => (auth.config.clock ?? Date.now)();

/** True while the user's "Not now" to the passkey offer still holds. */
export function passkeyOfferSnoozed(auth: CognitoAuth, sub: string): boolean {
  try {
    const until = Number(localStore()?.getItem(snoozeKey(auth, sub)));
    return Number.isFinite(until) && until > now(auth);
  } catch {
    return false;
  }
}

/** Remembers "Not now" for `days` (nothing when 0: the offer comes back at the next sign-in). */
export function snoozePasskeyOffer(auth: CognitoAuth, sub: string, days: number): void {
  if (!(days > 0)) return;
  try {
    localStore()?.setItem(snoozeKey(auth, sub), String(now(auth) + days * DAY_MS));
  } catch {
    // Quota or disabled storage: asked again next time, which is harmless.
  }
}

/** The snooze of the passkey offer, in days, from the options. */
export function passkeySnoozeDays(options: AfterSignInOptions): number {
  const given = typeof options.addPasskey === 'object' && options.addPasskey !== null ? options.addPasskey.snoozeDays : undefined;
  return typeof given === 'number' && Number.isFinite(given) && given >= 0 ? given : 30;
}

/** True where the browser can create passkeys. */
export function browserHasWebAuthn(): boolean {
  return typeof window !== 'undefined' && typeof (window as { PublicKeyCredential?: unknown }).PublicKeyCredential !== 'undefined';
}

/** The steps of a sign-in that asked for a second factor: the ones a remembered device may skip. */
const MFA_STEPS = new Set(['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP', 'SELECT_MFA_TYPE', 'MFA_SETUP']);

/**
 * Whether to ask "Remember this device?" now (`ask`), not at all (`skip`), or after the device's
 * confirmation, still in flight (`wait`). Only a device this very sign-in registered, not yet remembered.
 */
export function rememberDeviceDecision(auth: CognitoAuth, finished: FinishedSignIn): 'ask' | 'skip' | 'wait' {
  if (!finished.steps.some((s) => MFA_STEPS.has(s))) return 'skip';
  const snapshot = auth.getSnapshot();
  if (snapshot.status !== 'signedIn') return 'skip';
  const device = snapshot.device;
  if (auth.transport.tokensOnServer) {
    // Server mode: the server describes the device in its sign-in answer only when that sign-in confirmed it.
    return device && !device.remembered ? 'ask' : 'skip';
  }
  const issued = auth.getTokens()?.newDeviceMetadata?.deviceKey;
  if (!issued || auth.config.deviceTracking !== 'userOptIn') return 'skip';
  // The store confirms the device after it reports the sign-in: wait for ConfirmDevice to answer.
  if (device?.deviceKey !== issued) return finished.deviceFailed ? 'skip' : 'wait';
  return device.remembered ? 'skip' : 'ask';
}
