/**
 * The English strings `<SignIn>`'s first screen renders (the username and password form, its links, the
 * checks of the username) and every error that screen can show (those that end a
 * sign-in, and those of the first request). The first part of `defaultMessages`: the rest, the challenge
 * forms' strings, is in `stepMessages.ts`, which travels with the forms that use it, so the first load of
 * `<SignIn>` carries only what its first screen can say. Every lookup falls back to this table.
 */
export const signInMessages = {
  'signIn.title': 'Sign in',
  'signIn.username': 'Username',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'action.showPassword': 'Show password',
  'link.signUp': 'Create an account',
  'link.forgotPassword': 'Forgot your password?',
  'signIn.or': 'or',
  'attribute.email': 'Email',
  'attribute.phone_number': 'Phone number',
  'invalid.username': 'Enter your username.',
  'invalid.password': 'Enter your password.',
  'invalid.attribute': 'Enter your {attribute}.',
  'invalid.email': 'Enter a valid email address.',
  'error.NotAuthorizedException': 'Incorrect username or password.',
  'error.UserNotFoundException': 'Incorrect username or password.',
  'error.UserNotConfirmedException': 'Your account is not confirmed yet. Confirm it, then sign in.',
  'error.PasswordResetRequiredException': 'You need to reset your password before you can sign in.',
  'error.ExpiredCodeException': 'That code has expired. Sign in again to get a new one.',
  'error.SessionExpired': 'Signing in took too long, so it started over. Enter your password again.',
  'error.SessionEnded': 'Your session has ended. Sign in again.',
  'error.TooManyRequestsException': 'Too many attempts. Wait a moment, then try again.',
  'error.LimitExceededException': 'Too many attempts. Wait a moment, then try again.',
  'error.TooManyFailedAttemptsException': 'Too many failed attempts. Wait a while, then sign in again.',
  'error.NetworkError': 'We could not reach the server. Check your connection and try again.',
  'error.default': 'Something went wrong. Try again.',
  'error.AuthFlowNotEnabled': "This app is not set up for this way of signing in. Contact the app's support.",
} as const;
