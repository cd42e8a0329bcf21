'use client';
import type { CognitoAuthError } from '../core/index.js';
import { defaultMessages, errorMessage, type MessageKey, type Messages } from './messages.js';

/**
 * The strings of the sign-up, password-reset and account forms, in English. A table of its own, so that
 * an app with `<SignIn>` alone does not carry them. Override any key (these or the sign-in table's)
 * through the `messages` prop.
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
} as const;

export type AccountMessageKey = keyof typeof accountMessages;

/** A message table for the account forms: any keys of theirs or of the sign-in table. */
export type AccountMessages = Partial<Record<AccountMessageKey | MessageKey, string>>;

type AnyKey = AccountMessageKey | MessageKey;

/** Looks a key up in the app's table, then this one, then the sign-in table; fills `{name}` placeholders. */
export function translateAccount(messages: AccountMessages | undefined, key: AnyKey, values: Record<string, string> = {}): string {
  const template =
    messages?.[key] ?? (accountMessages as Record<string, string>)[key] ?? (defaultMessages as Record<string, string>)[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** `translateAccount` bound to one table, for forms that need their labels before their hook runs. */
export function accountT(messages: AccountMessages | undefined) {
  return (key: AnyKey, values?: Record<string, string>) => translateAccount(messages, key, values);
}

/**
 * The message for an error in an account form: by name, with an operation-specific message first
 * (`error.NotAuthorizedException.changePassword`), then the account table, then the sign-in table.
 */
export function accountErrorMessage(messages: AccountMessages | undefined, error: CognitoAuthError, context?: string): string {
  const lookup = (key: string) =>
    (messages as Record<string, string> | undefined)?.[key] ?? (accountMessages as Record<string, string>)[key];
  const specific = context ? lookup(`error.${error.name}.${context}`) : undefined;
  if (specific) return specific;
  if (error.name === 'InvalidInput' && error.field) {
    const own = lookup(`invalid.${error.field}`);
    if (own) return translateAccount(messages, `invalid.${error.field}` as AnyKey, { word: translateAccount(messages, 'deleteAccount.word') });
  }
  return lookup(`error.${error.name}`) ?? errorMessage(messages as Messages | undefined, error);
}
