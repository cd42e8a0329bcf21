/**
 * The account operations a browser in server mode may ask the server to run (`POST /command`): the core's
 * list (the one the SDK transport sends by name), each with what the server adds: the client's id and
 * SECRET_HASH for the public ones, the session's access token for the signed-in ones. Anything else is refused.
 */
import { operationKind } from '../core/shared.js';

/**
 * Whether the browser may ask for `operation`, and whether it needs a session. Own names only:
 * `constructor`, `__proto__` and the other names every object inherits are no operation.
 */
export function allowedCommand(operation: string): { signedIn: boolean } | undefined {
  const kind = operationKind(operation);
  return kind ? { signedIn: kind === 'signedIn' } : undefined;
}

/** After these, the ID token's claims may have changed: the server refreshes the session's tokens. */
export const CHANGES_CLAIMS = new Set(['UpdateUserAttributes', 'VerifyUserAttribute']);

/** Fields the browser may not set: the server's to fill in. */
export const SERVER_FIELDS = ['ClientId', 'SecretHash', 'AccessToken', 'UserPoolId', 'UserContextData', 'ClientSecret'];
