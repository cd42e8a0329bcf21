import { lazyPart } from '../shared/lazyPart.js';

// The forms of the challenge steps, in a chunk of their own: <SignIn> loads the first form only, and
// fetches these while the password is on its way (and at idle), so a step's form is there when it comes.
// (The step-latency benchmark puts challengeForms.ts in this module's place, with no-op preloads.)

/** The chunk of every challenge form, with the QR code of MFA setup (a chunk of its own inside the form). */
const load = () => Promise.all([import('./challengeForms.js'), import('../MfaSetupForm/TotpQrCode.js')]).then(([forms]) => forms);

/** The current challenge step's form (see `ChallengeStep.tsx`), loaded with every other. */
export const ChallengeStep = lazyPart(() => load().then((m) => m.ChallengeStep));

/** What to fetch at idle. */
export const STEP_FORMS = [ChallengeStep] as const;

/** Fetches the challenge forms' code (idempotent; a failed fetch is tried again when a form is reached). */
export function preloadStepForms(): void {
  ChallengeStep.preload().catch(() => undefined);
}
