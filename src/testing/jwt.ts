/**
 * RS256 JSON Web Tokens signed with a key pair the simulator generates with WebCrypto, and the JWKS that
 * publishes its public half (as Cognito serves at `<issuer>/.well-known/jwks.json`).
 */
import { utf8 } from '../core/srp/encoding.js';
import { base64UrlToBytes, base64UrlToText, bytesToBase64Url, bufferSource, textToBase64Url } from './bytes.js';

/** JWT claims: JSON values keyed by claim name. */
export type JwtClaims = Record<string, string | number | boolean | string[]>;

/**
 * A JSON Web Key Set, the body of `/.well-known/jwks.json`.
 *
 * @example
 * const { keys }: JsonWebKeySet = await sim.jwks();
 */
export interface JsonWebKeySet {
  keys: (JsonWebKey & { kid: string; alg: string; use: string })[];
}

export interface TokenSigner {
  /** The key id put in every token header and in the JWKS. */
  readonly kid: string;
  sign(claims: JwtClaims): Promise<string>;
  /** The claims of a token this signer issued, or `undefined` when it is malformed or the signature fails. */
  verify(token: string): Promise<Record<string, unknown> | undefined>;
  jwks(): Promise<JsonWebKeySet>;
}

const ALGORITHM: RsaHashedKeyGenParams = {
  name: 'RSASSA-PKCS1-v1_5',
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: 'SHA-256',
};

/**
 * A signer whose RSA key pair is generated on first use (key generation takes tens of milliseconds, so a
 * simulator that never issues tokens never pays for it).
 */
export function createTokenSigner(kid: string): TokenSigner {
  let keys: Promise<CryptoKeyPair> | undefined;
  const keyPair = () => (keys ??= globalThis.crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']));

  return {
    kid,
    async sign(claims) {
      const { privateKey } = await keyPair();
      const signingInput = `${textToBase64Url(JSON.stringify({ kid, alg: 'RS256' }))}.${textToBase64Url(JSON.stringify(claims))}`;
      const signature = await globalThis.crypto.subtle.sign(ALGORITHM.name, privateKey, bufferSource(utf8(signingInput)));
      return `${signingInput}.${bytesToBase64Url(new Uint8Array(signature))}`;
    },
    async verify(token) {
      const parts = token.split('.');
      if (parts.length !== 3) return undefined;
      const [header, payload, signature] = parts as [string, string, string];
      try {
        const h = JSON.parse(base64UrlToText(header)) as { kid?: unknown; alg?: unknown };
        if (h.kid !== kid || h.alg !== 'RS256') return undefined;
        const { publicKey } = await keyPair();
        const ok = await globalThis.crypto.subtle.verify(
          ALGORITHM.name,
          publicKey,
          bufferSource(base64UrlToBytes(signature)),
          bufferSource(utf8(`${header}.${payload}`)),
        );
        if (!ok) return undefined;
        const claims: unknown = JSON.parse(base64UrlToText(payload));
        return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : undefined;
      } catch {
        return undefined;
      }
    },
    async jwks() {
      const { publicKey } = await keyPair();
      const jwk = await globalThis.crypto.subtle.exportKey('jwk', publicKey);
      return { keys: [{ kty: jwk.kty, e: jwk.e, n: jwk.n, alg: 'RS256', kid, use: 'sig' }] };
    },
  };
}

/** The claims of a JWT, without checking its signature (for reading tokens the simulator issued). */
export function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const claims: unknown = JSON.parse(base64UrlToText(payload));
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
