// The challenge forms <SignIn> loads when it needs them, in one chunk (one fetch; small chunks compress worse).
export { SmsMfaForm } from '../CodeForms/SmsMfaForm.js';
export { SoftwareTokenMfaForm } from '../CodeForms/SoftwareTokenMfaForm.js';
export { EmailOtpForm } from '../CodeForms/EmailOtpForm.js';
export { SmsOtpForm } from '../CodeForms/SmsOtpForm.js';
export { SelectMfaTypeForm } from '../SelectMfaTypeForm/SelectMfaTypeForm.js';
export { NewPasswordRequiredForm } from '../NewPasswordRequiredForm/NewPasswordRequiredForm.js';
export { PasswordForm } from '../PasswordForm/PasswordForm.js';
export { CustomChallengeForm } from '../CustomChallengeForm/CustomChallengeForm.js';
export { MfaSetupForm } from '../MfaSetupForm/MfaSetupForm.js';
export { SelectChallengeForm } from '../SelectChallengeForm/SelectChallengeForm.js';
export { WebAuthnPrompt } from '../WebAuthnPrompt/WebAuthnPrompt.js';
export { UnknownStep } from '../UnknownStep/UnknownStep.js';
