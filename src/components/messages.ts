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
import type { accountMessages } from './accountMessages.js';
import type { federatedMessages } from './FederatedSignIn/messages.js';
import type { fieldMessages } from './shared/fieldMessages.js';

/**
 * The sign-in strings in English, and the keys every form shares (`code.label`, `invalid.*`,
 * `attribute.*`, `error.*`). Override any key through the `messages` prop.
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
  'action.showPassword': 'Show password',
  'placeholder.username': '',
  'placeholder.password': '',
  'placeholder.code': '',
  'placeholder.email': '',
  'placeholder.newPassword': '',
  'placeholder.confirm': '',
  'link.signUp': 'Create an account',
  'link.forgotPassword': 'Forgot your password?',
  'signIn.or': 'or',
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
  'passwordPolicy.minimumLength': '{count, plural, one {At least # character} other {At least # characters}}',
  'passwordPolicy.uppercase': 'An uppercase letter (A–Z)',
  'passwordPolicy.lowercase': 'A lowercase letter (a–z)',
  'passwordPolicy.number': 'A number (0–9)',
  'passwordPolicy.symbol': 'A symbol such as ! ? @ # or a space',
  'passwordPolicy.met': 'Met:',
  'passwordPolicy.unmet': 'Not met:',
  'passwordPolicy.remaining': '{count, plural, one {# password requirement still to meet.} other {# password requirements still to meet.}}',
  'passwordPolicy.allMet': 'Your password meets every requirement.',
  'invalid.passwordPolicy': 'Choose a password that meets every requirement.',
  'error.AuthFlowNotEnabled': "This app is not set up for this way of signing in. Contact the app's support.",
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
  return format(lookup(messages, key, table) ?? key, values, locale);
}

/**
 * `translate` bound to the app's messages, an area's table and a locale: the `t` of the forms' render props.
 *
 * @example
 * const t = translator(messages, accountMessages);
 * t('resend.wait', { seconds: '30' }); // 'Send a new code in 30 s'
 */
export function translator(messages: Messages | undefined, table: Messages = defaultMessages, locale?: string) {
  return (key: MessageKey, values?: Record<string, MessageValue>) => translate(messages, key, values, table, locale);
}

/**
 * Fills `{name}` and `{name, plural, ...}` in a template. A plural's branches may hold placeholders (one
 * level of braces inside a branch); other braces are text.
 */
function format(template: string, values: Record<string, MessageValue>, locale: string | undefined): string {
  return template.replace(/\{(\w+), *plural,((?:[^{}]|\{(?:[^{}]|\{\w+\})*\})*)\}|\{(\w+)\}/g, (whole, counted?: string, branches?: string, name?: string) => {
    const value = values[(counted ?? name)!];
    if (value === undefined) return whole;
    if (!counted) return written(value, locale);
    // The number that decides: the value, or the last number in it ("6 or 8" takes the plural of 8).
    const n = typeof value === 'number' ? value : Array.isArray(value) ? value.at(-1) : String(value).match(/\d+(\.\d+)?(?!.*\d)/)?.[0];
    const found = new Map([...branches!.matchAll(/(=?\w+) *\{((?:[^{}]|\{\w+\})*)\}/g)].map((m) => [m[1], m[2]!] as const));
    const branch = (n === undefined ? undefined : found.get(`=${n}`) ?? found.get(new Intl.PluralRules(locale).select(Number(n)))) ?? found.get('other') ?? '';
    return format(branch.replace(/#/g, () => written(value, locale)), values, locale);
  });
}

function written(value: MessageValue, locale: string | undefined): string {
  return typeof value === 'string'
    ? value
    : typeof value === 'number'
      ? new Intl.NumberFormat(locale).format(value)
      : value instanceof Date
        ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(value)
        : new Intl.ListFormat(locale, { type: 'disjunction' }).format(value.map((n) => written(n, locale)));
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
  const keys = [
    context ? `error.${error.name}.${context}` : null,
    error.name === 'InvalidInput' && error.field ? `invalid.${error.field}` : null,
    `error.${error.name}`,
  ];
  const key = (keys.find((k) => k !== null && lookup(messages, k as MessageKey, table) !== undefined) ?? 'error.default') as MessageKey;
  // `invalid.confirmation` names the word the user must type (a key of the account table).
  const word = lookup(messages, 'deleteAccount.word', table);
  return translate(messages, key, word === undefined ? {} : { word }, table, locale);
}

function lookup(messages: Messages | undefined, key: MessageKey, table: Messages): string | undefined {
  return messages?.[key] ?? table[key] ?? (defaultMessages as Messages)[key];
}
