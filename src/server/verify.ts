import { CognitoJwtVerifier, JwtVerifier } from 'aws-jwt-verify';
import type { Jwks } from 'aws-jwt-verify/jwk';

export interface AccessTokenClaims {
  sub: string;
  username: string;
  client_id: string;
  token_use: 'access';
  scope?: string;
  exp: number;
  iat: number;
  'cognito:groups'?: string[];
  [claim: string]: unknown;
}

/**
 * Verifies access tokens on your own APIs with aws-jwt-verify (AWS's library for Cognito tokens): the
 * signature against the pool's JWKS (fetched once, cached), the issuer, `token_use: access`, the app
 * client, and the expiry. `issuer`, `jwksUri` and `jwks` are for a local emulator; Cognito's come from the id.
 *
 * @example
 * const verifier = createAccessTokenVerifier({ userPoolId: 'eu-west-1_AbC123', clientId: '1example23456789' });
 * const claims = await verifier.verify(accessToken); // throws when the token is not valid
 */
export function createAccessTokenVerifier(options: {
  userPoolId: string;
  clientId: string;
  issuer?: string;
  jwksUri?: string;
  /** The JWKS itself, when it cannot be fetched over HTTPS (a local emulator on http://). */
  jwks?: Jwks;
}) {
  if (options.issuer) {
    const verifier = JwtVerifier.create({
      issuer: options.issuer,
      audience: null,
      ...(options.jwksUri ? { jwksUri: options.jwksUri } : {}),
      customJwtCheck: ({ payload }) => {
        if (payload.token_use !== 'access') throw new Error('Not an access token.');
        if (payload.client_id !== options.clientId) throw new Error('The token is for another app client.');
      },
    });
    if (options.jwks) verifier.cacheJwks(options.jwks);
    return { verify: async (token: string) => (await verifier.verify(token)) as unknown as AccessTokenClaims };
  }
  const verifier = CognitoJwtVerifier.create({ userPoolId: options.userPoolId, tokenUse: 'access', clientId: options.clientId });
  return { verify: async (token: string) => (await verifier.verify(token)) as unknown as AccessTokenClaims };
}
