/**
 * The strings of `<FederatedSignIn>` and `<RedirectCallback>`, in their own table so an app without
 * managed login does not carry them. Keys of the one `MessageKey` type: override them through `messages`.
 */
export const federatedMessages = {
  'federated.group': 'Sign in with',
  'federated.button': 'Continue with {provider}',
  'callback.pending': 'Signing you in…',
  'callback.title': 'We could not sign you in',
  'callback.retry': 'Sign in again',
  'error.OAuthCancelled': 'The sign-in was cancelled. Choose a way to sign in.',
  'error.OAuthProviderError': 'The sign-in service could not sign you in. Try again, or choose another way to sign in.',
  'error.OAuthStateMismatch': 'This sign-in link does not belong to this window. Start the sign-in again here.',
  'error.OAuthStateMissing': 'This sign-in was started in another tab or browser, or is already complete. Start it again here.',
  'error.OAuthTokenError': 'That sign-in could not be completed. It may have expired. Sign in again.',
  'error.OAuthIdTokenInvalid': 'The sign-in could not be verified. Sign in again.',
  'error.OAuthInvalidCallback': 'This page completes a sign-in, but no sign-in came back to it. Sign in again.',
  'error.AlreadySignedIn': 'You are already signed in.',
} as const;
