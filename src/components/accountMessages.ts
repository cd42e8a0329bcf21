'use client';
import type { CognitoAuthError } from '../core/index.js';
import { errorMessage, translate, type MessageKey, type Messages } from './messages.js';
import { TRY_AGAIN } from './shared/retryLabel.js';

/**
 * The strings of the sign-up, password-reset and account forms, in English: a table of its own, so that an
 * app with `<SignIn>` alone does not carry them. The keys are `MessageKey`s like the sign-in table's, and
 * are overridden the same way, through the `messages` prop (see `messages.ts` for languages and
 * placeholders).
 *
 * @example
 * <SignUp messages={{ 'signUp.submit': 'Join', 'error.UsernameExistsException': 'Taken, sorry.' }} />
 * translate(undefined, 'signUp.title', {}, accountMessages); // 'Create an account'
 */
export const accountMessages = {
  'signUp.title': 'Create an account',
  'signUp.username': 'Username',
  'signUp.password': 'Password',
  'signUp.confirm': 'Confirm password',
  'signUp.submit': 'Create account',
  'confirmSignUp.title': 'Confirm your account',
  'confirmSignUp.hint': 'Enter the 6-digit code we sent to {destination}.',
  'confirmSignUp.hintNoDestination': 'Enter the 6-digit code we sent you.',
  'confirmSignUp.hintLater': 'Enter the 6-digit code we sent when you signed up, or send a new one.',
  'confirmSignUp.submit': 'Confirm',
  'link.confirmSignUp': 'Confirm your account',
  'signUp.confirmed': 'Your account is confirmed. Sign in to continue.',
  'forgot.title': 'Reset your password',
  'forgot.hint': 'We will send a code to the email address or phone number of your account.',
  'forgot.submit': 'Send code',
  'forgotConfirm.title': 'Choose a new password',
  'forgotConfirm.hint': 'Enter the 6-digit code we sent to {destination}, and your new password.',
  'forgotConfirm.hintNoDestination': 'Enter the 6-digit code we sent you, and your new password.',
  'forgotConfirm.submit': 'Set password',
  'forgot.done': 'Your password is changed. Sign in with your new password.',
  'link.signIn': 'Back to sign in',
  'resend.submit': 'Send a new code',
  'resend.wait': 'Send a new code in {seconds} s',
  'resend.sent': 'We sent a new code to {destination}.',
  'resend.sentNoDestination': 'We sent a new code.',
  'changePassword.title': 'Change password',
  'changePassword.current': 'Current password',
  'changePassword.submit': 'Change password',
  'changePassword.done': 'Your password is changed.',
  'attributes.title': 'Profile',
  'attributes.submit': 'Save',
  'attributes.saved': 'Saved.',
  'attributes.unverified': 'Not verified',
  'attributes.verified': 'Verified',
  'attributes.verify': 'Verify {attribute}',
  'attributes.verifyTitle': 'Verify your {attribute}',
  'attributes.verifySubmit': 'Verify',
  'attributes.noChanges': 'There are no changes to save.',
  'mfa.title': 'Two-step verification',
  'mfa.SMS_MFA': 'Text message',
  'mfa.SOFTWARE_TOKEN_MFA': 'Authenticator app',
  'mfa.EMAIL_OTP': 'Email',
  'mfa.on': 'On',
  'mfa.off': 'Off',
  'mfa.preferred': 'Preferred',
  'mfa.enable': 'Turn on {method}',
  'mfa.disable': 'Turn off {method}',
  'mfa.prefer': 'Make {method} preferred',
  'mfa.setUpTotp': 'Set up an authenticator app',
  'mfa.totpSubmit': 'Turn on',
  'mfa.totpDone': 'Your authenticator app is set up.',
  'mfa.cancel': 'Cancel',
  'devices.title': 'Remembered devices',
  'devices.empty': 'No devices are remembered.',
  'devices.unnamed': 'Unnamed device',
  'devices.current': 'This device',
  'devices.forget': 'Forget {name}',
  'devices.lastUsed': 'Last used {date}',
  'passkeys.title': 'Passkeys',
  'passkeys.empty': 'You have no passkeys yet.',
  'passkeys.unnamed': 'Passkey',
  'passkeys.add': 'Add a passkey',
  'passkeys.delete': 'Delete {name}',
  'passkeys.added': 'Your passkey is added.',
  'deleteAccount.title': 'Delete account',
  'deleteAccount.hint': 'This deletes your account and everything in it. It cannot be undone. Type {word} to confirm.',
  'deleteAccount.word': 'DELETE',
  'deleteAccount.confirm': 'Confirmation',
  'deleteAccount.submit': 'Delete my account',
  'account.title': 'Account settings',
  'account.loading': 'Loading…',
  'account.retry': TRY_AGAIN,
  'invalid.confirmation': 'Type {word} to confirm.',
  'invalid.previousPassword': 'Enter your current password.',
  'invalid.phone': 'Enter the phone number with its country code, like +14155550100.',
  'invalid.username.signUp': 'Choose a username.',
  'invalid.password.signUp': 'Choose a password.',
  'error.UsernameExistsException': 'That username is taken. Choose another, or sign in.',
  'error.AliasExistsException': 'An account with this email or phone number already exists.',
  'error.CodeDeliveryFailureException': 'We could not send the code. Check the address and try again.',
  'error.ExpiredCodeException.account': 'That code has expired. Send a new code.',
  'error.NotAuthorizedException.changePassword': 'Your current password is not right.',
  'error.LimitExceededException': 'Too many attempts. Wait a few minutes, then try again.',
  'error.UnsupportedOperation': 'This is not available here.',
  'afterSignIn.checking': 'Finishing signing in…',
  'afterSignIn.continue': 'Continue',
  'verifyContact.title': 'Verify your contact information',
  'verifyContact.hint': 'With a verified email address or phone number, you can reset your password if you forget it.',
  'verifyContact.choose': 'Where should we send the code?',
  'verifyContact.to': 'We will send a code to {destination}.',
  'verifyContact.submit': 'Send code',
  'verifyContact.skip': 'Skip',
  'rememberDevice.title': 'Remember this device?',
  'rememberDevice.hint': 'On a remembered device, you are not asked for a verification code when you sign in. Remember only a device that you alone use.',
  'rememberDevice.yes': 'Remember this device',
  'rememberDevice.no': 'Do not remember',
  'addPasskey.title': 'Sign in faster with a passkey',
  'addPasskey.hint': 'A passkey lets you sign in with your fingerprint, face or screen lock instead of a password.',
  'addPasskey.later': 'Not now',
} as const;

/**
 * The keys of the account table alone.
 *
 * @deprecated Use `MessageKey`: one key type covers every table.
 * @example
 * const key: MessageKey = 'signUp.submit';
 */
export type AccountMessageKey = keyof typeof accountMessages;

/**
 * @deprecated Use `Messages`: one table type for every form (this is the same type).
 * @example
 * const messages: Messages = { 'signUp.submit': 'Join' };
 */
export type AccountMessages = Messages;

/**
 * `translate` with the account table as the defaults.
 *
 * @deprecated Use `translate(messages, key, values, accountMessages)`.
 * @example
 * translate(messages, 'resend.wait', { seconds: '30' }, accountMessages);
 */
export function translateAccount(messages: Messages | undefined, key: MessageKey, values: Record<string, string> = {}): string {
  return translate(messages, key, values, accountMessages);
}

/**
 * `errorMessage` with the account table as the defaults.
 *
 * @deprecated Use `errorMessage(messages, error, accountMessages, context)`.
 * @example
 * errorMessage(messages, error, accountMessages, 'changePassword');
 */
export function accountErrorMessage(messages: Messages | undefined, error: CognitoAuthError, context?: string): string {
  return errorMessage(messages, error, accountMessages, context);
}
