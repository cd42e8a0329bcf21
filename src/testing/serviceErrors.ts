/**
 * The exceptions the simulated pool answers with: the service's `__type` names and, where known, its exact
 * messages (the AWS SDK turns the `__type` into the thrown exception's `name`).
 */

/** A Cognito service exception on its way to becoming an HTTP 400 (or 500) JSON error. */
export class ServiceError extends Error {
  constructor(
    /** The `__type`, e.g. `NotAuthorizedException`. */
    readonly type: string,
    message: string,
    readonly status: number = 400,
  ) {
    super(message);
    this.name = type;
  }
}

export const MESSAGES = {
  incorrectCredentials: 'Incorrect username or password.',
  sessionExpired: 'Invalid session for the user, session is expired.',
  invalidSession: 'Invalid session for the user.',
  codeMismatch: 'Invalid code received for user',
  userNotFound: 'User does not exist.',
  userNotConfirmed: 'User is not confirmed.',
  passwordResetRequired: 'Password reset required for the user',
  refreshRevoked: 'Refresh Token has been revoked',
  refreshInvalid: 'Invalid Refresh Token',
  refreshExpired: 'Refresh Token has expired',
  accessTokenInvalid: 'Invalid Access Token',
  accessTokenExpired: 'Access Token has expired',
  accessTokenRevoked: 'Access Token has been revoked',
  deviceNotFound: 'Device does not exist.',
  totpMismatch: 'Code mismatch and fail enable Software Token MFA',
  totpNotFound: 'Software Token MFA does not exist for the user.',
  authFlowNotSupported: 'Initiate Auth method not supported.',
} as const;

export const notAuthorized = (message: string = MESSAGES.incorrectCredentials) =>
  new ServiceError('NotAuthorizedException', message);

export const invalidParameter = (message: string) => new ServiceError('InvalidParameterException', message);

export const missingParameter = (name: string) => invalidParameter(`Missing required parameter ${name}`);

/** The validation error of a missing top-level member, worded as the service's request validation does. */
export const missingMember = (member: string) =>
  invalidParameter(
    `1 validation error detected: Value null at '${member[0]!.toLowerCase()}${member.slice(1)}' failed to satisfy constraint: Member must not be null`,
  );

export const codeMismatch = () => new ServiceError('CodeMismatchException', MESSAGES.codeMismatch);

export const userNotFound = () => new ServiceError('UserNotFoundException', MESSAGES.userNotFound);

export const resourceNotFound = (message: string) => new ServiceError('ResourceNotFoundException', message);

export const internalError = (message: string) => new ServiceError('InternalErrorException', message, 500);
