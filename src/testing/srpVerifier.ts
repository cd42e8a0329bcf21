/**
 * The server side of Cognito's SRP, for the simulated user pool: password verifiers, SRP_B, and the check
 * of a PASSWORD_CLAIM_SIGNATURE. It mirrors the service's rules so a claim that passes here passes there.
 *
 * Randomness is injected as `randomBytes(buffer) => bytes`; whatever it returns is used as the value, so
 * tests can force a salt or b by returning chosen bytes (e.g. `() => hexToBytes('00ab...')`).
 */
import { base64ToBytes, bigintFromHex } from '../core/srp/index.js';
import { N, bigintFromBytes, g, getK, modPow } from '../core/srp/math.js';
import { computeSignature, computeU, computeX } from '../core/srp/protocol.js';

/** What the pool stores for a user (or a remembered device) instead of its password. */
export interface UserVerifier {
  /** SALT as the pool sends it: the salt integer in hex, leading zeros dropped (so possibly odd length). */
  saltHex: string;
  /** v = g^x mod N */
  verifier: bigint;
}

/**
 * Creates the verifier a pool keeps for a password: a 16-byte salt and v = g^x with
 * x = H(pad(salt) | H(poolName | userId | ":" | password)). `userId` is the USER_ID_FOR_SRP the pool
 * will send: the internal username, not the email or phone alias a user may sign in with.
 *
 * @example
 * const stored = await createPasswordVerifier('AbCdEf123', 'alice', 'Passw0rd!', (b) => crypto.getRandomValues(b));
 */
export async function createPasswordVerifier(
  poolName: string,
  userId: string,
  password: string,
  randomBytes: (b: Uint8Array) => Uint8Array,
): Promise<UserVerifier> {
  const salt = bigintFromBytes(randomBytes(new Uint8Array(16)));
  const x = await computeX(poolName, userId, password, salt);
  // Sent the way a Java BigInteger prints: no leading zeros, so clients must parse SALT as an integer.
  return { saltHex: salt.toString(16), verifier: modPow(g, x, N) };
}

/**
 * The verifier of a remembered device, from the DeviceSecretVerifierConfig of its ConfirmDevice call
 * (both fields are base64 of padded big-endian integers).
 *
 * @example
 * const device = verifierFromDeviceConfirmation(cfg.PasswordVerifier, cfg.Salt);
 */
export function verifierFromDeviceConfirmation(passwordVerifierB64: string, saltB64: string): UserVerifier {
  return {
    saltHex: bigintFromBytes(base64ToBytes(saltB64)).toString(16),
    verifier: bigintFromBytes(base64ToBytes(passwordVerifierB64)),
  };
}

/** The pool's secret b and public B of one SRP exchange. */
export interface ServerEphemeral {
  b: bigint;
  B: bigint;
  /** B.toString(16) as sent */
  srpBHex: string;
}

/**
 * Draws b (128 random bytes) and computes SRP_B: B = (k*v + g^b) mod N, retrying in the (practically
 * impossible) case B mod N = 0, which a client must refuse.
 *
 * @example
 * const server = await createServerEphemeral(stored.verifier, (b) => crypto.getRandomValues(b));
 * // ChallengeParameters: { SRP_B: server.srpBHex, SALT: stored.saltHex, SECRET_BLOCK, USER_ID_FOR_SRP }
 */
export async function createServerEphemeral(
  verifier: bigint,
  randomBytes: (b: Uint8Array) => Uint8Array,
): Promise<ServerEphemeral> {
  const k = await getK();
  for (;;) {
    const b = bigintFromBytes(randomBytes(new Uint8Array(128)));
    const B = (k * verifier + modPow(g, b, N)) % N;
    if (B !== 0n) return { b, B, srpBHex: B.toString(16) };
  }
}

/** One SRP exchange in progress (PASSWORD_VERIFIER or DEVICE_PASSWORD_VERIFIER), as the server holds it. */
export interface SrpExchange {
  /** The "pool name" and "user id" of the SRP formulas: pool name + username, or group key + device key. */
  poolName: string;
  userId: string;
  verifier: UserVerifier;
  server: ServerEphemeral;
  srpAHex: string;
  secretBlock: string;
}

/**
 * Checks a PASSWORD_CLAIM_SIGNATURE: S = (A * v^u)^b mod N, then the same key and HMAC as the client.
 * Resolves `false` (never throws) for a wrong claim and for inputs Cognito would refuse: A mod N = 0
 * (SRP-6a's host check: such an A makes S = 0 whatever the password), u = 0, malformed hex or base64.
 * Signatures are compared in constant time.
 *
 * @example
 * const ok = await verifyPasswordClaim({ poolName, userId, verifier: stored, server, srpAHex: SRP_A,
 *   secretBlock: PASSWORD_CLAIM_SECRET_BLOCK, timestamp: TIMESTAMP, signature: PASSWORD_CLAIM_SIGNATURE });
 */
export async function verifyPasswordClaim(args: SrpExchange & { timestamp: string; signature: string }): Promise<boolean> {
  let A: bigint;
  let given: Uint8Array;
  try {
    A = bigintFromHex(args.srpAHex);
    given = base64ToBytes(args.signature);
    base64ToBytes(args.secretBlock);
  } catch {
    return false;
  }
  if (A % N === 0n) return false;
  const u = await computeU(A, args.server.B);
  if (u === 0n) return false;

  const { verifier: v } = args.verifier;
  const S = modPow((A % N) * modPow(v, u, N), args.server.b, N);
  const expected = await computeSignature({
    S,
    u,
    poolName: args.poolName,
    userId: args.userId,
    secretBlock: args.secretBlock,
    timestamp: args.timestamp,
  });
  return constantTimeEqual(expected, given);
}

function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
