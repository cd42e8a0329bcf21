import { lazyPart } from '../shared/lazyPart.js';

/** The chunk, fetched once for the three views (again after a failure). */
let chunk: Promise<typeof import('./accountViews.js')> | undefined;
const load = () =>
  (chunk ??= import('./accountViews.js').catch((error: unknown) => {
    chunk = undefined;
    throw error;
  }));

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
