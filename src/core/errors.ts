/**
 * The one error class the library throws or reports, and its type guard.
 *
 * Errors from Cognito keep the service's own exception name (its `__type`, e.g. `CodeMismatchException`).
 * Errors the library raises itself use the codes in {@link LibraryErrorName}. Nothing is ever decided by
 * matching message text: branch on `name`.
 */

/** The operations the library performs, named as the Cognito API names them. */
export type CognitoOperation =
  | 'InitiateAuth'
  | 'RespondToAuthChallenge'
  | 'AssociateSoftwareToken'
  | 'VerifySoftwareToken'
  | 'GetTokensFromRefreshToken'
  | 'RevokeToken'
  | 'GetUser'
  | 'ConfirmDevice'
  | 'UpdateDeviceStatus'
  | 'ForgetDevice'
  | 'ListDevices'
  | 'GlobalSignOut'
  | 'OAuth'
  | (string & {});

/** Codes for errors the library raises itself (service errors carry the service's exception name). */
export type LibraryErrorName =
  /** Input rejected before any network call (see `field`). */
  | 'InvalidInput'
  /** An answer was given for a step other than the current one, or when there is no step. */
  | 'StepMismatch'
  /** A second sign-in or challenge response was started while one is still in flight. */
  | 'RequestInProgress'
  /** The challenge Session expired or was invalidated; sign-in must start again. */
  | 'SessionExpired'
  /** The sign-in was cancelled (by `cancelSignIn()` or a newer `signIn()`) while a request was in flight. */
  | 'SignInCancelled'
  /** The request never got an answer from the service (offline, DNS, CORS, timeout). */
  | 'NetworkError'
  /** The service answered with something the protocol does not allow (missing SRP_B, bad JSON...). */
  | 'InvalidResponse'
  /** An SRP safety check failed (B mod N = 0, u = 0): the exchange is aborted. */
  | 'SrpSafetyCheck'
  /** A challenge this client cannot answer (ADMIN_NO_SRP_AUTH needs AdminInitiateAuth on a server). */
  | 'UnsupportedChallenge'
  /** WebAuthn is unavailable in this environment (no `navigator.credentials`). */
  | 'WebAuthnUnavailable'
  /** The authenticator or the user refused or cancelled the WebAuthn ceremony. */
  | 'WebAuthnCancelled'
  /** `signIn` was called while a user is signed in: sign out first. */
  | 'AlreadySignedIn'
  /** A token or a signed-in operation was asked for while no user is signed in. */
  | 'NotSignedIn'
  /** The session ended because Cognito refused the refresh token (expired, revoked, signed out globally). */
  | 'SessionEnded'
  /** The configured storage threw (private mode, quota): the session is kept in memory only. */
  | 'StorageUnavailable'
  /** A device operation needs a confirmed device, and this store has none. */
  | 'NoDevice'
  /** The configured transport cannot send this operation (a custom transport without `command`). */
  | 'UnsupportedOperation'
  /** Server mode: the server does not allow the sign-in flow asked for (its `authFlows` option). */
  | 'FlowNotAllowed'
  /**
   * The app client does not allow the AuthFlow the sign-in used (its ExplicitAuthFlows lacks `ALLOW_USER_AUTH`,
   * `ALLOW_USER_SRP_AUTH`...): Cognito's InvalidParameterException from InitiateAuth, kept as `cause`. A
   * configuration problem: the message says which value to add.
   */
  | 'AuthFlowNotEnabled'
  /** Managed login: the user backed out at the login page or the identity provider (`error=access_denied`). */
  | 'OAuthCancelled'
  /** Managed login: the identity provider or Cognito reported an error on the redirect (kept as data on `OAuthError`). */
  | 'OAuthProviderError'
  /** Managed login: the callback's `state` is not the one this tab sent (forged, or of an older attempt). */
  | 'OAuthStateMismatch'
  /** Managed login: no sign-in waits in this tab (opened in another tab or browser, storage cleared, used already). */
  | 'OAuthStateMissing'
  /** Managed login: /oauth2/token refused the code (used, expired, another redirect or verifier). */
  | 'OAuthTokenError'
  /** Managed login: the ID token is not the pool's, not this client's, expired, or has another nonce. */
  | 'OAuthIdTokenInvalid'
  /** Managed login: the address is not a sign-in callback (no code, state or error). */
  | 'OAuthInvalidCallback'
  /** Anything else: the original error is in `cause`. */
  | 'UnknownError';

/** Service exception names this library knows and reacts to (any other service name passes through). */
export type CognitoServiceErrorName =
  | 'NotAuthorizedException'
  | 'UserNotFoundException'
  | 'UserNotConfirmedException'
  | 'PasswordResetRequiredException'
  | 'CodeMismatchException'
  | 'ExpiredCodeException'
  | 'InvalidPasswordException'
  | 'InvalidParameterException'
  | 'TooManyRequestsException'
  | 'LimitExceededException'
  | 'InternalErrorException'
  | 'ResourceNotFoundException'
  | 'EnableSoftwareTokenMFAException'
  | 'SoftwareTokenMFANotFoundException'
  | 'MFAMethodNotFoundException'
  | 'UnsupportedOperationException'
  | 'InvalidUserPoolConfigurationException'
  | 'UserLambdaValidationException'
  | 'ForbiddenException'
  | 'UsernameExistsException'
  | 'AliasExistsException'
  | 'CodeDeliveryFailureException'
  | 'WebAuthnNotEnabledException'
  | 'WebAuthnCredentialNotSupportedException'
  | 'WebAuthnRelyingPartyMismatchException'
  | 'WebAuthnChallengeNotFoundException';

export type CognitoAuthErrorName = LibraryErrorName | CognitoServiceErrorName | (string & {});

/** Input fields that `InvalidInput` can name. */
export type InvalidInputField =
  | 'username'
  | 'password'
  | 'code'
  | 'answer'
  | 'newPassword'
  | 'attributes'
  | 'email'
  | 'previousPassword'
  | 'confirmPassword'
  | 'attribute'
  | 'confirmation'
  | 'config';

export interface CognitoAuthErrorOptions {
  operation?: CognitoOperation;
  retryable?: boolean;
  cause?: unknown;
  field?: InvalidInputField;
}

/**
 * The error type of everything the library throws or reports.
 *
 * @example
 * try {
 *   await auth.respondToChallenge({ name: 'SMS_MFA', code });
 * } catch (e) {
 *   if (isCognitoAuthError(e, 'CodeMismatchException')) showMessage('That code is not right.');
 *   else throw e;
 * }
 */
export class CognitoAuthError extends Error {
  /** The service's exception name (`__type`) or a library code. */
  declare readonly name: CognitoAuthErrorName;
  /** The Cognito operation that failed, when the error came from (or was bound for) one. */
  readonly operation: CognitoOperation | undefined;
  /** True when trying the same thing again later may succeed (throttling, network, server errors). */
  readonly retryable: boolean;
  /** For `InvalidInput`: which field was rejected. */
  readonly field: InvalidInputField | undefined;

  constructor(name: CognitoAuthErrorName, message: string, options: CognitoAuthErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    Object.defineProperty(this, 'name', { value: name, enumerable: true, configurable: true, writable: false });
    this.operation = options.operation;
    this.retryable = options.retryable ?? false;
    this.field = options.field;
  }
}

/**
 * Whether `error` is a {@link CognitoAuthError}, optionally of one name (or one of several).
 *
 * @example
 * if (isCognitoAuthError(error, ['NotAuthorizedException', 'UserNotFoundException'])) { ... }
 */
export function isCognitoAuthError(
  error: unknown,
  name?: CognitoAuthErrorName | readonly CognitoAuthErrorName[],
): error is CognitoAuthError {
  if (!(error instanceof CognitoAuthError)) return false;
  if (name === undefined) return true;
  return typeof name === 'string' ? error.name === name : name.includes(error.name);
}

/** Shorthand for the errors raised before any network call. */
export function invalidInput(field: InvalidInputField, message: string): CognitoAuthError {
  return new CognitoAuthError('InvalidInput', message, { field });
}
