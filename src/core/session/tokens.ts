import type { AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoAuthError } from '../errors.js';
import type { AuthUser } from '../types.js';
import { decodeJwtPayload, userFromIdToken, type JwtClaims } from './jwt.js';
import { checkTokens, tokensOf, type Session, type TokenAudience } from './storedSession.js';

export { deserializeSession, tokensBelongTo } from './storedSession.js';
export type { Session, TokenAudience } from './storedSession.js';

/**
 * The device-clock drift of a token that arrived at `receivedAt`, from its `iat` (or `ExpiresIn`): the
 * expiry is then `exp` plus the drift, so a device clock minutes off makes a fresh token neither expired
 * nor an expired one fresh.
 */
export function clockDriftOf(accessClaims: JwtClaims, receivedAt: number, expiresIn: number | undefined): number | null {
  const { exp, iat } = accessClaims;
  if (typeof exp !== 'number') return null;
  if (typeof iat === 'number' && exp > iat) return receivedAt - iat * 1000;
  if (typeof expiresIn === 'number' && expiresIn > 0) return receivedAt + expiresIn * 1000 - exp * 1000;
  return null;
}

/**
 * A session from an AuthenticationResult (sign-in or refresh). A refresh brings no refresh token (unless
 * the client rotates them): `previous` supplies it and the device binding.
 */
export function sessionFromResult(
  result: AuthenticationResultType,
  receivedAt: number,
  audience: TokenAudience,
  previous: { refreshToken?: string | undefined; deviceKey: string | undefined; signInName: string },
): Session {
  const { AccessToken: accessToken, IdToken: idToken } = result;
  const idClaims = idToken ? decodeJwtPayload(idToken) : null;
  const accessClaims = accessToken ? decodeJwtPayload(accessToken) : null;
  const user = idClaims ? userFromIdToken(idClaims) : null;
  const clockDrift = accessClaims ? clockDriftOf(accessClaims, receivedAt, result.ExpiresIn) : null;
  if (!accessToken || !idToken || !user || clockDrift === null || !checkTokens(idClaims, accessClaims, audience)) {
    throw new CognitoAuthError('InvalidResponse', 'Cognito sent tokens this client cannot read.');
  }
  const newDevice = result.NewDeviceMetadata;
  return {
    tokens: {
      ...tokensOf(accessToken, idToken, result.RefreshToken ?? previous.refreshToken, accessClaims as JwtClaims, clockDrift, result.TokenType),
      ...(newDevice?.DeviceKey && newDevice.DeviceGroupKey
        ? { newDeviceMetadata: { deviceKey: newDevice.DeviceKey, deviceGroupKey: newDevice.DeviceGroupKey } }
        : {}),
    },
    user,
    clockDrift,
    // Cognito binds the tokens to the device key it issued with them: refreshes must send it, confirmed or
    // not ("you must provide the device key ... whether you specified it or received a new key").
    deviceKey: previous.deviceKey ?? newDevice?.DeviceKey,
    signInName: previous.signInName,
  };
}

/** What is written to storage. Versioned, so a later format can tell an old value from a foreign one. */
export function serializeSession(session: Session): string {
  const { tokens } = session;
  return JSON.stringify({
    v: 1,
    username: session.user.username,
    accessToken: tokens.accessToken,
    idToken: tokens.idToken,
    refreshToken: tokens.refreshToken,
    tokenType: tokens.tokenType,
    clockDrift: session.clockDrift,
    deviceKey: session.deviceKey,
    signInName: session.signInName,
  });
}

/** Whether two users are the same in every field: a refresh that changes nothing keeps the old object. */
export function sameUser(a: AuthUser | null, b: AuthUser): boolean {
  if (!a || a.username !== b.username || a.sub !== b.sub) return false;
  const keys = Object.keys(a.attributes);
  return keys.length === Object.keys(b.attributes).length && keys.every((k) => a.attributes[k] === b.attributes[k]);
}
