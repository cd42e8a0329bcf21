import { lazyPart } from '../shared/lazyPart.js';

// The forms of the challenge steps, in a chunk of their own: <SignIn> loads the first form only, and
// fetches these while the password is on its way (and at idle), so a step's form is there when it comes.
// Same names as the forms themselves, so <SignIn>'s switch reads the same.

/** The chunk of every challenge form, with the QR code of MFA setup (a chunk of its own inside the form). */
const load = () => Promise.all([import('./challengeForms.js'), import('../MfaSetupForm/TotpQrCode.js')]).then(([forms]) => forms);

export const SmsMfaForm = lazyPart(() => load().then((m) => m.SmsMfaForm));
export const SoftwareTokenMfaForm = lazyPart(() => load().then((m) => m.SoftwareTokenMfaForm));
export const EmailOtpForm = lazyPart(() => load().then((m) => m.EmailOtpForm));
export const SmsOtpForm = lazyPart(() => load().then((m) => m.SmsOtpForm));
export const SelectMfaTypeForm = lazyPart(() => load().then((m) => m.SelectMfaTypeForm));
export const NewPasswordRequiredForm = lazyPart(() => load().then((m) => m.NewPasswordRequiredForm));
export const PasswordForm = lazyPart(() => load().then((m) => m.PasswordForm));
export const CustomChallengeForm = lazyPart(() => load().then((m) => m.CustomChallengeForm));
export const MfaSetupForm = lazyPart(() => load().then((m) => m.MfaSetupForm));
export const SelectChallengeForm = lazyPart(() => load().then((m) => m.SelectChallengeForm));
export const WebAuthnPrompt = lazyPart(() => load().then((m) => m.WebAuthnPrompt));
export const UnknownStep = lazyPart(() => load().then((m) => m.UnknownStep));

/** Every step form, to fetch them all at once. */
export const STEP_FORMS = [
  SmsMfaForm,
  SoftwareTokenMfaForm,
  EmailOtpForm,
  SmsOtpForm,
  SelectMfaTypeForm,
  NewPasswordRequiredForm,
  PasswordForm,
  CustomChallengeForm,
  MfaSetupForm,
  SelectChallengeForm,
  WebAuthnPrompt,
  UnknownStep,
] as const;

/** Fetches every step form's code (idempotent; a failed fetch is tried again when the form is reached). */
export function preloadStepForms(): void {
  for (const form of STEP_FORMS) form.preload().catch(() => undefined);
}
