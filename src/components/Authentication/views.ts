import { lazyPart } from '../shared/lazyPart.js';
import { loadAccountChunk } from '../shared/loadAccountChunk.js';

// In the account chunk (shared/accountChunk.ts), with <AccountSettings>' sections.
const load = loadAccountChunk;

/** `<SignUp>`, `<ConfirmSignUp>` and `<ForgotPassword>` as `<Authentication>` renders them: loaded when reached. */
export const SignUp = lazyPart(() => load().then((m) => m.SignUp));
export const ConfirmSignUp = lazyPart(() => load().then((m) => m.ConfirmSignUp));
export const ForgotPassword = lazyPart(() => load().then((m) => m.ForgotPassword));

/** Every view of the chunk, to fetch them together. */
export const ACCOUNT_VIEWS = [SignUp, ConfirmSignUp, ForgotPassword] as const;

/** Fetches the views' code (idempotent; a failed fetch is tried again at the next call). */
export function preloadAccountViews(): void {
  for (const view of ACCOUNT_VIEWS) view.preload().catch(() => undefined);
}
