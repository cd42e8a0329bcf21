import type { AuthUser } from '../types.js';

/** The claims of a JWT payload, as decoded (values are not verified: Cognito is the only party we trust). */
export type JwtClaims = Record<string, unknown>;

/**
 * Decodes a JWT's payload without verifying it. The tokens come straight from Cognito over TLS; the
 * client only reads them (APIs that receive them must verify them).
 * Returns `null` for anything that is not a three-part JWT with a JSON object payload.
 */
export function decodeJwtPayload(token: string): JwtClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    // base64url without padding, as JWTs are written; atob throws on anything that is not base64.
    const binary = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'));
    const json = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    const claims: unknown = JSON.parse(json);
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims) ? (claims as JwtClaims) : null;
  } catch {
    return null;
  }
}

/** Claims that describe the token rather than the user: not user attributes. */
const TOKEN_CLAIMS = new Set([
  'aud',
  'iss',
  'exp',
  'iat',
  'nbf',
  'auth_time',
  'token_use',
  'event_id',
  'origin_jti',
  'jti',
  'at_hash',
  'nonce',
  'client_id',
  'scope',
  'username',
  'device_key',
]);

/** The user as the ID token describes them (attributes as strings, like GetUser returns them). */
export function userFromIdToken(claims: JwtClaims): AuthUser | null {
  const sub = claims.sub;
  const username = claims['cognito:username'] ?? claims.username;
  if (typeof sub !== 'string' || typeof username !== 'string') return null;
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(claims)) {
    if (TOKEN_CLAIMS.has(key) || key.startsWith('cognito:')) continue;
    if (typeof value === 'string') attributes[key] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') attributes[key] = String(value);
  }
  return { username, sub, attributes };
}
