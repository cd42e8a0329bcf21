'use client';
/**
 * The messages of the prebuilt forms: one key type (`MessageKey`), one table type (`Messages`), one lookup
 * (`translate`, and `errorMessage` for errors), and one way to change any message: the `messages` prop
 * every form takes.
 *
 * The English defaults are split by area so that a bundle carries only the strings it can render:
 * `defaultMessages` here (sign-in, and the keys every form shares) and `accountMessages` in
 * `accountMessages.ts` (sign-up, password reset, account settings), which only the account forms import.
 * A form looks a key up in the app's `messages`, then in its area's table, then in the sign-in table.
 * `defaultMessages` itself is made of two tables: `signInMessages.ts` (what `<SignIn>`'s first screen
 * can show, the only one its first load carries) and `stepMessages.ts` (the challenge steps', which load
 * with their forms). A new sign-in key goes in one of the two AND in `defaultMessages` below, whose order
 * the locale tables follow.
 *
 * **Overriding a key**: pass the keys to change, the others keep their default.
 * ```tsx
 * <SignIn messages={{ 'signIn.submit': 'Log in', 'error.NotAuthorizedException': 'Wrong email or password.' }} />
 * ```
 * The same object can go to every form (`<Authentication>` hands it on to the forms it renders); keys a form
 * does not use are ignored.
 *
 * **A table for a language** is an object of the same keys, in your app (none is bundled: each locale
 * stays out of the bundles that do not load it). A partial table falls back to English for what it lacks;
 * `satisfies Record<MessageKey, string>` makes the compiler list every key still to translate.
 * ```ts
 * export const fr = { 'signIn.title': 'Connexion', 'SMS_MFA.hint': 'Saisissez le code envoyé au {destination}.' } satisfies Messages;
 * <SignIn messages={fr} />
 * ```
 *
 * **Placeholders**: `{name}` in a message is replaced by the value the form passes under that name
 * (`{destination}`: where the code went, `{digits}`, `{attribute}`, `{seconds}`, `{method}`, `{name}`,
 * `{date}`, `{word}`, `{step}`, `{device}`); keep them in translations, in any position. A placeholder
 * with no value is left as written. A number is written by `Intl.NumberFormat`, a list of numbers by
 * `Intl.ListFormat` ("6 or 8"), a date by `Intl.DateTimeFormat`, all in the locale given to `translate`.
 *
 * **Plurals**: `{seconds, plural, one {# second} other {# seconds}}` picks the branch by
 * `Intl.PluralRules` for the value (a number, or the last number in it), `=N` for an exact value; `#` is
 * the value as written. Every branch the language has goes in (`one`, `few`, `many`, `other` in Polish).
 *
 * Errors are worded by their name (`error.CodeMismatchException`), never by the service's text; see
 * `errorMessage`.
 */
import type { CognitoAuthError } from '../core/index.js';
import { say, sayError } from './shared/text.js';
import { signInMessages as s } from './signInMessages.js';
import { stepMessages as c } from './stepMessages.js';
import type { accountMessages } from './accountMessages.js';
import type { federatedMessages } from './FederatedSignIn/messages.js';
import type { fieldMessages } from './shared/fieldMessages.js';

/**
 * The sign-in strings in English, and the keys every form shares (`code.label`, `invalid.*`,
 * `attribute.*`, `error.*`). Override any key through the `messages` prop.
 *
 * Made of two tables, the first screen's (`signInMessages.ts`, `s`) and the challenge steps'
 * (`stepMessages.ts`, `c`), in the order the locale tables follow; the prebuilt forms import only the
 * part they render.
 *
 * @example
 * <SignIn messages={{ 'signIn.submit': 'Log in', 'error.NotAuthorizedException': 'Wrong email or password.' }} />
 */
export const defaultMessages = {
  'signIn.title': s['signIn.title'],
  'signIn.username': s['signIn.username'],
  'signIn.password': s['signIn.password'],
  'signIn.submit': s['signIn.submit'],
  'password.title': c['password.title'],
  'password.submit': c['password.submit'],
  'code.label': c['code.label'],
  'code.submit': c['code.submit'],
  'SMS_MFA.title': c['SMS_MFA.title'],
  'SMS_MFA.hint': c['SMS_MFA.hint'],
  'SOFTWARE_TOKEN_MFA.title': c['SOFTWARE_TOKEN_MFA.title'],
  'SOFTWARE_TOKEN_MFA.hint': c['SOFTWARE_TOKEN_MFA.hint'],
  'EMAIL_OTP.title': c['EMAIL_OTP.title'],
  'EMAIL_OTP.hint': c['EMAIL_OTP.hint'],
  'SMS_OTP.title': c['SMS_OTP.title'],
  'SMS_OTP.hint': c['SMS_OTP.hint'],
  'selectMfa.title': c['selectMfa.title'],
  'selectMfa.SMS_MFA': c['selectMfa.SMS_MFA'],
  'selectMfa.SOFTWARE_TOKEN_MFA': c['selectMfa.SOFTWARE_TOKEN_MFA'],
  'selectMfa.EMAIL_OTP': c['selectMfa.EMAIL_OTP'],
  'selectMfa.submit': c['selectMfa.submit'],
  'newPassword.title': c['newPassword.title'],
  'newPassword.hint': c['newPassword.hint'],
  'newPassword.password': c['newPassword.password'],
  'newPassword.confirm': c['newPassword.confirm'],
  'newPassword.matches': c['newPassword.matches'],
  'newPassword.submit': c['newPassword.submit'],
  'custom.title': c['custom.title'],
  'custom.answer': c['custom.answer'],
  'custom.submit': c['custom.submit'],
  'mfaSetup.title': c['mfaSetup.title'],
  'mfaSetup.choose': c['mfaSetup.choose'],
  'mfaSetup.SOFTWARE_TOKEN_MFA': c['mfaSetup.SOFTWARE_TOKEN_MFA'],
  'mfaSetup.EMAIL_OTP': c['mfaSetup.EMAIL_OTP'],
  'mfaSetup.chooseSubmit': c['mfaSetup.chooseSubmit'],
  'mfaSetup.totpHint': c['mfaSetup.totpHint'],
  'mfaSetup.qrLabel': c['mfaSetup.qrLabel'],
  'mfaSetup.secret': c['mfaSetup.secret'],
  'mfaSetup.copy': c['mfaSetup.copy'],
  'mfaSetup.copied': c['mfaSetup.copied'],
  'mfaSetup.emailHint': c['mfaSetup.emailHint'],
  'mfaSetup.email': c['mfaSetup.email'],
  'mfaSetup.submit': c['mfaSetup.submit'],
  'selectChallenge.title': c['selectChallenge.title'],
  'selectChallenge.PASSWORD': c['selectChallenge.PASSWORD'],
  'selectChallenge.EMAIL_OTP': c['selectChallenge.EMAIL_OTP'],
  'selectChallenge.SMS_OTP': c['selectChallenge.SMS_OTP'],
  'selectChallenge.WEB_AUTHN': c['selectChallenge.WEB_AUTHN'],
  'selectChallenge.submit': c['selectChallenge.submit'],
  'webAuthn.title': c['webAuthn.title'],
  'webAuthn.hint': c['webAuthn.hint'],
  'webAuthn.submit': c['webAuthn.submit'],
  'unknown.title': c['unknown.title'],
  'unknown.hint': c['unknown.hint'],
  'action.cancel': c['action.cancel'],
  'action.showPassword': s['action.showPassword'],
  'placeholder.username': c['placeholder.username'],
  'placeholder.password': c['placeholder.password'],
  'placeholder.code': c['placeholder.code'],
  'placeholder.email': c['placeholder.email'],
  'placeholder.newPassword': c['placeholder.newPassword'],
  'placeholder.confirm': c['placeholder.confirm'],
  'link.signUp': s['link.signUp'],
  'link.forgotPassword': s['link.forgotPassword'],
  'signIn.or': s['signIn.or'],
  'attribute.email': s['attribute.email'],
  'attribute.phone_number': s['attribute.phone_number'],
  'attribute.name': c['attribute.name'],
  'attribute.given_name': c['attribute.given_name'],
  'attribute.family_name': c['attribute.family_name'],
  'attribute.birthdate': c['attribute.birthdate'],
  'attribute.address': c['attribute.address'],
  'attribute.preferred_username': c['attribute.preferred_username'],
  'invalid.username': s['invalid.username'],
  'invalid.password': s['invalid.password'],
  'invalid.newPassword': c['invalid.newPassword'],
  'invalid.confirm': c['invalid.confirm'],
  'invalid.code': c['invalid.code'],
  'invalid.codeFormat': c['invalid.codeFormat'],
  'invalid.choice': c['invalid.choice'],
  'invalid.attribute': s['invalid.attribute'],
  'invalid.answer': c['invalid.answer'],
  'invalid.email': s['invalid.email'],
  'error.NotAuthorizedException': s['error.NotAuthorizedException'],
  'error.UserNotFoundException': s['error.UserNotFoundException'],
  'error.UserNotConfirmedException': s['error.UserNotConfirmedException'],
  'error.PasswordResetRequiredException': s['error.PasswordResetRequiredException'],
  'error.CodeMismatchException': c['error.CodeMismatchException'],
  'error.ExpiredCodeException': s['error.ExpiredCodeException'],
  'error.SessionExpired': s['error.SessionExpired'],
  'error.SessionEnded': s['error.SessionEnded'],
  'error.InvalidPasswordException': c['error.InvalidPasswordException'],
  'error.TooManyRequestsException': s['error.TooManyRequestsException'],
  'error.LimitExceededException': s['error.LimitExceededException'],
  'error.TooManyFailedAttemptsException': s['error.TooManyFailedAttemptsException'],
  'error.EnableSoftwareTokenMFAException': c['error.EnableSoftwareTokenMFAException'],
  'error.WebAuthnCancelled': c['error.WebAuthnCancelled'],
  'error.WebAuthnUnavailable': c['error.WebAuthnUnavailable'],
  'error.NetworkError': s['error.NetworkError'],
  'error.default': s['error.default'],
  'passwordPolicy.minimumLength': c['passwordPolicy.minimumLength'],
  'passwordPolicy.uppercase': c['passwordPolicy.uppercase'],
  'passwordPolicy.lowercase': c['passwordPolicy.lowercase'],
  'passwordPolicy.number': c['passwordPolicy.number'],
  'passwordPolicy.symbol': c['passwordPolicy.symbol'],
  'passwordPolicy.met': c['passwordPolicy.met'],
  'passwordPolicy.unmet': c['passwordPolicy.unmet'],
  'passwordPolicy.remaining': c['passwordPolicy.remaining'],
  'passwordPolicy.allMet': c['passwordPolicy.allMet'],
  'invalid.passwordPolicy': c['invalid.passwordPolicy'],
  'error.AuthFlowNotEnabled': s['error.AuthFlowNotEnabled'],
} as const;

/**
 * Every message key, of every table (sign-in and account).
 *
 * @example
 * const key: MessageKey = 'signIn.submit';
 */
export type MessageKey = keyof typeof defaultMessages | keyof typeof accountMessages | keyof typeof federatedMessages | keyof typeof fieldMessages;

/**
 * A message table: any subset of the keys. What the `messages` prop of every form takes, and the shape of
 * a table for a language; the keys it lacks come from English.
 *
 * @example
 * const messages: Messages = { 'signIn.username': 'Email', 'signUp.submit': 'Join' };
 */
export type Messages = Partial<Record<MessageKey, string>>;

/**
 * A value for a placeholder: text as it is; a number, a list of numbers (written "6 or 8") or a date
 * formatted for the locale.
 */
export type MessageValue = string | number | readonly number[] | Date;

/**
 * Looks a message up, with its `{name}` placeholders filled in from `values`: the app's `messages`
 * first, then `table` (the English defaults of the form's area; the sign-in table unless given), then
 * the sign-in table. An unknown key comes back as itself. `locale` (a BCP 47 tag, the runtime's default
 * unless given) formats numbers and dates and picks plural forms.
 *
 * @example
 * translate({ 'SMS_MFA.hint': 'Code sent to {destination}' }, 'SMS_MFA.hint', { destination: '+*******0100' });
 * // 'Code sent to +*******0100'
 * translate(undefined, 'signUp.title', {}, accountMessages); // 'Create an account'
 * translate({ 'resend.wait': 'In {seconds, plural, one {# second} other {# seconds}}' }, 'resend.wait', { seconds: 1 }); // 'In 1 second'
 */
export function translate(
  messages: Messages | undefined,
  key: MessageKey,
  values: Record<string, MessageValue> = {},
  table: Messages = defaultMessages,
  locale?: string,
): string {
  return say(messages, key, values, table, locale, defaultMessages);
}

/**
 * `translate` bound to the app's messages, an area's table and a locale: the `t` of the forms' render props.
 *
 * @example
 * const t = translator(messages, accountMessages);
 * t('resend.wait', { seconds: '30' }); // 'Send a new code in 30 s'
 */
export function translator(messages: Messages | undefined, table: Messages = defaultMessages, locale?: string) {
  return (key: MessageKey, values?: Record<string, MessageValue>) => say(messages, key, values, table, locale, defaultMessages);
}

/**
 * The message for an error, by its name (never its text): a service exception or a library code, looked
 * up as `translate` does. Most specific first: `error.<name>.<context>` when a context is given (an
 * operation's own wording, e.g. `error.NotAuthorizedException.changePassword`), then `invalid.<field>` for
 * an input error that names its field, then `error.<name>`, then `error.default`.
 *
 * @example
 * errorMessage(undefined, error); // 'That code is not right. Check it and try again.' for CodeMismatchException
 * errorMessage(messages, error, accountMessages, 'changePassword');
 */
export function errorMessage(messages: Messages | undefined, error: CognitoAuthError, table: Messages = defaultMessages, context?: string, locale?: string): string {
  return sayError(messages, error, table, context, locale, defaultMessages);
}
