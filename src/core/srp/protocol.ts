/**
 * The steps of Cognito's SRP that client and server share: u, x, the claim key and the claim signature.
 * Byte-for-byte the rules of amazon-cognito-identity-js (`AuthenticationHelper.js`, `CognitoUser.js`).
 */
import { base64ToBytes, concatBytes, utf8 } from './encoding.js';
import { hkdfSha256, hmacSha256, sha256 } from './hash.js';
import { bigintFromBytes, padBytes } from './math.js';

/**
 * Thrown when an SRP safety check fails (B mod N = 0 or u = 0): answering would leak the password
 * verifier, so the exchange must be abandoned. `srpSafetyCheck` lets callers classify it without
 * `instanceof` across bundles.
 *
 * @example
 * try { await computePasswordClaim(input) } catch (e) { if (e instanceof SrpSafetyError) restartSignIn() }
 */
export class SrpSafetyError extends Error {
  readonly srpSafetyCheck = true as const;
  override readonly name = 'SrpSafetyError';
}

/**
 * u = H(pad(A) | pad(B)) as an integer. The hash is read as an unsigned integer, so a digest that starts
 * with zero bytes gives a shorter u (and a shorter pad(u), the HKDF salt).
 */
export async function computeU(A: bigint, B: bigint): Promise<bigint> {
  return bigintFromBytes(await sha256(concatBytes(padBytes(A), padBytes(B))));
}

/**
 * x = H(pad(salt) | H(poolName | userId | ":" | password)). The inner string is concatenated before UTF-8
 * encoding (as the reference client does); the inner digest is used as its raw 32 bytes, unpadded.
 */
export async function computeX(poolName: string, userId: string, password: string, salt: bigint): Promise<bigint> {
  const inner = await sha256(utf8(`${poolName}${userId}:${password}`));
  return bigintFromBytes(await sha256(concatBytes(padBytes(salt), inner)));
}

/**
 * PASSWORD_CLAIM_SIGNATURE bytes: HMAC(HKDF(pad(S), salt = pad(u), "Caldera Derived Key", 16),
 * poolName | userId | SECRET_BLOCK (decoded) | TIMESTAMP). Each string is UTF-8 encoded on its own.
 */
export async function computeSignature(args: {
  S: bigint;
  u: bigint;
  poolName: string;
  userId: string;
  secretBlock: string;
  timestamp: string;
}): Promise<Uint8Array> {
  const key = await hkdfSha256(padBytes(args.S), padBytes(args.u), 'Caldera Derived Key', 16);
  const message = concatBytes(
    utf8(args.poolName),
    utf8(args.userId),
    base64ToBytes(args.secretBlock),
    utf8(args.timestamp),
  );
  return hmacSha256(key, message);
}

