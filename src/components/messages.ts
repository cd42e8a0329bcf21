'use client';
import type { CognitoAuthError } from '../core/index.js';

/**
 * Every string the prebuilt forms show, in English. Override any key through the `messages` prop; a
 * language is a table of the same keys (none is bundled: pass yours). `{name}` placeholders are filled in.
 *
 * @example
 * <SignIn messages={{ 'signIn.submit': 'Log in', 'error.NotAuthorizedException': 'Wrong email or password.' }} />
 */
export const defaultMessages = {
  'signIn.title': 'Sign in',
  'signIn.username': 'Username',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'password.title': 'Enter your password',
  'password.submit': 'Continue',
  'code.label': 'Code',
  'code.submit': 'Verify',
  'SMS_MFA.title': 'Check your phone',
  'SMS_MFA.hint': 'Enter the 6-digit code we sent to {destination}.',
  'SOFTWARE_TOKEN_MFA.title': 'Enter your authenticator code',
  'SOFTWARE_TOKEN_MFA.hint': 'Open your authenticator app{device} and enter the 6-digit code it shows.',
  'EMAIL_OTP.title': 'Check your email',
  'EMAIL_OTP.hint': 'Enter the code we sent to {destination}.',
  'SMS_OTP.title': 'Check your phone',
  'SMS_OTP.hint': 'Enter the code we sent to {destination}.',
  'selectMfa.title': 'How do you want to verify it is you?',
  'selectMfa.SMS_MFA': 'A code by text message',
  'selectMfa.SOFTWARE_TOKEN_MFA': 'A code from my authenticator app',
  'selectMfa.EMAIL_OTP': 'A code by email',
  'selectMfa.submit': 'Continue',
  'newPassword.title': 'Choose a new password',
  'newPassword.hint': 'You need to set a new password before you continue.',
  'newPassword.password': 'New password',
  'newPassword.confirm': 'Confirm new password',
  'newPassword.matches': 'The passwords match.',
  'newPassword.submit': 'Set password',
  'custom.title': 'One more step',
  'custom.answer': 'Answer',
  'custom.submit': 'Continue',
  'mfaSetup.title': 'Set up two-step verification',
  'mfaSetup.choose': 'How do you want to receive your codes?',
  'mfaSetup.SOFTWARE_TOKEN_MFA': 'An authenticator app',
  'mfaSetup.EMAIL_OTP': 'Email',
  'mfaSetup.chooseSubmit': 'Continue',
  'mfaSetup.totpHint': 'Scan the QR code with your authenticator app, or enter the key by hand, then enter the 6-digit code it shows.',
  'mfaSetup.qrLabel': 'QR code to add this account to your authenticator app',
  'mfaSetup.secret': 'Setup key',
  'mfaSetup.copy': 'Copy key',
  'mfaSetup.copied': 'Copied',
  'mfaSetup.emailHint': 'We will send a code to this address each time you sign in.',
  'mfaSetup.email': 'Email address',
  'mfaSetup.submit': 'Turn on',
  'selectChallenge.title': 'How do you want to sign in?',
  'selectChallenge.PASSWORD': 'With my password',
  'selectChallenge.EMAIL_OTP': 'With a code by email',
  'selectChallenge.SMS_OTP': 'With a code by text message',
  'selectChallenge.WEB_AUTHN': 'With a passkey',
  'selectChallenge.submit': 'Continue',
  'webAuthn.title': 'Use your passkey',
  'webAuthn.hint': 'Confirm it is you with your fingerprint, face, screen lock or security key.',
  'webAuthn.submit': 'Use passkey',
  'unknown.title': 'This sign-in step is not supported here',
  'unknown.hint': 'The step {step} needs a form this page does not have.',
  'action.cancel': 'Start again',
  'link.signUp': 'Create an account',
  'link.forgotPassword': 'Forgot your password?',
  'attribute.email': 'Email',
  'attribute.phone_number': 'Phone number',
  'attribute.name': 'Name',
  'attribute.given_name': 'First name',
  'attribute.family_name': 'Last name',
  'attribute.birthdate': 'Date of birth',
  'attribute.address': 'Address',
  'attribute.preferred_username': 'Preferred username',
  'invalid.username': 'Enter your username.',
  'invalid.password': 'Enter your password.',
  'invalid.newPassword': 'Enter a new password.',
  'invalid.confirm': 'The passwords do not match.',
  'invalid.code': 'Enter the code.',
  'invalid.codeFormat': 'The code is {digits} digits.',
  'invalid.choice': 'Choose one.',
  'invalid.attribute': 'Enter your {attribute}.',
  'invalid.answer': 'Enter your answer.',
  'invalid.email': 'Enter a valid email address.',
  'error.NotAuthorizedException': 'Incorrect username or password.',
  'error.UserNotFoundException': 'Incorrect username or password.',
  'error.UserNotConfirmedException': 'Your account is not confirmed yet. Confirm it, then sign in.',
  'error.PasswordResetRequiredException': 'You need to reset your password before you can sign in.',
  'error.CodeMismatchException': 'That code is not right. Check it and try again.',
  'error.ExpiredCodeException': 'That code has expired. Sign in again to get a new one.',
  'error.SessionExpired': 'Signing in took too long, so it started over. Enter your password again.',
  'error.SessionEnded': 'Your session has ended. Sign in again.',
  'error.InvalidPasswordException': 'That password does not meet the requirements. Choose another.',
  'error.TooManyRequestsException': 'Too many attempts. Wait a moment, then try again.',
  'error.LimitExceededException': 'Too many attempts. Wait a moment, then try again.',
  'error.TooManyFailedAttemptsException': 'Too many failed attempts. Wait a while, then sign in again.',
  'error.EnableSoftwareTokenMFAException': 'That code is not right. Enter the code your app shows now.',
  'error.WebAuthnCancelled': 'The passkey request was cancelled. Try again, or choose another way to sign in.',
  'error.WebAuthnUnavailable': 'This browser cannot use passkeys. Choose another way to sign in.',
  'error.NetworkError': 'We could not reach the server. Check your connection and try again.',
  'error.default': 'Something went wrong. Try again.',
} as const;

export type MessageKey = keyof typeof defaultMessages;

/** A message table: any subset of the keys, the rest come from English. */
export type Messages = Partial<Record<MessageKey, string>>;

/** Looks a message up, with `{name}` placeholders filled in. */
export function translate(messages: Messages | undefined, key: MessageKey, values: Record<string, string> = {}): string {
  const template = messages?.[key] ?? defaultMessages[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/**
 * The message for an error, by its name (never its text): a service exception or a library code. Input
 * errors name their field. Unknown names get the default message.
 */
export function errorMessage(messages: Messages | undefined, error: CognitoAuthError): string {
  if (error.name === 'InvalidInput' && error.field) {
    const key = `invalid.${error.field}` as MessageKey;
    if (key in defaultMessages) return translate(messages, key);
  }
  const key = `error.${error.name}` as MessageKey;
  return translate(messages, key in defaultMessages ? key : 'error.default');
}
