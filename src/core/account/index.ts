export {
  confirmSignUp,
  resendSignUpCode,
  signInAfterSignUp,
  signUp,
  type ConfirmSignUpInput,
  type SignUpInput,
  type SignUpResult,
} from './signUp.js';
export { changePassword, confirmForgotPassword, forgotPassword, type ConfirmForgotPasswordInput } from './password.js';
export { sendAttributeVerificationCode, updateUserAttributes, verifyUserAttribute } from './attributes.js';
export { setMfaPreference, startTotpSetup, verifyTotpSetup, type MfaPreference } from './mfa.js';
export { deletePasskey, listPasskeys, registerPasskey, type Passkey } from './passkeys.js';
export { deleteUser } from './deleteUser.js';
export { RESEND_COOLDOWN_SECONDS, cooldownAfter } from './cooldown.js';
export { PASSWORD_SYMBOLS, checkPasswordPolicy, meetsPasswordPolicy, type PasswordPolicy, type PasswordRuleCheck, type PasswordRuleName } from './passwordPolicy.js';
