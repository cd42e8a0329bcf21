import type { AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoAuthError } from '../errors.js';
import type { AuthTokens, AuthUser } from '../types.js';
import { decodeJwtPayload, userFromIdToken, type JwtClaims } from './jwt.js';
import { parseStored } from './storage.js';

/** A session as the store keeps it: the tokens, the user they describe, and the device they are bound to. */
export interface Session {
  tokens: AuthTokens;
  user: AuthUser;
  /** Device clock minus the token's clock, in ms (`receivedAt - iat`): what corrects `exp` for skew. */
  clockDrift: number;
  /** The DEVICE_KEY these tokens were issued to: refreshing them must send it. */
  deviceKey: string | undefined;
  /** What the user typed to sign in (username or alias): remembered-device credentials are kept under it. */
  signInName: string;
}

/** Who may hold tokens in this store: the app client and user pool they must have been issued for. */
export interface TokenAudience {
  clientId: string;
  userPoolId: string;
  /**
   * The exact `iss` the tokens must carry (a server knows its pool's issuer). Without it, the pool's own
   * rule applies (see `poolIssuer`): exactly Cognito's issuer, or for an emulator's `local_` pool, its id.
   */
  issuer?: string;
}

/**
 * Whether `iss` is the pool's issuer: exactly Cognito's, `https://cognito-idp.<region>.amazonaws.com/<userPoolId>`
 * (the region is the pool id's part before `_`), never something that merely ends in the pool id. The one
 * exception is the local emulator: cognito-local names its pools `local_...` (an id Cognito never gives)
 * and signs as `http://<its own host>:<its own port>/<userPoolId>`, an address the client cannot know (a
 * port mapping or `localhost` for `127.0.0.1` changes it), so for those pools the id must end the issuer.
 */
const poolIssuer = (iss: string, pool: string) =>
  iss === `https://cognito-idp.${pool.split('_')[0]}.amazonaws.com/${pool}` || (pool.startsWith('local_') && iss.endsWith(`/${pool}`));

/**
 * Checks that the tokens belong to this app client and pool, and to one user: a value in storage written
 * by another app, another pool, or tampered with, is not trusted.
 */
function checkTokens(idClaims: JwtClaims | null, accessClaims: JwtClaims | null, audience: TokenAudience): boolean {
  if (!idClaims || !accessClaims) return false;
  // A server that knows its pool's exact issuer (the `issuer` option, or its emulator endpoint) gives it;
  // otherwise the pool's own rule (exactly Cognito's, or for an emulator's local_ pool, ending in its id).
  const issuer = (claims: JwtClaims) =>
    typeof claims.iss === 'string' && (audience.issuer !== undefined ? claims.iss === audience.issuer : poolIssuer(claims.iss, audience.userPoolId));
  return (
    idClaims.token_use === 'id' &&
    accessClaims.token_use === 'access' &&
    idClaims.aud === audience.clientId &&
    accessClaims.client_id === audience.clientId &&
    issuer(idClaims) &&
    issuer(accessClaims) &&
    typeof accessClaims.exp === 'number'
  );
}

/**
 * Whether the ID and access tokens were issued for this app client and pool (and by `audience.issuer`
 * exactly, when given), for a session read back from somewhere it could have been written by another app.
 *
 * @example
 * tokensBelongTo(session.tokens, { userPoolId, clientId, issuer: `https://cognito-idp.${region}.amazonaws.com/${userPoolId}` });
 */
export function tokensBelongTo(tokens: { idToken: string; accessToken: string }, audience: TokenAudience): boolean {
  return checkTokens(decodeJwtPayload(tokens.idToken), decodeJwtPayload(tokens.accessToken), audience);
}

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

/** The tokens with their expiry on the device's clock: the token's own `exp`, moved by the clock drift. */
function tokensOf(
  accessToken: string,
  idToken: string,
  refreshToken: string | undefined,
  accessClaims: JwtClaims,
  clockDrift: number,
  tokenType: string | undefined,
): AuthTokens {
  return {
    accessToken,
    idToken,
    ...(refreshToken ? { refreshToken } : {}),
    expiresAt: (accessClaims.exp as number) * 1000 + clockDrift,
    tokenType: tokenType ?? 'Bearer',
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

/**
 * Reads a stored session back, or `null` when the value is corrupt, of another format, for another app
 * client, pool or user: such a value is discarded, never trusted.
 */
export function deserializeSession(raw: string | null, username: string, audience: TokenAudience): Session | null {
  const value = parseStored(raw);
  if (!value || value.v !== 1) return null;
  const { accessToken, idToken, refreshToken, tokenType, clockDrift, deviceKey, signInName } = value;
  if (typeof signInName !== 'string' || signInName === '') return null;
  if (typeof accessToken !== 'string' || typeof idToken !== 'string' || typeof clockDrift !== 'number') return null;
  if (!Number.isFinite(clockDrift) || (refreshToken !== undefined && typeof refreshToken !== 'string')) return null;
  if (deviceKey !== undefined && typeof deviceKey !== 'string') return null;
  const idClaims = decodeJwtPayload(idToken);
  const accessClaims = decodeJwtPayload(accessToken);
  const user = idClaims ? userFromIdToken(idClaims) : null;
  if (!user || user.username !== username || value.username !== username || !checkTokens(idClaims, accessClaims, audience)) {
    return null;
  }
  return {
    tokens: tokensOf(accessToken, idToken, refreshToken, accessClaims as JwtClaims, clockDrift, typeof tokenType === 'string' ? tokenType : undefined),
    user,
    clockDrift,
    deviceKey,
    signInName,
  };
}

/** Whether two users are the same in every field: a refresh that changes nothing keeps the old object. */
export function sameUser(a: AuthUser | null, b: AuthUser): boolean {
  if (!a || a.username !== b.username || a.sub !== b.sub) return false;
  const keys = Object.keys(a.attributes);
  return keys.length === Object.keys(b.attributes).length && keys.every((k) => a.attributes[k] === b.attributes[k]);
}
