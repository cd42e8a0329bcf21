/**
 * The handler's errors are `CognitoAuthError`s, as the browser's are: the library's names, Cognito's, and the
 * server's own (a bad request, a refused cookie, CSRF); this module maps each name to the HTTP status it is
 * answered with, and decides what of it the browser may read.
 */
import { CognitoAuthError, isCognitoAuthError, type InvalidInputField } from '../core/index.js';

/** HTTP status by error name; a name not listed answers 503 when retryable, else 400. */
const STATUS_OF = new Map<string, number>(Object.entries({
  // The handler's own.
  NotFound: 404,
  MethodNotAllowed: 405,
  UnsupportedMediaType: 415,
  PayloadTooLarge: 413,
  InvalidJson: 400,
  UnsupportedOperation: 400,
  OriginNotAllowed: 403,
  CsrfCheckFailed: 403,
  InvalidCookie: 401,
  CookieExpired: 401,
  SessionRevoked: 401,
  SignInCancelled: 401,
  NoSignInInProgress: 409,
  UserMismatch: 409,
  RateLimited: 429,
  SessionTooLarge: 500,
  // The library's.
  InvalidInput: 400,
  FlowNotAllowed: 400,
  StepMismatch: 409,
  RequestInProgress: 409,
  SessionExpired: 401,
  SessionEnded: 401,
  NotSignedIn: 401,
  NetworkError: 502,
  ServiceUnavailable: 503,
  InvalidResponse: 502,
  UnknownError: 500,
  // Cognito's.
  NotAuthorizedException: 401,
  UserNotFoundException: 401,
  TooManyRequestsException: 429,
  LimitExceededException: 429,
  InternalErrorException: 502,
}));

/** Seconds until the client may try again, for the Retry-After header of a 429 the handler decided. */
const retryAfter = new WeakMap<CognitoAuthError, number>();

/** An error the handler raises itself (a bad request, a refused cookie...): named, so its status is in the map. */
export function serverError(
  name: string,
  message: string,
  options: { field?: InvalidInputField; retryAfterSeconds?: number; cause?: unknown } = {},
): CognitoAuthError {
  const error = new CognitoAuthError(name, message, {
    ...(options.field ? { field: options.field } : {}),
    ...(options.cause !== undefined ? { cause: options.cause } : {}),
  });
  if (options.retryAfterSeconds !== undefined) retryAfter.set(error, options.retryAfterSeconds);
  return error;
}

export function retryAfterOf(error: unknown): number | undefined {
  return error instanceof CognitoAuthError ? retryAfter.get(error) : undefined;
}

/**
 * Errors whose own text is the server's business (a socket error, an unexpected exception, what a broken
 * answer held): the browser gets the typed name and these words; the detail goes to the log.
 */
const GENERIC_MESSAGES = new Map<string, string>([
  ['NetworkError', 'The server could not reach Cognito. Try again in a moment.'],
  ['InvalidResponse', 'Cognito sent an answer the server could not read. Try again later.'],
  ['ServiceUnavailable', 'Cognito is not answering at the moment. Try again in a moment.'],
]);
export const SERVER_FAILURE = 'Something went wrong on the server. Try again later.';

/** The error body of every 4xx/5xx: typed, as the browser's `CognitoAuthError`. */
export interface PublicError {
  name: string;
  message: string;
  field?: string;
  retryable: boolean;
}

/**
 * A failure of Cognito or the way to it, as the browser should see it: retryable, with a name it knows. An
 * answer the server could not read (not JSON, fields missing) is `InvalidResponse`, retryable: in server mode
 * it is the upstream's fault (a proxy's error page, a broken answer), never the user's; a 5xx without a
 * Cognito exception name is `ServiceUnavailable`.
 */
export function asFault(error: CognitoAuthError): CognitoAuthError {
  if (error.name === 'InvalidResponse' && !error.retryable) {
    return new CognitoAuthError('InvalidResponse', error.message, { operation: error.operation, retryable: true, cause: error });
  }
  const status = (error.cause as { $metadata?: { httpStatusCode?: unknown } } | undefined)?.$metadata?.httpStatusCode;
  if ((error.name === 'Unknown' || error.name === 'UnknownError') && typeof status === 'number' && status >= 500) {
    return new CognitoAuthError('ServiceUnavailable', `Cognito answered ${status}.`, { operation: error.operation, retryable: true, cause: error });
  }
  return error;
}

/** Whether a failure leaves everything as it was for the browser to try again: a retryable fault. */
export function isFault(error: unknown): boolean {
  return isCognitoAuthError(error) && asFault(error).retryable;
}

/** What the browser may know of an error, its status, and whether its own text stays on the server (then it is logged). */
export function publicError(error: unknown): { status: number; error: PublicError; internal: boolean } {
  const e = isCognitoAuthError(error) ? asFault(error) : new CognitoAuthError('UnknownError', SERVER_FAILURE, { cause: error });
  const status = STATUS_OF.get(e.name) ?? (e.retryable ? 503 : 400);
  const internal = status >= 500 || GENERIC_MESSAGES.has(e.name);
  const message = internal ? (GENERIC_MESSAGES.get(e.name) ?? SERVER_FAILURE) : e.message;
  return { status, internal, error: { name: e.name, message, ...(e.field ? { field: e.field } : {}), retryable: e.retryable } };
}

/** The text of an error and its causes, for the log. */
export function describeError(error: unknown, depth = 0): string {
  if (!(error instanceof Error)) return depth === 0 ? `${typeof error} thrown` : '';
  const code = (error as { code?: unknown }).code;
  const own = `${error.name}: ${error.message}${typeof code === 'string' ? ` (${code})` : ''}`;
  const cause = depth < 3 && error.cause !== undefined ? describeError(error.cause, depth + 1) : '';
  return cause ? `${own}; cause: ${cause}` : own;
}
