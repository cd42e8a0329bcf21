import { isCognitoAuthError } from '../errors.js';

/** How long a resend button waits after a code was sent, in seconds. */
export const RESEND_COOLDOWN_SECONDS = 30;

/**
 * How long to hold off after `error` before letting the user send another request, in seconds: Cognito's
 * rate limits (LimitExceededException: too many codes or attempts; TooManyRequestsException: throttling)
 * are not lifted by trying again at once. 0 for any other error.
 *
 * @example
 * const wait = cooldownAfter(error); // 60 after LimitExceededException
 */
export function cooldownAfter(error: unknown): number {
  if (isCognitoAuthError(error, 'LimitExceededException')) return 60;
  if (isCognitoAuthError(error, ['TooManyRequestsException', 'ThrottlingException'])) return 15;
  return 0;
}
