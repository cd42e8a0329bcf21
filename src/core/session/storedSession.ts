import type { AuthTokens, AuthUser } from '../types.js';
import { decodeJwtPayload, userFromIdToken, type JwtClaims } from './jwt.js';

// A stored session read back and checked: the part of the session every page loads first (a signed-in
// reload shows the session before the engine's chunk arrives, see peek.ts); the rest is in tokens.ts.

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
export function checkTokens(idClaims: JwtClaims | null, accessClaims: JwtClaims | null, audience: TokenAudience): boolean {
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

/** Parses stored JSON, or `null` for anything that is not an object. */
export function parseStored(raw: string | null): Record<string, unknown> | null {
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The tokens with their expiry on the device's clock: the token's own `exp`, moved by the clock drift. */
export function tokensOf(
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

