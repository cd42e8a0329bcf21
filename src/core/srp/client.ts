/**
 * The client side of Cognito's SRP: SRP_A for InitiateAuth / DEVICE_SRP_AUTH, the PASSWORD_VERIFIER and
 * DEVICE_PASSWORD_VERIFIER answers, and the verifier a new device registers with ConfirmDevice.
 *
 * Randomness is injected as `randomBytes(buffer) => bytes` (pass `(b) => crypto.getRandomValues(b)`).
 * Whatever it returns is used as the random value, so a test can force a, salts or device passwords by
 * returning chosen bytes.
 */
import { bytesToBase64 } from './encoding.js';
import { N, bigintFromBytes, bigintFromHex, g, getK, modPow, padBytes } from './math.js';
import { SrpSafetyError, computeSignature, computeU, computeX } from './protocol.js';

/** The client's secret a and public A of one SRP exchange. Keep it for the PASSWORD_VERIFIER answer. */
export interface SrpEphemeral {
  a: bigint;
  A: bigint;
  /** SRP_A as sent on the wire: A.toString(16) */
  srpA: string;
}

/**
 * Draws a and computes A = g^a mod N. Synchronous and a few milliseconds once the generator's table is
 * built (the first call builds it).
 *
 * `a` has 384 random bits, not the reference client's 1024: in the 3072-bit group, recovering a short
 * exponent of 2k bits costs about 2^k steps (Pollard's lambda), and N - 1 = 2q (a safe prime) leaves no
 * small-subgroup shortcut. RFC 5054 (section 2.5.4) asks for at least 256 bits, which match the group's
 * own strength with no margin; RFC 3526 (section 8) asks for somewhat more for groups this size. 384 bits
 * leave a wide margin at no cost where it matters: the password claim's S = (B - kg^x)^(a + ux), the one
 * expensive step once PASSWORD_VERIFIER arrives, has an exponent of about 512 bits either way (u and x
 * are 256-bit hashes), half the reference client's 1024; only A = g^a, computed ahead, takes longer.
 *
 * @example
 * const eph = generateSrpEphemeral((b) => crypto.getRandomValues(b));
 * await initiateAuth({ AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME, SRP_A: eph.srpA } });
 */
export function generateSrpEphemeral(randomBytes: (b: Uint8Array) => Uint8Array): SrpEphemeral {
  for (;;) {
    const a = bigintFromBytes(randomBytes(new Uint8Array(48)));
    const A = modPow(g, a, N);
    // SRP-6a forbids A mod N = 0 (S would be 0 whatever the password). g^a mod a prime never is, but the
    // reference client checks it, and so do we.
    if (A % N !== 0n) return { a, A, srpA: A.toString(16) };
  }
}

/** What a PASSWORD_VERIFIER (or DEVICE_PASSWORD_VERIFIER) challenge gives, plus the client's own values. */
export interface PasswordClaimInput {
  ephemeral: SrpEphemeral;
  /** user pool id part after "_" for users; DeviceGroupKey for devices */
  poolName: string;
  /** USER_ID_FOR_SRP for users; DeviceKey for devices */
  userId: string;
  /** user password, or device password */
  password: string;
  /** SALT as received (may have leading zeros / odd length) */
  saltHex: string;
  /** SRP_B as received */
  srpBHex: string;
  /** SECRET_BLOCK base64 as received */
  secretBlock: string;
  /** formatSrpTimestamp output */
  timestamp: string;
}

/**
 * Computes PASSWORD_CLAIM_SIGNATURE, the proof that the client knows the password, without sending it.
 * Throws {@link SrpSafetyError} when B mod N = 0 or u = 0 (a malicious or broken server).
 *
 * @example
 * const { signature } = await computePasswordClaim({
 *   ephemeral, poolName: 'AbCdEf123', userId: params.USER_ID_FOR_SRP, password,
 *   saltHex: params.SALT, srpBHex: params.SRP_B, secretBlock: params.SECRET_BLOCK,
 *   timestamp: formatSrpTimestamp(new Date()),
 * });
 */
export async function computePasswordClaim(input: PasswordClaimInput): Promise<{ signature: string }> {
  const { ephemeral, poolName, userId } = input;
  // SALT and SRP_B are integers: leading zeros on the wire carry no meaning, pad() works from the value.
  const B = bigintFromHex(input.srpBHex);
  if (B % N === 0n) throw new SrpSafetyError('SRP safety check failed: B mod N is 0');
  const u = await computeU(ephemeral.A, B);
  if (u === 0n) throw new SrpSafetyError('SRP safety check failed: u is 0');

  const x = await computeX(poolName, userId, input.password, bigintFromHex(input.saltHex));
  const k = await getK();
  // B - k*g^x is negative more often than not; the base must be its non-negative residue.
  let base = (B - k * modPow(g, x, N)) % N;
  if (base < 0n) base += N;
  const S = modPow(base, ephemeral.a + u * x, N);

  const signature = await computeSignature({ S, u, poolName, userId, secretBlock: input.secretBlock, timestamp: input.timestamp });
  return { signature: bytesToBase64(signature) };
}

/** A device's secret and the DeviceSecretVerifierConfig that ConfirmDevice registers for it. */
export interface DeviceVerifier {
  /** The device's secret password: store it with the device key, never send it. */
  devicePassword: string;
  /** base64 of padHex(v) bytes */
  passwordVerifier: string;
  /** base64 of padHex(salt) bytes */
  salt: string;
}

/**
 * Creates a remembered device's password and verifier, as amazon-cognito-identity-js does after a
 * sign-in returns NewDeviceMetadata: a 40-byte random password (base64), a 16-byte salt,
 * x = H(pad(salt) | H(groupKey | deviceKey | ":" | password)) and v = g^x mod N.
 *
 * @example
 * const dv = await createDeviceVerifier(meta.DeviceGroupKey, meta.DeviceKey, (b) => crypto.getRandomValues(b));
 * await confirmDevice({ DeviceKey: meta.DeviceKey, DeviceSecretVerifierConfig: { PasswordVerifier: dv.passwordVerifier, Salt: dv.salt } });
 */
export async function createDeviceVerifier(
  deviceGroupKey: string,
  deviceKey: string,
  randomBytes: (b: Uint8Array) => Uint8Array,
): Promise<DeviceVerifier> {
  const devicePassword = bytesToBase64(randomBytes(new Uint8Array(40)));
  const salt = bigintFromBytes(randomBytes(new Uint8Array(16)));
  const x = await computeX(deviceGroupKey, deviceKey, devicePassword, salt);
  const v = modPow(g, x, N);
  return {
    devicePassword,
    passwordVerifier: bytesToBase64(padBytes(v)),
    salt: bytesToBase64(padBytes(salt)),
  };
}
