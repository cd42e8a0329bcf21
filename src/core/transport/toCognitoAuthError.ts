import { CognitoAuthError, type CognitoOperation } from '../errors.js';

/** Service errors worth retrying later: throttling and the service's own failures. */
const RETRYABLE_SERVICE_ERRORS = new Set([
  'TooManyRequestsException',
  'LimitExceededException',
  'InternalErrorException',
  'ThrottlingException',
  'ServiceUnavailable',
]);

/** Node's socket-level error codes: the request never got an answer. */
const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

interface SdkErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  $fault?: unknown;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: number };
  $response?: unknown;
}

/**
 * Converts whatever a transport threw into a {@link CognitoAuthError}, once, by the error's type and
 * shape (never its message). Service exceptions keep their name; failures that never reached the
 * service become `NetworkError` (retryable); anything else is kept as `cause`.
 */
export function toCognitoAuthError(error: unknown, operation: CognitoOperation): CognitoAuthError {
  if (error instanceof CognitoAuthError) return error;
  return convert(error, withoutRawResponse(error), operation);
}

/**
 * The SDK's raw HTTP response leads (through its socket) to the request that was sent, with the password,
 * code or token in it, and the SDK defines it so that it cannot be removed. An error is made to be logged:
 * the cause kept is a copy with only what describes the failure (name, message, `$metadata`, `$fault`).
 */
function withoutRawResponse(error: unknown): unknown {
  if (typeof error !== 'object' || error === null || (error as SdkErrorShape).$response === undefined) return error;
  const source = error as SdkErrorShape & { stack?: unknown };
  const copy = new Error(typeof source.message === 'string' ? source.message : '');
  for (const key of Object.keys(source)) {
    if (key !== '$response') (copy as unknown as Record<string, unknown>)[key] = (source as Record<string, unknown>)[key];
  }
  Object.defineProperty(copy, 'name', { value: source.name, enumerable: false, configurable: true, writable: true });
  if (typeof source.stack === 'string') copy.stack = source.stack;
  return copy;
}

function convert(error: unknown, cause: unknown, operation: CognitoOperation): CognitoAuthError {
  const e = (typeof error === 'object' && error !== null ? error : {}) as SdkErrorShape;
  const name = typeof e.name === 'string' ? e.name : '';
  const message = typeof e.message === 'string' && e.message ? e.message : `${operation} failed`;
  const status = e.$metadata?.httpStatusCode;

  // A modelled or unmodelled service exception: the SDK sets $fault from the HTTP status class.
  if ((e.$fault === 'client' || e.$fault === 'server') && typeof status === 'number' && name) {
    const retryable = RETRYABLE_SERVICE_ERRORS.has(name) || e.$fault === 'server' || Boolean(e.$retryable);
    return new CognitoAuthError(name, message, { operation, retryable, cause });
  }
  if (
    name === 'TimeoutError' ||
    name === 'AbortError' ||
    error instanceof TypeError ||
    (typeof e.code === 'string' && NETWORK_ERROR_CODES.has(e.code)) ||
    (name === 'Error' && e.$response === undefined && status === undefined && typeof e.code === 'string')
  ) {
    return new CognitoAuthError('NetworkError', `${operation} could not reach Cognito: ${message}`, {
      operation,
      retryable: true,
      cause,
    });
  }
  if (e.$response !== undefined || typeof status === 'number') {
    return new CognitoAuthError('InvalidResponse', `${operation} returned an unreadable response: ${message}`, {
      operation,
      retryable: typeof status === 'number' && status >= 500,
      cause,
    });
  }
  return new CognitoAuthError('UnknownError', message, { operation, cause });
}
