import { CodeMismatchException, CognitoIdentityProviderServiceException } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { CognitoAuthError } from '../../../src/core/errors';
import { toCognitoAuthError } from '../../../src/core/transport/toCognitoAuthError';

const meta = (status: number) => ({ httpStatusCode: status, attempts: 1, totalRetryDelay: 0 });

describe('toCognitoAuthError', () => {
  it('keeps the service exception name and the operation, and is not retryable for user errors', () => {
    const sdk = new CodeMismatchException({ message: 'Invalid code received for user', $metadata: meta(400) });
    const e = toCognitoAuthError(sdk, 'RespondToAuthChallenge');
    expect(e).toMatchObject({ name: 'CodeMismatchException', operation: 'RespondToAuthChallenge', retryable: false, cause: sdk });
  });

  it('keeps no raw HTTP response in the cause: it leads to the request, with its secrets', () => {
    const sdk = new CodeMismatchException({ message: 'Invalid code received for user', $metadata: meta(400) });
    Object.defineProperty(sdk, '$response', { value: { body: 'request with SMS_MFA_CODE=123456' }, enumerable: false, configurable: false });
    const e = toCognitoAuthError(sdk, 'RespondToAuthChallenge');
    expect(e.cause).toMatchObject({ name: 'CodeMismatchException', message: 'Invalid code received for user', $metadata: meta(400) });
    expect(e.cause).not.toHaveProperty('$response');
    expect(e).toMatchObject({ name: 'CodeMismatchException', retryable: false });
  });

  it.each([
    ['TooManyRequestsException', 400, true],
    ['LimitExceededException', 400, true],
    ['InternalErrorException', 500, true],
    ['NotAuthorizedException', 400, false],
    ['SomeFutureException', 400, false],
  ])('%s (HTTP %i) retryable: %s', (name, status, retryable) => {
    const sdk = new CognitoIdentityProviderServiceException({ name, $fault: status >= 500 ? 'server' : 'client', message: 'm', $metadata: meta(status) });
    expect(toCognitoAuthError(sdk, 'InitiateAuth')).toMatchObject({ name, retryable });
  });

  it.each([
    ['a fetch failure', new TypeError('Failed to fetch')],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9229'), { code: 'ECONNREFUSED' })],
    ['a timeout', Object.assign(new Error('timed out'), { name: 'TimeoutError' })],
  ])('turns %s into a retryable NetworkError', (_what, error) => {
    expect(toCognitoAuthError(error, 'InitiateAuth')).toMatchObject({ name: 'NetworkError', retryable: true, operation: 'InitiateAuth' });
  });

  it('passes a CognitoAuthError through unchanged', () => {
    const e = new CognitoAuthError('InvalidInput', 'x');
    expect(toCognitoAuthError(e, 'InitiateAuth')).toBe(e);
  });

  it('keeps anything else as the cause of an UnknownError', () => {
    const weird = { what: 'is this' };
    expect(toCognitoAuthError(weird, 'InitiateAuth')).toMatchObject({ name: 'UnknownError', cause: weird });
  });
});
